/**
 * The facet table: one declaration per facet, which browse (its lists, checkboxes and data
 * attributes), a pattern page's badges, the static facet pages (`src/pages/[...facet].astro`),
 * the search records' filters (`search-document.ts`) and the search page's selects all read. A
 * new facet is one entry here.
 */
import { confidenceLabel, titleFromSlug, valueLabel } from './labels.ts';
import type { Lens, PatternSummary } from './types.ts';

/** Display names of the pattern formats (src/lib/format.ts). */
const FORMAT_LABELS: Readonly<Record<string, string>> = {
  'v7.1': 'v7.1',
  incomplete: 'Incomplete v7.1',
  older: 'Older format',
};

/**
 * A facet a pattern's format lacks (an older-format file has no cross-domains, stages or
 * confidence level) gives it no value: the pattern is simply not listed under that facet.
 */
interface FacetSpec {
  /** Display label of the facet. */
  readonly label: string;
  /** URL path (below the base) of the facet's static pages: `<path>/` and `<path>/<value>/`. */
  readonly path: string;
  /** Query parameter on the browse page (`/patterns/?<param>=…`) and its items' data attribute. */
  readonly param: string;
  /** The values a pattern has (most facets have exactly one), as its summary holds them. */
  readonly values: (pattern: PatternSummary) => readonly string[];
  /** Display label of a value. */
  readonly valueLabel: (value: string) => string;
  /** Name of the search filter (record filter and search page query parameter), if searchable. */
  readonly search?: string;
  /** Short label of its badge at the top of a pattern page, if it has one. */
  readonly badge?: string;
}

const FACET_TABLE = {
  domain: {
    label: 'Domain',
    path: 'domains',
    param: 'domain',
    values: (p) => [p.domain],
    valueLabel: titleFromSlug,
    search: 'domain',
    badge: 'Domain',
  },
  cross_domains: {
    label: 'Cross-domain',
    path: 'cross-domains',
    param: 'cross',
    values: (p) => (p.format === 'v7.1' ? p.crossDomains : []),
    valueLabel: titleFromSlug,
  },
  commons_domain: {
    label: 'Commons domain',
    path: 'commons-domains',
    param: 'commons',
    values: (p) => p.commonsDomains,
    valueLabel: titleFromSlug,
  },
  status: {
    label: 'Status',
    path: 'statuses',
    param: 'status',
    values: (p) => [p.status],
    valueLabel,
    search: 'status',
    badge: 'Status',
  },
  usage_stage: {
    label: 'Usage stage',
    path: 'stages/usage',
    param: 'usage',
    values: (p) => (p.format === 'v7.1' ? [p.usageStage] : []),
    valueLabel,
    search: 'stage',
  },
  adoption_stage: {
    label: 'Adoption stage',
    path: 'stages/adoption',
    param: 'adoption',
    values: (p) => (p.format === 'v7.1' ? [p.adoptionStage] : []),
    valueLabel,
    search: 'adoption',
  },
  confidence: {
    label: 'Confidence',
    path: 'confidence',
    param: 'confidence',
    values: (p) => (p.format === 'v7.1' ? [String(p.confidence)] : []),
    valueLabel: (value) => confidenceLabel(Number(value)).words,
  },
  format: {
    label: 'Format',
    path: 'formats',
    param: 'format',
    values: (p) => [p.format],
    valueLabel: (value) => FORMAT_LABELS[value] ?? value,
    search: 'format',
  },
} as const satisfies Record<string, FacetSpec>;

export type FacetKey = keyof typeof FACET_TABLE;

/** Every facet by key, in display order. */
export const FACETS: Readonly<Record<FacetKey, FacetSpec>> = FACET_TABLE;
export const FACET_KEYS = Object.keys(FACET_TABLE) as readonly FacetKey[];

/** Display label of a facet value: domains title-cased, confidence in words, others in sentence case. */
export const facetValueLabel = (key: FacetKey, value: string): string =>
  FACETS[key].valueLabel(value);

/** One search filter: its name, label, a pattern's values, and its options across the library. */
interface SearchFilter {
  readonly name: string;
  readonly label: string;
  readonly values: (pattern: PatternSummary) => readonly string[];
  /** The facet it comes from; the lens filter has none (its options are the library's lenses). */
  readonly facet?: FacetKey;
}

/**
 * The search filters, in order: the searchable facets, then the lens (whose values are lens
 * keys: a chosen lens also picks the page results link to).
 */
export const SEARCH_FILTERS: readonly SearchFilter[] = [
  ...FACET_KEYS.flatMap((key): SearchFilter[] => {
    const { search, label, values } = FACETS[key];
    return search === undefined ? [] : [{ name: search, label, values, facet: key }];
  }),
  { name: 'lens', label: 'Lens', values: (p) => p.lenses.map(({ key }) => key) },
];

/** A search page select: the filter's name and label and the values the library has. */
export interface SearchSelect {
  readonly name: string;
  readonly label: string;
  readonly options: readonly { readonly value: string; readonly label: string }[];
}

/** The search page's selects, one per search filter, options from the library model. */
export function searchSelects(library: {
  readonly facets: readonly {
    readonly key: FacetKey;
    readonly values: readonly { readonly value: string; readonly label: string }[];
  }[];
  readonly lenses: readonly Lens[];
}): SearchSelect[] {
  return SEARCH_FILTERS.map(({ name, label, facet }) => ({
    name,
    label,
    options:
      facet === undefined
        ? library.lenses.map((lens) => ({ value: lens.key, label: lens.name }))
        : (library.facets.find((f) => f.key === facet)?.values ?? []).map(({ value, label }) => ({
            value,
            label,
          })),
  }));
}
