/**
 * Pattern body: a fast line scanner (no Markdown parser) that finds the summary, the confidence
 * callout and the eight canonical sections of a pattern's Markdown body.
 *
 * It runs on the hot path of `npm run check`, so it looks at each line once and only runs
 * regular expressions on lines that can be headings, fences or callouts. It is CommonMark-aware
 * where that matters: ATX headings count only outside ``` and ~~~ fenced code blocks and outside
 * indented code; setext headings are ignored.
 *
 * Confidence labels are not checked against a list: the seed and the 240 v7.1 files of the
 * real-library sample only ever use ★★★, labelled "Established" (225 files) or "High" (7), so
 * there is no evidence for the words that go with one or two stars.
 */

import { bodyLinks, type BodyLinks } from './body-links.ts';
import type { Diagnostic } from './diagnostics.ts';
import { fenceScanner } from './fences.ts';
import { excessiveNesting, MAX_MARKDOWN_NESTING } from './nesting.ts';
import { headingIds } from './reserved.ts';
import { placeholderInLine, placeholderMessage } from './placeholders.ts';

/** Canonical section keys, in the order the sections must appear. */
export const SECTION_KEYS = [
  'context',
  'problem',
  'solution',
  'implementation',
  'consequences',
  'known-uses',
  'cognitive-era',
  'vitality',
] as const;

/** One of the eight canonical section keys. */
export type SectionKey = (typeof SECTION_KEYS)[number];

/** Canonical (display) title of each section. */
export const SECTION_TITLES: Readonly<Record<SectionKey, string>> = {
  context: 'Context',
  problem: 'Problem',
  solution: 'Solution',
  implementation: 'Implementation',
  consequences: 'Consequences',
  'known-uses': 'Known Uses',
  'cognitive-era': 'Cognitive Era',
  vitality: 'Vitality',
};

/** The confidence callout (`> [!NOTE] Confidence Rating: ★★★ (Established)` plus its text). */
export interface Confidence {
  readonly stars: 1 | 2 | 3;
  readonly label: string;
  /** The callout's following lines as Markdown, `>` markers removed. */
  readonly text: string;
  readonly line: number;
}

/** A canonical section as found in the body. */
export interface BodySection {
  readonly key: SectionKey;
  readonly title: string;
  /** Heading text as written (`Section 1: Context (100-200 words)`). */
  readonly heading: string;
  readonly line: number;
  /** Section Markdown without its heading and without trailing `---` separators. */
  readonly markdown: string;
}

/** A non-canonical top-level section (`### References`) or a repeated canonical one. */
export interface ExtraSection {
  readonly heading: string;
  /** Element id: unique on the page, never a section key or a layout id (src/lib/reserved.ts). */
  readonly id: string;
  readonly line: number;
  readonly markdown: string;
}

/** A body finding; the caller adds the file to make it a {@link Diagnostic}. */
export type BodyIssue = Pick<
  Diagnostic,
  'line' | 'column' | 'path' | 'message' | 'severity' | 'rule'
>;

/** Everything {@link parseBody} finds in a pattern body. */
export interface ParsedBody {
  /** First paragraph or blockquote before the callout (Markdown, `>` markers removed). */
  readonly summary: string | undefined;
  readonly confidence: Confidence | undefined;
  /** First occurrence of each canonical section, in file order. */
  readonly sections: readonly BodySection[];
  readonly extras: readonly ExtraSection[];
  readonly issues: readonly BodyIssue[];
  /** The text's links (src/lib/body-links.ts); its issues are among {@link issues} too. */
  readonly links: BodyLinks;
}

const CALLOUT_EXAMPLE = '> [!NOTE] Confidence Rating: ★★★ (Established)';

/** `[Section N:|N.] Name [Considerations] [(…)|: …| - …]`, matched on the heading text. */
const SECTION_HEADING = new RegExp(
  `^(?:section\\s+)?(?:\\d+\\s*[.:)]?\\s*[-–—:]?\\s*)?(${Object.values(SECTION_TITLES)
    .map((title) => title.replace(/ /g, '\\s+'))
    .join('|')})(?:\\s+considerations)?(?:\\s*\\([^)]*\\)|\\s*:.*|\\s+[-–—]\\s.*)?$`,
  'i',
);
const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const QUOTE_MARKER = /^ {0,3}>[ \t]?/;
const CALLOUT_CANDIDATE = /^(?:\[!note\]|\W*confidence rating)/i;
const CALLOUT =
  /^\[!note\][ \t]+confidence rating:[ \t]*([★☆]+)[ \t]*\(([^()]*[^()\s][^()]*)\)[ \t]*$/i;
