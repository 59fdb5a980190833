/**
 * The search record of one pattern, as the small HTML document Pagefind
 * indexes, made in two steps so that every format plugs in:
 * {@link searchInput} takes what a pattern of either format has into a format-neutral
 * {@link SearchInput} (names, labels, keywords, tension, summary, openings,
 * sections), and {@link searchRecord} writes the document from it.
 *
 * The document: title and metadata (summary, score, each lens's context
 * label), filters (src/model/facets.ts), then the searchable text. Title
 * (Pagefind's default for `<h1>`: 7), aliases and context labels (5) and
 * keywords (3) weigh above body text (1), so a pattern is found by its names
 * first.
 *
 * Every word of every section is findable, yet the index stays small: the
 * openings (the Problem's and the Solution's first paragraphs) are indexed
 * in order, as the text of excerpts; the rest of the text is indexed once
 * per distinct word, in order of first appearance, leaving out words already
 * indexed above. An index posting is a word position, so a word repeated in
 * a pattern costs one posting, not one per use (at 5,000 patterns the whole
 * text in order made every query load about 1 MB; figures in the README).
 * Filters are attributes (Pagefind indexes an element's text, even a hidden
 * one's, but no attribute value); the summary is indexed once, as metadata.
 *
 * Built from the loaded pattern, not from its page, so the index can be made
 * while the pages are still being rendered. Every frontmatter string is
 * escaped; the HTML parts are the sanitized output of the Markdown pipeline,
 * and of the sections only their words are kept.
 */
import type { SectionKey } from '../lib/body.ts';
import { escapeHtml } from '../lib/escape-html.ts';
import { htmlText } from '../lib/html-text.ts';
import { SEARCH_FILTERS } from './facets.ts';
import { summarize } from './library-model.ts';
import type { RenderedBody } from './rendered.ts';
import type { PatternSummary, StoredPattern } from './types.ts';

/** What a search record is made of, whatever the pattern's format. */
export interface SearchInput {
  readonly title: string;
  /** The summary results show (plain and short: src/lib/summary-text.ts). */
  readonly summary: string;
  /** The whole summary's text, indexed. */
  readonly summaryWords: string;
  /** Overall score shown in results, if the format has one. */
  readonly score?: number | undefined;
  readonly aliases: readonly string[];
  /** Context label by lens key (keys come from files: a Map). */
  readonly contextLabels: ReadonlyMap<string, string>;
  readonly keywords: readonly string[];
  readonly tension: string;
  /** Filter name and value pairs (src/model/facets.ts). */
  readonly filters: readonly (readonly [string, string])[];
  /** Opening paragraphs indexed in order (sanitized HTML), the text excerpts are cut from. */
  readonly openings: readonly string[];
  /**
   * Every section: its title when it is the pattern's own (older patterns' headings as written;
   * not the eight titles every v7.1 pattern shares) and its sanitized HTML.
   */
  readonly sections: readonly { readonly title?: string; readonly html: string }[];
}

/** Sections whose opening paragraph is indexed in order. */
const OPENING_SECTIONS: ReadonlySet<SectionKey> = new Set(['problem', 'solution']);

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

/**
 * The search input of a pattern. An older-format pattern has no keywords, tension or score; its
 * categories stand for keywords, its Overview opening is its opening, and its sections keep their
 * headings as written.
 */
export function searchInput(pattern: StoredPattern, rendered: RenderedBody): SearchInput {
  const p = summarize(pattern);
  const common = {
    title: p.title,
    summary: p.summary,
    summaryWords: htmlText(rendered.summaryHtml),
    contextLabels: p.contextLabels,
    filters: searchFilters(p),
  };
  if (pattern.format !== 'v7.1') {
    const { model, body } = pattern;
    const [overview] = rendered.extras;
    return {
      ...common,
      aliases: model.aliases,
      keywords: model.categories,
      tension: '',
      openings: overview === undefined ? [] : [lead(overview)],
      sections: body.sections.map(({ title }, index) => ({
        title,
        html: rendered.extras[index] ?? '',
      })),
    };
  }
  const hints = pattern.frontmatter.ontology.search_hints;
  return {
    ...common,
    score: p.format === 'v7.1' ? p.overallScore : undefined,
    aliases: pattern.frontmatter.aliases,
    keywords: hints.vector_keywords,
    tension: hints.primary_tension,
    openings: rendered.sections
      .filter(({ key }) => OPENING_SECTIONS.has(key))
      .map(({ html }) => lead(html)),
    sections: [
      ...rendered.sections.map(({ html }) => ({ html })),
      ...rendered.extras.map((html) => ({ html })),
    ],
  };
}

