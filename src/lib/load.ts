/**
 * File-system edge of the reading pipeline: finds pattern files, reads them
 * and runs them through {@link readPatternFile} and {@link checkLibrary}.
 * `loadLibrary` keeps every parsed pattern (in one thread: tests, tools);
 * `checkPatternFiles` keeps only diagnostics and spreads the work over
 * worker threads (`npm run check`).
 */
import { constants, readFileSync } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { sha256, type CheckCache } from './check-cache.ts';
import type { Diagnostic } from './diagnostics.ts';
import type { PatternFormat } from './format.ts';
import { checkLibrary, nearDuplicates, type LibraryEntry, type NearDuplicates } from './library.ts';
import { parallelMap } from './parallel.ts';
import { readPatternFile, type PatternFile } from './pattern-file.ts';

/** Files in a pattern folder that are documentation, not patterns. */
const NOT_PATTERNS = new Set(['README.md', 'CONTRIBUTING.md', 'index.md']);

/** The pattern folder: `$PATTERNS_DIR`, else `patterns/`. */
export const patternsDir = (): string => process.env['PATTERNS_DIR'] ?? 'patterns';

/** Reads a file, refusing to follow a symbolic link to it (O_NOFOLLOW). */
export const readPlainFile = (file: string): Buffer =>
  readFileSync(file, { flag: constants.O_RDONLY | constants.O_NOFOLLOW });

const SYMLINK_MESSAGE =
  'is a symbolic link; pattern files and folders must be plain files (nothing outside the pattern folder is read)';

export interface Found {
  readonly files: string[];
  readonly diagnostics: Diagnostic[];
}

/**
 * Expands files and folders (recursively) into sorted `.md` pattern files. A symbolic link,
 * named or met in a folder, is an error naming it and is never followed.
 */
export async function findPatternFiles(paths: readonly string[]): Promise<Found> {
  const files = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  const problem = (file: string, message: string): void => {
    diagnostics.push({
      file,
      line: 0,
      column: 0,
      severity: 'error',
      rule: 'file',
      path: 'file',
      message,
    });
  };
  for (const path of paths) {
    const info = await lstat(path).catch(() => undefined);
    if (!info) {
      problem(path, 'no such file or folder');
    } else if (info.isSymbolicLink()) {
      problem(relative('.', path), SYMLINK_MESSAGE);
    } else if (info.isDirectory()) {
      // A recursive readdir lists a symbolic link to a folder as a link and does not enter it.
      const entries = await readdir(path, { recursive: true, withFileTypes: true });
      for (const entry of entries) {
        const file = relative('.', join(entry.parentPath, entry.name));
        if (entry.isSymbolicLink()) {
          problem(file, SYMLINK_MESSAGE);
        } else if (entry.isFile() && entry.name.endsWith('.md') && !NOT_PATTERNS.has(entry.name)) {
          files.add(file);
        }
      }
    } else {
      files.add(relative('.', path));
    }
  }
  return { files: [...files].sort(), diagnostics: dedupe(diagnostics) };
}

