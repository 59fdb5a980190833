/**
 * What the search page and the search dialog share: loading the sharded
 * Pagefind index (the first shard's bundle, the others merged with
 * `mergeIndex`) and the URL of a result under a lens. Every URL comes from the
 * page's data attributes, written from the URL scheme (src/model/urls.ts).
 */
import type { Pagefind, ShardManifest } from '../lib/pagefind-api.ts';
import { fillLensUrl, LENS_URL_PLACEHOLDERS } from '../model/url-template.ts';

/** Where the index is and how results link, as a page's data attributes give them. */
export interface SearchUrls {
  /** The site's base path, which Pagefind prefixes to the root-relative result URLs. */
  readonly base: string;
  /** `pagefind/shards.json`. */
  readonly manifest: string;
  /** A pattern's page and its page under a lens, with `{slug}` and `{lens}` to fill in. */
  readonly patternUrl: string;
  readonly lensUrl: string;
}

/** The {@link SearchUrls} of an element's `data-base`, `data-manifest`, … attributes. */
export function searchUrls(element: HTMLElement): SearchUrls {
  const { base = '/', manifest = '', patternUrl = '', lensUrl = '' } = element.dataset;
  return { base, manifest, patternUrl, lensUrl };
}

/** Loads the index's engine and merges every shard; `options` are Pagefind's. */
export async function loadPagefind(
  { manifest: manifestUrl, base }: SearchUrls,
  options: Record<string, unknown> = {},
): Promise<Pagefind> {
  const response = await fetch(manifestUrl);
  if (response.status === 404 && import.meta.env.DEV) {
    throw new Error(
      'search is not available in npm run dev: the index is made by npm run build (then npm run preview searches it)',
    );
  }
  if (!response.ok) throw new Error(`search index not found (${String(response.status)})`);
  const manifest = (await response.json()) as ShardManifest;
  const [first, ...rest] = manifest.shards;
  if (first === undefined) throw new Error('the search index is empty');
  // Shard folders are named by the manifest, relative to it.
  const shard = (name: string, file = ''): string =>
    new URL(`${name}/${file}`, new URL(manifestUrl, window.location.href)).href;
  const module = (await import(/* @vite-ignore */ shard(first, 'pagefind.js'))) as Pagefind;
  // Result URLs are indexed without the base path; Pagefind prefixes `baseUrl`.
  await module.options({ baseUrl: base, ...options });
  for (const name of rest) await module.mergeIndex(shard(name), { baseUrl: base });
  await module.init();
  return module;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The slug of a pattern page's URL, read with the page's pattern URL template. */
export function slugOf(page: string, { patternUrl }: SearchUrls): string | undefined {
  const pattern = new RegExp(
    `^${escapeRegExp(patternUrl).replace(escapeRegExp(LENS_URL_PLACEHOLDERS.slug), '([^/]+)')}$`,
  );
  const slug = pattern.exec(page)?.[1];
  return slug === undefined ? undefined : decodeURIComponent(slug);
}

/** A pattern's page under `lens`, or its own page when `lens` is empty. */
export function patternUrl(slug: string, lens: string, urls: SearchUrls): string {
  return fillLensUrl(lens === '' ? urls.patternUrl : urls.lensUrl, slug, lens);
}

/** The result's page under `lens` (its own page when no lens is chosen or it is not a pattern). */
export function resultUrl(page: string, lens: string, urls: SearchUrls): string {
  const slug = lens === '' ? undefined : slugOf(page, urls);
  return slug === undefined ? page : patternUrl(slug, lens, urls);
}
