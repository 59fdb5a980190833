/**
 * The check's cache: each file's result (its problems, format and library entry) under the
 * SHA-256 of its bytes, so `npm run check` re-reads only files that changed since the last run
 * (like ESLint's `--cache` with its content strategy: a fresh clone, whose files all have new
 * times, still hits). The library-wide checks (duplicate ids, wanted targets) always run on every
 * entry; the near-duplicate pass is kept too, and reused while no file changed.
 *
 * A result is only reused by the same checker: the cache is keyed by a fingerprint of the
 * checker's own code (`schema/`, `src/lib/`, `src/config/`), the installed dependencies
 * (`package-lock.json`) and the site configuration (declared lenses change warnings). Anything
 * unreadable, from another checker or another version is ignored. It lives in
 * `node_modules/.cache/pattern-check/` (where tools keep caches; `npm ci` clears it), or in
 * `$PATTERNS_CHECK_CACHE`; `PATTERNS_CHECK_CACHE=off` turns it off.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { codeFingerprint, PROJECT_ROOT } from './file-cache.ts';
import type { NearDuplicates } from './library.ts';
import type { CheckedFile } from './load.ts';
import type { Neighbour } from './similarity.ts';

/** Raised when the cache file's layout changes. */
const CACHE_VERSION = 1;

/** The cache file, or undefined when caching is off. */
function cacheFile(): string | undefined {
  const setting = process.env['PATTERNS_CHECK_CACHE'];
  if (setting === 'off') return undefined;
  return setting ?? join(PROJECT_ROOT, 'node_modules/.cache/pattern-check/results.json');
}

/** The key of a file's bytes (and of the near-duplicates' inputs). */
export const sha256 = (data: string | Uint8Array): string =>
  createHash('sha256').update(data).digest('base64url');

/** The project's folders whose code decides a checked file's result. */
const CHECKER_CODE = ['schema', 'src/lib', 'src/config'];

interface CacheData {
  readonly fingerprint: string;
  /** Per file path: the hash of its bytes and its result. */
  readonly files: Record<string, { readonly hash: string; readonly result: CheckedFile }>;
  /** The library's near-duplicates, under the hash of every file's path and bytes. */
  readonly near?: { readonly key: string; readonly value: StoredNear } | undefined;
}

/** {@link NearDuplicates} as JSON holds it. */
type StoredNear = Omit<NearDuplicates, 'neighbours'> & {
  readonly neighbours: [string, readonly Neighbour[]][];
};

/** A loaded cache: look results up by file and bytes, then save what this run found. */
export interface CheckCache {
  /** Whether it holds results of an earlier run by this checker (else no look-up can hit). */
  readonly holdsResults: boolean;
  /** The cached result of `file` when its bytes are unchanged. */
  get(file: string, bytes: Uint8Array): CheckedFile | undefined;
  /** Notes the hash of a file's bytes that was not looked up (checked without a look-up). */
  record(file: string, hash: string): void;
  /**
   * The library's near-duplicates: the cached ones when every file looked up is as it was
   * (same paths, same bytes), else `compute()`'s, kept for the next run.
   */
  nearDuplicates(compute: () => NearDuplicates): NearDuplicates;
  /** Keeps the results of this run for the next one (and earlier ones of files that still exist). */
  save(results: readonly CheckedFile[]): void;
}

/**
 * Opens the cache (empty when missing, unreadable or made by another checker); undefined when
 * caching is off.
 */
export function openCheckCache(): CheckCache | undefined {
  const path = cacheFile();
  if (path === undefined) return undefined;
  const fingerprint = codeFingerprint(CHECKER_CODE, CACHE_VERSION);
  let stored: CacheData['files'] = {};
  let storedNear: CacheData['near'];
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as CacheData;
    if (data.fingerprint === fingerprint) ({ files: stored, near: storedNear } = data);
  } catch {
    // No cache yet, or one that cannot be read: every file is checked.
  }
  const hashes = new Map<string, string>();
  let near: CacheData['near'];
  return {
    holdsResults: Object.keys(stored).length > 0,
    record(file, hash) {
      hashes.set(file, hash);
    },
    nearDuplicates(compute) {
      const key = sha256(JSON.stringify([...hashes].sort(([a], [b]) => (a < b ? -1 : 1))));
      if (storedNear?.key === key) {
        const { neighbours, ...rest } = storedNear.value;
        near = storedNear;
        return { ...rest, neighbours: new Map(neighbours) };
      }
      const value = compute();
      near = { key, value: { ...value, neighbours: [...value.neighbours] } };
      return value;
    },
    get(file, bytes) {
      const hash = sha256(bytes);
      hashes.set(file, hash);
      const cached = Object.hasOwn(stored, file) ? stored[file] : undefined;
      return cached?.hash === hash ? cached.result : undefined;
    },
    save(results) {
      // Kept: this run's hits, and files this run did not look at that still exist.
      const kept = Object.entries(stored).filter(([file, { hash }]) =>
        hashes.has(file) ? hashes.get(file) === hash : existsSync(file),
      );
      const unchanged = kept.length === Object.keys(stored).length && near === storedNear;
      if (results.length === 0 && unchanged) return;
      const files: CacheData['files'] = Object.fromEntries(kept);
      for (const result of results) {
        const hash = hashes.get(result.file);
        if (hash !== undefined) files[result.file] = { hash, result };
      }
      try {
        mkdirSync(dirname(path), { recursive: true });
        // Written beside and renamed into place: a reader never sees half a file.
        const partial = `${path}.${String(process.pid)}.partial`;
        writeFileSync(partial, JSON.stringify({ fingerprint, files, near } satisfies CacheData));
        renameSync(partial, path);
      } catch {
        // A cache that cannot be written only costs the next run its speed.
      }
    },
  };
}
