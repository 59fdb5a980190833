/**
 * Search index of a built site, in shards so memory stays bounded as the
 * library grows.
 *
 * Only base pattern pages (`patterns/<slug>/index.html`) are indexed, one
 * record each: the page marks its searchable content with
 * `data-pagefind-body`, its filters (`domain`, `status`, `stage`, `lens`)
 * with `data-pagefind-filter` and its metadata (`summary`, `score`) with
 * `data-pagefind-meta`. Lens pages, browse and the rest are not indexed.
 *
 * Patterns are taken in slug order and cut into shards of `shardSize`; each
 * shard is its own Pagefind index written to `pagefind/<shard>/`, built in
 * turn by a fresh Pagefind process, so peak memory is one shard's whatever
 * the library's size. `pagefind/shards.json` lists the shards; the search
 * page loads the first and merges the others (`mergeIndex`).
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

/** Patterns per shard: measured as the best trade of memory against query cost (README). */
export const DEFAULT_SHARD_SIZE = 1000;

/** `pagefind/shards.json`: what the search page needs to load every shard. */
export interface ShardManifest {
  /** Shard folders under `pagefind/`, in order; the first is the primary index. */
  readonly shards: readonly string[];
  /** Number of indexed patterns. */
  readonly records: number;
}

const BODY_MARKER = 'data-pagefind-body';
/** Pages sent to Pagefind at once: the service indexes them in parallel. */
const CONCURRENCY = 8;
/** Bundle files the search page does not use (Pagefind's own UIs), removed from every shard. */
const UNUSED = /^pagefind-(ui|modular-ui|component-ui|highlight)\.|^wasm\.unknown\./;
/** Files only the primary shard needs: merged shards use its script, worker and WebAssembly. */
const PRIMARY_ONLY = /^pagefind(-worker)?\.js$|^wasm\./;

function check(what: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`pagefind ${what}: ${errors.join('; ')}`);
}

/**
 * The indexed part of a page: from the element marked `data-pagefind-body`
 * to the end. Pagefind reads nothing outside that element anyway; not
 * sending the head and header saves parsing. Undefined when not marked.
 */
function indexedPart(html: string): string | undefined {
  const marker = html.indexOf(BODY_MARKER);
  if (marker < 0) return undefined;
  return `<html lang="en"><body>${html.slice(html.lastIndexOf('<', marker))}`;
}

/** Base pattern pages (`patterns/<slug>/index.html`) marked for indexing, in slug order. */
async function* patternPages(siteDir: string): AsyncGenerator<{ url: string; content: string }> {
  const root = join(siteDir, 'patterns');
  if (!existsSync(root)) return;
  const entries = await readdir(root, { withFileTypes: true });
  const slugs = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  for (const slug of slugs.sort()) {
    const file = join(root, slug, 'index.html');
    if (!existsSync(file)) continue;
    const content = indexedPart(await readFile(file, 'utf8'));
    if (content !== undefined) yield { url: `/patterns/${slug}/`, content };
  }
}

/** Builds one shard's index from `pages` in a fresh Pagefind process and writes it to `outputPath`. */
async function writeShard(
  pages: readonly { url: string; content: string }[],
  outputPath: string,
  primary: boolean,
): Promise<void> {
  const { index, errors } = await pagefind.createIndex({
    forceLanguage: 'en',
    excludeSelectors: ['svg'],
  });
  check('createIndex', errors);
  if (!index) throw new Error('pagefind createIndex returned no index');
  try {
    let next = 0;
    const worker = async (): Promise<void> => {
      for (let page = pages[next++]; page !== undefined; page = pages[next++]) {
        check(`addHTMLFile ${page.url}`, (await index.addHTMLFile(page)).errors);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    check('writeFiles', (await index.writeFiles({ outputPath })).errors);
  } finally {
    await index.deleteIndex();
    // A fresh binary per shard: its memory goes back to the system, not to the next shard.
    await pagefind.close();
  }
  for (const name of await readdir(outputPath)) {
    if (UNUSED.test(name) || (!primary && PRIMARY_ONLY.test(name))) {
      await rm(join(outputPath, name));
    }
  }
}

/**
 * Indexes the pattern pages of the site in `siteDir` into `outputDir`
 * (default `siteDir/pagefind/`): shards of `shardSize` pages, then
 * `shards.json`. Pages are read as they are indexed, so memory holds one shard.
 */
export async function indexPatterns(
  siteDir: string,
  shardSize: number,
  outputDir = join(siteDir, 'pagefind'),
): Promise<ShardManifest> {
  if (!Number.isInteger(shardSize) || shardSize < 1) {
    throw new Error(`PAGEFIND_SHARD_SIZE must be a positive integer, got ${String(shardSize)}`);
  }
  const shards: string[] = [];
  let records = 0;
  let batch: { url: string; content: string }[] = [];
  const flush = async (): Promise<void> => {
    const name = String(shards.length).padStart(3, '0');
    await writeShard(batch, join(outputDir, name), shards.length === 0);
    shards.push(name);
    records += batch.length;
    batch = [];
  };
  for await (const page of patternPages(siteDir)) {
    batch.push(page);
    if (batch.length === shardSize) await flush();
  }
  if (batch.length > 0) await flush();
  if (records === 0) console.warn(`warning: no pattern page has ${BODY_MARKER}; search is empty`);
  const manifest: ShardManifest = { shards, records };
  await mkdir(outputDir, { recursive: true });
  await writeFile(join(outputDir, 'shards.json'), `${JSON.stringify(manifest)}\n`);
  return manifest;
}
