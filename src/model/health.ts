/**
 * The `/health/` page's model: the library's health (src/lib/exports/health.ts, computed once and
 * shared with `/api/health.json`) with titles for its slugs, long lists capped with a count of
 * the rest, and each distribution laid out as a small bar chart. Pure.
 */
import { SECTION_TITLES, type SectionKey } from '../lib/body.ts';
import type { HealthExport } from '../lib/exports/shapes.ts';
import { FACETS, facetValueLabel, type FacetKey } from './facets.ts';
import { counted } from '../lib/counts.ts';
import { pillarLabel } from './labels.ts';
import { titleOf } from './stored.ts';
import { cap, type Capped } from './capped.ts';
import type { LibraryModel } from './types.ts';
import { RULES, type Rule } from '../lib/rules.ts';

/** Items a list of the page shows before "and N more". */
export const HEALTH_LIST_LIMIT = 50;
/** Values of one facet's table, and patterns named after one wanted target, before "N more". */
export const HEALTH_SHORT_LIMIT = 12;

/** A pattern (or a target with no file yet) named on the page. */
export interface HealthPattern {
  readonly slug: string;
  readonly title: string;
  /** False for a slug with no pattern on the site (shown as text, not a link). */
  readonly exists: boolean;
}

/** A bar chart laid out in SVG user units, with its text alternative. */
export interface BarChart {
  readonly width: number;
  readonly height: number;
  /** Height of the bar area (labels below it). */
  readonly plot: number;
  readonly bars: readonly {
    readonly label: string;
    readonly count: number;
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
    /** Whether to write the label under the bar (long charts label only some). */
    readonly labelled: boolean;
  }[];
  /** Every bar in words ("0 to under 1: 2 patterns; …"), the chart's description. */
  readonly description: string;
}

export interface HealthPageModel {
  readonly health: HealthExport;
  /** The check's problems by kind, each with what the kind reports (its `code` spans marked). */
  readonly problems: readonly {
    readonly kind: Rule;
    readonly what: readonly TextSpan[];
    readonly errors: number;
    readonly warnings: number;
  }[];
  /** Files per format that has any, labelled in running text ("older format"). */
  readonly formats: readonly { readonly label: string; readonly count: number }[];
  readonly facets: readonly {
    readonly key: FacetKey;
    readonly label: string;
    readonly values: Capped<{
      readonly value: string;
      readonly label: string;
      readonly count: number;
    }>;
  }[];
  readonly withoutRelationships: Capped<HealthPattern>;
  readonly wanted: Capped<{
    readonly target: HealthPattern;
    readonly by: Capped<HealthPattern>;
  }>;
  readonly deadLinks: Capped<{
    readonly pattern: HealthPattern;
    readonly links: Capped<{
      readonly line: number;
      readonly message: string;
      /** The line in the repository's view of the file, when the site knows the file. */
      readonly source: string | undefined;
    }>;
  }>;
  /** Dead links in all files (the list above counts files). */
  readonly deadLinkCount: number;
  readonly sections: Capped<{
    readonly pattern: HealthPattern;
    readonly missing: readonly string[];
    readonly empty: readonly string[];
  }>;
  readonly scores: Capped<{
    readonly pattern: HealthPattern;
    readonly overall: number;
    readonly mean: number;
  }>;
  readonly clusters: Capped<readonly HealthPattern[]>;
  readonly pillars: readonly {
    readonly label: string;
    readonly chart: BarChart;
    readonly unscored: number;
  }[];
  readonly months: BarChart;
}

/** A run of text, set as code or not. */
export interface TextSpan {
  readonly text: string;
  readonly code: boolean;
}

/** `text` cut at its backticks: every other run is code (`npm run migrate`). */
export const codeSpans = (text: string): TextSpan[] =>
  text
    .split('`')
    .map((run, index) => ({ text: run, code: index % 2 === 1 }))
    .filter(({ text: run }) => run !== '');

/** A list of the page capped at {@link HEALTH_LIST_LIMIT}, or at a shorter limit. */
const capped = <T>(list: readonly T[], limit = HEALTH_LIST_LIMIT): Capped<T> => cap(list, limit);

const BAR_WIDTH = 28;
const BAR_GAP = 10;
const PLOT_HEIGHT = 100;
const LABEL_SPACE = 20;
/** Most labels a chart writes under its bars (charts of many months label some). */
const MAX_LABELS = 6;
/** Width of a label character, in user units (labels are 11 px; digits are about 0.6 em). */
const LABEL_CHAR_WIDTH = 7;

