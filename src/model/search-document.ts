/**
 * The search record of one pattern, as the small HTML document Pagefind
 * indexes: title and metadata (summary, score), filters (the search filters
 * of src/model/facets.ts), then the searchable text. Aliases and
 * context labels weigh 5 and vector keywords 3 against body text's 1, so a
 * pattern is found by any of its names first.
 *
 * The body text indexed is the summary, the primary tension and the opening
 * paragraphs of the Problem and the Solution (the "core conflict" and the
 * "Therefore…"), the pattern in a nutshell, not every word: at 5,000
 * patterns the whole text made every query load about 1 MB of index
 * (figures in the README). Every word indexed costs each query that hits its
 * index chunk, so nothing is indexed twice or for nothing: filters are given
 * as attributes (Pagefind indexes an element's text, even a hidden one's, but
 * not an attribute value), the summary only as the metadata shown in results,
 * and no section titles (the same words in every record).
 *
 * Built from the loaded pattern, not from its built page, so the index can
 * be made while the pages are still being rendered; Pagefind reads nothing
 * else. Every frontmatter string is escaped; the HTML parts are the
 * sanitized output of the Markdown pipeline.
 */
import type { SectionKey } from '../lib/body.ts';
import { escapeHtml } from '../lib/escape-html.ts';
import { SEARCH_FILTERS } from './facets.ts';
import { summarize } from './library-model.ts';
import type { RenderedBody } from './rendered.ts';
import type { PatternSummary, StoredPattern } from './types.ts';

/** Sections whose opening paragraph is indexed. */
const INDEXED_SECTIONS: ReadonlySet<SectionKey> = new Set(['problem', 'solution']);

/**
 * The first paragraph of a rendered section (sanitized HTML, whose `<p>` has no attributes),
 * even inside a block quote as in "> **Therefore, …**".
 */
export function lead(html: string): string {
  const start = html.indexOf('<p>');
  const end = html.indexOf('</p>', start);
  return start < 0 || end < 0 ? '' : html.slice(start, end + '</p>'.length);
}

/** The filter values of a pattern, in the order of the search filters (src/model/facets.ts). */
function searchFilters(p: PatternSummary): [string, string][] {
  return SEARCH_FILTERS.flatMap(({ name, values }) =>
    values(p).map((value): [string, string] => [name, value]),
  );
}

/** The HTML document Pagefind indexes for `pattern`. */
export function searchDocument(pattern: StoredPattern, rendered: RenderedBody): string {
  const p = summarize(pattern);
  const hints = pattern.format === 'v7.1' ? pattern.frontmatter.ontology.search_hints : undefined;
  const weighted = (weight: number, texts: readonly string[]): string =>
    texts.length === 0
      ? ''
      : `<p data-pagefind-weight="${String(weight)}">${texts.map(escapeHtml).join(' · ')}</p>`;
  // Filter values are kebab-case slugs or enum values (the schema's): no ':' or ',' to escape.
  const filter = ([name, value]: [string, string]): string =>
    `<span data-pagefind-filter="${name}:${escapeHtml(value)}"></span>`;
  return [
    '<html lang="en"><body><main data-pagefind-body>',
    `<h1 data-pagefind-meta="title">${escapeHtml(p.title)}</h1>`,
    '<div hidden>',
    `<p data-pagefind-meta="summary">${escapeHtml(p.summary)}</p>`,
    p.format === 'v7.1'
      ? `<span data-pagefind-meta="score:${p.overallScore.toFixed(1)}"></span>`
      : '',
    ...searchFilters(p).map(filter),
    '</div>',
    weighted(5, pattern.frontmatter.aliases),
    weighted(5, [...p.contextLabels.values()]),
    weighted(3, hints?.vector_keywords ?? []),
    weighted(1, hints === undefined ? [] : [hints.primary_tension]),
    // An older-format pattern: the opening paragraph of each section as written.
    ...(pattern.format === 'older'
      ? rendered.extras.map(lead)
      : rendered.sections
          .filter(({ key }) => INDEXED_SECTIONS.has(key))
          .map(({ html }) => lead(html))),
    '</main></body></html>',
  ].join('');
}
