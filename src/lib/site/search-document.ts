/**
 * The search record of one pattern, as the small HTML document Pagefind
 * indexes: title and metadata (summary, score), filters (domain, status,
 * usage and adoption stage, lens), then the searchable text. Aliases and
 * context labels weigh 5 and vector keywords 3 against body text's 1, so a
 * pattern is found by any of its names first.
 *
 * The body text indexed is the summary, the primary tension and the opening
 * paragraphs of the Problem and the Solution (the "core conflict" and the
 * "Therefore…"), the pattern in a nutshell, not every word: at 5,000
 * patterns the whole text made every query load about 1 MB of index; this
 * keeps a query near 60 KB (figures in the README).
 *
 * Built from the loaded pattern, not from its built page, so the index can
 * be made while the pages are still being rendered; Pagefind reads nothing
 * else. Every frontmatter string is escaped; the HTML parts are the
 * sanitized output of the Markdown pipeline.
 */
import { SECTION_TITLES, type SectionKey } from '../body.ts';
import { escapeHtml } from '../html.ts';
import { summarize } from './library-model.ts';
import type { RenderedBody } from './rendered.ts';
import type { PatternSummary, StoredPattern } from './types.ts';

/** Sections whose opening paragraph is indexed. */
const INDEXED_SECTIONS: ReadonlySet<SectionKey> = new Set(['problem', 'solution']);

/** Everything of a rendered section (sanitized HTML) up to the end of its first paragraph. */
export function lead(html: string): string {
  const end = html.indexOf('</p>');
  return end < 0 ? '' : html.slice(0, end + '</p>'.length);
}

/** Pagefind filter names and the search page's select values. */
export type SearchFilter = 'domain' | 'status' | 'stage' | 'adoption' | 'lens';

/** The filter values of a pattern, in a fixed order. */
function searchFilters(p: PatternSummary): [SearchFilter, string][] {
  return [
    ['domain', p.domain],
    ['status', p.status],
    ['stage', p.usageStage],
    ['adoption', p.adoptionStage],
    ...p.lenses.map(({ key }): [SearchFilter, string] => ['lens', key]),
  ];
}

/** The HTML document Pagefind indexes for `pattern`. */
export function searchDocument(pattern: StoredPattern, rendered: RenderedBody): string {
  const { frontmatter } = pattern;
  const p = summarize(pattern);
  const weighted = (weight: number, texts: readonly string[]): string =>
    texts.length === 0
      ? ''
      : `<p data-pagefind-weight="${String(weight)}">${texts.map(escapeHtml).join(' · ')}</p>`;
  const tag = (attribute: string, name: string, value: string): string =>
    `<span ${attribute}="${name}">${escapeHtml(value)}</span>`;
  return [
    '<html lang="en"><body><main data-pagefind-body>',
    `<h1 data-pagefind-meta="title">${escapeHtml(p.title)}</h1>`,
    '<div hidden>',
    tag('data-pagefind-meta', 'summary', p.summary),
    tag('data-pagefind-meta', 'score', p.overallScore.toFixed(1)),
    ...searchFilters(p).map(([name, value]) => tag('data-pagefind-filter', name, value)),
    '</div>',
    weighted(5, frontmatter.aliases),
    weighted(5, Object.values(p.contextLabels)),
    weighted(3, frontmatter.ontology.search_hints.vector_keywords),
    weighted(1, [frontmatter.ontology.search_hints.primary_tension]),
    rendered.summaryHtml,
    ...rendered.sections
      .filter(({ key }) => INDEXED_SECTIONS.has(key))
      .map(({ key, html }) => `<h2>${SECTION_TITLES[key]}</h2>${lead(html)}`),
    '</main></body></html>',
  ].join('');
}
