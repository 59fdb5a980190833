/**
 * Reading a library for the site: every file parsed and validated on all cores
 * ({@link parallelMap}), then the library-wide checks that decide what is shown and the similarity
 * pass. The Markdown is rendered then too ({@link loadSite}'s `render`), when a page first asks
 * (the dev server), or on worker threads from the moment the files are read, while a build goes
 * on to make its pages ({@link renderAhead}).
 * Only plain data crosses threads: the stored pattern, its rendered HTML and a digest of its bytes.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { threadId } from 'node:worker_threads';
import type { Diagnostic } from '../lib/diagnostics.ts';
import {
  identityDiagnostics,
  nearDuplicates,
  type LibraryChecks,
  type LibraryEntry,
  type NearDuplicates,
} from '../lib/library.ts';
import {
  codeFingerprint,
  keepResult,
  keptResult,
  keptValue,
  PROJECT_ROOT,
  pruneResults,
  resultPath,
  resultsFolder,
} from '../lib/file-cache.ts';
import { findPatternFiles, FILES_PER_THREAD, readPlainFile } from '../lib/load.ts';
import { onWorker, parallelMap, workerQueue } from '../lib/parallel.ts';
import { RecentMap } from '../lib/recent.ts';
import { readPatternFile, type PatternFile } from '../lib/pattern-file.ts';
import type { Neighbour } from '../lib/similarity.ts';
import { byTitle } from '../lib/text-order.ts';
import { renderBody, type RenderedBody } from './rendered.ts';
import { searchDocument } from './search-document.ts';
import { toStoredPattern } from './stored.ts';
import type { StoredPattern } from './types.ts';

/** A valid pattern ready for the site. */
export interface SitePattern {
  readonly stored: StoredPattern;
  readonly rendered: RenderedBody;
  /** The document its search record indexes ({@link searchDocument}), made with `rendered`. */
  readonly searchDocument: string;
  /** Changes whenever the file's bytes do. */
  readonly digest: string;
  /** The most similar other patterns of the site, by slug (src/lib/similarity.ts). */
  readonly similar: readonly Neighbour[];
}

/** A pattern as one thread reads it: its similar patterns need the whole library. */
export type ReadPattern = Omit<SitePattern, 'similar'>;

/** One file read for the site: its problems, and the pattern when the file has no error. */
export interface SiteFile<Pattern = ReadPattern | UnrenderedPattern> {
  readonly diagnostics: Diagnostic[];
  readonly entry: LibraryEntry | undefined;
  readonly pattern: Pattern | undefined;
}

const hasError = (diagnostics: readonly Diagnostic[]): boolean =>
  diagnostics.some((d) => d.severity === 'error');

/** A parsed, valid pattern, its Markdown rendered or not yet (see {@link renderedLater}). */
function toSitePattern(pattern: PatternFile): UnrenderedPattern {
  return {
    stored: toStoredPattern(pattern),
    digest: createHash('sha256').update(pattern.source).digest('base64url'),
  };
}

/** A read pattern whose Markdown is not rendered yet. */
type UnrenderedPattern = Omit<ReadPattern, 'rendered' | 'searchDocument'>;

/** What rendering a pattern adds: its HTML, and its search document made from it. */
type Rendering = Pick<ReadPattern, 'rendered' | 'searchDocument'>;

function rendering(stored: StoredPattern): Rendering {
  const rendered = renderBody(stored);
  return { rendered, searchDocument: searchDocument(stored, rendered) };
}

/**
 * A pattern whose HTML is rendered the first time it is asked for, then kept (the dev server
 * renders a page's pattern when the page is asked for, not the whole library at start) — or,
 * once `ahead` has it ({@link renderAhead}), read from where a worker kept it each time. Never
 * spread the result: a spread reads, and so renders, `rendered`.
 */
function renderedLater<T extends UnrenderedPattern>(
  pattern: T,
  ahead?: RenderAhead,
): T & Rendering {
  let made: Rendering | undefined;
  const get = (): Rendering =>
    made ?? ahead?.rendering(pattern.stored.slug) ?? (made = rendering(pattern.stored));
  return Object.defineProperties(
    { ...pattern },
    {
      rendered: { enumerable: true, get: () => get().rendered },
      searchDocument: { enumerable: true, get: () => get().searchDocument },
    },
  ) as T & Rendering;
}

function readWith<Pattern>(
  file: string,
  make: (pattern: UnrenderedPattern) => Pattern,
  bytes: Uint8Array = readPlainFile(file),
): SiteFile<Pattern> {
  const { pattern, diagnostics, entry } = readPatternFile(file, bytes);
  return {
    diagnostics,
    entry,
    pattern: pattern && !hasError(diagnostics) ? make(toSitePattern(pattern)) : undefined,
  };
}

