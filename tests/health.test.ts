import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countByRule, sortDiagnostics, type Diagnostic } from '../src/lib/diagnostics.ts';
import { countFormats } from '../src/lib/format.ts';
import { libraryHealth } from '../src/lib/exports/health.ts';
import { healthExportSchema, type HealthExport } from '../src/lib/exports/shapes.ts';
import { checkPatternFiles } from '../src/lib/load.ts';
import { buildLibraryModel } from '../src/model/library-model.ts';
import { loadSite } from '../src/model/load-site.ts';
import {
  barChart,
  codeSpans,
  HEALTH_LIST_LIMIT,
  healthPage,
  type HealthPageModel,
} from '../src/model/health.ts';
import { FIXTURES } from './helpers/fixtures.ts';

/** The health of a fixture folder, as the site computes it (the same load as a build). */
async function healthOf(
  dir: string,
  dates: Readonly<Record<string, string>> = {},
): Promise<HealthExport> {
  const site = await loadSite(dir);
  const stored = site.patterns.map(({ stored: pattern }) => pattern);
  const neighbours = new Map(site.patterns.map(({ stored: p, similar }) => [p.slug, similar]));
  return libraryHealth({
    library: buildLibraryModel(stored, undefined, neighbours),
    checks: site.checks,
    updated: (slug) => dates[slug] ?? '2026-01-15T00:00:00.000Z',
  });
}

const slugOf = (file: string): string => basename(file, '.md');
const warnings = (diagnostics: readonly Diagnostic[], pattern: RegExp): Diagnostic[] =>
  diagnostics.filter((d) => d.severity === 'warning' && pattern.test(d.message));

describe.each(['site-build', 'near-duplicates', 'library-warnings', 'body-links'])(
  'the health of tests/fixtures/%s',
  (folder) => {
    const dir = join(FIXTURES, folder);

    it('has the documented shape', async () => {
      const health = await healthOf(dir);
      expect(healthExportSchema.parse(JSON.parse(JSON.stringify(health)))).toEqual(health);
    });

    it('counts what `npm run check` counts: problems by kind, formats, wanted targets, dead links, clusters, sections, scores', async () => {
      const [health, check] = await Promise.all([healthOf(dir), checkPatternFiles([dir])]);
      const { diagnostics } = check;
      expect(health.problems).toEqual(
        countByRule(diagnostics).map(({ rule, errors, warnings }) => ({
          kind: rule,
          errors,
          warnings,
        })),
      );
      expect(health.files).toEqual({
        total: check.files.length,
        by_format: countFormats(check.files, check.formats),
      });

      // Each wanted warning names its target; the health lists each target and who wants it.
      const wanted = new Map<string, Set<string>>();
      for (const d of warnings(diagnostics, /has no pattern file yet/)) {
        const target = /^"([^"]+)"/.exec(d.message)?.[1] ?? '';
        wanted.set(target, (wanted.get(target) ?? new Set()).add(slugOf(d.file)));
      }
      expect(Object.fromEntries(health.wanted.map((w) => [w.target, w.wanted_by]))).toEqual(
        Object.fromEntries([...wanted].map(([t, by]) => [t, [...by].sort()])),
      );

      // Each warning about a link in the text is one dead link, at the same place.
      const deadLinks = sortDiagnostics(diagnostics.filter((d) => d.rule === 'dead-link'));
      expect(
        health.dead_links.flatMap(({ slug, links }) =>
          links.map(
            ({ line, column, message }) => `${slug}:${String(line)}:${String(column)} ${message}`,
          ),
        ),
      ).toEqual(
        deadLinks.map(
          (d) => `${slugOf(d.file)}:${String(d.line)}:${String(d.column)} ${d.message}`,
        ),
      );

      expect(health.duplicate_clusters).toEqual(
        check.duplicates.clusters.map((cluster) => cluster.map(slugOf)),
      );

      const missing = warnings(diagnostics, /^missing section/).map(
        (d) => `${slugOf(d.file)} ${d.path.replace('body.sections.', '')}`,
      );
      expect(
        health.sections.flatMap(({ slug, missing: keys }) => keys.map((key) => `${slug} ${key}`)),
      ).toEqual(missing.sort());

      expect(health.overall_far_from_mean.map(({ slug }) => slug)).toEqual(
        warnings(diagnostics, /far from the mean of the eight pillar scores/).map((d) =>
          slugOf(d.file),
        ),
      );
    });
  },
);

