/**
 * `npm run bench:check` — times `npm run check` (`node scripts/check.js`, without npm's own
 * start) on a generated library the size and shape of the real one (3,616 files, ~95 MB): three
 * runs cold (`PATTERNS_CHECK_CACHE=off`: every file read and checked) and three warm (a check
 * cache filled by a first run, unchanged library). Prints the median wall time of each, with
 * CPU time, peak RSS and the machine's load average at the start, which the figures depend on
 * (other work on the machine stretches wall times). Target: ≤ 3 s cold on 2 cores.
 *
 * Last measured (README, "Speed"): cold 11.3 s (11.5 s of CPU; before the check-speed work 17.4 s
 * of CPU), warm 1.05 s (1.5 s of CPU), at a load average of 3.6 on the shared 2-core machine.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateLibrary } from './generate.ts';

const COUNT = Number(process.env['BENCH_COUNT'] ?? 3616);
const dir = join('.bench', `check-${String(COUNT)}`);
if (!existsSync(dir)) await generateLibrary(dir, COUNT);
const files = await readdir(dir);
let bytes = 0;
for (const file of files) bytes += (await stat(join(dir, file))).size;

interface Run {
  readonly wall: number;
  readonly cpu: number;
  readonly rss: number;
  readonly summary: string;
}

/** One `check` run; GNU time reports CPU seconds and the peak RSS (KB) of the whole process. */
function run(cache: string): Run {
  const started = performance.now();
  const child = spawnSync(
    '/usr/bin/time',
    ['-f', 'cpu %U %S maxrss %M', process.execPath, 'scripts/check.js'],
    {
      env: { ...process.env, PATTERNS_DIR: dir, PATTERNS_CHECK_CACHE: cache },
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    },
  );
  const wall = performance.now() - started;
  const [, user = '0', system = '0', rss = '0'] =
    /cpu ([\d.]+) ([\d.]+) maxrss (\d+)/.exec(child.stderr) ?? [];
  const summary = child.stdout.trim().split('\n').at(-1) ?? '';
  return { wall, cpu: Number(user) + Number(system), rss: Number(rss) / 1024, summary };
}

/** The run of median wall time among three. */
function median(runs: Run[]): Run {
  const sorted = [...runs].sort((a, b) => a.wall - b.wall);
  const middle = sorted[1] ?? sorted[0];
  if (!middle) throw new Error('no run');
  return middle;
}

const describe = (what: string, { wall, cpu, rss }: Run): string =>
  `${what}: ${(wall / 1000).toFixed(2)} s median of 3 (${(wall / files.length).toFixed(3)} ms/file), ${cpu.toFixed(1)} s CPU, peak RSS ${rss.toFixed(0)} MB`;

const [load = 0] = loadavg();
console.log(
  `library: ${String(files.length)} files, ${(bytes / 1e6).toFixed(1)} MB; load average ${load.toFixed(2)}`,
);
const cold = median([1, 2, 3].map(() => run('off')));
console.log(describe('check, cold', cold));
const cacheDir = mkdtempSync(join(tmpdir(), 'bench-check-cache-'));
const cacheFile = join(cacheDir, 'results.json');
run(cacheFile);
const warm = median([1, 2, 3].map(() => run(cacheFile)));
rmSync(cacheDir, { recursive: true, force: true });
console.log(describe('check, warm cache', warm));
console.log(`output: ${cold.summary}`);
if (warm.summary !== cold.summary) console.log(`output with the cache differs: ${warm.summary}`);
