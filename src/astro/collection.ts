/**
 * Astro-side glue between the content collection and the page model: the
 * library model is computed once per build (module-level promise), pattern
 * pages once per slug. Entries come from the collection, their bodies and
 * rendered HTML from the loader's memory beside it.
 */
import { getCollection } from 'astro:content';
import { patternBody, type LoadedBody } from './pattern-loader.ts';
import { SITE } from '../config/site.ts';
import { buildLibraryModel } from '../model/library-model.ts';
import { buildPatternPage } from '../model/pattern-page.ts';
import { withBody } from '../model/stored.ts';
import type { LibraryModel, PatternPageModel } from '../model/types.ts';
import { RESERVED_PATTERN_SLUGS } from '../lib/reserved.ts';

let library: Promise<LibraryModel> | undefined;

/** A loaded pattern's body and its rendered HTML; throws when no pattern `slug` was loaded. */
export function loadedBody(slug: string): LoadedBody {
  const loaded = patternBody(slug);
  if (loaded === undefined) throw new Error(`pattern "${slug}" has no loaded body`);
  return loaded;
}
const pages = new Map<string, PatternPageModel>();

async function load(): Promise<LibraryModel> {
  const entries = await getCollection('patterns');
  const model = buildLibraryModel(
    entries.map(({ data }) => withBody(data, loadedBody(data.slug).body)),
    SITE.lenses,
    new Map(entries.map(({ data }) => [data.slug, loadedBody(data.slug).similar])),
  );
  const clash = model.patterns.find((p) => RESERVED_PATTERN_SLUGS.has(p.slug));
  if (clash) throw new Error(`pattern slug "${clash.slug}" is reserved for a site page`);
  return model;
}

/** The library model, computed once. */
export function getLibrary(): Promise<LibraryModel> {
  library ??= load();
  return library;
}

/** One pattern's page model (shared by its base page and its lens pages). */
export async function getPage(slug: string): Promise<PatternPageModel> {
  const cached = pages.get(slug);
  if (cached) return cached;
  const page = buildPatternPage(await getLibrary(), slug, loadedBody(slug).rendered);
  pages.set(slug, page);
  return page;
}