const EMPHASIS_WRAP = /^[*_]+|[*_]+$/g;

const KEY_BY_NAME = new Map<string, SectionKey>(
  SECTION_KEYS.map((key) => [SECTION_TITLES[key].toLowerCase(), key]),
);

/** Section key named by a heading's text, if it is a canonical section heading. */
function sectionKeyOf(headingText: string): SectionKey | undefined {
  const match = SECTION_HEADING.exec(headingText.replace(EMPHASIS_WRAP, '').trim());
  return match?.[1] === undefined
    ? undefined
    : KEY_BY_NAME.get(match[1].toLowerCase().replace(/\s+/g, ' '));
}

/** Lines of the body with their offsets (`text` excludes the line ending). */
export interface Lines {
  readonly texts: readonly string[];
  readonly starts: readonly number[];
}

/** Splits Markdown into lines (CRLF-aware), without a final empty line. */
export function splitLines(markdown: string): Lines {
  const texts: string[] = [];
  const starts: number[] = [];
  let start = 0;
  while (start <= markdown.length) {
    const newline = markdown.indexOf('\n', start);
    const end = newline === -1 ? markdown.length : newline;
    starts.push(start);
    texts.push(markdown.slice(start, markdown.charCodeAt(end - 1) === 13 ? end - 1 : end));
    start = end + 1;
  }
  if (texts.length > 1 && texts[texts.length - 1] === '') {
    texts.pop();
    starts.pop();
  }
  return { texts, starts };
}

/** An ATX heading: its line index, level, text and canonical v7.1 section key, if any. */
export interface Heading {
  readonly index: number;
  readonly level: number;
  readonly text: string;
  readonly key: SectionKey | undefined;
}

/** First non-space character code of a line if it is indented less than four columns. */
function leadChar(text: string): number {
  let i = 0;
  while (i < 3 && text.charCodeAt(i) === 32) i++;
  return text.charCodeAt(i);
}

const HASH = 35;

/** ATX headings outside fenced code blocks. */
export function scanHeadings(texts: readonly string[]): Heading[] {
  const headings: Heading[] = [];
  const fences = fenceScanner();
  texts.forEach((text, index) => {
    if (fences(text) !== undefined) return;
    if (leadChar(text) === HASH) {
      const match = ATX_HEADING.exec(text);
      if (match?.[1] !== undefined) {
        const headingText = (match[2] ?? '').trim();
        headings.push({
          index,
          level: match[1].length,
          text: headingText,
          key: match[1].length <= 4 ? sectionKeyOf(headingText) : undefined,
        });
      }
    }
  });
  return headings;
}

/** A level-1 non-section heading on the body's first non-blank line repeats the title. */
export function titleHeading(
  headings: readonly Heading[],
  texts: readonly string[],
): Heading | undefined {
  const first = headings[0];
  const firstContent = texts.findIndex((text) => !isBlank(text));
  return first?.index === firstContent && first.level === 1 && first.key === undefined
    ? first
    : undefined;
}

export const isBlank = (text: string): boolean => text.trim() === '';
const isThematicBreak = (text: string): boolean => THEMATIC_BREAK.test(text);
const stripQuote = (text: string): string => text.replace(QUOTE_MARKER, '');

/** Markdown of lines [from, to), without surrounding blank lines and trailing `---` rules. */
export function sliceLines(markdown: string, lines: Lines, from: number, to: number): string {
  const { texts, starts } = lines;
  let first = from;
  let last = to;
  while (first < last && isBlank(texts[first] ?? '')) first++;
  while (
    last > first &&
    (isBlank(texts[last - 1] ?? '') || isThematicBreak(texts[last - 1] ?? ''))
  ) {
    last--;
  }
  if (first === last) return '';
  const lastStart = starts[last - 1] ?? 0;
  return markdown.slice(starts[first], lastStart + (texts[last - 1] ?? '').length);
}

/** A run of non-blank preamble lines [from, to). */
interface Chunk {
  readonly from: number;
  readonly to: number;
}

/** Preamble blocks: blank-line separated; callout lines start a block, rules are blocks of their own. */
function preambleChunks(texts: readonly string[], from: number, to: number): Chunk[] {
  const chunks: Chunk[] = [];
  let start = -1;
  const close = (index: number): void => {
    if (start !== -1) chunks.push({ from: start, to: index });
    start = -1;
  };
  for (let index = from; index < to; index++) {
    const text = texts[index] ?? '';
    if (isBlank(text) || isThematicBreak(text) || isCalloutCandidate(text)) close(index);
    if (isThematicBreak(text)) chunks.push({ from: index, to: index + 1 });
    else if (!isBlank(text) && start === -1) start = index;
  }
  close(to);
  return chunks;
}

