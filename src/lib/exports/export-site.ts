/**
 * What the data exports need from the site, passed in so the builders stay pure: the site's name
 * and description, the absolute URL of every page and export they link to, and each pattern's
 * last change. Made by {@link exportSite}: once for the pages (`src/astro/exports.ts`) and once
 * for the per-pattern files the build writes (`src/astro/integrations/pattern-files.ts`).
 */
import { lastChangedDates } from '../last-changed.ts';
import { compareText } from '../text-order.ts';
import { siteUrls } from '../../model/urls.ts';
import type { LibraryModel, StoredPattern } from '../../model/types.ts';

export interface ExportSite {
  readonly title: string;
  readonly description: string;
  /** Absolute URL of the home page. */
  readonly home: string;
  /** Absolute URL of a pattern's base page. */
  readonly page: (slug: string) => string;
  /** Absolute URL of a wanted (not yet written) pattern on the wanted page. */
  readonly wanted: (slug: string) => string;
  /**
   * Absolute URL of a pattern's source file as written: `/patterns/<slug>.md` when the site
   * publishes it, else the file in the repository.
   */
  readonly markdown: (slug: string) => string;
  /** Absolute URL of a pattern's JSON (`/api/patterns/<slug>.json`). */
  readonly json: (slug: string) => string;
  /** Absolute URLs of the library-wide exports. */
  readonly patternsJson: string;
  readonly graphJson: string;
  /** When pattern `slug` last changed (ISO 8601 UTC, see `src/lib/last-changed.ts`). */
  readonly updated: (slug: string) => string;
}

/** Every pattern of the library in slug order: the order of the machine-readable exports. */
export function patternsBySlug(library: Pick<LibraryModel, 'bySlug'>): StoredPattern[] {
  return [...library.bySlug.values()].sort((a, b) => compareText(a.slug, b.slug));
}

/** The site an {@link ExportSite} describes. */
export interface ExportSiteOptions {
  readonly title: string;
  readonly description: string;
  /** The site's origin (`https://example.org`) and its base path (`/` or `/patterns/`). */
  readonly url: string;
  readonly base: string;
  /** The pattern folder, for the last change of each pattern's file. */
  readonly patternsDir: string;
  readonly patterns: readonly Pick<StoredPattern, 'slug' | 'file'>[];
  /**
   * Where a pattern's file is read when the site does not publish it (by its path on disk):
   * the file in the repository. Unset: the site publishes it, at `/patterns/<slug>.md`.
   */
  readonly markdownOf?: ((file: string) => string) | undefined;
}

/** The export site of a library: absolute URLs below `base`, last changes asked of git once. */
export async function exportSite(options: ExportSiteOptions): Promise<ExportSite> {
  const { patternsDir, patterns, markdownOf } = options;
  const changed = await lastChangedDates(
    patternsDir,
    patterns.map(({ file }) => file),
  );
  // Each pattern's date and Markdown address, made once (the exports ask for them per page).
  const updated = new Map(patterns.map(({ slug, file }) => [slug, changed(file)]));
  const markdown =
    markdownOf && new Map(patterns.map(({ slug, file }) => [slug, markdownOf(file)]));
  return exportSiteWith(options, {
    updated: ofPattern(updated),
    ...(markdown && { markdown: ofPattern(markdown) }),
  });
}

/** A lookup by slug that throws for a slug the library does not have. */
const ofPattern =
  (values: ReadonlyMap<string, string>) =>
  (slug: string): string => {
    const value = values.get(slug);
    if (value === undefined) throw new Error(`no pattern "${slug}" in the library`);
    return value;
  };

/**
 * The export site at `url` + `base` (absolute URLs from the URL scheme), with each pattern's
 * last change given, and where its Markdown is when the site does not publish it.
 */
export function exportSiteWith(
  {
    title,
    description,
    url,
    base,
  }: Pick<ExportSiteOptions, 'title' | 'description' | 'url' | 'base'>,
  {
    updated,
    markdown,
  }: {
    readonly updated: (slug: string) => string;
    readonly markdown?: ((slug: string) => string) | undefined;
  },
): ExportSite {
  const urls = siteUrls(base);
  const absolute = (path: string): string => new URL(path, url).href;
  return {
    title,
    description,
    home: absolute(urls.home),
    page: (slug) => absolute(urls.pattern(slug)),
    wanted: (slug) => absolute(urls.wanted(slug)),
    markdown: markdown ?? ((slug) => absolute(urls.patternMarkdown(slug))),
    json: (slug) => absolute(urls.patternJson(slug)),
    patternsJson: absolute(urls.patternsJson),
    graphJson: absolute(urls.graphJson),
    updated,
  };
}
