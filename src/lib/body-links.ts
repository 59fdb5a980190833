/**
 * Links written in a pattern's text (either format), part of the body stage. One place decides
 * what a link to another pattern looks like ({@link patternLink}): the renderer turns it into
 * that pattern's page (src/lib/markdown.ts) and the check reports it when the library has no
 * such pattern (src/lib/library.ts). Every other link or image whose address is not a full one
 * (`https://…`) leads nowhere on the site — a page's files are not published beside it — and is
 * reported where it is written, with what to write instead; a `#fragment` must name an element
 * of the pattern's own page.
 */
import type { Definition, Image, Link } from 'mdast';
import { visit } from 'unist-util-visit';
import { SLUG_PATTERN } from '../../schema/fields.ts';
import type { BodyIssue } from './body.ts';
import { fenceScanner } from './fences.ts';
import { parseMarkdown } from './markdown.ts';
import { excessiveNesting } from './nesting.ts';
import { RESERVED_PAGE_IDS } from './reserved.ts';

/** A link to another pattern in a pattern's text, where it is written (file line, 1-based column). */
export interface PatternLinkAt {
  readonly slug: string;
  /** The `#section` it names on that pattern's page, when it names one. */
  readonly fragment?: string;
  readonly line: number;
  readonly column: number;
}

/** What the body stage learns of a text's links. */
export interface BodyLinks {
  /** Links and images that lead nowhere on the site (warnings). */
  readonly issues: readonly BodyIssue[];
  /** Links to patterns, for the library check (does each one exist, with the section named?). */
  readonly patterns: readonly PatternLinkAt[];
  /** The ids of the page's sections, which a link to it may name (`other.md#problem`). */
  readonly ids: readonly string[];
}

