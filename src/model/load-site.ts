/**
 * Reading a library for the site: every file parsed, validated and its
 * Markdown rendered on all cores ({@link parallelMap}), then the library-wide
 * checks that decide what is shown and the similarity pass. Only plain data crosses threads: the stored pattern, its rendered
 * HTML and a digest of its bytes.
 */
import { createHash } from 'node:crypto';
import type { Diagnostic } from '../lib/diagnostics.ts';
import {
  identityDiagnostics,
  nearDuplicates,
  type LibraryChecks,
  type LibraryEntry,
  type NearDuplicates,
} from '../lib/library.ts';
import { findPatternFiles, FILES_PER_THREAD, readPlainFile } from '../lib/load.ts';
import { onWorker, parallelMap } from '../lib/parallel.ts';
import { readPatternFile, type PatternFile } from '../lib/pattern-file.ts';
import type { Neighbour } from '../lib/similarity.ts';
import { renderBody, type RenderedBody } from './rendered.ts';
import { toStoredPattern } from './stored.ts';
import type { StoredPattern } from './types.ts';

/** A valid pattern ready for the site. */
export interface SitePattern {
  readonly stored: StoredPattern;
  readonly rendered: RenderedBody;
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
type UnrenderedPattern = Omit<ReadPattern, 'rendered'>;

/**
 * A pattern whose HTML is rendered the first time it is asked for, then kept (the dev server
 * renders a page's pattern when the page is asked for, not the whole library at start). Never
 * spread the result: a spread reads, and so renders, `rendered`.
 */
function renderedLater<T extends UnrenderedPattern>(pattern: T): T & Pick<ReadPattern, 'rendered'> {
  let rendered: RenderedBody | undefined;
  return Object.defineProperty({ ...pattern }, 'rendered', {
    enumerable: true,
    get: (): RenderedBody => (rendered ??= renderBody(pattern.stored)),
  }) as T & Pick<ReadPattern, 'rendered'>;
}

function readWith<Pattern>(
  file: string,
  make: (pattern: UnrenderedPattern) => Pattern,
): SiteFile<Pattern> {
  const { pattern, diagnostics, entry } = readPatternFile(file, readPlainFile(file));
  return {
    diagnostics,
    entry,
    pattern: pattern && !hasError(diagnostics) ? make(toSitePattern(pattern)) : undefined,
  };
}

/** Reads, validates and (when it has no error) renders one file, of either format. */
export const readSiteFile = (file: string): SiteFile<ReadPattern> =>
  readWith(file, (pattern) => ({ ...pattern, rendered: renderBody(pattern.stored) }));

/** {@link readSiteFile} without rendering (a worker's result: its pattern has no `rendered` yet). */
export const readSiteFileUnrendered = (file: string): SiteFile<UnrenderedPattern> =>
  readWith(file, (pattern) => pattern);

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
}

/**
 * Reads the library under `dir` for the site. With `render: false` each pattern's HTML is
 * rendered when a page first asks for it; with `background: true` every file is read on worker
 * threads, this thread left free (the dev server, which answers while its library loads).
 */
export async function loadSite(
  dir: string,
  { render = true, background = false }: { render?: boolean; background?: boolean } = {},
): Promise<SiteLibrary> {
  const found = await findPatternFiles([dir]);
  const task = render ? readSiteFile : readSiteFileUnrendered;
  const read = await parallelMap<SiteFile>(
    found.files,
    { module: import.meta.url, name: task.name },
    { itemsPerThread: FILES_PER_THREAD / 4, background },
  );
  const entries = read.flatMap(({ entry }) => (entry ? [entry] : []));
  // One similarity pass (words counted on the worker threads): near-duplicate warnings and
  // similar patterns.
  const near = background
    ? await onWorker<NearDuplicates>(entries, {
        module: new URL('../lib/library.ts', import.meta.url).href,
        name: nearDuplicates.name,
      })
    : nearDuplicates(entries);
  const diagnostics = [
    ...found.diagnostics,
    ...read.flatMap((file) => file.diagnostics),
    ...identityDiagnostics(entries),
  ];
  const failed = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file));
  const shown = read.flatMap(({ pattern }) =>
    pattern && !failed.has(pattern.stored.file) ? [pattern] : [],
  );
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
        : renderedLater({ ...pattern, similar });
    }),
    diagnostics,
    checks: { files: found.files, entries, duplicates: near },
  };
}