/** A letter or digit, and a mark that joins two runs of them into one word (a dash, apostrophe or dot). */
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const INNER_MARK = /^[\p{Pd}'’.]$/u;

/** Per UTF-16 code unit above ASCII: 0 not yet known, 1 letter or digit, 2 inner mark, 3 neither. */
const kinds = new Uint8Array(0x10000);

/** The kind of a code unit above ASCII (see {@link kinds}), found by the expressions once per unit. */
function kindOf(code: number): number {
  let kind = kinds[code] ?? 0;
  if (kind === 0) {
    const char = String.fromCharCode(code);
    kind = LETTER_OR_DIGIT.test(char) ? 1 : INNER_MARK.test(char) ? 2 : 3;
    kinds[code] = kind;
  }
  return kind;
}

/** How many code units the letter or digit at `at` takes (2 beyond the BMP), 0 when there is none. */
function letterOrDigitAt(text: string, at: number): number {
  if (at >= text.length) return 0;
  const code = text.charCodeAt(at);
  if (code < 0x80) {
    const lower = code | 0x20;
    return (lower >= 0x61 && lower <= 0x7a) || (code >= 0x30 && code <= 0x39) ? 1 : 0;
  }
  if (code >= 0xd800 && code <= 0xdbff) {
    const point = text.codePointAt(at) ?? 0;
    return point > 0xffff && LETTER_OR_DIGIT.test(String.fromCodePoint(point)) ? 2 : 0;
  }
  return kindOf(code) === 1 ? 1 : 0;
}

/** Whether the code unit at `at` joins the runs of letters on its sides (see {@link eachWord}). */
function innerMarkAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code === 0x2e || code === 0x27 || code === 0x2d) return true;
  return code >= 0x80 && kindOf(code) === 2;
}

/**
 * Calls `use` with each word of a text: runs of letters and digits, joined by single inner marks
 * (dashes, apostrophes, dots): the matches of `[\p{L}\p{N}]+` runs joined by one `[\p{Pd}'’.]`
 * each, found by code unit rather than by that regular expression (twice as fast on the real
 * library's text; tests/search-document.test.ts compares the two).
 */
function eachWord(text: string, use: (word: string) => void): void {
  const { length } = text;
  let at = 0;
  while (at < length) {
    let width = letterOrDigitAt(text, at);
    if (width === 0) {
      at += 1;
      continue;
    }
    const start = at;
    for (;;) {
      while (width > 0) {
        at += width;
        width = letterOrDigitAt(text, at);
      }
      if (at >= length || !innerMarkAt(text, at)) break;
      width = letterOrDigitAt(text, at + 1);
      if (width === 0) break;
      at += 1;
    }
    use(text.slice(start, at));
  }
}

/** Each distinct word of `texts` (case-insensitive), in order of first appearance, not in `known`. */
export function distinctWords(texts: readonly string[], known: ReadonlySet<string>): string[] {
  // Lower-case forms, and each spelling met: a spelling met again is skipped without lower-casing.
  const seen = new Set(known);
  const words: string[] = [];
  for (const text of texts) {
    eachWord(text, (word) => {
      if (seen.has(word)) return;
      seen.add(word);
      const key = word.toLowerCase();
      if (key !== word) {
        if (seen.has(key)) return;
        seen.add(key);
      }
      words.push(word);
    });
  }
  return words;
}

/** The HTML document Pagefind indexes for a pattern described by `input`. */
export function searchRecord(input: SearchInput): string {
  const weighted = (weight: number, texts: readonly string[]): string =>
    texts.length === 0
      ? ''
      : `<p data-pagefind-weight="${String(weight)}">${texts.map(escapeHtml).join(' · ')}</p>`;
  // Filter values are kebab-case slugs or enum values (the schema's): no ':' or ',' to escape.
  const filter = ([name, value]: readonly [string, string]): string =>
    `<span data-pagefind-filter="${name}:${escapeHtml(value)}"></span>`;
  // Each label is indexed once and is also the metadata `label-<lens>` (lens keys are slugs).
  const labels = [...input.contextLabels].map(
    ([lens, label]) => `<span data-pagefind-meta="label-${lens}">${escapeHtml(label)}</span>`,
  );
  const indexed = [
    input.title,
    input.summaryWords,
    ...input.aliases,
    ...input.contextLabels.values(),
    ...input.keywords,
    input.tension,
    ...input.openings.map(htmlText),
  ];
  const rest = distinctWords(
    input.sections.flatMap(({ title, html }) => [title ?? '', htmlText(html)]),
    new Set(distinctWords(indexed, new Set()).map((word) => word.toLowerCase())),
  );
  return [
    '<html lang="en"><body><main data-pagefind-body>',
    `<h1 data-pagefind-meta="title">${escapeHtml(input.title)}</h1>`,
    '<div hidden>',
    `<p data-pagefind-meta="summary">${escapeHtml(input.summary)}</p>`,
    input.score === undefined
      ? ''
      : `<span data-pagefind-meta="score:${input.score.toFixed(1)}"></span>`,
    ...input.filters.map(filter),
    '</div>',
    weighted(5, input.aliases),
    labels.length === 0 ? '' : `<p data-pagefind-weight="5">${labels.join(' · ')}</p>`,
    weighted(3, input.keywords),
    weighted(1, input.tension === '' ? [] : [input.tension]),
    ...input.openings,
    rest.length === 0 ? '' : `<p>${rest.map(escapeHtml).join(' ')}</p>`,
    '</main></body></html>',
  ].join('');
}

/** The HTML document Pagefind indexes for a v7.1 `pattern`. */
export function searchDocument(pattern: StoredPattern, rendered: RenderedBody): string {
  return searchRecord(searchInput(pattern, rendered));
}
