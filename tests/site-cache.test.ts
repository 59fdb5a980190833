import {
  appendFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  loadSite,
  siteCacheDir,
  type ReadPattern,
  type SiteFile,
  type SiteLibrary,
} from '../src/model/load-site.ts';
import { pruneResults } from '../src/lib/file-cache.ts';
import { FIXTURES } from './helpers/fixtures.ts';

let root = '';
let library = '';
let cache = '';

beforeEach(() => {
  root = relative('.', mkdtempSync(join(tmpdir(), 'site-cache-')));
  library = join(root, 'library');
  cpSync(join(FIXTURES, 'near-duplicates'), library, { recursive: true });
  cpSync(join(FIXTURES, 'site/small'), library, { recursive: true });
  process.env['PATTERNS_SITE_CACHE'] = join(root, 'cache');
  cache = siteCacheDir() ?? '';
});

afterEach(() => {
  delete process.env['PATTERNS_SITE_CACHE'];
  rmSync(root, { recursive: true, force: true });
});

/** What a load gives the site (an unrendered pattern's HTML is made when asked for). */
const shown = ({ patterns, diagnostics, checks }: SiteLibrary) => ({
  patterns: patterns.map(({ stored, digest, similar }) => ({ stored, digest, similar })),
  diagnostics,
  checks,
});

const load = async (cached: boolean, background = false) =>
  shown(
    await loadSite(library, {
      render: 'when-asked',
      background,
      cache: cached ? cache : undefined,
    }),
  );

describe('the site’s cache of read files', () => {
  it('gives what reading every file gives, the first time and the next', async () => {
    const uncached = await load(false);
    expect(uncached.checks.duplicates.pairs.length).toBeGreaterThan(0);
    expect(await load(true)).toEqual(uncached);
    expect(readdirSync(cache).length).toBe(uncached.checks.files.length + 1);
    expect(await load(true)).toEqual(uncached);
    expect(await load(true, true)).toEqual(uncached);
  });

  it('is what a later load reads: a kept result is used as it is', async () => {
    await load(true);
    for (const name of readdirSync(cache)) {
      const path = join(cache, name);
      const kept = deserialize(readFileSync(path)) as Partial<SiteFile<ReadPattern>>;
      if (kept.pattern?.stored.slug !== 'alpha') continue;
      (kept.pattern.stored.frontmatter as { title: string }).title = 'Kept';
      writeFileSync(path, serialize(kept));
    }
    const titles = (await load(true)).patterns.map(({ stored }) => stored.frontmatter.title);
    expect(titles).toContain('Kept');
    expect(titles).not.toContain('Alpha');
  });

  it('reads a changed file again, and makes the near-duplicates of the changed library', async () => {
    await load(true);
    appendFileSync(join(library, 'beta.md'), '\nA sentence added to the body.\n');
    rmSync(join(library, 'tool-library.md'));
    expect(await load(true)).toEqual(await load(false));
  });

  it('keeps the most recently used results, and none of other code versions', async () => {
    mkdirSync(join(dirname(cache), 'results-of-another-version'), { recursive: true });
    mkdirSync(join(dirname(cache), 'not-results'), { recursive: true });
    mkdirSync(cache, { recursive: true });
    ['old', 'older', 'recent'].forEach((name, index) => {
      writeFileSync(join(cache, name), '');
      const at = new Date(Date.UTC(2026, 0, [2, 1, 3][index]));
      utimesSync(join(cache, name), at, at);
    });
    await pruneResults(cache, 2);
    expect(readdirSync(cache).sort()).toEqual(['old', 'recent']);
    expect(readdirSync(dirname(cache)).sort()).toEqual(['not-results', basename(cache)].sort());
  });

  it('marks a result it reads as used', async () => {
    await load(true);
    const long = new Date(Date.UTC(2020, 0, 1));
    for (const name of readdirSync(cache)) utimesSync(join(cache, name), long, long);
    await load(true);
    for (const name of readdirSync(cache)) {
      expect(statSync(join(cache, name)).mtimeMs).toBeGreaterThan(long.getTime());
    }
  });

  it('is off with PATTERNS_SITE_CACHE=off', () => {
    process.env['PATTERNS_SITE_CACHE'] = 'off';
    expect(siteCacheDir()).toBeUndefined();
  });
});
