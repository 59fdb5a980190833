/**
 * Markdown → HTML for untrusted pattern text (GitHub-flavoured: tables, task lists, footnotes,
 * strikethrough).
 *
 * Safety comes from two layers: remark-rehype runs without `allowDangerousHtml`, so raw HTML in
 * the Markdown is dropped before it ever becomes HTML; rehype-sanitize then applies GitHub's
 * allow-list (`defaultSchema`), which removes event handlers, unknown elements and every URL
 * whose protocol is not allowed (`href`: http, https, irc, ircs, mailto, xmpp; `src`: http,
 * https). Its protocol test is case-sensitive and runs on the decoded, normalised URL, so
 * `JaVaScRiPt:`, `java&#x09;script:` and `data:` URLs are all removed; relative URLs are kept.
 *
 * DOM clobbering: the only `id`s the output can contain are the ones remark-rehype generates for
 * footnotes, and it already prefixes those with `user-content-` (its `clobberPrefix`). The
 * sanitizer's own `clobberPrefix` is therefore switched off: left on, it prefixes those ids a
 * second time (`user-content-user-content-fn-1`) while the `#user-content-fn-1` links stay as
 * they are, which breaks every footnote link.
 */

import type { Root as HtmlRoot } from 'hast';
import type { Root } from 'mdast';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type Processor } from 'unified';
import { visit } from 'unist-util-visit';
import { escapeHtml } from './escape-html.ts';
import { excessiveNesting } from './nesting.ts';

/** Names of the optional parts that are not micromark constructs (see {@link OPTIONAL_PARTS}). */
const LITERAL_LINKS = 'literal links';
const IMAGE_FIX = 'images without source';

/**
 * An image whose URL the sanitizer removed (`![x](javascript:…)`) would be an `<img>` without
 * `src`: invalid HTML that shows nothing. It becomes its alt text instead.
 */
function imagesWithoutSourceAsText() {
  return (tree: HtmlRoot): void => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'img' || node.properties.src !== undefined) return;
      if (parent === undefined || index === undefined) return;
      const alt = node.properties.alt;
      parent.children[index] = { type: 'text', value: typeof alt === 'string' ? alt : '' };
    });
  };
}

/**
 * A GFM table's column alignment (`| :-: |`) comes out of remark-rehype as the `align` attribute,
 * obsolete in HTML (html-validate refuses it): it becomes a class, `align-center` or
 * `align-right` (left is the default), which the site's styles give its meaning.
 */
function tableAlignmentAsClass() {
  return (tree: HtmlRoot): void => {
    visit(tree, 'element', (node) => {
      const { align } = node.properties;
      if ((node.tagName !== 'td' && node.tagName !== 'th') || align === undefined) return;
      delete node.properties.align;
      if (align === 'center' || align === 'right') node.properties.className = [`align-${align}`];
    });
  };
}

/**
 * Parts of the parser and renderer a chunk of Markdown cannot use without some text, by name:
 * GFM's micromark constructs, remark-gfm's literal-link transform and the image fix-up.
 * micromark tries a construct at every character it may start at — an e-mail address at the
 * start of every word, a table at every block — which made GFM parsing three times slower than
 * CommonMark's, and the transform searches every text node of the tree with four regular
 * expressions; a chunk without a part's text is parsed without it, into the same tree
 * (tests/markdown.test.ts). The transform finds links in the tree's text, where character
 * references are decoded (`&#64;` is an `@`), so it stays while there is an `&`.
 */