/** A read pattern with its Markdown rendered. */
const withRendered = (pattern: UnrenderedPattern): ReadPattern => ({
  ...pattern,
  ...rendering(pattern.stored),
});

/** Reads, validates and (when it has no error) renders one file, of either format. */
export const readSiteFile = (file: string): SiteFile<ReadPattern> => readWith(file, withRendered);

/** {@link readSiteFile} without rendering (a worker's result: its pattern has no `rendered` yet). */
export const readSiteFileUnrendered = (file: string): SiteFile<UnrenderedPattern> =>
  readWith(file, (pattern) => pattern);

/** Raised when what a cached read holds changes. */
const SITE_CACHE_VERSION = 1;

/** The project's folders whose code decides what a file's read gives. */
const SITE_CODE = ['schema', 'src/lib', 'src/model', 'src/config'];

/**
 * The site's cache of read files and a build's renderings (src/lib/file-cache.ts): in
 * `node_modules/.cache/pattern-site/` (or `$PATTERNS_SITE_CACHE`), a folder per version of the
 * code that reads files; undefined when `PATTERNS_SITE_CACHE=off`.
 */
export function siteCacheDir(): string | undefined {
  const setting = process.env['PATTERNS_SITE_CACHE'];
  if (setting === 'off') return undefined;
  // Unset or empty: the default folder.
  const root =
    setting === undefined || setting === ''
      ? join(PROJECT_ROOT, 'node_modules/.cache/pattern-site')
      : setting;
  return resultsFolder(root, codeFingerprint(SITE_CODE, SITE_CACHE_VERSION));
}

/** A file to read through the cache folder `cache`. */
export interface CachedRead {
  readonly file: string;
  readonly cache: string;
}

/** A file read through the cache: where its result is kept, and that result serialised. */
export interface CachedSiteFile {
  readonly path: string;
  readonly kept: Uint8Array;
}

/**
 * {@link readSiteFileUnrendered} through a cache folder: a file whose path and bytes were read
 * before is not parsed again. The result is handed over serialised, as it is kept: made a value
 * once, by the thread that uses it (a worker's message would serialise it again).
 */
export function readSiteFileCached({ file, cache }: CachedRead): CachedSiteFile {
  const bytes = readPlainFile(file);
  const path = resultPath(cache, file, bytes);
  const kept =
    keptResult(path) ??
    keepResult(
      path,
      readWith(file, (pattern) => pattern, bytes),
    );
  return { path, kept };
}

/** Every file of `files` read for the site, through the cache folder `cache` when given. */
async function readFiles(
  files: readonly string[],
  { render, background, cache }: Required<SiteOptions>,
): Promise<{ read: SiteFile[]; nearAt: string | undefined }> {
  const options = { itemsPerThread: FILES_PER_THREAD / 4, background };
  if (cache === undefined) {
    const task = render === 'now' ? readSiteFile : readSiteFileUnrendered;
    const read = await parallelMap<SiteFile>(
      files,
      { module: import.meta.url, name: task.name },
      options,
    );
    return { read, nearAt: undefined };
  }
  const results = await parallelMap<CachedSiteFile>(
    files.map((file): CachedRead => ({ file, cache })),
    { module: import.meta.url, name: readSiteFileCached.name },
    options,
  );
  // Kept: about two libraries' worth of the most recently used reads and renderings.
  pruneResults(cache, 4 * files.length + 4).catch(() => undefined);
  return {
    read: results.map((result) => keptValue(result.kept) as SiteFile),
    // The library's near-duplicates are kept under every file's path and bytes (each result's
    // place says both).
    nearAt: resultPath(cache, '', new TextEncoder().encode(results.map(({ path }) => path).join())),
  };
}

/**
 * The near-duplicates of a library's entries, on a worker thread when `background`; kept at
 * `keptAt` when given (once per library as read).
 */
async function similarityPass(
  entries: readonly LibraryEntry[],
  background: boolean,
  keptAt: string | undefined,
): Promise<NearDuplicates> {
  const kept = keptAt === undefined ? undefined : keptResult(keptAt);
  if (kept) return keptValue(kept) as NearDuplicates;
  const near = background
    ? await onWorker<NearDuplicates>(entries, {
        module: new URL('../lib/library.ts', import.meta.url).href,
        name: nearDuplicates.name,
      })
    : nearDuplicates(entries);
  if (keptAt !== undefined) keepResult(keptAt, near);
  return near;
}

