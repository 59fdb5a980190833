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

import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { escapeHtml } from './html.ts';
import { excessiveNesting } from './nesting.ts';

/** The part of a hast node the image fix below reads. */
interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
  value?: string;
}

/**
 * An image whose URL the sanitizer removed (`![x](javascript:…)`) would be an `<img>` without
 * `src`: invalid HTML that shows nothing. It becomes its alt text instead.
 */
function imagesWithoutSourceAsText() {
  const visit = (node: HastNode): void => {
    if (node.children === undefined) return;
    node.children = node.children.map((child) => {
      if (child.tagName !== 'img' || child.properties?.['src'] !== undefined) return child;
      const alt = child.properties?.['alt'];
      return { type: 'text', value: typeof alt === 'string' ? alt : '' };
    });
    node.children.forEach(visit);
  };
  return visit;
}

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype)
  .use(rehypeSanitize, { ...defaultSchema, clobberPrefix: '' })
  .use(imagesWithoutSourceAsText)
  .use(rehypeStringify)
  .freeze();

/**
 * Renders untrusted Markdown to safe HTML (raw HTML dropped, URLs and attributes sanitized).
 * Markdown nested too deeply to parse safely (src/lib/nesting.ts; the pattern check reports it as
 * an error) is shown as its plain text instead.
 */
export function renderMarkdown(markdown: string): string {
  if (excessiveNesting(markdown)) {
    return `<pre>${escapeHtml(markdown)}</pre>`;
  }
  return String(processor.processSync(markdown));
}