/** The only ids a pattern's text may link to besides its own sections': the layout's. */
const PAGE_IDS: ReadonlySet<string> = new Set(RESERVED_PAGE_IDS);
/** Ids remark-rehype gives footnotes (`user-content-fn-1`, `user-content-fnref-1`). */
const FOOTNOTE_ID = 'user-content-fn';
/** `https:`, `mailto:`, `//host`: the start of an address the site does not resolve. */
const SCHEME = String.raw`[a-z][a-z0-9+.-]*:|\/\/`;
const FULL_ADDRESS = new RegExp(`^(?:${SCHEME})`, 'i');
/** `https.example.org/…`: an address whose `://` was lost (and, without a host left, more). */
const LOST_SCHEME = /^(https?)\.(?=[a-z0-9])/i;
/** What follows `://` in a full address: a host name with a dot. */
const HOST = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:[/:?#]|$)/i;
/**
 * Whether a text may hold a link or image whose address is not a full one: `](`, or a reference
 * definition's `]:`, not followed by a scheme. Only the blocks of text that may are parsed.
 */
const MAYBE_INLINE = new RegExp(String.raw`\]\(\s*<?(?!${SCHEME})`, 'i');
const MAYBE_DEFINITION = new RegExp(String.raw`^ {0,3}\[[^\]]+\]:\s*<?(?!${SCHEME})`, 'im');
const mayLink = (text: string): boolean =>
  MAYBE_INLINE.test(text) || (text.includes(']:') && MAYBE_DEFINITION.test(text));
/** `other`, `./other`, `other.md`, `./other.md`, each with an optional `#fragment`. */
const PATTERN_LINK = /^(?:\.\/)?([^/#?]+?)(?:\.md)?(?:#(.*))?$/;

/**
 * The pattern a link's address names, when it is written as a link to another pattern's file or
 * slug (`other.md`, `./other.md`, `other`, `./other`, each with an optional `#fragment`): the
 * file link works on GitHub too, and the slug link is what the real library writes.
 */
export function patternLink(url: string): { slug: string; fragment?: string } | undefined {
  const [, slug, fragment] = PATTERN_LINK.exec(url) ?? [];
  if (slug === undefined || !SLUG_PATTERN.test(slug)) return undefined;
  return fragment === undefined ? { slug } : { slug, fragment };
}

type Target = Link | Image | Definition;

/** What to say of an address that leads nowhere on the site. */
function nowhere(node: Target, url: string): string {
  const written = `"${url}"`;
  if (LOST_SCHEME.test(url)) {
    const full = url.replace(LOST_SCHEME, '$1://');
    return HOST.test(full.slice(full.indexOf('//') + 2))
      ? `${written} is not a full address (its "://" is missing): write "${full}"`
      : `${written} is not a full address (its "://" and part of its host are missing): write the whole address, https://…`;
  }
  if (node.type === 'image') {
    return `image ${written} is not published with the site: give it a full address (https://…)`;
  }
  return `${written} leads nowhere on the site: link to a pattern by its file name ("other-pattern.md") or to another site by its full address (https://…)`;
}

/**
 * The blocks of a text that may hold a link whose address is not a full one (see {@link mayLink}):
 * runs of lines between blank lines, outside fenced code, with the index of their first line. A
 * link never spans two blocks, and parsing only these costs a fraction of parsing the whole text
 * (micromark reads about 2 MB a second).
 */
function linkBlocks(markdown: string): { text: string; line: number }[] {
  const lines = markdown.split('\n');
  const fences = fenceScanner();
  const blocks: { text: string; line: number }[] = [];
  let start = -1;
  const close = (end: number): void => {
    if (start === -1) return;
    const text = lines.slice(start, end).join('\n');
    if (mayLink(text)) blocks.push({ text, line: start });
    start = -1;
  };
  lines.forEach((line, index) => {
    if (fences(line) !== undefined || line.trim() === '') close(index);
    else if (start === -1) start = index;
  });
  close(lines.length);
  return blocks;
}

/**
 * The links of a pattern's text (`markdown`, beginning on file line `firstLine`) whose address is
 * not a full one: links to patterns, and issues for those that lead nowhere. `ids` are the ids of
 * the pattern's own sections, which a `#fragment` may name besides the layout's.
 */
export function bodyLinks(markdown: string, firstLine: number, ids: readonly string[]): BodyLinks {
  // Deeply nested text is reported and not rendered (src/lib/nesting.ts); it is not parsed here.
  if (!mayLink(markdown) || excessiveNesting(markdown)) return { issues: [], patterns: [], ids };
  const own = new Set(ids);
  const issues: BodyIssue[] = [];
  const patterns: PatternLinkAt[] = [];
  for (const block of linkBlocks(markdown)) {
    visit(parseMarkdown(block.text), (node) => {
      if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') return;
      const { url } = node;
      const start = node.position?.start;
      if (url === '' || FULL_ADDRESS.test(url) || start === undefined) return;
      const at = { line: firstLine + block.line + start.line - 1, column: start.column };
      const issue = (message: string): void => {
        issues.push({ ...at, path: 'body', severity: 'warning', rule: 'dead-link', message });
      };
      if (url.startsWith('#')) {
        const id = url.slice(1);
        if (!namesElement(id, own)) {
          issue(`"${url}" names no section of this page${sectionList(ids)}`);
        }
        return;
      }
      const pattern = node.type === 'image' ? undefined : patternLink(url);
      if (pattern) patterns.push({ ...pattern, ...at });
      else issue(nowhere(node, url));
    });
  }
  return { issues, patterns, ids };
}

/**
 * Whether `#id` names an element of a pattern's page whose sections have the ids `sections`: one
 * of them, one of the layout's, or a footnote.
 */
export const namesElement = (id: string, sections: ReadonlySet<string>): boolean =>
  sections.has(id) || PAGE_IDS.has(id) || id.startsWith(FOOTNOTE_ID);

/** `: its sections are #a, #b` (the first few), or nothing when it has none. */
export function sectionList(ids: readonly string[]): string {
  const listed = ids.slice(0, 4).map((id) => `#${id}`);
  if (listed.length === 0) return '';
  return `: its sections are ${listed.join(', ')}${ids.length > listed.length ? ', …' : ''}`;
}
