/**
 * `npm run bench:dev [-- <patterns folder>]` — times the live preview on a library (default
 * `$PATTERNS_DIR`, else `patterns/`): starts `astro dev` on a copy of the folder (the copy is
 * edited, never the original; in the system's temporary folder), times until the first pattern page answers 200, then appends a
 * word to that pattern's file and times until the page shows it.
 * Targets (2 cores, the whole real library): first page ≤ 10 s, an edit shown ≤ 1 s after save.
 */
import { spawn } from 'node:child_process';
import { appendFile, cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const source = resolve(process.argv[2] ?? process.env['PATTERNS_DIR'] ?? 'patterns');
// Outside the project: the dev server does not watch .bench/ (astro.config.mjs).
const copy = await mkdtemp(join(tmpdir(), 'dev-bench-'));
const PORT = 4399;
const POLL_MS = 50;
const TIMEOUT_MS = 300_000;

await cp(source, copy, { recursive: true });

/** The first file, by name, in the v7.1 format (the older format has no lens labels). */
async function firstPattern(): Promise<string> {
  for (const name of (await readdir(copy)).filter((n) => n.endsWith('.md')).sort()) {
    if (/^context_labels:/m.test(await readFile(join(copy, name), 'utf8'))) return name;
  }
  throw new Error(`no v7.1 pattern in ${source}`);
}
const file = await firstPattern();
const url = `http://localhost:${String(PORT)}/patterns/${basename(file, '.md')}/`;

/** Polls `url` until `ready` holds for its answer; milliseconds since `since`. */
async function until(ready: (status: number, text: string) => boolean, since: number) {
  while (performance.now() - since < TIMEOUT_MS) {
    const { status, text } = await fetch(url).then(
      async (response) => ({ status: response.status, text: await response.text() }),
      () => ({ status: 0, text: '' }),
    );
    if (ready(status, text)) return performance.now() - since;
    await sleep(POLL_MS);
  }
  throw new Error(`${url}: nothing after ${String(TIMEOUT_MS / 1000)} s`);
}

const started = performance.now();
const server = spawn('npx', ['--no-install', 'astro', 'dev', '--port', String(PORT)], {
  env: {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    PATTERNS_DIR: copy,
    PATTERNS_ON_ERROR: 'skip',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
  detached: true,
});
try {
  const first = await until((status) => status === 200, started);
  console.log(`${file}: first page served ${(first / 1000).toFixed(1)} s after start`);
  const word = `zzdevbench${String(Date.now())}`;
  const saved = performance.now();
  await appendFile(join(copy, file), `\n\n${word}\n`);
  const shown = await until((status, text) => status === 200 && text.includes(word), saved);
  console.log(`edit shown ${(shown / 1000).toFixed(2)} s after the file was saved`);
} finally {
  if (server.pid !== undefined) process.kill(-server.pid, 'SIGTERM');
  await rm(copy, { recursive: true, force: true });
}
