/**
 * `node scripts/bench/health.ts [DIR=patterns]` — cost of the library's health (the numbers of
 * `/health/` and `/api/health.json`, src/lib/exports/health.ts) and of the contributor index
 * (src/model/contributors.ts), on a library already loaded as a build loads it. Prints the CPU and
 * wall time of each (the median of five runs) and a few of the numbers. Timings vary with the
 * machine's load: run it on a quiet machine.
 */
import { lastChangedDates } from '../../src/lib/last-changed.ts';
import { libraryHealth } from '../../src/lib/exports/health.ts';
import { contributorIndex } from '../../src/model/contributors.ts';
import { healthPage } from '../../src/model/health.ts';
import { buildLibraryModel } from '../../src/model/library-model.ts';
import { loadSite } from '../../src/model/load-site.ts';

const dir = process.argv[2] ?? 'patterns';
const site = await loadSite(dir);
const stored = site.patterns.map(({ stored: pattern }) => pattern);
const library = buildLibraryModel(
  stored,
  undefined,
  new Map(site.patterns.map(({ stored: pattern, similar }) => [pattern.slug, similar])),
);
const changed = await lastChangedDates(
  dir,
  stored.map(({ file }) => file),
);
const dates = new Map(stored.map(({ slug, file }) => [slug, changed(file)]));
const updated = (slug: string): string => dates.get(slug) ?? '';

/** Runs `step` five times, printing the median CPU and wall time; returns its last result. */
function measure<T>(name: string, step: () => T): T {
  const runs: { wall: number; cpu: number; result: T }[] = [];
  for (let run = 0; run < 5; run += 1) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    const result = step();
    const wall = performance.now() - start;
    const used = process.cpuUsage(cpu);
    runs.push({ wall, cpu: (used.user + used.system) / 1000, result });
  }
  const median = (values: number[]): number => values.sort((a, b) => a - b)[2] ?? 0;
  console.log(
    `${name}: ${median(runs.map(({ wall }) => wall)).toFixed(0)} ms wall, ${median(runs.map(({ cpu }) => cpu)).toFixed(0)} ms CPU (median of 5)`,
  );
  const last = runs.at(-1);
  if (last === undefined) throw new Error('no run');
  return last.result;
}

console.log(
  `${String(site.checks.files.length)} files, ${String(stored.length)} patterns in ${dir}`,
);
const health = measure('library health', () =>
  libraryHealth({ library, checks: site.checks, updated }),
);
measure('health page model', () => healthPage(health, library));
const contributors = measure('contributor index', () => contributorIndex(stored));
console.log(
  `without relationships ${String(health.without_relationships.length)}, wanted targets ${String(health.wanted.length)}, ` +
    `missing or empty sections ${String(health.sections.length)}, overall far from mean ${String(health.overall_far_from_mean.length)}, ` +
    `clusters ${String(health.duplicate_clusters.length)}, months ${String(health.changed_by_month.length)}, contributors ${String(contributors.list.length)}`,
);
console.log(`JSON ${(JSON.stringify(health).length / 1024).toFixed(0)} KB`);