/** Bars of `counts` scaled to the largest, labelled below (every bar, or every few). */
export function barChart(
  counts: readonly { readonly label: string; readonly words: string; readonly count: number }[],
): BarChart {
  const max = Math.max(1, ...counts.map(({ count }) => count));
  // Every `step`-th bar is labelled: at most MAX_LABELS labels, and never two that overlap.
  const longest = Math.max(0, ...counts.map(({ label }) => label.length));
  const step = Math.max(
    1,
    Math.ceil(counts.length / MAX_LABELS),
    Math.ceil((longest * LABEL_CHAR_WIDTH) / (BAR_WIDTH + BAR_GAP)),
  );
  return {
    width: Math.max(1, counts.length) * (BAR_WIDTH + BAR_GAP) + BAR_GAP,
    height: PLOT_HEIGHT + LABEL_SPACE,
    plot: PLOT_HEIGHT,
    bars: counts.map(({ label, count }, index) => {
      const height = Math.round((count / max) * (PLOT_HEIGHT - 4) * 100) / 100;
      return {
        label,
        count,
        x: BAR_GAP + index * (BAR_WIDTH + BAR_GAP),
        y: PLOT_HEIGHT - height,
        width: BAR_WIDTH,
        height,
        labelled: index % step === 0,
      };
    }),
    description: counts
      .map(({ words, count }) => `${words}: ${counted(count, 'pattern')}`)
      .join('; '),
  };
}

/** Score bins of the health (0–<1, …, 4–<5, 5) as labels and words. */
const BIN_LABELS = ['0', '1', '2', '3', '4', '5'];
const binWords = (index: number): string =>
  index === BIN_LABELS.length - 1
    ? 'score 5'
    : `score ${String(index)} to under ${String(index + 1)}`;

/**
 * The health page's model from the library's health, the library model (titles) and where the
 * repository shows line `line` of pattern `slug`'s file.
 */
export function healthPage(
  health: HealthExport,
  library: Pick<LibraryModel, 'bySlug'>,
  sourceLine: (slug: string, line: number) => string | undefined = () => undefined,
): HealthPageModel {
  const pattern = (slug: string): HealthPattern => ({
    slug,
    title: titleOf(library.bySlug, slug),
    exists: library.bySlug.has(slug),
  });
  const sectionNames = (keys: readonly SectionKey[]): string[] =>
    keys.map((key) => SECTION_TITLES[key]);
  return {
    health,
    problems: health.problems.map((problem) => ({
      ...problem,
      what: codeSpans(RULES[problem.kind]),
    })),
    formats: Object.entries(health.files.by_format)
      .filter(([, count]) => count > 0)
      .map(([format, count]) => ({
        label: facetValueLabel('format', format).toLowerCase(),
        count,
      })),
    facets: (Object.keys(health.counts) as (keyof HealthExport['counts'])[]).map((key) => ({
      key,
      label: FACETS[key].label,
      values: capped(
        health.counts[key].map(({ value, count }) => ({
          value,
          label: facetValueLabel(key, value),
          count,
        })),
        HEALTH_SHORT_LIMIT,
      ),
    })),
    withoutRelationships: capped(health.without_relationships.map(pattern)),
    wanted: capped(
      health.wanted.map(({ target, wanted_by }) => ({
        target: pattern(target),
        by: capped(wanted_by.map(pattern), HEALTH_SHORT_LIMIT),
      })),
    ),
    deadLinks: capped(
      health.dead_links.map(({ slug, links }) => ({
        pattern: pattern(slug),
        links: capped(
          links.map(({ line, message }) => ({ line, message, source: sourceLine(slug, line) })),
          HEALTH_SHORT_LIMIT,
        ),
      })),
    ),
    deadLinkCount: health.dead_links.reduce((sum, { links }) => sum + links.length, 0),
    sections: capped(
      health.sections.map(({ slug, missing, empty }) => ({
        pattern: pattern(slug),
        missing: sectionNames(missing),
        empty: sectionNames(empty),
      })),
    ),
    scores: capped(
      health.overall_far_from_mean.map(({ slug, overall, mean }) => ({
        pattern: pattern(slug),
        overall,
        mean,
      })),
    ),
    clusters: capped(health.duplicate_clusters.map((cluster) => cluster.map(pattern))),
    pillars: health.pillars.map(({ pillar, bins, unscored }) => ({
      label: pillarLabel(pillar),
      unscored,
      chart: barChart(
        bins.map((count, index) => ({
          label: BIN_LABELS[index] ?? '',
          words: binWords(index),
          count,
        })),
      ),
    })),
    months: barChart(
      health.changed_by_month.map(({ month, count }) => ({ label: month, words: month, count })),
    ),
  };
}
