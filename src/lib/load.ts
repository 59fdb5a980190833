/**
 * File-system edge of the reading pipeline: finds pattern files, reads them
 * and runs them through {@link readPatternFile} and {@link checkLibrary}.
 * `loadLibrary` keeps every parsed pattern (the site's content loader);
 * `checkPatternFiles` keeps only diagnostics and spreads the work over
 * worker threads (`npm run check`).
 */
import { readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from './diagnostics.ts';
import { checkLibrary, toLibraryEntry, type LibraryEntry } from './library.ts';
import { readPatternFile, type PatternFile } from './pattern-file.ts';

/** Files in a pattern folder that are documentation, not patterns. */
const NOT_PATTERNS = new Set(['README.md', 'CONTRIBUTING.md', 'index.md']);

/** The pattern folder: `$PATTERNS_DIR`, else `patterns/`. */
export const patternsDir = (): string => process.env['PATTERNS_DIR'] ?? 'patterns';

export interface Found {
  readonly files: string[];
  readonly diagnostics: Diagnostic[];
}

/** Expands files and folders (recursively) into sorted `.md` pattern files. */
export async function findPatternFiles(paths: readonly string[]): Promise<Found> {
  const files = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) {
      diagnostics.push({
        file: path,
        line: 0,
        column: 0,
        severity: 'error',
        path: 'file',
        message: 'no such file or folder',
      });
    } else if (info.isDirectory()) {
      const entries = await readdir(path, { recursive: true, withFileTypes: true });
      for (const entry of entries) {
        if (entry.isFile() && entry.name.endsWith('.md') && !NOT_PATTERNS.has(entry.name)) {
          files.add(relative('.', join(entry.parentPath, entry.name)));
        }
      }
    } else {
      files.add(relative('.', path));
    }
  }
  return { files: [...files].sort(), diagnostics };
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
  for (const file of found.files) {
    const result = readPatternFile(file, readFileSync(file));
    if (result.pattern) patterns.push(result.pattern);
    diagnostics.push(...result.diagnostics);
  }
  diagnostics.push(...checkLibrary(patterns.map(toLibraryEntry), found.files));
  return { patterns, files: found.files, diagnostics };
}

/** What checking a batch of files yields: plain data, sendable between threads. */
export interface CheckedBatch {
  readonly diagnostics: Diagnostic[];
  readonly entries: LibraryEntry[];
}

/** Reads and validates files without keeping them; calls `tick` after each. */
export function checkBatch(files: readonly string[], tick?: () => void): CheckedBatch {
  const diagnostics: Diagnostic[] = [];
  const entries: LibraryEntry[] = [];
  for (const file of files) {
    const result = readPatternFile(file, readFileSync(file));
    if (result.pattern) entries.push(toLibraryEntry(result.pattern));
    diagnostics.push(...result.diagnostics);
    tick?.();
  }
  return { diagnostics, entries };
}

/** Below this many files a worker thread costs more than it saves. */
const FILES_PER_WORKER = 400;
/** Files claimed at a time from the shared queue. */
const CHUNK = 32;

/**
 * Checks chunks of `files` claimed from a queue shared between threads: an
 * atomic counter in shared memory hands out the next chunk, so a thread that
 * started late (a worker loading its modules) simply takes fewer.
 */
export function checkQueue(
  files: readonly string[],
  cursor: Int32Array,
  tick?: () => void,
): CheckedBatch {
  const diagnostics: Diagnostic[] = [];
  const entries: LibraryEntry[] = [];
  for (let chunk = Atomics.add(cursor, 0, 1); chunk * CHUNK < files.length;) {
    const batch = checkBatch(files.slice(chunk * CHUNK, (chunk + 1) * CHUNK), tick);
    diagnostics.push(...batch.diagnostics);
    entries.push(...batch.entries);
    chunk = Atomics.add(cursor, 0, 1);
  }
  return { diagnostics, entries };
}

/** The data a check worker starts with. */
export interface WorkerInput {
  readonly files: readonly string[];
  readonly cursor: Int32Array;
}

function checkInWorker(input: WorkerInput, tick: () => void): Promise<CheckedBatch> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./check-worker.ts', import.meta.url), { workerData: input });
    worker.on('message', (message: 'tick' | CheckedBatch) => {
      if (message === 'tick') tick();
      else resolve(message);
    });
    worker.on('error', reject);
  });
}

/** Checks every file under `paths`, in parallel on large libraries. */
export async function checkPatternFiles(
  paths: readonly string[],
  onProgress?: (done: number, total: number) => void,
): Promise<{ files: string[]; diagnostics: Diagnostic[] }> {
  const found = await findPatternFiles(paths);
  const { files } = found;
  let done = 0;
  const tick = (): void => onProgress?.((done += 1), files.length);
  const threads = Math.max(
    1,
    Math.min(availableParallelism(), Math.floor(files.length / FILES_PER_WORKER)),
  );
  const cursor = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const workers = Array.from({ length: threads - 1 }, () => checkInWorker({ files, cursor }, tick));
  const batches = [checkQueue(files, cursor, tick), ...(await Promise.all(workers))];
  // Threads finish in any order; sort so messages naming other files are stable.
  const entries = batches
    .flatMap((batch) => batch.entries)
    .sort((a, b) => (a.file < b.file ? -1 : 1));
  return {
    files,
    diagnostics: [
      ...found.diagnostics,
      ...batches.flatMap((batch) => batch.diagnostics),
      ...checkLibrary(entries, files),
    ],
  };
}
