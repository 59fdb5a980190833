/**
 * The search index, built while the pages are rendered, in shards so memory
 * stays bounded as the library grows.
 *
 * One record per pattern: the loader hands the loaded patterns over
 * ({@link onPatternsLoaded}) and each becomes a small HTML document
 * (`searchDocument`, made with its HTML on the thread that read it: title,
 * metadata, filters, weighted names, the text). Lens pages, browse and the rest are not indexed. Pagefind runs in
 * its own process, so indexing takes the second core while Astro renders
 * pages on the first.
 *
 * Patterns are taken in the order the loader gives them (a build's: as their pages are
 * made) and cut into shards of `shardSize`; each
 * shard is its own Pagefind index written to `pagefind/<shard>/`, built in
 * turn by a fresh Pagefind process, so peak memory is one shard's whatever
 * the library's size. `pagefind/shards.json` lists the shards; the search
 * page loads the first and merges the others (`mergeIndex`).
 */
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import type { ShardManifest, TitleList } from '../../lib/pagefind-api.ts';
import type { SitePattern } from '../../model/load-site.ts';
import { onPatternsLoaded, renderedPattern } from '../pattern-loader.ts';
import { PATHS, siteUrls } from '../../model/urls.ts';

/** Result URLs are indexed root-relative; the search page gives Pagefind the base path. */
const ROOT = siteUrls('/');

/**
 * Patterns per shard. Pagefind's memory grows faster than its records: measured on generated
 * patterns, one index of 5,000 peaked at 4.2 GB, of 2,500 at 2.2 GB (the real library's 3,614
 * records at 2.0 GB). Merged shards rank results differently from one index and cost a request
 * per shard and word, so a library splits only beyond what fits in 2.5 GB (README).
 */
export const DEFAULT_SHARD_SIZE = 2500;

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
 * Builds one shard's index in a fresh Pagefind process from the next `size` records of `records`
 * (each sent as it comes: the index is made while the pages are) and writes it to `outputPath`.
 * Gives the slug and title of each record it took; none when `records` was done.
 */
async function writeShard(
  records: AsyncIterator<SearchRecord>,
  size: number,
  outputPath: string,
  primary: boolean,
): Promise<TitleList> {
  let next = await records.next();
  if (next.done === true) return [];
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  check('createIndex', errors);
  if (!index) throw new Error('pagefind createIndex returned no index');
  const taken: TitleList = [];
  try {
    // Up to CONCURRENCY records at a time in the indexer.
    const sending = new Set<Promise<void>>();
    for (; next.done !== true; next = await records.next()) {
      const page = next.value;
      taken.push([page.slug, page.title]);
      const sent: Promise<void> = index.addHTMLFile(page).then((added) => {
        check(`addHTMLFile ${page.url}`, added.errors);
        sending.delete(sent);
      });
      // A failure is reported by the wait below.
      sent.catch(() => undefined);
      sending.add(sent);
      if (sending.size >= CONCURRENCY) await Promise.race(sending);
      if (taken.length === size) break;
    }
    await Promise.all(sending);
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
  return taken;
}

/**
 * A record for Pagefind: the result's URL (below the base path) and the document to index; its
 * slug and title also go to the titles list (`titles.json`).
 */
export interface SearchRecord {
  readonly url: string;
  readonly content: string;
  readonly slug: string;
  readonly title: string;
}

/**
 * The search record of each pattern, in turn as its HTML is ready (`ready`: a build renders
 * its patterns on worker threads while the pages are made).
 */
export async function* searchRecords(
  patterns: Iterable<SitePattern>,
  ready: (slug: string) => Promise<unknown> = () => Promise.resolve(),
): AsyncGenerator<SearchRecord> {
  for (const pattern of patterns) {
    await ready(pattern.stored.slug);
    yield {
      url: ROOT.pattern(pattern.stored.slug),
      content: pattern.searchDocument,
      slug: pattern.stored.slug,
      title: pattern.stored.frontmatter.title,
    };
  }
}

/**
 * Indexes `records` into `outputDir`: shards of `shardSize` records, each indexed as its records
 * come, then `shards.json` and `titles.json` (every record's slug and title, for the closest
 * titles offered when a query finds nothing). Memory holds no record's text.
 */
export async function indexRecords(
  records: AsyncIterable<SearchRecord>,
  outputDir: string,
  shardSize: number,
): Promise<ShardManifest> {
  if (!Number.isInteger(shardSize) || shardSize < 1) {
    throw new Error(`PAGEFIND_SHARD_SIZE must be a positive integer, got ${String(shardSize)}`);
  }
  const shards: string[] = [];
  const titles: TitleList = [];
  const iterator = records[Symbol.asyncIterator]();
  for (;;) {
    const name = String(shards.length).padStart(3, '0');
    const taken = await writeShard(iterator, shardSize, join(outputDir, name), shards.length === 0);
    if (taken.length === 0) break;
    shards.push(name);
    titles.push(...taken);
  }
  const manifest: ShardManifest = { shards, records: titles.length };
  await mkdir(outputDir, { recursive: true });
  await writeFile(join(outputDir, 'shards.json'), `${JSON.stringify(manifest)}\n`);
  await writeFile(join(outputDir, 'titles.json'), `${JSON.stringify(titles)}\n`);
  return manifest;
}

/** Where the index is made during a build into `outDir`, before it moves into place. */
export const indexScratchDir = (outDir: string): string => `${outDir.replace(/\/+$/, '')}.pagefind`;

/** Shard size: `PAGEFIND_SHARD_SIZE`, else {@link DEFAULT_SHARD_SIZE}. */
const shardSize = (): number =>
  Number(process.env['PAGEFIND_SHARD_SIZE'] ?? String(DEFAULT_SHARD_SIZE));

/** Builds `pagefind/` of a static build from the patterns the loader loads. */
export function searchIndex(): AstroIntegration {
  let scratch = '';
  let indexing: Promise<ShardManifest> | undefined;
  return {
    name: 'search-index',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        if (command !== 'build') return;
        scratch = indexScratchDir(fileURLToPath(config.outDir));
        onPatternsLoaded((patterns) => {
          indexing = rm(scratch, { recursive: true, force: true }).then(() =>
            indexRecords(searchRecords(patterns, renderedPattern), scratch, shardSize()),
          );
          // Awaited (and its error reported) when the build is done.
          indexing.catch(() => undefined);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (indexing === undefined) throw new Error('no patterns were loaded: no search index');
        const manifest = await indexing;
        const target = join(fileURLToPath(dir), PATHS.pagefind);
        await rm(target, { recursive: true, force: true });
        await rename(scratch, target);
        if (manifest.records === 0) logger.warn('no patterns: the search index is empty');
        logger.info(
          `${String(manifest.records)} patterns indexed in ${String(manifest.shards.length)} shard(s)`,
        );
      },
    },
  };
}