function isCalloutCandidate(text: string): boolean {
  return CALLOUT_CANDIDATE.test(stripQuote(text).trimStart());
}

function chunkText(texts: readonly string[], from: number, to: number): string {
  return texts
    .slice(from, to)
    .map((text) => stripQuote(text))
    .join('\n')
    .trim();
}

interface Preamble {
  readonly summary: string | undefined;
  readonly confidence: Confidence | undefined;
  readonly issues: BodyIssue[];
}

/** Summary and confidence callout from the lines before the first section. */
function parsePreamble(
  texts: readonly string[],
  from: number,
  to: number,
  lineOf: (index: number) => number,
): Preamble {
  const chunks = preambleChunks(texts, from, to);
  const calloutAt = chunks.findIndex((chunk) => isCalloutCandidate(texts[chunk.from] ?? ''));
  const callout = chunks[calloutAt];
  const summaryChunk = chunks
    .slice(0, calloutAt === -1 ? chunks.length : calloutAt)
    .find((chunk) => !isThematicBreak(texts[chunk.from] ?? ''));
  const issues: BodyIssue[] = [];
  const endLine = lineOf(to);
  if (summaryChunk === undefined) {
    issues.push(
      warning(
        callout === undefined ? endLine : lineOf(callout.from),
        'body.summary',
        'missing summary (expected a paragraph before the confidence callout)',
      ),
    );
  }
  let confidence: Confidence | undefined;
  if (callout === undefined) {
    issues.push(
      warning(
        endLine,
        'body.confidence',
        `missing confidence callout (expected "${CALLOUT_EXAMPLE}")`,
      ),
    );
  } else {
    const parsed = parseCallout(texts, callout, lineOf(callout.from));
    confidence = parsed.confidence;
    issues.push(...parsed.issues);
  }
  return {
    summary: summaryChunk && chunkText(texts, summaryChunk.from, summaryChunk.to),
    confidence,
    issues,
  };
}

function parseCallout(
  texts: readonly string[],
  chunk: Chunk,
  line: number,
): { confidence: Confidence | undefined; issues: BodyIssue[] } {
  const first = texts[chunk.from] ?? '';
  const title = stripQuote(first).trim();
  const match = CALLOUT.exec(title);
  const stars = match?.[1]?.split('').filter((char) => char === '★').length ?? 0;
  if (match?.[2] === undefined || !isStarCount(stars)) {
    const problem =
      match === null
        ? `malformed confidence callout "${title}"`
        : `confidence rating has ${stars} ★`;
    return {
      confidence: undefined,
      issues: [warning(line, 'body.confidence', `${problem} (expected "${CALLOUT_EXAMPLE}")`)],
    };
  }
  const confidence: Confidence = {
    stars,
    label: match[2].trim(),
    text: chunkText(texts, chunk.from + 1, chunk.to),
    line,
  };
  const issues = QUOTE_MARKER.test(first)
    ? []
    : [
        warning(
          line,
          'body.confidence',
          `confidence callout is not a blockquote (expected "${CALLOUT_EXAMPLE}")`,
        ),
      ];
  return { confidence, issues };
}

const isStarCount = (count: number): count is Confidence['stars'] => count >= 1 && count <= 3;

function warning(line: number, path: string, message: string): BodyIssue {
  return { line, column: 1, path, message, severity: 'warning', rule: 'sections' };
}

/** Issues about missing, repeated and misplaced canonical sections. */
function sectionIssues(
  found: readonly { key: SectionKey; line: number }[],
  endLine: number,
): BodyIssue[] {
  const issues: BodyIssue[] = [];
  const firstLine = new Map<SectionKey, number>();
  let furthest: { key: SectionKey; line: number } | undefined;
  for (const section of found) {
    const path = `body.sections.${section.key}`;
    const title = SECTION_TITLES[section.key];
    const earlier = firstLine.get(section.key);
    if (earlier !== undefined) {
      issues.push(
        warning(section.line, path, `duplicate section "${title}" (first at line ${earlier})`),
      );
      continue;
    }
    firstLine.set(section.key, section.line);
    if (furthest !== undefined && order(furthest.key) > order(section.key)) {
      issues.push(
        warning(
          section.line,
          path,
          `section "${title}" is out of order (expected before "${SECTION_TITLES[furthest.key]}" at line ${furthest.line})`,
        ),
      );
    } else {
      furthest = section;
    }
  }
  SECTION_KEYS.forEach((key, position) => {
    if (firstLine.has(key)) return;
    const next = found.find((section) => order(section.key) > position);
    issues.push(
      warning(
        next?.line ?? endLine,
        `body.sections.${key}`,
        `missing section "${SECTION_TITLES[key]}" (expected a heading like "### Section ${position + 1}: ${SECTION_TITLES[key]}")`,
      ),
    );
  });
  return issues;
}

