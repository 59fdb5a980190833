/**
 * A pattern's summary as listings, search results and page descriptions show it: plain text
 * (Markdown read by the renderer's parser, so `**Backpressure**` shows as "Backpressure"), and
 * short. An older-format pattern's summary is its Overview's first paragraph, up to 2,100
 * characters in the real library (1,622 of its 3,614 summaries are longer than 400): listed
 * whole, they made the browse page 3.6 MB and every page's description a paragraph.
 */
import { toString } from 'mdast-util-to-string';
import { parseMarkdown } from './markdown.ts';

/** The most characters of a summary shown (two or three lines of a listing). */
export const SUMMARY_LENGTH = 240;

/** Characters Markdown syntax needs (emphasis, code, links, escapes, character references, HTML). */
const MARKDOWN = /[*_`[\]\\&<]/;
/** The end of a sentence followed by more text, within the shown length. */
const SENTENCE_END = /[.!?]["'’”)]*\s/g;

/**
 * The plain text of a summary written in Markdown, at most {@link SUMMARY_LENGTH} characters: cut
 * after its last sentence that ends in the second half of that length, else after a word, with
 * "…".
 */
export function summaryText(markdown: string): string {
  const plain = MARKDOWN.test(markdown) ? toString(parseMarkdown(markdown)) : markdown;
  const text = plain.replace(/\s+/g, ' ').trim();
  if (text.length <= SUMMARY_LENGTH) return text;
  const shown = text.slice(0, SUMMARY_LENGTH + 1);
  let sentence = -1;
  for (const end of shown.matchAll(SENTENCE_END)) sentence = end.index + end[0].trimEnd().length;
  if (sentence >= SUMMARY_LENGTH / 2) return text.slice(0, sentence);
  const space = shown.lastIndexOf(' ');
  return `${text.slice(0, space > 0 ? space : SUMMARY_LENGTH).replace(/[\s,;:–—-]+$/, '')}…`;
}
