/**
 * The Content-Security-Policy of every page, written by BaseLayout as a `<meta http-equiv>` tag
 * first in `<head>`, and the one inline script it allows by hash.
 *
 * Written here rather than by Astro's `security.csp`: Astro hashes each page's scripts and styles
 * again for every page (with WebCrypto, one asynchronous call each: 7 s of the main thread for
 * the real library's 12,155 pages), while the site's pages all load the same bundled files from
 * `'self'` and share one inline script. public/_headers adds what a meta tag cannot carry.
 */
import { createHash } from 'node:crypto';

/**
 * Applies the reader's saved theme before first paint (so the page never flashes the other
 * theme): the one inline script, first in `<body>`.
 */
export const THEME_SCRIPT = `try{var t=localStorage.getItem('theme');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}`;

const hashOf = (script: string): string =>
  `'sha256-${createHash('sha256').update(script).digest('base64')}'`;

/**
 * The policy: everything from the site itself; scripts also by the theme script's hash and
 * `'wasm-unsafe-eval'` (Pagefind compiles WebAssembly and runs a worker); images also as `data:`
 * URLs; style attributes inline (the graph's computed `style="min-width:…"`: no script can run
 * from one), style elements never.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashOf(THEME_SCRIPT)}`,
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
].join('; ');