export interface SiteLibrary {
  /** Patterns of files with no error, file-level or library-wide, in file order. */
  readonly patterns: SitePattern[];
  /**
   * Every problem of each file, and the library-wide ones that decide what is shown (duplicate
   * slugs and ids); `npm run check` reports the library's other warnings.
   */
  readonly diagnostics: Diagnostic[];
  /** What the library checks read (the health page counts from it: src/lib/exports/health.ts). */
  readonly checks: LibraryChecks;
  /** With `render: 'ahead'`: the workers rendering the patterns, to wait for one. */
  readonly ahead?: RenderAhead;
}

/** How to read a library for the site. */
export interface SiteOptions {
  /**
   * When each pattern's HTML is made: `now`, as its file is read (without a cache); `when-asked`,
   * the first time it is asked for (the dev server); `ahead`, on worker threads from the moment
   * the files are read, in the order a build's pages ask for them ({@link renderAhead}).
   */
  readonly render?: 'now' | 'when-asked' | 'ahead';
  /** Read every file on worker threads, this thread left free (dev: the server answers meanwhile). */
  readonly background?: boolean;
  /**
   * Reuse earlier reads of unchanged files from this folder ({@link siteCacheDir}). Reads are
   * kept unrendered: their HTML is made when first asked for, or by {@link renderAhead}.
   */
  readonly cache?: string | undefined;
}

/** Reads the library under `dir` for the site. */
export async function loadSite(
  dir: string,
  { render = 'now', background = false, cache }: SiteOptions = {},
): Promise<SiteLibrary> {
  const found = await findPatternFiles([dir]);
  const { read, nearAt } = await readFiles(found.files, { render, background, cache });
  const entries = read.flatMap(({ entry }) => (entry ? [entry] : []));
  const problems = [...found.diagnostics, ...read.flatMap((file) => file.diagnostics)];
  const diagnostics = [...problems, ...identityDiagnostics(entries)];
  const failed = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file));
  const shown = read.flatMap(({ pattern }) =>
    pattern && !failed.has(pattern.stored.file) ? [pattern] : [],
  );
  // Rendering starts now, on the other cores, while this thread goes on.
  const ahead = render === 'ahead' ? renderAhead(inPageOrder(shown), cache) : undefined;
  // One similarity pass (words counted when each file was read): near-duplicate warnings and
  // similar patterns.
  const near = await similarityPass(entries, background, nearAt);
  // Neighbours are keyed by file: the site names them by slug, and shows only shown patterns.
  const slugs = new Map(shown.map(({ stored }) => [stored.file, stored.slug]));
  return {
    patterns: shown.map((pattern) => {
      const similar = (near.neighbours.get(pattern.stored.file) ?? []).flatMap(({ key, score }) => {
        const slug = slugs.get(key);
        return slug === undefined ? [] : [{ key: slug, score }];
      });
      return 'rendered' in pattern
        ? { ...pattern, similar }
        : renderedLater({ ...pattern, similar }, ahead);
    }),
    diagnostics,
    checks: { files: found.files, entries, duplicates: near, problems },
    ...(ahead ? { ahead } : {}),
  };
}

/** A pattern to render on a worker thread, and the folder to keep its rendering in. */
export interface RenderItem {
  readonly stored: StoredPattern;
  readonly digest: string;
  readonly dir: string;
  /**
   * Whether `dir` is a scratch folder for this build only: renderings are then appended to one
   * file per worker rather than kept one file each for later builds to find.
   */
  readonly scratch: boolean;
}

/** Where a worker kept a rendering: a whole file, or `length` bytes at `offset` of a pack file. */
export interface KeptAt {
  readonly path: string;
  readonly at?: { readonly offset: number; readonly length: number };
}

/** This thread's pack file in each scratch folder: its descriptor and size so far. */
const packs = new Map<string, { readonly path: string; readonly fd: number; size: number }>();

/**
 * Appends a serialised rendering to this thread's pack file in the scratch folder `dir`: a few
 * files, where one per pattern cost a build of the real library 14,000 file creations, reads,
 * renames and removals. Undefined when it cannot be written.
 */
function packed(dir: string, bytes: Uint8Array): KeptAt | undefined {
  try {
    let pack = packs.get(dir);
    if (pack === undefined) {
      const path = join(dir, `pack-${String(process.pid)}-${String(threadId)}`);
      pack = { path, fd: openSync(path, 'a'), size: 0 };
      packs.set(dir, pack);
    }
    const offset = pack.size;
    for (let written = 0; written < bytes.length;) {
      written += writeSync(pack.fd, bytes, written);
    }
    pack.size += bytes.length;
    return { path: pack.path, at: { offset, length: bytes.length } };
  } catch {
    return undefined;
  }
}

/**
 * Renders one pattern ({@link rendering}; a worker's task) into the folder `dir` and gives where
 * it is kept. In the site cache, a pattern whose file's bytes were rendered there before is not
 * rendered again.
 */
