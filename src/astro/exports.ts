/**
 * Astro-side glue of the data exports: the {@link ExportSite} every builder in `src/lib/exports/`
 * takes, made once each time the library loads (one `git log` for the dates), and shared by the
 * pages and the per-pattern files the build writes (src/astro/integrations/pattern-files.ts).
 */
import { SITE } from '../config/site.ts';
import { exportSite, type ExportSite } from '../lib/exports/export-site.ts';
import { patternsDir } from '../lib/load.ts';
import { onPatternsLoaded } from './pattern-loader.ts';
import { patternRawUrl } from './repo-links.ts';

/** Absolute URL of a site path (which already holds the base). */
export const absoluteUrl = (path: string): string => new URL(path, SITE.url).href;

// Astro evaluates this module in the integrations' module graph and again in the pages': the
// export site lives on globalThis (as the loaded patterns do, see pattern-loader.ts).
const SHARED = Symbol.for('pattern-library.export-site');
const holder = globalThis as { [SHARED]?: Promise<ExportSite> | undefined };

/**
 * Makes the export site of every load of the library, under the base path `base()` gives.
 * Call it before the patterns load (an integration's `astro:config:setup`).
 */
export function makeExportSiteOnLoad(base: () => string): void {
  onPatternsLoaded((loaded) => {
    const site = exportSite({
      title: SITE.title,
      description: SITE.description,
      url: SITE.url,
      base: base(),
      patternsDir: patternsDir(),
      patterns: loaded.map(({ stored }) => stored),
      markdownOf: SITE.publishMarkdown ? undefined : patternRawUrl,
    });
    // Awaited (and its error reported) by whoever uses it.
    site.catch(() => undefined);
    holder[SHARED] = site;
  });
}

/** The site as the data exports see it, made when the library loaded. */
export function getExportSite(): Promise<ExportSite> {
  const site = holder[SHARED];
  if (site === undefined) throw new Error('no patterns were loaded: no export site');
  return site;
}
