/**
 * Fenced code blocks as CommonMark reads them, line by line: a fence opens with three or more
 * backticks or tildes indented up to three spaces (a backtick fence's info string has no
 * backtick), and closes with the same character, at least as many, indented up to three spaces
 * and followed by nothing but spaces: "```js" inside a fence is code, not its end. The one
 * scanner of fences for the body parser (headings, src/lib/body.ts) and the nesting guard
 * (src/lib/nesting.ts).
 */

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

/** The fence marker a line opens, if it opens one. */
function fenceOpening(line: string): string | undefined {
  const match = FENCE_OPEN.exec(line);
  const marker = match?.[1];
  if (marker === undefined) return undefined;
  return marker.startsWith('`') && (match?.[2] ?? '').includes('`') ? undefined : marker;
}

/** Whether a line closes the fence `marker` opened. */
function closesFence(line: string, marker: string): boolean {
  const close = FENCE_CLOSE.exec(line)?.[1];
  return close?.startsWith(marker.charAt(0)) === true && close.length >= marker.length;
}

/** What a line is to fenced code: its opening, inside it (content or closing line), or neither. */
export type FenceLine = 'opening' | 'inside' | undefined;

const SPACE = 32;
const BACKTICK = 96;
const TILDE = 126;

/** Whether a line may open or close a fence: a backtick or tilde after at most three spaces. */
function mayBeFence(line: string): boolean {
  let i = 0;
  while (i < 3 && line.charCodeAt(i) === SPACE) i += 1;
  const code = line.charCodeAt(i);
  return code === BACKTICK || code === TILDE;
}

/** A scanner to call on each line in turn (container prefixes such as `> ` removed). */
export function fenceScanner(): (line: string) => FenceLine {
  let fence: string | undefined;
  return (line) => {
    // Most lines can neither open nor close a fence: no expression is run on them.
    if (!mayBeFence(line)) return fence === undefined ? undefined : 'inside';
    if (fence !== undefined) {
      if (closesFence(line, fence)) fence = undefined;
      return 'inside';
    }
    fence = fenceOpening(line);
    return fence === undefined ? undefined : 'opening';
  };
}
