/**
 * `npm run bench:stages [DIR]` — times single stages of the pipeline on the inputs whose results
 * the tests check (tests assert no wall-clock time). Each figure is the median of five runs after
 * a warm-up, printed with its target:
 * - hostile input, refused or shown as plain text: ≤ 1,000 ms each (a pattern body with Markdown
 *   nested 5,000 deep; the alias-bomb and deep-nesting fixtures through the checker; five kinds of
 *   Markdown nested thousands deep through the renderer);
 * - git dates of 3,600 files committed together (one `git log`): ≤ 1,000 ms;
 * - the library model of DIR's valid patterns (default tests/fixtures/real-library; try
 *   ../shared/corpus/commons-os-sample): ≤ 500 ms; their page models: ≤ 84 ms a page (20 s for the
 *   239 valid v7.1 files of the 300-file sample);
 * - the library model of 5,000 patterns (copies of DIR's): ≤ 1,000 ms.
 * Exits with 1 when a figure misses its target.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lastChangedDates } from '../../src/lib/last-changed.ts';
import { loadLibrary } from '../../src/lib/load.ts';
import { renderMarkdown } from '../../src/lib/markdown.ts';
import { isV71, readPatternFile } from '../../src/lib/pattern-file.ts';
import { buildLibraryModel } from '../../src/model/library-model.ts';
import { buildPatternPage } from '../../src/model/pattern-page.ts';
import { toStoredPattern } from '../../src/model/stored.ts';
import type { StoredPattern } from '../../src/model/types.ts';

const DIR = process.argv[2] ?? 'tests/fixtures/real-library';
const SEED = 'patterns/commons-based-peer-production.md';
let missed = 0;

/** Median wall time (ms) of five runs of `work` after one warm-up run. */
async function median(work: () => unknown): Promise<number> {
  await work();
  const times: number[] = [];
  for (let run = 0; run < 5; run += 1) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[2] ?? Number.NaN;
}

/** Prints a figure against its target (both in ms) and counts a miss. */
function report(what: string, ms: number, target: number, unit = 'ms'): void {
  const ok = ms <= target;
  if (!ok) missed += 1;
  console.log(
    `${ok ? 'ok  ' : 'OVER'} ${what}: ${ms.toFixed(1)} ${unit} (target ≤ ${String(target)} ${unit})`,
  );
}

// Hostile input.
const seed = readFileSync(SEED, 'utf8');
const context = seed.indexOf('### Section 1');
const deepSeed = Buffer.from(
  `${seed.slice(0, context)}${'>'.repeat(5000)} deep\n\n${seed.slice(context)}`,
);
report(
  'the seed with Markdown nested 5,000 deep, read and refused',
  await median(() => readPatternFile(SEED, deepSeed)),
  1000,
);
for (const fixture of ['alias-bomb', 'deep-nesting']) {
  report(
    `tests/fixtures/${fixture} checked and refused`,
    await median(() => loadLibrary([`tests/fixtures/${fixture}`])),
    1000,
  );
}
const nested: readonly (readonly [string, string])[] = [
  ['block quotes', `${'>'.repeat(5000)} x`],
  ['list items on one line', `${'- '.repeat(5000)}x`],
  [
    'indented list items',
    Array.from({ length: 200 }, (_, i) => `${' '.repeat(i * 4)}- item`).join('\n'),
  ],
  ['emphasis', `${'*'.repeat(5000)}x${'*'.repeat(5000)}`],
  ['link brackets', `${'['.repeat(5000)}x${'](y)'.repeat(5000)}`],
];
for (const [kind, markdown] of nested) {
  report(
    `${kind} nested thousands deep, rendered as plain text`,
    await median(() => renderMarkdown(markdown)),
    1000,
  );
}

// Git dates of 3,600 files committed together, in a throw-away repository.
const temp = mkdtempSync(join(tmpdir(), 'bench-stages-'));
try {
  const repo = join(temp, 'repo');
  const git = (args: readonly string[], input?: string): string =>
    execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8', input });
  execFileSync('git', ['init', '-q', repo]);
  const paths = Array.from({ length: 3600 }, (_, n) => `library/p${String(n)}.md`);
  git(
    ['fast-import', '--quiet'],
    [
      'commit refs/heads/main',
      'committer Bench <bench@example.org> 1772323200 +0000',
      'data 5',
      'bench',
      ...paths.flatMap((path) => [`M 100644 inline ${path}`, 'data 1', 'x']),
      '',
    ].join('\n'),
  );
  git(['symbolic-ref', 'HEAD', 'refs/heads/main']);
  const files = paths.map((path) => join(repo, path));
  report(
    'git dates of 3,600 files committed together',
    await median(() => lastChangedDates(join(repo, 'library'), files)),
    1000,
  );
} finally {
  rmSync(temp, { recursive: true, force: true });
}

// The page model.
const library = await loadLibrary([DIR]);
const invalid = new Set(
  library.diagnostics.filter((d) => d.severity === 'error').map((d) => d.file),
);
const sample = library.patterns
  .filter(isV71)
  .filter(({ file }) => !invalid.has(file))
  .map(toStoredPattern);
report(
  `library model of the ${String(sample.length)} valid patterns of ${DIR}`,
  await median(() => buildLibraryModel(sample)),
  500,
);
const model = buildLibraryModel(sample);
const pages = await median(() => model.patterns.map(({ slug }) => buildPatternPage(model, slug)));
report(`their ${String(sample.length)} page models`, pages / sample.length, 84, 'ms a page');

const large = Array.from({ length: Math.ceil(5000 / sample.length) }, (_, copy) =>
  sample.map((pattern) => renamed(pattern, copy)),
)
  .flat()
  .slice(0, 5000);
if (buildLibraryModel(large).patterns.length !== 5000) throw new Error('5,000 copies expected');
report('library model of 5,000 patterns', await median(() => buildLibraryModel(large)), 1000);

if (missed > 0) {
  console.error(`${String(missed)} figure(s) over target`);
  process.exitCode = 1;
}

/** A copy of a pattern whose slug and curated targets carry the suffix `-<copy>`. */
function renamed(pattern: StoredPattern, copy: number): StoredPattern {
  const suffix = (slug: string): string => `${slug}-${String(copy)}`;
  if (pattern.format !== 'v7.1') {
    // Shown as written: its targets keep their names (they only count as wanted).
    const slug = suffix(pattern.slug);
    const model = { ...pattern.model, slug };
    return pattern.format === 'older'
      ? { ...pattern, slug, frontmatter: { ...pattern.frontmatter, slug }, model }
      : { ...pattern, slug, frontmatter: { ...pattern.frontmatter, slug }, model };
  }
  const { relationships } = pattern.frontmatter;
  return {
    ...pattern,
    slug: suffix(pattern.slug),
    frontmatter: {
      ...pattern.frontmatter,
      slug: suffix(pattern.slug),
      relationships: Object.fromEntries(
        Object.entries(relationships).map(([type, links]) => [
          type,
          links.map((link) => ({ ...link, slug: suffix(link.slug) })),
        ]),
      ) as typeof relationships,
    },
  };
}
