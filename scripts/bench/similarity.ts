/**
 * `node scripts/bench/similarity.ts [COUNT=5000] [DIR]` — cost of the text-similarity pass
 * (src/lib/similarity.ts): term counts of every pattern, then the top five neighbours of each.
 * Reads DIR when given (e.g. the real library), else a generated library of COUNT patterns
 * (scripts/bench/generate.ts). Prints CPU and wall time of each step and the heap and RSS they
 * add. Timings vary with the machine's load: run it on a quiet machine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadLibrary } from '../../src/lib/load.ts';
import { patternText } from '../../src/lib/pattern-text.ts';
import { duplicatePairs, similarPatterns, termDocument } from '../../src/lib/similarity.ts';
import { generateLibrary } from './generate.ts';

const count = Number(process.argv[2] ?? 5000);
const given = process.argv[3];
const dir = given ?? mkdtempSync(join(tmpdir(), 'bench-similarity-'));
if (given === undefined) await generateLibrary(dir, count);
const { patterns } = await loadLibrary([dir]);
if (given === undefined) rmSync(dir, { recursive: true, force: true });

/** Runs `step`, printing its CPU and wall time and the memory it leaves in use. */
function measure<T>(name: string, step: () => T): T {
  globalThis.gc?.();
  const before = process.memoryUsage();
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = step();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const after = process.memoryUsage();
  const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MB`;
  console.log(
    `${name}: ${(wall / 1000).toFixed(2)} s wall, ${((used.user + used.system) / 1e6).toFixed(2)} s CPU, ` +
      `heap +${mb(after.heapUsed - before.heapUsed)}, RSS +${mb(after.rss - before.rss)}`,
  );
  return result;
}

console.log(
  `${String(patterns.length)} patterns${given === undefined ? ' (generated)' : ` in ${given}`}`,
);
const documents = measure('term counts', () =>
  patterns.map((pattern) => termDocument(patternText(pattern))),
);
const neighbours = measure('top five neighbours', () => similarPatterns(documents));
const pairs = measure('near-duplicate pairs', () => duplicatePairs(documents, neighbours));
const alone = [...neighbours.values()].filter((list) => list.length === 0).length;
console.log(
  `${String(pairs.length)} near-duplicate pairs; ${String(alone)} patterns without a neighbour`,
);
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
