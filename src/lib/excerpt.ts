/**
 * Excerpts of search results as text runs, some marked: the words around the
 * first matched word of a result's indexed text (Pagefind's `content`, words
 * separated by white space, and `locations`, the indexes of matched words).
 * The page shows them as text nodes and `<mark>` elements, never as HTML.
 */
import { decodeEntities } from './html-text.ts';

/** A run of an excerpt's text, marked when it is a matched word. */
export interface ExcerptRun {
  readonly text: string;
  readonly marked: boolean;
}

/** Words shown before the first match. */
const BEFORE = 6;

/** The `length` words around the first of `locations`, matched words marked, runs merged. */
export function excerpt(content: string, locations: readonly number[], length = 28): ExcerptRun[] {
  const words = content.split(/[\r\n\s]+/g);
  const first = locations.length === 0 ? 0 : Math.min(...locations);
  const start = Math.max(0, Math.min(first - BEFORE, words.length - length));
  const end = Math.min(words.length, start + length);
  const marked = new Set(locations);
  const runs: { text: string; marked: boolean }[] = [];
  const push = (text: string, isMarked: boolean): void => {
    const last = runs.at(-1);
    if (last && !last.marked && !isMarked) last.text += text;
    else runs.push({ text, marked: isMarked });
  };
  if (start > 0) push('… ', false);
  for (let i = start; i < end; i += 1) {
    if (i > start) push(' ', false);
    push(decodeEntities(words[i] ?? ''), marked.has(i));
  }
  if (end < words.length) push(' …', false);
  return runs.filter(({ text }) => text !== '');
}
