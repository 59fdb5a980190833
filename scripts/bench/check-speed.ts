/**
 * `npm run bench:check` — times `npm run check` on a generated library the
 * size and shape of the real one (3,616 files, ~95 MB). Prints the median
 * wall time of three runs, ms per file and peak RSS. Target: ≤ 3 s.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { generateLibrary } from './generate.ts';

const COUNT = Number(process.env['BENCH_COUNT'] ?? 3616);
const dir = join('.bench', `check-${String(COUNT)}`);
if (!existsSync(dir)) await generateLibrary(dir, COUNT);
const files = await readdir(dir);
let bytes = 0;
for (const file of files) bytes += (await stat(join(dir, file))).size;

const runs = [1, 2, 3].map(() => {
  const started = performance.now();
  // GNU time reports the peak resident set size (KB) of the whole process, worker threads included.
  const child = spawnSync(
    '/usr/bin/time',
    ['-f', 'maxrss %M', process.execPath, 'scripts/check.js'],
    { env: { ...process.env, PATTERNS_DIR: dir }, encoding: 'utf8', maxBuffer: 1 << 28 },
  );
  const wall = performance.now() - started;
  const rss = Number(/maxrss (\d+)/.exec(child.stderr)?.[1] ?? 0) / 1024;
  const summary = child.stdout.trim().split('\n').at(-1) ?? '';
  return { wall, rss, summary };
});
runs.sort((a, b) => a.wall - b.wall);
const median = runs[1] ?? runs[0];
if (!median) throw new Error('no run');
console.log(`library: ${String(files.length)} files, ${(bytes / 1e6).toFixed(1)} MB`);
console.log(
  `check: ${(median.wall / 1000).toFixed(2)} s median of 3 (${(median.wall / files.length).toFixed(3)} ms/file), peak RSS ${median.rss.toFixed(0)} MB`,
);
console.log(`output: ${median.summary}`);