export function renderSitePattern({
  stored,
  digest,
  dir,
  scratch,
}: RenderItem): KeptAt | undefined {
  if (scratch) return packed(dir, serialize(rendering(stored)));
  const path = resultPath(dir, `${stored.file}\0rendering`, new TextEncoder().encode(digest));
  // Kept files are whole (written beside and renamed); the page's thread reads it, marking it used.
  if (!existsSync(path)) keepResult(path, rendering(stored));
  return { path };
}

/** The serialised rendering kept where {@link renderSitePattern} says; undefined when unreadable. */
function keptRendering({ path, at }: KeptAt, reader: PackReader): Uint8Array | undefined {
  return at === undefined ? keptResult(path) : reader.read(path, at.offset, at.length);
}

/** Reads stretches of pack files, each opened once; {@link PackReader.close} closes them. */
interface PackReader {
  read(path: string, offset: number, length: number): Uint8Array | undefined;
  close(): void;
}

function packReader(): PackReader {
  const open = new Map<string, number>();
  return {
    read(path, offset, length) {
      try {
        let fd = open.get(path);
        if (fd === undefined) {
          fd = openSync(path, 'r');
          open.set(path, fd);
        }
        const bytes = new Uint8Array(length);
        for (let read = 0; read < length;) {
          const got = readSync(fd, bytes, read, length - read, offset + read);
          if (got === 0) return undefined;
          read += got;
        }
        return bytes;
      } catch {
        return undefined;
      }
    },
    close() {
      for (const fd of open.values()) closeSync(fd);
      open.clear();
    },
  };
}

/** Patterns being rendered ahead of the pages that show them ({@link renderAhead}). */
export interface RenderAhead {
  /** Settles once pattern `slug` is rendered (moved to the front of the queue if it still waits). */
  ready(slug: string): Promise<void>;
  /** The rendering of pattern `slug` once a worker made it; undefined before, or if not kept. */
  rendering(slug: string): Rendering | undefined;
}

/** Renderings held in memory at once: the pages being made (up to 8 at a time) and the next. */
const RECENT_RENDERINGS = 64;

/** A folder of this process's, removed when it exits (after `beforeRemoval`). */
function scratchFolder(beforeRemoval: () => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'pattern-site-renderings-'));
  process.once('exit', () => {
    beforeRemoval();
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // A system that cannot remove a file a worker still holds open (Windows) leaves the
      // folder to its temporary-file cleaning.
    }
  });
  return dir;
}

/** Patterns in the order a build's pages are made: by title, as the library model lists them. */
export const inPageOrder = <T extends UnrenderedPattern>(patterns: readonly T[]): T[] =>
  patterns
    .map((pattern) => ({
      pattern,
      title: pattern.stored.frontmatter.title,
      slug: pattern.stored.slug,
    }))
    .sort(byTitle)
    .map(({ pattern }) => pattern);

/**
 * Renders `patterns` on worker threads, in the order given — the order a build's pages ask for
 * them — while this thread goes on: a build makes its pages as the patterns' HTML is made,
 * instead of making all of it first. A page asks with {@link RenderAhead.ready}. Renderings are
 * kept in the cache folder (or a scratch folder) and read from there when asked for, the most
 * recent held in memory: memory does not grow with the library's text.
 */
function renderAhead(
  patterns: readonly UnrenderedPattern[],
  cache: string | undefined,
): RenderAhead {
  const reader = packReader();
  const scratch = cache === undefined;
  const dir =
    cache ??
    scratchFolder(() => {
      reader.close();
    });
  const queue = workerQueue<RenderItem, KeptAt | undefined>(
    { module: import.meta.url, name: renderSitePattern.name },
    // One per core: this thread makes pages meanwhile, and waits when a worker falls behind.
    availableParallelism(),
  );
  const recent = new RecentMap<string, Rendering>(RECENT_RENDERINGS);
  /** Where each pattern's rendering was kept, once done (undefined: it could not be kept). */
  const kept = new Map<string, KeptAt | undefined>();
  const done = new Map(
    patterns.map(({ stored, digest }) => {
      const rendered = queue.run(stored.slug, { stored, digest, dir, scratch }).then((where) => {
        kept.set(stored.slug, where);
      });
      // Reported to the page that waits for it.
      rendered.catch(() => undefined);
      return [stored.slug, rendered] as const;
    }),
  );
  return {
    ready: async (slug) => {
      queue.hurry(slug);
      await done.get(slug);
    },
    rendering: (slug) => {
      const known = recent.get(slug);
      const where = kept.get(slug);
      if (known !== undefined || where === undefined) return known;
      const bytes = keptRendering(where, reader);
      const value = bytes === undefined ? undefined : (keptValue(bytes) as Rendering);
      if (value !== undefined) recent.set(slug, value);
      return value;
    },
  };
}
