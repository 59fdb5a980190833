/** Checks of built HTML that several test files share. */
import { createHash } from 'node:crypto';
import { htmlElements, type HtmlElement } from '../../scripts/lib/html-elements.ts';

/** Elements that embed another document or plug-in. */
const EMBEDDING = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal']);
/** Attributes whose value is a URL the browser may navigate to or load. */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'data',
  'poster',
]);
/** Schemes that run code or make a document out of the URL itself. */
const DANGEROUS_URL = /^(javascript|vbscript|data):/;
/** Script types the browser executes. */
const EXECUTABLE_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);

/** The page's Content-Security-Policy meta tag, directive name → its sources. */
export function contentSecurityPolicy(elements: readonly HtmlElement[]): Map<string, string[]> {
  const meta = elements.find(
    (element) =>
      element.tag === 'meta' &&
      element.attrs.get('http-equiv')?.toLowerCase() === 'content-security-policy',
  );
  const policy = new Map<string, string[]>();
  for (const directive of (meta?.attrs.get('content') ?? '').split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name) policy.set(name, sources);
  }
  return policy;
}

/**
 * Everything in a page that could run code the site did not write, one line
 * each: embedded documents, event-handler attributes, `javascript:`,
 * `vbscript:` and `data:` URLs (in any case, with any whitespace), and
 * scripts the page's own CSP does not allow (an inline script whose hash is
 * not in `script-src`, or one loaded from another origin). Empty for a safe page.
 */
export function executableContent(html: string): string[] {
  const elements = htmlElements(html);
  const allowed = new Set(contentSecurityPolicy(elements).get('script-src') ?? []);
  const found: string[] = [];
  for (const { tag, attrs, text } of elements) {
    if (EMBEDDING.has(tag) || tag === 'base') found.push(`<${tag}>`);
    for (const [name, value] of attrs) {
      if (name.startsWith('on')) found.push(`${name} on <${tag}>`);
      // What browsers ignore when reading a scheme: whitespace and control characters anywhere.
      const url = value.replace(/[\s\p{Cc}]/gu, '').toLowerCase();
      if (URL_ATTRIBUTES.has(name) && DANGEROUS_URL.test(url)) {
        found.push(`${name}="${value}" on <${tag}>`);
      }
      if (name === 'srcdoc') found.push(`srcdoc on <${tag}>`); // a whole document in an attribute
    }
    if (tag !== 'script' || !EXECUTABLE_TYPES.has(attrs.get('type')?.toLowerCase() ?? '')) continue;
    const src = attrs.get('src');
    if (src !== undefined) {
      if (!src.startsWith('/') || src.startsWith('//')) found.push(`<script src="${src}">`);
    } else if (!allowed.has(`'sha256-${createHash('sha256').update(text).digest('base64')}'`)) {
      found.push(`<script> not allowed by the page's CSP: ${text.slice(0, 60)}`);
    }
  }
  return found;
}
