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
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type Processor } from 'unified';
import { visit } from 'unist-util-visit';
import { escapeHtml } from './escape-html.ts';
import { excessiveNesting } from './nesting.ts';

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
 * The GFM constructs a chunk of Markdown cannot hold without some text, by their micromark names.
 * micromark tries a construct at every character it may start at — an e-mail address at the
 * start of every word, a table at every block — which made GFM parsing three times slower than
 * CommonMark's; a chunk without a construct's text is parsed without it, into the same tree
 * (tests/markdown.test.ts; the real library parses 37 % faster). Literal links the tokenizer
 * does not see are still found in the tree's text by remark-gfm's transform.
 */
const GFM_CONSTRUCTS: readonly { names: readonly string[]; in: (markdown: string) => boolean }[] = [
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
];

type Hooks = Record<string, unknown>;

/**
 * A unified plugin that leaves the named constructs out of the micromark extensions added
 * before it (an extension maps each hook, `text` or `flow`, to constructs by character code).
 */
function withoutConstructs(this: Processor, names: ReadonlySet<string>): void {
  const named = (construct: unknown): boolean =>
    typeof construct === 'object' &&
    construct !== null &&
    'name' in construct &&
    typeof construct.name === 'string' &&
    names.has(construct.name);
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
}

const makeProcessor = (left: ReadonlySet<string>) =>
  unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(withoutConstructs, left)
    .use(remarkRehype)
    .use(rehypeSanitize, { ...defaultSchema, clobberPrefix: '' })
    .use(imagesWithoutSourceAsText)
    .use(rehypeStringify)
    .freeze();

type MarkdownProcessor = ReturnType<typeof makeProcessor>;

/** Processors by the constructs they leave out, made when first needed (at most 2⁷). */
const processors = new Map<string, MarkdownProcessor>();

/** The processor for `markdown`: remark-parse and remark-gfm without what it cannot hold. */
function processorFor(markdown: string): MarkdownProcessor {
  const left = GFM_CONSTRUCTS.filter((construct) => !construct.in(markdown)).flatMap(
    ({ names }) => names,
  );
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
 * Renders untrusted Markdown to safe HTML (raw HTML dropped, URLs and attributes sanitized) and
 * returns the parsed tree with it, unchanged by the rendering. Markdown nested too deeply to
 * parse safely (src/lib/nesting.ts; the pattern check reports it as an error) is shown as its
 * plain text instead, and has no tree.
 */
export function renderMarkdownTree(markdown: string): RenderedMarkdown {
  if (excessiveNesting(markdown)) {
    return { html: `<pre>${escapeHtml(markdown)}</pre>`, tree: undefined };
  }
  const processor = processorFor(markdown);
  const tree = processor.parse(markdown);
  return { html: processor.stringify(processor.runSync(tree)), tree };
}

/** Renders untrusted Markdown to safe HTML: {@link renderMarkdownTree} without the tree. */
export const renderMarkdown = (markdown: string): string => renderMarkdownTree(markdown).html;

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
