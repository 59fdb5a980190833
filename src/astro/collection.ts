/**
 * Astro-side glue between the loaded patterns and the page model: the library model comes from
 * the patterns the loader keeps in memory (made once per change of them: once per build), pattern
 * pages once per slug and change.
 */
import { loadedLibrary, renderedPattern } from './pattern-loader.ts';
import type { SitePattern } from '../model/load-site.ts';
import { buildPatternPage } from '../model/pattern-page.ts';
import type { LibraryModel, PatternPageModel } from '../model/types.ts';
import { RecentMap } from '../lib/recent.ts';
import { RESERVED_PATTERN_SLUGS } from '../lib/reserved.ts';

/** A loaded pattern (its body and rendered HTML); throws when no pattern `slug` was loaded. */
export async function loadedPattern(slug: string): Promise<SitePattern> {
  const pattern = await renderedPattern(slug);
  if (pattern === undefined) throw new Error(`pattern "${slug}" was not loaded`);
  return pattern;
}

/**
 * Page models of the library model they were made from: the most recent (a pattern's base page
 * and lens pages are made in turn), so memory does not grow with the library.
 */
let pages: { library: LibraryModel; bySlug: RecentMap<string, PatternPageModel> } | undefined;

/** Page models held at once. */
const RECENT_PAGES = 64;

/** The library model of the patterns as they are now. */
export async function getLibrary(): Promise<LibraryModel> {
  const model = (await loadedLibrary()).model();
  if (pages?.library !== model) {
    const clash = model.patterns.find((p) => RESERVED_PATTERN_SLUGS.has(p.slug));
    if (clash) throw new Error(`pattern slug "${clash.slug}" is reserved for a site page`);
    pages = { library: model, bySlug: new RecentMap(RECENT_PAGES) };
  }
  return model;
}

/** One pattern's page model (shared by its base page and its lens pages). */
export async function getPage(slug: string): Promise<PatternPageModel> {
  const library = await getLibrary();
  const made =
    pages?.library === library
      ? pages.bySlug
      : new RecentMap<string, PatternPageModel>(RECENT_PAGES);
  const cached = made.get(slug);
  if (cached) return cached;
  const page = buildPatternPage(library, slug, (await loadedPattern(slug)).rendered);
  made.set(slug, page);
  return page;
}
