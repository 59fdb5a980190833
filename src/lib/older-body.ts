/**
 * The body of an older-format pattern, shown as written: an optional title line
 * (`# CODE: Title` or `# Title`), then sections at `#`, `##` or `###`, numbered or not
 * (`### 1. Overview`, `## Core Principles (150-300 words)`). Uses the heading scanner of
 * body.ts; deeper headings stay inside their section's Markdown.
 */
import { bodyLinks, type BodyLinks } from './body-links.ts';
import {
  nestingIssue,
  scanHeadings,
  sliceLines,
  splitLines,
  titleHeading,
  type BodyIssue,
} from './body.ts';
import { headingIds } from './reserved.ts';

/** One section of an older-format body, as written. */
export interface OlderSection {
  /** Stable id for links and the table of contents (github-slugger of the title; never a page id). */
  readonly id: string;
  /** Heading without numbering, emphasis or word-count hint: `Core Principles`. */
  readonly title: string;
  /** Heading text as written: `2. Core Principles (150-300 words)`. */
  readonly heading: string;
  readonly line: number;
  /** Section Markdown without its heading and trailing `---` separators; subsections included. */
  readonly markdown: string;
}

/** Everything {@link parseOlderBody} finds. */
export interface OlderBody {
  /** The title line's text (`GL013: Steward Ownership`), when the body opens with one. */
  readonly heading: string | undefined;
  /** First paragraph of the Overview (else of the text before the first section, else of the first section). */
  readonly summary: string | undefined;
  /** Text between the title line and the first section, when there is any. */
  readonly preamble: string;
  readonly sections: readonly OlderSection[];
  readonly issues: readonly BodyIssue[];
  /** The text's links (src/lib/body-links.ts); its issues are among {@link issues} too. */
  readonly links: BodyLinks;
}

const NUMBERING = /^(?:section\s+)?\d+(?:\.\d+)*\s*[.:)]\s*/i;
/** `(150-300 words)`, `(5-7 principles, 300-400 words)`. */
const WORD_COUNT = /\s*\([^()]*\bwords?\s*\)\s*$/i;
const EMPHASIS_WRAP = /^[*_]+|[*_]+$/g;

/** A section heading's display title: no numbering, emphasis or "(150-300 words)". */
export function cleanSectionTitle(heading: string): string {
  const title = heading
    .replace(NUMBERING, '')
    .replace(WORD_COUNT, '')
    .replace(EMPHASIS_WRAP, '')
    .trim();
  return title === '' ? heading.trim() : title;
}

/** First paragraph of Markdown: its first run of non-blank lines that is not a heading or rule. */
function firstParagraph(markdown: string): string | undefined {
  for (const block of markdown.split(/\n[ \t]*\n/)) {
    const text = block.trim();
    if (text !== '' && !/^(?:#{1,6}\s|[-*_]{3,}\s*$)/.test(text)) return text;
  }
  return undefined;
}

/** Parses an older-format body; `firstLine` is the file line on which `markdown` begins. */
export function parseOlderBody(markdown: string, firstLine: number): OlderBody {
  const lines = splitLines(markdown);
  const { texts } = lines;
  const lineOf = (index: number): number => firstLine + Math.min(index, texts.length - 1);
  const headings = scanHeadings(texts);
  const title = titleHeading(headings, texts);
  const rest = headings.filter((heading) => heading !== title);
  const overview = rest.find((heading) => /^overview\b/i.test(cleanSectionTitle(heading.text)));
  const sectionLevel = overview?.level ?? Math.min(...rest.map((heading) => heading.level));
  const boundaries = rest.filter((heading) => heading.level <= sectionLevel);
  const ids = headingIds(
    boundaries.map((heading) => cleanSectionTitle(heading.text)),
    [],
  );
  const sections = boundaries.map((heading, position): OlderSection => {
    const sectionTitle = cleanSectionTitle(heading.text);
    return {
      id: ids[position] ?? '',
      title: sectionTitle,
      heading: heading.text,
      line: lineOf(heading.index),
      markdown: sliceLines(
        markdown,
        lines,
        heading.index + 1,
        boundaries[position + 1]?.index ?? texts.length,
      ),
    };
  });
  const preambleFrom = title ? title.index + 1 : 0;
  const preamble = sliceLines(markdown, lines, preambleFrom, boundaries[0]?.index ?? texts.length);
  // Some files open with a table of contents of empty headings: the summary comes from the
  // first Overview with text, else the text before the first section, else the first section.
  const written = sections.filter((section) => section.markdown !== '');
  const summarySource =
    written.find((section) => /^overview\b/i.test(section.title))?.markdown ??
    (preamble === '' ? written[0]?.markdown : preamble);
  const nesting = nestingIssue(markdown, firstLine);
  const links = bodyLinks(
    markdown,
    firstLine,
    sections.map(({ id }) => id),
  );
  return {
    heading: title?.text,
    summary: summarySource === undefined ? undefined : firstParagraph(summarySource),
    preamble,
    sections,
    issues: [...(nesting ? [nesting] : []), ...links.issues],
    links,
  };
}
