import { dev } from 'astro';
const t0 = performance.now();
const server = await dev({ root: process.cwd(), server: { port: 4398 }, logLevel: 'info' });
console.log('ready', ((performance.now() - t0) / 1000).toFixed(2));
const url = `http://localhost:4398/patterns/${process.argv[2]}/`;
for (;;) {
  const r = await fetch(url).catch(() => undefined);
  if (r?.status === 200) { await r.text(); break; }
  await new Promise((r) => setTimeout(r, 50));
}
console.log('first page', ((performance.now() - t0) / 1000).toFixed(2));
if (process.argv[3]) {
  const fs = await import('node:fs');
  const word = 'zzz' + Date.now();
  const t1 = performance.now();
  fs.appendFileSync(process.argv[3], `\n\n${word}\n`);
  for (;;) {
    const r = await fetch(url).catch(() => undefined);
    if (r?.status === 200 && (await r.text()).includes(word)) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  console.log('edit', ((performance.now() - t1) / 1000).toFixed(2));
}
await server.stop();
process.exit(0);
