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

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype)
  .use(rehypeSanitize, { ...defaultSchema, clobberPrefix: '' })
  .use(rehypeStringify)
  .freeze();

/** Renders untrusted Markdown to safe HTML (raw HTML dropped, URLs and attributes sanitized). */
export function renderMarkdown(markdown: string): string {
  return String(processor.processSync(markdown));
}
