/**
 * `npm run bench` — times the full build (`scripts/build.ts`: Astro, then the
 * sharded Pagefind index, then the swap) on generated libraries shaped like
 * the real one. Sizes: arguments or `BENCH_SIZES` (default `1000,5000,3616m`); a size ending in
 * `m` is a library mixing both formats in the real proportions (57 % v7.1, 43 % older).
 *
 * Per size, a clean build (no earlier output to replace, no kept reads): wall time, ms per
 * pattern, peak RSS and output sizes; then
 * t(largest)/t(smallest). Peak RSS is measured two ways, both over the whole
 * process tree (Node and the Pagefind binary it spawns):
 * - `max process`: GNU time's maxrss, the largest single process of the tree;
 * - `tree`: the sum of VmRSS over the tree, sampled every 500 ms from /proc.
 * Targets (2 cores): 5,000 patterns in ≤ 150 s, peak ≤ 2.5 GB, ratio ≤ 5.5.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { BUILD_ARGS } from '../lib/build-command.ts';
import { generateLibrary, OLDER_SHARE } from './generate.ts';
import { PATHS } from '../../src/model/urls.ts';

/** A library to build: its size and whether it mixes in older-format files. */
interface Size {
  readonly count: number;
  readonly mixed: boolean;
}

const sizes: Size[] = (
  process.argv.length > 2
    ? process.argv.slice(2)
    : (process.env['BENCH_SIZES'] ?? '1000,5000,3616m').split(',')
).flatMap((arg) => {
  const count = Number(arg.replace(/m$/, ''));
  return Number.isInteger(count) && count > 0 ? [{ count, mixed: arg.endsWith('m') }] : [];
});

/** Bytes and files below `dir`. */
async function sizeOf(dir: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  if (!existsSync(dir)) return { bytes, files };
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
    files += 1;
  }
  return { bytes, files };
}

/** Sum of VmRSS (KB) of `root` and all its descendants, from /proc. */
async function treeRss(root: number): Promise<number> {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of await readdir('/proc').catch(() => [])) {
    if (!/^\d+$/.test(name)) continue;
    const status = await readFile(`/proc/${name}/status`, 'utf8').catch(() => '');
    const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? -1);
    rss.set(Number(name), Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0));
    children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
  }
  let total = 0;
  const stack = [root];
  for (let pid = stack.pop(); pid !== undefined; pid = stack.pop()) {
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

interface Run extends Size {
  readonly wall: number;
  readonly maxProcessMb: number;
  readonly treeMb: number;
  readonly dist: { bytes: number; files: number };
  readonly index: { bytes: number; files: number };
  readonly summary: string;
}

async function bench({ count, mixed }: Size): Promise<Run> {
  const name = `site-${String(count)}${mixed ? '-mixed' : ''}`;
  const library = join('.bench', name);
  if (!existsSync(library)) {
    console.log(`generating ${String(count)} patterns into ${library} …`);
    await generateLibrary(library, count, 1, mixed ? OLDER_SHARE : 0);
  }
  const out = join('.bench', `${name}-dist`);
  // A clean build: an earlier output would add its removal (about 0.4 ms a file) to the swap.
  await rm(out, { recursive: true, force: true });
  const started = performance.now();
  const child = spawn('/usr/bin/time', ['-f', 'maxrss %M', process.execPath, ...BUILD_ARGS], {
    // A clean build: no reads kept from an earlier one (src/model/load-site.ts).
    env: { ...process.env, PATTERNS_DIR: library, BUILD_OUT_DIR: out, PATTERNS_SITE_CACHE: 'off' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let treeKb = 0;
  const sampler = setInterval(() => {
    if (child.pid === undefined) return;
    void treeRss(child.pid).then((kb) => {
      treeKb = Math.max(treeKb, kb);
    });
  }, 500);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(sampler);
  const wall = performance.now() - started;
  if (code !== 0)
    throw new Error(`build of ${String(count)} patterns failed:\n${stdout}\n${stderr}`);
  return {
    count,
    mixed,
    wall,
    maxProcessMb: Number(/maxrss (\d+)/.exec(stderr)?.[1] ?? 0) / 1024,
    treeMb: treeKb / 1024,
    dist: await sizeOf(out),
    index: await sizeOf(join(out, PATHS.pagefind)),
    summary: stdout.trim().split('\n').at(-1) ?? '',
  };
}

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;
const runs: Run[] = [];
for (const size of sizes) {
  const run = await bench(size);
  const { count } = run;
  if (!run.mixed) runs.push(run);
  console.log(
    `${String(count)} patterns${run.mixed ? ' (57 % v7.1, 43 % older)' : ''}: ${(run.wall / 1000).toFixed(1)} s (${(run.wall / count).toFixed(1)} ms/pattern), ` +
      `peak RSS ${run.maxProcessMb.toFixed(0)} MB max process / ${run.treeMb.toFixed(0)} MB tree, ` +
      `dist ${mb(run.dist.bytes)} in ${String(run.dist.files)} files, index ${mb(run.index.bytes)} in ${String(run.index.files)} files`,
  );
  console.log(`  ${run.summary}`);
}
const [first, last] = [runs[0], runs.at(-1)];
if (first && last && first !== last) {
  console.log(
    `t(${String(last.count)})/t(${String(first.count)}) = ${(last.wall / first.wall).toFixed(2)} ` +
      `(${String(last.count / first.count)}× the patterns)`,
  );
}
