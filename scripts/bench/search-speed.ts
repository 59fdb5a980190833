/**
 * `npm run bench:search` — what sharding the search index costs a reader.
 * Indexes a generated library (default `.bench/site-1000`, from
 * `npm run bench`) as the build does, with several shard sizes (`SHARD_SIZES`, default
 * `all,500,250`; `all` = one index), then runs the same queries through
 * Pagefind's own browser script, loaded in Node with `fetch` served from disk,
 * and reports per query: bytes and requests (first query includes start-up),
 * results found, and how many of the single index's top 20 each variant also
 * ranks in its top 20.
 */
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { indexRecords, searchRecords } from '../../src/astro/integrations/search-index.ts';
import type { Pagefind, ShardManifest } from '../../src/lib/pagefind-api.ts';
import { loadSite } from '../../src/model/load-site.ts';
import { PATHS } from '../../src/model/urls.ts';

/** Where the benchmark's fetch stub serves the index from. */
const SITE_PAGEFIND = new URL(PATHS.pagefind, 'http://site/');

const library = await loadSite(resolve(process.argv[2] ?? join('.bench', 'site-1000')));
const sizes = (process.env['SHARD_SIZES'] ?? 'all,500,250').split(',');
const QUERIES: readonly { term: string | null; filters?: Record<string, string> }[] = [
  { term: 'commons' },
  { term: 'stewardship covenant' },
  { term: 'resilience feedback' },
  { term: 'peer governance' },
  { term: 'trust', filters: { domain: 'governance' } },
  { term: null, filters: { lens: 'community' } },
];
/** Results per page, as the search page shows them (src/scripts/search.ts). */
const TOP = 10;

let transferred = 0;
let requests = 0;
let served = '';
globalThis.fetch = async (input: string | URL | Request): Promise<Response> => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  const body = await readFile(join(served, decodeURIComponent(url.pathname))).catch(() => null);
  if (!body) return new Response('not found', { status: 404 });
  transferred += body.length;
  requests += 1;
  return new Response(body);
};

interface Outcome {
  readonly bytes: number;
  readonly requests: number;
  readonly found: number;
  readonly top: readonly string[];
}

async function measure(root: string, manifest: ShardManifest): Promise<Outcome[]> {
  served = root;
  const [first, ...rest] = manifest.shards;
  if (first === undefined) throw new Error('empty index');
  const script = pathToFileURL(join(root, PATHS.pagefind, first, 'pagefind.js')).href;
  const pagefind = (await import(script)) as Pagefind;
  await pagefind.options({ basePath: new URL(`${first}/`, SITE_PAGEFIND).href, excerptLength: 0 });
  for (const shard of rest) await pagefind.mergeIndex(new URL(`${shard}/`, SITE_PAGEFIND).href);
  await pagefind.init();
  const outcomes: Outcome[] = [];
  for (const query of QUERIES) {
    const [bytesBefore, requestsBefore] = [transferred, requests];
    const { results } = await pagefind.search(query.term, { filters: query.filters ?? {} });
    const top = await Promise.all(results.slice(0, TOP).map((result) => result.data()));
    outcomes.push({
      bytes: transferred - bytesBefore,
      requests: requests - requestsBefore,
      found: results.length,
      top: top.map((data) => data.url),
    });
  }
  return outcomes;
}

const work = join('.bench', 'search-cost');
const variants: { size: string; shards: number; outcomes: Outcome[] }[] = [];
for (const size of sizes) {
  const root = join(work, size);
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  const manifest = await indexRecords(
    searchRecords(library.patterns),
    join(root, PATHS.pagefind),
    size === 'all' ? Number.MAX_SAFE_INTEGER : Number(size),
  );
  transferred = 0;
  requests = 0;
  const outcomes = await measure(resolve(root), manifest);
  variants.push({ size, shards: manifest.shards.length, outcomes });
}

const reference = variants[0];
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KB`;
for (const variant of variants) {
  console.log(`\nshard size ${variant.size} (${String(variant.shards)} shard(s))`);
  variant.outcomes.forEach((outcome, i) => {
    const query = QUERIES[i];
    const same = reference?.outcomes[i]?.top.filter((url) => outcome.top.includes(url)).length;
    console.log(
      `  ${JSON.stringify(query?.term ?? null)} ${JSON.stringify(query?.filters ?? {})}: ` +
        `${kb(outcome.bytes)} in ${String(outcome.requests)} requests, ${String(outcome.found)} found, ` +
        `top ${String(TOP)} shared with ${reference?.size ?? ''}: ${String(same ?? 0)}`,
    );
  });
  const total = variant.outcomes.reduce((sum, outcome) => sum + outcome.bytes, 0);
  console.log(`  all ${String(QUERIES.length)} queries: ${kb(total)}`);
}
