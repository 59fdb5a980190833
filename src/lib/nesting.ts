/**
 * A cheap guard against Markdown nested so deeply that parsing or rendering
 * it would hang or overflow the stack: nested lists cost the parser time
 * growing with the square of their depth (400 levels: seconds; 5,000: hours),
 * and 5,000 nested block quotes or emphasis markers overflow the stack.
 *
 * One pass over the lines, outside fenced code: the container prefix of each
 * line (block quote `>` and list markers, and the indentation before them at
 * four columns a level), runs of emphasis delimiters (`*`, `_`, `~`), and brackets opened
 * and not yet closed within a paragraph. Real patterns nest a few levels.
 */
import { fenceScanner } from './fences.ts';

/** Deepest nesting accepted, as for front matter. */
export const MAX_MARKDOWN_NESTING = 32;

/** Where Markdown nests too deeply: 0-based line and column in the text checked. */
export interface NestingProblem {
  readonly line: number;
  readonly column: number;
}

const LIST_MARKER = /^(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/;

const TAB = 9;
const SPACE = 32;
const QUOTE = 62;

/** Whether a character can start a list marker (`-`, `+`, `*` or a digit). */
const mayStartListMarker = (code: number): boolean =>
  code === 45 || code === 43 || code === 42 || (code >= 48 && code <= 57);

/**
 * A line's container prefix: where it ends, and where its depth first goes
 * past {@link MAX_MARKDOWN_NESTING} (undefined if it never does). Indentation
 * counts only before a `>` or list marker: spaces alone (a blank line, a table
 * row padded with thousands of spaces, an indented code line) nest nothing.
 */
function containerPrefix(text: string): { end: number; tooDeep: number | undefined } {
  let markers = 0;
  let columns = 0;
  let indent = 0;
  let position = 0;
  let tooDeep: number | undefined;
  for (;;) {
    const start = position;
    const code = text.charCodeAt(position);
    if (code === SPACE || code === TAB) {
      indent += code === TAB ? 4 : 1;
      position += 1;
      continue;
    }
    if (code === QUOTE) {
      position += 1;
    } else {
      if (!mayStartListMarker(code)) break;
      const marker = LIST_MARKER.exec(text.slice(position, position + 11));
      if (!marker) break;
      position += marker[0].length;
    }
    markers += 1;
    columns += indent;
    indent = 0;
    if (tooDeep === undefined && markers + Math.floor(columns / 4) > MAX_MARKDOWN_NESTING) {
      tooDeep = start;
    }
  }
  return { end: position, tooDeep };
}

/** Emphasis markers and brackets, the characters whose runs and depth are counted. */
const MARKERS = /[*_~[\]]/g;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
/** A character that is not white space (as `trim` counts it). */
const NOT_BLANK = /\S/;

/** The first place `markdown` nests deeper than {@link MAX_MARKDOWN_NESTING}, if any. */
export function excessiveNesting(markdown: string): NestingProblem | undefined {
  const fences = fenceScanner();
  let brackets = 0;
  const lines = markdown.split('\n');
  for (let line = 0; line < lines.length; line += 1) {
    const text = lines[line] ?? '';
    const { end, tooDeep } = containerPrefix(text);
    const rest = end === 0 ? text : text.slice(end);
    const fence = fences(rest);
    if (fence === 'inside') continue;
    if (tooDeep !== undefined) return { line, column: tooDeep };
    if (fence === 'opening') continue;
    if (!NOT_BLANK.test(rest)) brackets = 0;
    // Only emphasis markers and brackets matter: jump from one to the next.
    let run = 0;
    let previous = -1;
    MARKERS.lastIndex = end;
    while (MARKERS.test(text)) {
      const column = MARKERS.lastIndex - 1;
      const code = text.charCodeAt(column);
      if (code === OPEN_BRACKET) brackets += 1;
      else if (code === CLOSE_BRACKET) brackets = Math.max(0, brackets - 1);
      // A run of emphasis markers: consecutive columns, none of them a bracket.
      const bracket = code === OPEN_BRACKET || code === CLOSE_BRACKET;
      run = bracket ? 0 : column === previous + 1 ? run + 1 : 1;
      previous = bracket ? -1 : column;
      if (run > MAX_MARKDOWN_NESTING || brackets > MAX_MARKDOWN_NESTING) return { line, column };
    }
  }
  return undefined;
}
