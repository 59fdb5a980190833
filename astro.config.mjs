// @ts-check
import { defineConfig } from 'astro/config';
import { SITE } from './src/config/site.ts';
import { buildReport } from './src/astro/integrations/build-report.ts';
import { patternFiles } from './src/astro/integrations/pattern-files.ts';
import { searchIndex } from './src/astro/integrations/search-index.ts';
import { siteMap } from './src/astro/integrations/sitemap.ts';

// Telemetry cannot be switched off here; every entry point (npm scripts, .ci/run)
// sets ASTRO_TELEMETRY_DISABLED=1 instead.

export default defineConfig({
  output: 'static',
  // Canonical origin and path prefix (e.g. `/patterns/` on a GitHub Pages project site):
  // src/config/site.ts, overridden by SITE_URL and BASE_PATH.
  site: SITE.url,
  base: SITE.base,
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // One cached stylesheet for every page instead of the same CSS inlined into thousands.
    inlineStylesheets: 'never',
    // Pages rendered at once. Rendering is one thread either way, but writing a page's file is
    // I/O: one page at a time, the thread waits on every write (measured: the page phase of a
    // 1,000-pattern build took 26–27 s at 1 and 15–19 s at 8).
    concurrency: 8,
  },
  // Scoped styles by class (` astro-xxxx` in the class list) rather than a
  // `data-astro-cid-xxxx` attribute on every element: smaller pages.
  scopedStyleStrategy: 'class',
  // Pattern Markdown is rendered by src/lib/markdown.ts, not by Astro; Astro's highlighter
  // (Shiki) would need inline styles the CSP refuses.
  markdown: { syntaxHighlight: false },
  // The Content-Security-Policy is a meta tag BaseLayout writes (src/config/security.ts), not
  // Astro's `security.csp`, which hashes the same scripts again for every page.
  vite: {
    // Scripts as files, never inlined: cached across pages, and the search
    // page's `import()` of Pagefind works (inlined, Vite leaves its preload
    // wrapper's `__VITE_PRELOAD__` placeholder unresolved).
    build: { assetsInlineLimit: 0 },
    // Dev: generated trees (benchmarks, test builds, output) are not sources; watching their
    // hundreds of thousands of files exhausts the system's file watchers.
    server: {
      watch: { ignored: ['**/.bench/**', '**/.tmp/**', '**/dist/**', '**/.dist.*/**'] },
    },
  },
  integrations: [buildReport(), searchIndex(), patternFiles(), siteMap(SITE.base)],
});
