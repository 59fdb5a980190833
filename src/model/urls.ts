/**
 * The site's URL scheme: every path the site has, in one place. Pure (no Astro or Vite import):
 * `siteUrls(base)` builds each URL below `base` — the site's base path for links in pages
 * (`src/astro/urls.ts` applies it), `''` for paths below the base (file writers, the build
 * report, the sitemap), `/` for root-relative ones (search records, benchmarks). URLs end with
 * `/` (trailingSlash 'always', build.format 'directory'). These paths are a contract: other
 * pages, search and external links rely on them. Moving a page is one edit here plus moving its
 * route under `src/pages/`.
 */
import { FACETS, type FacetKey } from './facets.ts';

/** One path segment from a slug or key (kebab-case already; encoded all the same). */
const segment = (value: string): string => encodeURIComponent(value);

/** Browse sort orders and their static pages. */
export const SORTS = ['title', 'score', 'vitality'] as const;
export type Sort = (typeof SORTS)[number];
export const SORT_LABELS: Readonly<Record<Sort, string>> = {
  title: 'Title',
  score: 'Overall score',
  vitality: 'Vitality',
};

const PATTERNS = 'patterns/';
/** The static page of a browse sort below `patterns/` (title order is the browse page itself). */
const sortPage = (sort: Exclude<Sort, 'title'>): string => `by-${sort}/`;

/** `base` with exactly one trailing `/` (`''` stays `''`: paths below the base). */
const withSlash = (base: string): string => (base === '' || base.endsWith('/') ? base : `${base}/`);

/** Every URL of the site below `base`. */
export function siteUrls(base: string) {
  const root = withSlash(base);
  const at = (path: string): string => `${root}${path}`;
  return {
    /** The base itself (`/` or `/sub/`), or `''` for paths below it. */
    root,
    home: at(''),
    browse: at(PATTERNS),
    sort: (sort: Sort): string => at(sort === 'title' ? PATTERNS : `${PATTERNS}${sortPage(sort)}`),
    /** A pattern's base page, or its page under one lens. */
    pattern: (slug: string, lens?: string): string =>
      at(`${PATTERNS}${segment(slug)}/${lens === undefined ? '' : `${segment(lens)}/`}`),
    /** A pattern's source file as written, and its data as JSON. */
    patternMarkdown: (slug: string): string => at(`${PATTERNS}${segment(slug)}.md`),
    patternJson: (slug: string): string => at(`api/patterns/${segment(slug)}.json`),
    lenses: at('lenses/'),
    /** The whole library under one lens. */
    lens: (lens: string): string => at(`lenses/${segment(lens)}/`),
    /** Index page of one facet (all its values), and the page of one value. */
    facetIndex: (key: FacetKey): string => at(`${FACETS[key].path}/`),
    facet: (key: FacetKey, value: string): string => at(`${FACETS[key].path}/${segment(value)}/`),
    wantedIndex: at('wanted/'),
    /** A wanted (not yet written) pattern: an anchor on the wanted page. */
    wanted: (slug: string): string => at(`wanted/#${segment(slug)}`),
    graph: at('graph/'),
    /** One domain's part of the graph: its patterns, their links, the links leaving it. */
    graphDomain: (domain: string): string => at(`graph/${segment(domain)}/`),
    search: at('search/'),
    /** The search index: its shard manifest and shard folders. */
    pagefind: at('pagefind/'),
    pagefindManifest: at('pagefind/shards.json'),
    /** Every pattern's slug and title, for the closest titles to a query that finds nothing. */
    searchTitles: at('pagefind/titles.json'),
    contribute: at('contribute/'),
    /** The library's health for maintainers. */
    health: at('health/'),
    /** Everyone named as a contributor, and one contributor's patterns (by contributor slug). */
    contributors: at('contributors/'),
    contributor: (slug: string): string => at(`contributors/${segment(slug)}/`),
    /** The published JSON Schema of pattern frontmatter. */
    patternSchema: at('schema/pattern.schema.json'),
    /** Library-wide data exports (see README, "Data exports"). */
    patternsJson: at('api/patterns.json'),
    graphJson: at('api/graph.json'),
    healthJson: at('api/health.json'),
    /** One lens's context labels by slug (for the lens-mode script). */
    lensLabelsJson: (lens: string): string => at(`api/lenses/${segment(lens)}.json`),
    llmsTxt: at('llms.txt'),
    rss: at('rss.xml'),
    sitemap: at('sitemap-index.xml'),
    robots: at('robots.txt'),
    /** A file served from public/ (the configured favicon and logo). */
    asset: (file: string) => at(file),
    notFound: at('404.html'),
  };
}

export type SiteUrls = ReturnType<typeof siteUrls>;

/** Paths below the base (no leading slash): what the build writes where. */
export const PATHS = siteUrls('');

/**
 * The pattern page a path below the base names (`patterns/<slug>/`, `patterns/<slug>/<lens>/`),
 * the inverse of `pattern()`; sort pages such as `patterns/by-score/` read as slugs (the
 * reading side reserves them: `RESERVED_PATTERN_SLUGS` in src/lib/reserved.ts).
 */
export function patternPage(path: string): { slug: string; lens?: string } | undefined {
  const match = /^\/?patterns\/([^/]+)\/(?:([^/]+)\/?)?$/.exec(path);
  if (match?.[1] === undefined) return undefined;
  const slug = decodeURIComponent(match[1]);
  return match[2] === undefined ? { slug } : { slug, lens: decodeURIComponent(match[2]) };
}

/**
 * A path as Astro routing spells it: decoded, without a trailing slash (a `[...rest]` parameter,
 * or an injected route's pattern when a path is built with `[param]` as one of its segments).
 */
export const routePath = (path: string): string => decodeURIComponent(path.replace(/\/$/, ''));

/** Links that may be shown to people: http(s) only (sources are untrusted text). */
export const isWebUrl = (text: string): boolean => /^https?:\/\/\S+$/i.test(text.trim());
