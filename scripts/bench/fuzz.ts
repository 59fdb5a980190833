/**
 * `npm run bench:fuzz [-- RUNS [SEED]]` — the long run of the fuzz test (tests/fuzz.test.ts):
 * mutations of the reference pattern through the check and, when accepted, every output.
 * Prints its seed first (pass it back to reproduce a run), then how many files were accepted
 * and refused and the slowest file. Default: 5,000 runs.
 */
import fc from 'fast-check';
import { checkProperty, mutatedPattern } from '../lib/fuzz.ts';

const runs = Number(process.argv[2] ?? 5_000);
const seed = Number(process.argv[3] ?? Date.now() % 2 ** 31);
console.log(
  `seed ${String(seed)}, ${String(runs)} runs (reproduce: npm run bench:fuzz -- ${String(runs)} ${String(seed)})`,
);

const outcomes = { accepted: 0, refused: 0 };
let slowest = { ms: 0, bytes: 0 };
const started = performance.now();
await fc.assert(
  fc.asyncProperty(mutatedPattern, async (text) => {
    const start = performance.now();
    outcomes[await checkProperty(text)] += 1;
    const ms = performance.now() - start;
    if (ms > slowest.ms) slowest = { ms, bytes: Buffer.byteLength(text) };
  }),
  { numRuns: runs, seed },
);
const total = (performance.now() - started) / 1000;
console.log(
  `${String(outcomes.accepted)} accepted, ${String(outcomes.refused)} refused in ${total.toFixed(1)} s; slowest file ${slowest.ms.toFixed(0)} ms (${String(slowest.bytes)} bytes)`,
);