const order = (key: SectionKey): number => SECTION_KEYS.indexOf(key);

/** An error when the body nests Markdown too deeply to be rendered (either format). */
export function nestingIssue(markdown: string, firstLine: number): BodyIssue | undefined {
  const nesting = excessiveNesting(markdown);
  return nesting
    ? {
        line: firstLine + nesting.line,
        column: nesting.column + 1,
        path: 'body',
        message: `Markdown nested deeper than ${String(MAX_MARKDOWN_NESTING)} levels (lists, block quotes, emphasis or brackets); it would not be rendered`,
        severity: 'error',
        rule: 'nesting',
      }
    : undefined;
}

/**
 * Parses a pattern body. `firstLine` is the 1-based file line on which `markdown` begins, so every
 * reported line is a file line. Issues about something missing point at the line where it should
 * have been inserted: the next thing that is present (for a section: the next present section in
 * canonical order), or the body's last line.
 */
export function parseBody(markdown: string, firstLine: number): ParsedBody {
  const lines = splitLines(markdown);
  const { texts } = lines;
  const lineOf = (index: number): number => firstLine + Math.min(index, texts.length - 1);
  const headings = scanHeadings(texts);
  const title = titleHeading(headings, texts);
  const boundaries = headings.filter(
    (heading) => heading !== title && (heading.key !== undefined || heading.level <= 3),
  );
  const preambleEnd = boundaries[0]?.index ?? texts.length;
  const preamble = parsePreamble(texts, title ? title.index + 1 : 0, preambleEnd, lineOf);

  const sections: BodySection[] = [];
  const extras: Omit<ExtraSection, 'id'>[] = [];
  const found: { key: SectionKey; line: number }[] = [];
  boundaries.forEach((heading, position) => {
    const line = lineOf(heading.index);
    const end = boundaries[position + 1]?.index ?? texts.length;
    const content = sliceLines(markdown, lines, heading.index + 1, end);
    const { key } = heading;
    if (key !== undefined && !found.some((section) => section.key === key)) {
      sections.push({
        key,
        title: SECTION_TITLES[key],
        heading: heading.text,
        line,
        markdown: content,
      });
    } else {
      extras.push({ heading: heading.text, line, markdown: content });
    }
    if (key !== undefined) found.push({ key, line });
  });

  const placeholders = texts.flatMap((text, index): BodyIssue[] => {
    const what = placeholderInLine(text);
    if (what === undefined) return [];
    const within = boundaries.findLast((heading) => heading.index < index);
    const path =
      within === undefined
        ? QUOTE_MARKER.test(text)
          ? 'body.confidence'
          : 'body.summary'
        : within.key === undefined
          ? `body.section "${within.text}"`
          : `body.sections.${within.key}`;
    return [
      {
        line: lineOf(index),
        column: 1,
        severity: 'error',
        rule: 'placeholder',
        path,
        message: placeholderMessage(what),
      },
    ];
  });
  const issues = [
    ...preamble.issues,
    ...sectionIssues(found, lineOf(texts.length - 1)),
    ...placeholders,
  ];
  const nesting = nestingIssue(markdown, firstLine);
  if (nesting) issues.push(nesting);
  const extrasWithIds = withIds(extras);
  const links = bodyLinks(markdown, firstLine, [
    ...sections.map(({ key }) => key),
    ...extrasWithIds.map(({ id }) => id),
  ]);
  issues.push(...links.issues);
  issues.sort((a, b) => a.line - b.line);
  return {
    summary: preamble.summary,
    confidence: preamble.confidence,
    sections,
    extras: extrasWithIds,
    issues,
    links,
  };
}

/** Extra sections with their element ids. */
function withIds(extras: readonly Omit<ExtraSection, 'id'>[]): ExtraSection[] {
  const ids = headingIds(
    extras.map(({ heading }) => heading),
    SECTION_KEYS,
  );
  return extras.map((extra, index) => ({ ...extra, id: ids[index] ?? '' }));
}
