/**
 * The library's health for maintainers, computed once from the library model of the shown
 * patterns and what the library checks read (src/lib/library.ts): the numbers both `/health/`
 * and `/api/health.json` show. Pure. What the check also counts — problems by kind, formats,
 * wanted targets, near-duplicate clusters — comes from the check's own functions, so the page and `npm run
 * check` cannot disagree.
 */
import { basename } from 'node:path';
import { ASSESSMENT_PILLARS } from '../../../schema/ontology.ts';
import { isBlank, SECTION_KEYS } from '../body.ts';
import { countFormats } from '../format.ts';
import { countByRule, sortDiagnostics } from '../diagnostics.ts';
import { checkLibrary, wantedTargets, type DeadLink, type LibraryChecks } from '../library.ts';
import { OVERALL_SCORE_TOLERANCE } from '../validate.ts';
import { compareText } from '../text-order.ts';
import type { FacetKey } from '../../model/facets.ts';
import { completeScores } from '../../model/radar.ts';
import type { LibraryModel } from '../../model/types.ts';
import { patternsBySlug } from './export-site.ts';
import { EXPORT_VERSION, type HealthExport } from './shapes.ts';

/** What the health numbers are computed from. */
export interface HealthInput {
  /** The library model of the shown patterns. */
  readonly library: Pick<LibraryModel, 'bySlug' | 'facets'>;
  /** What the library checks read of every file (src/model/load-site.ts keeps it). */
  readonly checks: LibraryChecks;
  /** When pattern `slug` last changed (ISO 8601), as the feed and the exports date it. */
  readonly updated: (slug: string) => string;
}

/** The facets the health counts, in the order the page shows them. */
export const HEALTH_FACETS = [
  'format',
  'status',
  'usage_stage',
  'adoption_stage',
  'domain',
] as const satisfies readonly FacetKey[];

/** Number of pillar-score bins: 0–<1, …, 4–<5, and 5. */
const BINS = 6;

const slugOfFile = (file: string): string => basename(file, '.md');

/** `YYYY-MM` months from `first` to `last`, both included. */
function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let [year = 0, month = 1] = first.split('-').map(Number);
  for (let key = first; key <= last;) {
    months.push(key);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
    key = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
  }
  return months;
}

/** Shown patterns per month of their last change, every month from the first to the last. */
function changedByMonth(
  slugs: readonly string[],
  updated: HealthInput['updated'],
): HealthExport['changed_by_month'] {
  const counts = new Map<string, number>();
  for (const slug of slugs) {
    const month = updated(slug).slice(0, 7);
    counts.set(month, (counts.get(month) ?? 0) + 1);
  }
  const sorted = [...counts.keys()].sort();
  const [first, last] = [sorted[0], sorted.at(-1)];
  if (first === undefined || last === undefined) return [];
  return monthsBetween(first, last).map((month) => ({ month, count: counts.get(month) ?? 0 }));
}

/** Dead links grouped by the file they are written in (given in file order). */
function deadLinksByFile(links: readonly DeadLink[]): HealthExport['dead_links'] {
  const byFile = new Map<string, HealthExport['dead_links'][number]['links'][number][]>();
  for (const { file, line, column, message } of links) {
    const list = byFile.get(file) ?? [];
    list.push({ line, column, message });
    byFile.set(file, list);
  }
  return [...byFile].map(([file, list]) => ({ slug: slugOfFile(file), links: list }));
}

/** Computes the library's health (the shape of `/api/health.json`). */
export function libraryHealth({ library, checks, updated }: HealthInput): HealthExport {
  const patterns = patternsBySlug(library);
  const v71 = patterns.flatMap((pattern) => (pattern.format === 'v7.1' ? [pattern] : []));
  const { files, entries, duplicates } = checks;
  // Every problem the check reports, in the check's order: each file's own, then the library's.
  const problems = [...checks.problems, ...checkLibrary(entries, files, duplicates)];
  const formats = countFormats(files, new Map(entries.map(({ file, format }) => [file, format])));
  const linksByFile = new Map(entries.map(({ file, links }) => [file, links.length]));
  const facetCounts = (key: FacetKey): HealthExport['counts']['domain'] =>
    (library.facets.find((facet) => facet.key === key)?.values ?? []).map(({ value, count }) => ({
      value,
      count,
    }));
  return {
    version: EXPORT_VERSION,
    files: { total: files.length, by_format: formats },
    patterns: patterns.length,
    problems: countByRule(problems).map(({ rule, errors, warnings }) => ({
      kind: rule,
      errors,
      warnings,
    })),
    counts: Object.fromEntries(
      HEALTH_FACETS.map((key) => [key, facetCounts(key)]),
    ) as HealthExport['counts'],
    without_relationships: patterns
      .filter(({ file }) => (linksByFile.get(file) ?? 0) === 0)
      .map(({ slug }) => slug),
    wanted: wantedTargets(entries, files)
      .map(({ target, wantedBy }) => ({
        target,
        wanted_by: [...new Set(wantedBy.map(({ file }) => slugOfFile(file)))].sort(compareText),
      }))
      .sort((a, b) => b.wanted_by.length - a.wanted_by.length || compareText(a.target, b.target)),
    dead_links: deadLinksByFile(
      sortDiagnostics(problems.filter(({ rule }) => rule === 'dead-link')),
    ),
    sections: v71.flatMap(({ slug, body }) => {
      const found = new Map(body.sections.map((section) => [section.key, section]));
      const missing = SECTION_KEYS.filter((key) => !found.has(key));
      const empty = SECTION_KEYS.filter((key) => {
        const section = found.get(key);
        return section !== undefined && isBlank(section.markdown);
      });
      return missing.length + empty.length === 0 ? [] : [{ slug, missing, empty }];
    }),
    overall_far_from_mean: v71.flatMap(({ slug, frontmatter }) => {
      const assessment = frontmatter.ontology.commons_assessment;
      const scores = completeScores(assessment);
      if (scores === undefined) return [];
      const mean = scores.reduce((sum, score) => sum + score, 0) / scores.length;
      return Math.abs(assessment.overall_score - mean) > OVERALL_SCORE_TOLERANCE
        ? [{ slug, overall: assessment.overall_score, mean: Math.round(mean * 100) / 100 }]
        : [];
    }),
    duplicate_clusters: duplicates.clusters.map((cluster) => cluster.map(slugOfFile)),
    pillars: ASSESSMENT_PILLARS.map((pillar) => {
      const bins: number[] = Array.from({ length: BINS }, () => 0);
      let unscored = 0;
      for (const { frontmatter } of v71) {
        const score = frontmatter.ontology.commons_assessment[pillar];
        if (score === undefined) unscored += 1;
        else {
          const bin = Math.min(BINS - 1, Math.max(0, Math.floor(score)));
          bins[bin] = (bins[bin] ?? 0) + 1;
        }
      }
      return { pillar, bins, unscored };
    }),
    changed_by_month: changedByMonth(
      patterns.map(({ slug }) => slug),
      updated,
    ),
  };
}
