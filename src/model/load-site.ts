/**
 * Reading a library for the site: every file parsed, validated and its
 * Markdown rendered on all cores ({@link parallelMap}), then the library-wide
 * checks. Only plain data crosses threads: the stored pattern, its rendered
 * HTML and a digest of its bytes.
 */
import { createHash } from 'node:crypto';
import type { Diagnostic } from '../lib/diagnostics.ts';
import { checkLibrary, toLibraryEntry, type LibraryEntry } from '../lib/library.ts';
import { findPatternFiles, FILES_PER_THREAD, readPlainFile } from '../lib/load.ts';
import { parallelMap } from '../lib/parallel.ts';
import { similarPatterns, type Neighbour } from '../lib/similarity.ts';
import { isV71, readPatternFile, type V71PatternFile } from '../lib/pattern-file.ts';
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
export interface SiteFile {
  readonly diagnostics: Diagnostic[];
  readonly entry: LibraryEntry | undefined;
  readonly pattern: ReadPattern | undefined;
}

const hasError = (diagnostics: readonly Diagnostic[]): boolean =>
  diagnostics.some((d) => d.severity === 'error');

/** A parsed, valid pattern with its Markdown rendered. */
function toSitePattern(pattern: V71PatternFile): ReadPattern {
  return {
    stored: toStoredPattern(pattern),
    rendered: renderBody(pattern),
    digest: createHash('sha256').update(pattern.source).digest('base64url'),
  };
}

/**
 * Reads, validates and (when it has no error) renders one file. Older-format files count
 * in the library checks (their links, their slugs) but get no page yet: only v7.1
 * patterns are rendered, until the site learns the older format (issue 10).
 */
export function readSiteFile(file: string): SiteFile {
  const { pattern, diagnostics } = readPatternFile(file, readPlainFile(file));
  const shown = isV71(pattern) ? pattern : undefined;
  return {
    diagnostics,
    entry: pattern && toLibraryEntry(pattern),
    pattern: shown && !hasError(diagnostics) ? toSitePattern(shown) : undefined,
  };
}

export interface SiteLibrary {
  /** Patterns of files with no error, file-level or library-wide, in file order. */
  readonly patterns: SitePattern[];
  /** Every problem, per file and library-wide. */
  readonly diagnostics: Diagnostic[];
}

/** Reads the library under `dir` for the site. */
export async function loadSite(dir: string): Promise<SiteLibrary> {
  const found = await findPatternFiles([dir]);
  const read = await parallelMap<SiteFile>(
    found.files,
    { module: import.meta.url, name: readSiteFile.name },
    { itemsPerThread: FILES_PER_THREAD / 4 },
  );
  const entries = read.flatMap(({ entry }) => (entry ? [entry] : []));
  const diagnostics = [
    ...found.diagnostics,
    ...read.flatMap((file) => file.diagnostics),
    ...checkLibrary(entries, found.files),
  ];
  const failed = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file));
  const shown = read.flatMap(({ pattern }) =>
    pattern && !failed.has(pattern.stored.file) ? [pattern] : [],
  );
  // Similar patterns among the patterns shown (their words were counted on the worker threads).
  const shownFiles = new Set(shown.map(({ stored }) => stored.file));
  const similar = similarPatterns(
    entries.flatMap(({ file, slug, text }) =>
      shownFiles.has(file) ? [{ ...text, key: slug.value }] : [],
    ),
  );
  return {
    patterns: shown.map((pattern) => ({
      ...pattern,
      similar: similar.get(pattern.stored.slug) ?? [],
    })),
    diagnostics,
  };
}
