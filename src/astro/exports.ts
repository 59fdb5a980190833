/**
 * Astro-side glue of the data exports: the {@link ExportSite} every builder in `src/lib/exports/`
 * takes, made once per build from the site's configuration and the library.
 */
import { SITE } from '../config/site.ts';
import { patternsDir } from '../lib/load.ts';
import { exportSite, type ExportSite } from '../lib/exports/export-site.ts';
import { getLibrary } from './collection.ts';
import { urls } from '../astro/urls.ts';

/** Absolute URL of a site path (which already holds the base). */
export const absoluteUrl = (path: string): string => new URL(path, SITE.url).href;

let site: Promise<ExportSite> | undefined;

/** The site as the data exports see it, made once. */
export function getExportSite(): Promise<ExportSite> {
  site ??= getLibrary().then((library) =>
    exportSite({
      title: SITE.title,
      description: SITE.description,
      url: SITE.url,
      base: urls.root,
      patternsDir: patternsDir(),
      patterns: [...library.bySlug.values()],
    }),
  );
  return site;
}