const OPTIONAL_PARTS: readonly { names: readonly string[]; in: (markdown: string) => boolean }[] = [
  { names: ['emailAutolink'], in: (markdown) => markdown.includes('@') },
  { names: ['wwwAutolink'], in: (markdown) => /www\./i.test(markdown) },
  { names: ['protocolAutolink'], in: (markdown) => /https?:\/\//i.test(markdown) },
  { names: ['table'], in: (markdown) => markdown.includes('|') },
  { names: ['strikethrough'], in: (markdown) => markdown.includes('~') },
  {
    names: ['gfmFootnoteDefinition', 'gfmFootnoteCall', 'gfmPotentialFootnoteCall'],
    in: (markdown) => markdown.includes('[^'),
  },
  { names: ['tasklistCheck'], in: (markdown) => markdown.includes('[') },
  {
    names: [LITERAL_LINKS],
    in: (markdown) =>
      markdown.includes('@') || markdown.includes('&') || /www\.|https?:\/\//i.test(markdown),
  },
  { names: [IMAGE_FIX], in: (markdown) => markdown.includes('![') },
];

type Hooks = Record<string, unknown>;

/** remark-gfm's transforms that turn literal links in the tree's text into links. */
const literalLinkTransforms: ReadonlySet<unknown> = new Set(
  gfmAutolinkLiteralFromMarkdown().transforms,
);

/**
 * A unified plugin that leaves the named constructs out of the micromark extensions added
 * before it (an extension maps each hook, `text` or `flow`, to constructs by character code),
 * and remark-gfm's literal-link transform out of the tree extensions when
 * {@link LITERAL_LINKS} is named. Throws when a name matches nothing (a renamed construct would
 * otherwise silently cost its speed).
 */
function withoutParts(this: Processor, names: ReadonlySet<string>): void {
  const removed = new Set<string>();
  const named = (construct: unknown): boolean => {
    const name =
      typeof construct === 'object' && construct !== null && 'name' in construct
        ? construct.name
        : undefined;
    if (typeof name !== 'string' || !names.has(name)) return false;
    removed.add(name);
    return true;
  };
  const data = this.data();
  data.micromarkExtensions = (data.micromarkExtensions ?? []).map((extension) =>
    Object.fromEntries(
      Object.entries(extension as Record<string, Hooks | undefined>).map(([hook, byCode]) => [
        hook,
        hook === 'disable' || byCode === undefined
          ? byCode
          : Object.fromEntries(
              Object.entries(byCode).flatMap(([code, constructs]) => {
                const kept = (Array.isArray(constructs) ? constructs : [constructs]).filter(
                  (construct) => !named(construct),
                );
                return kept.length > 0 ? [[code, kept]] : [];
              }),
            ),
      ]),
    ),
  );
  if (names.has(LITERAL_LINKS)) {
    data.fromMarkdownExtensions = (data.fromMarkdownExtensions ?? []).flat().map((extension) => {
      const transforms = extension.transforms?.filter((transform) => {
        const literal = literalLinkTransforms.has(transform);
        if (literal) removed.add(LITERAL_LINKS);
        return !literal;
      });
      return transforms === undefined ? extension : { ...extension, transforms };
    });
  }
  const unknown = [...names].filter((name) => !removed.has(name));
  if (unknown.length > 0) throw new Error(`no parser part named ${unknown.join(', ')}`);
}

const makeProcessor = (left: ReadonlySet<string>) =>
  unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(withoutParts, new Set([...left].filter((name) => name !== IMAGE_FIX)))
    .use(remarkRehype)
    .use(rehypeSanitize, { ...defaultSchema, clobberPrefix: '' })
    .use(left.has(IMAGE_FIX) ? [] : [imagesWithoutSourceAsText])
    .use(left.has('table') ? [] : [tableAlignmentAsClass])
    .use(rehypeStringify)
    .freeze();

type MarkdownProcessor = ReturnType<typeof makeProcessor>;

/** Processors by the parts they leave out, made when first needed (at most 2⁹). */
const processors = new Map<string, MarkdownProcessor>();

/** The processor for `markdown`: remark-parse and remark-gfm without what it cannot use. */
function processorFor(markdown: string): MarkdownProcessor {
  const left = OPTIONAL_PARTS.filter((part) => !part.in(markdown)).flatMap(({ names }) => names);
  const key = left.join();
  let processor = processors.get(key);
  if (processor === undefined) {
    processor = makeProcessor(new Set(left));
    processors.set(key, processor);
  }
  return processor;
}

/** Untrusted Markdown parsed with remark-parse and remark-gfm (not checked for nesting). */
export const parseMarkdown = (markdown: string): Root => processorFor(markdown).parse(markdown);

/** Safe HTML of some Markdown, and its syntax tree for callers that also read its structure. */
export interface RenderedMarkdown {
  readonly html: string;
  /** The parsed Markdown (remark-parse + remark-gfm); undefined when it was too deeply nested. */
  readonly tree: Root | undefined;
}

/**
 * Where a link leads on the site instead of where it is written, or undefined to keep it: given
 * a sanitized `href`, whose result is not sanitized again (it must be the site's own URL).
 */
export type LinkResolver = (href: string) => string | undefined;

/** Gives each link `resolve` knows its site URL. */
function resolveLinks(tree: HtmlRoot, resolve: LinkResolver): void {
  visit(tree, 'element', (node) => {
    const { href } = node.properties;
    if (node.tagName !== 'a' || typeof href !== 'string') return;
    const resolved = resolve(href);
    if (resolved !== undefined) node.properties.href = resolved;
  });
}

/**
 * Renders untrusted Markdown to safe HTML (raw HTML dropped, URLs and attributes sanitized) and
 * returns the parsed tree with it, unchanged by the rendering; `resolve` may then point links
 * elsewhere (a link to another pattern's file to its page). Markdown nested too deeply to
 * parse safely (src/lib/nesting.ts; the pattern check reports it as an error) is shown as its
 * plain text instead, and has no tree.
 */
export function renderMarkdownTree(markdown: string, resolve?: LinkResolver): RenderedMarkdown {
  if (excessiveNesting(markdown)) {
    return { html: `<pre>${escapeHtml(markdown)}</pre>`, tree: undefined };
  }
  const processor = processorFor(markdown);
  const tree = processor.parse(markdown);
  const html = processor.runSync(tree);
  if (resolve && markdown.includes(']')) resolveLinks(html, resolve);
  return { html: processor.stringify(html), tree };
}

/** Renders untrusted Markdown to safe HTML: {@link renderMarkdownTree} without the tree. */
export const renderMarkdown = (markdown: string, resolve?: LinkResolver): string =>
  renderMarkdownTree(markdown, resolve).html;

/**
 * The Markdown of the first block of some Markdown (its opening quote, paragraph or list), cut
 * from the source by the parsed tree's positions; `''` when there is none or no tree.
 */
export function firstBlock(markdown: string, tree: Root | undefined): string {
  const first = tree?.children.find((node) => node.type !== 'html' && node.type !== 'definition');
  const start = first?.position?.start.offset;
  const end = first?.position?.end.offset;
  return start === undefined || end === undefined ? '' : markdown.slice(start, end);
}