describe('the health of the site fixture', () => {
  it('counts patterns by facet, lists those without relationships and bins every pillar', async () => {
    const dir = join(FIXTURES, 'site-build');
    const health = await healthOf(dir);
    // Every file of the fixture is valid and shown; two are in the older format.
    expect(health.patterns).toBe(readdirSync(dir).filter((name) => name.endsWith('.md')).length);
    expect(health.counts.format.reduce((sum, { count }) => sum + count, 0)).toBe(health.patterns);
    expect(health.counts.format).toContainEqual({ value: 'older', count: 2 });
    expect(health.wanted.map(({ target }) => target)).toContain('not-written-yet');
    const v71 = health.counts.format.find(({ value }) => value === 'v7.1')?.count;
    for (const { bins, unscored } of health.pillars) {
      expect(bins.reduce((a, b) => a + b, 0) + unscored).toBe(v71);
    }
    expect(health.without_relationships).toMatchInlineSnapshot(`
      [
        "gl013-steward-ownership",
      ]
    `);
  });

  it('finds what the other fixtures hold: a cluster, a missing section, an overall score', async () => {
    const [near, warned] = await Promise.all([
      healthOf(join(FIXTURES, 'near-duplicates')),
      healthOf(join(FIXTURES, 'library-warnings')),
    ]);
    expect(near.duplicate_clusters).toEqual([
      ['participatory-budgeting-city-scale', 'participatory-budgeting'],
    ]);
    expect(warned.sections).toEqual([
      { slug: 'library-warnings', missing: ['known-uses'], empty: [] },
    ]);
    expect(warned.overall_far_from_mean).toEqual([
      { slug: 'library-warnings', overall: 4.5, mean: 3 },
    ]);
  });

  it('counts changes per month, months without a change included', async () => {
    const health = await healthOf(join(FIXTURES, 'near-duplicates'), {
      'participatory-budgeting': '2025-11-30T10:00:00.000Z',
      'seed-library': '2026-02-01T00:00:00.000Z',
    });
    expect(health.changed_by_month).toEqual([
      { month: '2025-11', count: 1 },
      { month: '2025-12', count: 0 },
      { month: '2026-01', count: 2 },
      { month: '2026-02', count: 1 },
    ]);
  });
});

describe('the health page', () => {
  it('draws each count as a bar scaled to the largest, described in words', () => {
    const chart = barChart([
      { label: '0', words: 'score 0 to under 1', count: 0 },
      { label: '1', words: 'score 1 to under 2', count: 2 },
      { label: '5', words: 'score 5', count: 1 },
    ]);
    expect(chart.bars.map(({ height, labelled }) => [height, labelled])).toEqual([
      [0, true],
      [96, true],
      [48, true],
    ]);
    expect(chart.description).toBe(
      'score 0 to under 1: 0 patterns; score 1 to under 2: 2 patterns; score 5: 1 pattern',
    );
  });

  it('labels at most six bars of a long chart', () => {
    const months = Array.from({ length: 25 }, (_, index) => ({
      label: String(index),
      words: String(index),
      count: index,
    }));
    expect(barChart(months).bars.filter(({ labelled }) => labelled)).toHaveLength(5);
  });

  it('caps long lists with the number left out, and names targets with no page by slug', async () => {
    const site = await loadSite(join(FIXTURES, 'site-build'));
    const library = buildLibraryModel(site.patterns.map(({ stored }) => stored));
    const health = libraryHealth({
      library,
      checks: site.checks,
      updated: () => '2026-01-15T00:00:00.000Z',
    });
    const many = {
      ...health,
      without_relationships: Array.from({ length: HEALTH_LIST_LIMIT + 3 }, () => 'alpha-commons'),
    };
    const page = healthPage(many, library);
    expect(page.withoutRelationships).toMatchObject({ total: HEALTH_LIST_LIMIT + 3, more: 3 });
    expect(page.withoutRelationships.items).toHaveLength(HEALTH_LIST_LIMIT);
    const wanted = page.wanted.items.find(({ target }) => target.slug === 'not-written-yet');
    expect(wanted?.target.exists).toBe(false);
    expect(wanted?.by).toEqual({
      items: [{ slug: 'older-practice', title: 'Older Practice', exists: true }],
      total: 1,
      more: 0,
    });
    expect(page.facets.map(({ label }) => label)).toEqual([
      'Format',
      'Status',
      'Usage stage',
      'Adoption stage',
      'Domain',
    ]);
  });
});

/** The health page model of a fixture folder, and the health it shows. */
async function pageOf(
  folder: string,
  sourceLine?: (slug: string, line: number) => string,
): Promise<{ health: HealthExport; page: HealthPageModel }> {
  const site = await loadSite(join(FIXTURES, folder));
  const library = buildLibraryModel(site.patterns.map(({ stored }) => stored));
  const health = libraryHealth({ library, checks: site.checks, updated: () => '2026-01-15' });
  return { health, page: healthPage(health, library, sourceLine) };
}

describe('the health page’s dead links', () => {
  it('are listed by pattern, each line opening the file there, with the total of links', async () => {
    const { page } = await pageOf('body-links', (slug, line) => `src/${slug}#L${String(line)}`);
    expect(page.deadLinkCount).toBe(8);
    expect(
      page.deadLinks.items.map(({ pattern, links }) => [
        pattern.title,
        links.items.map(({ source }) => source),
      ]),
    ).toEqual([
      [
        'Linking Pattern',
        [81, 81, 81, 82, 82, 83, 85].map((line) => `src/linking-pattern#L${String(line)}`),
      ],
      ['Older Pattern', ['src/older-pattern#L25']],
    ]);
  });
});

describe('the health page’s problems by kind', () => {
  it('says what each kind reports, its commands set as code', async () => {
    const { health, page } = await pageOf('library-warnings');
    expect(page.problems.map(({ kind }) => kind)).toEqual(health.problems.map(({ kind }) => kind));
    expect(page.problems.length).toBeGreaterThan(1);
    expect(codeSpans('a file in the older format: `npm run migrate` converts it')).toEqual([
      { text: 'a file in the older format: ', code: false },
      { text: 'npm run migrate', code: true },
      { text: ' converts it', code: false },
    ]);
  });
});