/** The same link can be reached through several of the paths given; it is reported once. */
function dedupe(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter(({ file, message }) => {
    const key = `${file}\n${message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export interface LoadedLibrary {
  /** Every valid pattern, in file order. */
  readonly patterns: PatternFile[];
  /** Every file that was read. */
  readonly files: string[];
  /** Every problem, per file and library-wide. */
  readonly diagnostics: Diagnostic[];
}

/** Reads, validates and cross-checks a library, keeping every valid pattern. */
export async function loadLibrary(paths: readonly string[]): Promise<LoadedLibrary> {
  const found = await findPatternFiles(paths);
  const patterns: PatternFile[] = [];
  const diagnostics = [...found.diagnostics];
  const entries: LibraryEntry[] = [];
  for (const file of found.files) {
    const result = readPatternFile(file, readPlainFile(file));
    if (result.pattern) patterns.push(result.pattern);
    if (result.entry) entries.push(result.entry);
    diagnostics.push(...result.diagnostics);
  }
  diagnostics.push(...checkLibrary(entries, found.files));
  return { patterns, files: found.files, diagnostics };
}

/** One file read and validated, as plain data (sendable between threads). */
export interface CheckedFile {
  readonly file: string;
  readonly diagnostics: Diagnostic[];
  /** What library-wide checks need of the file; undefined when it could not be read at all. */
  readonly entry: LibraryEntry | undefined;
  /** The file's format; undefined when its front matter could not be read. */
  readonly format: PatternFormat | undefined;
}

/** Reads and validates one file, keeping only its problems and library entry. */
export function checkFile(file: string): CheckedFile {
  return checkBytes(file, readPlainFile(file));
}

function checkBytes(file: string, bytes: Uint8Array): CheckedFile {
  const { diagnostics, format, entry } = readPatternFile(file, bytes);
  return { file, diagnostics, entry, format };
}

/** {@link checkFile}, with the SHA-256 of the bytes it read (what the check cache keeps it under). */
export function checkAndHashFile(file: string): { result: CheckedFile; hash: string } {
  const bytes = readPlainFile(file);
  return { result: checkBytes(file, bytes), hash: sha256(bytes) };
}

/** `use` of a file's bytes; undefined when it cannot be read (checking it then says why). */
function readable<T>(file: string, use: (bytes: Buffer) => T): T | undefined {
  try {
    return use(readPlainFile(file));
  } catch {
    return undefined;
  }
}

/** Below this many files per thread a worker costs more than it saves. */
export const FILES_PER_THREAD = 400;

/** Checks every file under `paths`, in parallel on large libraries. */
export async function checkPatternFiles(
  paths: readonly string[],
  onProgress?: (done: number, total: number) => void,
  cache?: CheckCache,
): Promise<{
  files: string[];
  diagnostics: Diagnostic[];
  formats: Map<string, PatternFormat>;
  duplicates: NearDuplicates;
}> {
  const { files, diagnostics } = await findPatternFiles(paths);
  let done = 0;
  const progress = (): void => onProgress?.((done += 1), files.length);
  const cached = new Map<string, CheckedFile>();
  // Files are looked up (read and hashed here) only in a cache that holds results; otherwise
  // the threads that check them hash them too.
  if (cache?.holdsResults === true) {
    for (const file of files) {
      const hit = readable(file, (bytes) => cache.get(file, bytes));
      if (hit) {
        cached.set(file, hit);
        progress();
      }
    }
  }
  const toCheck = files.filter((file) => !cached.has(file));
  const options = { itemsPerThread: FILES_PER_THREAD, onItem: progress };
  let fresh: CheckedFile[];
  if (cache === undefined || cache.holdsResults) {
    fresh = await parallelMap<CheckedFile>(
      toCheck,
      { module: import.meta.url, name: checkFile.name },
      options,
    );
  } else {
    const hashed = await parallelMap<ReturnType<typeof checkAndHashFile>>(
      toCheck,
      { module: import.meta.url, name: checkAndHashFile.name },
      options,
    );
    for (const { result, hash } of hashed) cache.record(result.file, hash);
    fresh = hashed.map(({ result }) => result);
  }
  const byFile = new Map([...cached, ...fresh.map((result) => [result.file, result] as const)]);
  const checked = files.flatMap((file) => byFile.get(file) ?? []);
  const formats = new Map(
    checked.flatMap(({ file, format }) => (format ? [[file, format] as const] : [])),
  );
  const entries = checked.flatMap(({ entry }) => (entry ? [entry] : []));
  const duplicates = cache
    ? cache.nearDuplicates(() => nearDuplicates(entries))
    : nearDuplicates(entries);
  cache?.save(fresh);
  return {
    files,
    formats,
    duplicates,
    diagnostics: [
      ...diagnostics,
      ...checked.flatMap((file) => file.diagnostics),
      ...checkLibrary(entries, files, duplicates),
    ],
  };
}
