/**
 * Every internal URL of the site, built from `import.meta.env.BASE_URL` so the
 * site works under a sub-path (e.g. `/patterns/`). URLs end with `/`
 * (trailingSlash 'always', build.format 'directory'). These paths are a
 * contract: other pages, search and external links rely on them.
 */
import {
  GRAPH_JSON_PATH,
  LLMS_FULL_TXT_PATH,
  patternJsonPath,
  patternMarkdownPath,
  patternPath,
  PATTERNS_JSON_PATH,
  segment as seg,
  WANTED_PATH,
  wantedPath,
} from '../lib/site/paths.ts';
import type { FacetKey } from '../lib/site/types.ts';

const rawBase = import.meta.env.BASE_URL;
/** The base path, always ending with `/`. */
export const BASE = rawBase.endsWith('/') ? rawBase : `${rawBase}/`;

/** A site path (no leading slash) under the base: `url('graph/')` → `/base/graph/`. */
export const url = (path = ''): string => `${BASE}${path}`;

export const homeUrl = (): string => url();
export const browseUrl = (): string => url('patterns/');
export const lensesUrl = (): string => url('lenses/');
export const graphUrl = (): string => url('graph/');
export const wantedIndexUrl = (): string => url(WANTED_PATH);
export const searchUrl = (): string => url('search/');
export const contributeUrl = (): string => url('contribute/');

/** The published JSON Schema of pattern frontmatter. */
export const patternSchemaUrl = (): string => url('schema/pattern.schema.json');

/** A pattern's base page, or its page under one lens. */
export const patternUrl = (slug: string, lens?: string): string => url(patternPath(slug, lens));

/** A pattern's source file as written, and its data as JSON. */
export const patternMarkdownUrl = (slug: string): string => url(patternMarkdownPath(slug));
export const patternJsonUrl = (slug: string): string => url(patternJsonPath(slug));

/** Library-wide data exports (see README, "Data exports"). */
export const patternsJsonUrl = (): string => url(PATTERNS_JSON_PATH);
export const graphJsonUrl = (): string => url(GRAPH_JSON_PATH);
export const llmsFullTxtUrl = (): string => url(LLMS_FULL_TXT_PATH);
export const rssUrl = (): string => url('rss.xml');
export const sitemapUrl = (): string => url('sitemap-index.xml');

/** The whole library under one lens. */
export const lensUrl = (lens: string): string => url(`lenses/${seg(lens)}/`);

/** A wanted (not yet written) pattern: an anchor on the wanted page. */
export const wantedUrl = (slug: string): string => url(wantedPath(slug));

/** Browse sort orders and their static pages. */
export const SORTS = ['title', 'score', 'vitality'] as const;
export type Sort = (typeof SORTS)[number];
export const SORT_LABELS: Readonly<Record<Sort, string>> = {
  title: 'Title',
  score: 'Overall score',
  vitality: 'Vitality',
};
export const sortUrl = (sort: Sort): string =>
  sort === 'title' ? browseUrl() : url(`patterns/by-${sort}/`);

/** URL path (below the base) of each facet's static pages. */
export const FACET_PATHS: Readonly<Record<FacetKey, string>> = {
  domain: 'domains',
  cross_domains: 'cross-domains',
  commons_domain: 'commons-domains',
  status: 'statuses',
  usage_stage: 'stages/usage',
  adoption_stage: 'stages/adoption',
  confidence: 'confidence',
};

/** Query parameter of each facet on the browse page (`/patterns/?domain=…`). */
export const FACET_PARAMS: Readonly<Record<FacetKey, string>> = {
  domain: 'domain',
  cross_domains: 'cross',
  commons_domain: 'commons',
  status: 'status',
  usage_stage: 'usage',
  adoption_stage: 'adoption',
  confidence: 'confidence',
};

/** Index page of one facet (all its values). */
export const facetIndexUrl = (key: FacetKey): string => url(`${FACET_PATHS[key]}/`);

/** Static page of the patterns with one facet value. */
export const facetUrl = (key: FacetKey, value: string): string =>
  url(`${FACET_PATHS[key]}/${seg(value)}/`);

/** Links that may be shown to people: http(s) only (sources are untrusted text). */
export const isWebUrl = (text: string): boolean => /^https?:\/\/\S+$/i.test(text.trim());
