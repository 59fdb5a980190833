/**
 * Astro-side glue of the data exports: the {@link ExportSite} every builder in `src/lib/exports/`
 * takes, made once per build: the site's name and absolute URLs, and the last change of every
 * pattern, asked of git once for the whole folder.
 */
import { SITE } from '../config/site.ts';
import { lastChangedDates } from '../lib/last-changed.ts';
import { patternsDir } from '../lib/load.ts';
import type { ExportSite } from '../lib/exports/site.ts';
import { getLibrary } from './library.ts';
import {
  graphJsonUrl,
  homeUrl,
  llmsFullTxtUrl,
  patternJsonUrl,
  patternMarkdownUrl,
  patternsJsonUrl,
  patternUrl,
  wantedUrl,
} from './urls.ts';

/** Absolute URL of a site path (which already holds the base). */
export const absoluteUrl = (path: string): string => new URL(path, SITE.url).href;

async function load(): Promise<ExportSite> {
  const patterns = [...(await getLibrary()).bySlug.values()];
  const changed = await lastChangedDates(
    patternsDir(),
    patterns.map(({ file }) => file),
  );
  const updated = new Map(patterns.map(({ slug, file }) => [slug, changed(file)]));
  return {
    title: SITE.title,
    description: SITE.description,
    home: absoluteUrl(homeUrl()),
    page: (slug) => absoluteUrl(patternUrl(slug)),
    wanted: (slug) => absoluteUrl(wantedUrl(slug)),
    markdown: (slug) => absoluteUrl(patternMarkdownUrl(slug)),
    json: (slug) => absoluteUrl(patternJsonUrl(slug)),
    patternsJson: absoluteUrl(patternsJsonUrl()),
    graphJson: absoluteUrl(graphJsonUrl()),
    llmsFullTxt: absoluteUrl(llmsFullTxtUrl()),
    updated: (slug) => {
      const date = updated.get(slug);
      if (date === undefined) throw new Error(`no pattern "${slug}" in the library`);
      return date;
    },
  };
}

let site: Promise<ExportSite> | undefined;

/** The site as the data exports see it, made once. */
export function getExportSite(): Promise<ExportSite> {
  site ??= load();
  return site;
}
