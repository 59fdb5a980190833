/**
 * Names a pattern file may not take because the site uses them: slugs that are pages under
 * `/patterns/`, and element ids of the page layout. The reading side owns both lists, so
 * `npm run check` reports a clash before any build; the site imports them from here.
 */
import GithubSlugger, { slug as slugOf } from 'github-slugger';

/** Path segments below `/patterns/` that are pages, not pattern slugs. */
export const RESERVED_PATTERN_SLUGS: ReadonlySet<string> = new Set(['by-score', 'by-vitality']);

/**
 * Ids the page layout and its components give their own elements (every page, so one list
 * serves them all). A pattern's section keys are ids too; extra sections never take any of them.
 */
export const RESERVED_PAGE_IDS = [
  // Layout and header.
  'main',
  'site-search',
  'theme-toggle',
  // Pattern page blocks.
  'summary',
  'lens-memory',
  'lens-guidance',
  'lens-known-uses',
  'assessment',
  'radar-title',
  'relationships',
  'backlinks',
  'similar-patterns',
  'neighbourhood',
  'neighbourhood-graph',
  'neighbourhood-graph-title',
  'graph-garden',
  'provenance',
  'more',
  // Browse, graph, search and 404 pages.
  'browse-count',
  'clear-filters',
  'facet-filters',
  'no-results',
  'pattern-list',
  'library-graph',
  'library-graph-title',
  'search-form',
  'search-q',
  'search-status',
  'search-results',
  'search-more',
  'nf-q',
  // Health page (src/pages/health/).
  'health-counts',
  'health-unlinked',
  'health-wanted',
  'health-sections',
  'health-scores',
  'health-duplicates',
  'health-pillars',
  'health-months',
] as const;

/** Id prefix of footnotes in rendered Markdown (remark-rehype's clobber prefix). */
export const FOOTNOTE_ID_PREFIX = 'user-content-';

/** Fallback id stem for a section whose heading has no letters or digits. */
const UNTITLED_ID = 'section';

/**
 * Unique ids for headings, github-slugger style (`## Known issues` → `known-issues`), that
 * never equal a reserved id or one of `taken`, never start like a footnote id, and begin with a
 * letter.
 */
export function headingIds(headings: readonly string[], taken: readonly string[]): string[] {
  const slugger = new GithubSlugger();
  for (const id of [...taken, ...RESERVED_PAGE_IDS]) slugger.slug(id);
  return headings.map((heading) => {
    const stem = slugOf(heading) || UNTITLED_ID;
    // An id begins with a letter ("5. 7 Pillars Assessment" → `section-5-7-pillars-assessment`).
    const prefixed = stem.startsWith(FOOTNOTE_ID_PREFIX) || !/^\p{L}/u.test(stem);
    return slugger.slug(prefixed ? `${UNTITLED_ID}-${stem}` : stem);
  });
}
