// @ts-check
import { defineConfig } from 'astro/config';
import { buildReport } from './src/integrations/build-report.ts';

// Telemetry cannot be switched off here; every entry point (npm scripts, .ci/run)
// sets ASTRO_TELEMETRY_DISABLED=1 instead.

/** Canonical origin of the deployed site (used for absolute URLs, sitemap, canonical links). */
const site = process.env['SITE_URL'] ?? 'http://localhost:4321';

/** Path prefix the site is served under, e.g. `/patterns/` on GitHub Pages project sites. */
const base = process.env['BASE_PATH'] ?? '/';

export default defineConfig({
  output: 'static',
  site,
  base,
  trailingSlash: 'always',
  build: {
    format: 'directory',
  },
  integrations: [buildReport()],
});
