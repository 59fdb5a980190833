/**
 * Caches of what was read from pattern files, shared by `npm run check` (src/lib/check-cache.ts)
 * and the dev server (src/model/load-site.ts): what decides a result besides a file's bytes
 * ({@link codeFingerprint}), and a folder of results, one file each under the SHA-256 of the
 * pattern file's path and bytes ({@link resultPath}), which worker threads read and write
 * without a shared index. Results are kept in V8's serialisation, which gives back exactly the
 * value stored (`undefined` fields, maps), as a worker's message does: a worker can hand the
 * kept bytes over as they are, to be turned into the value once, where it is used.
 */
import { createHash } from 'node:crypto';
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { SITE } from '../config/site.ts';

/** The project's root folder. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Every file under `dir` (a project folder), paths in a fixed order. */
const filesUnder = (dir: string): string[] =>
  readdirSync(join(PROJECT_ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();

/**
 * What decides a cached result besides the file's bytes: the code under `folders` (project
 * folders), the installed dependencies, the site configuration and the cache's `version`.
 */
export function codeFingerprint(folders: readonly string[], version: number): string {
  const hash = createHash('sha256').update(String(version));
  for (const file of [...folders.flatMap(filesUnder), join(PROJECT_ROOT, 'package-lock.json')]) {
    hash.update(file).update(readFileSync(file));
  }
  return hash.update(JSON.stringify(SITE)).digest('base64url');
}

/** How the name of a folder of results begins (its code's fingerprint follows). */
const RESULTS = 'results-';

/** The folder of results under `root` for code with this fingerprint ({@link codeFingerprint}). */
export const resultsFolder = (root: string, fingerprint: string): string =>
  join(root, `${RESULTS}${fingerprint}`);

/** Where the result for `file` with these `bytes` is kept in the folder `dir`. */
export const resultPath = (dir: string, file: string, bytes: Uint8Array): string =>
  join(dir, createHash('sha256').update(file).update('\0').update(bytes).digest('base64url'));

/**
 * The serialised result kept at `path` ({@link resultPath}), marked as used now (see
 * {@link pruneResults}); undefined when none is kept (or it cannot be read).
 */
export function keptResult(path: string): Uint8Array | undefined {
  try {
    const kept = readFileSync(path);
    const now = new Date();
    utimesSync(path, now, now);
    return kept;
  } catch {
    return undefined;
  }
}

/**
 * Keeps `result` at `path` for the next time, and gives it serialised (as {@link keptResult}
 * does); a folder that cannot be written only costs speed.
 */
export function keepResult(path: string, result: unknown): Uint8Array {
  const kept = serialize(result);
  try {
    mkdirSync(dirname(path), { recursive: true });
    // Written beside and renamed into place: a reader never sees half a result.
    const partial = `${path}.${String(process.pid)}.${String(Math.random()).slice(2)}.partial`;
    writeFileSync(partial, kept);
    renameSync(partial, path);
  } catch {
    // Not kept: computed again next time.
  }
  return kept;
}

/** A result kept by {@link keepResult}, as it was. */
export const keptValue = (kept: Uint8Array): unknown => deserialize(kept);

/**
 * Keeps the `keep` most recently used results of the folder `dir` ({@link resultsFolder}) and
 * removes the others, and the sibling folders of results (of other code: other fingerprints).
 */
export async function pruneResults(dir: string, keep: number): Promise<void> {
  const parent = dirname(dir);
  const siblings = await readdir(parent).catch(() => []);
  await Promise.all(
    siblings
      .filter((name) => name.startsWith(RESULTS) && name !== basename(dir))
      .map((name) => rm(join(parent, name), { recursive: true, force: true })),
  );
  const names = await readdir(dir).catch(() => []);
  if (names.length <= keep) return;
  const used = await Promise.all(
    names.map(async (name) => {
      const path = join(dir, name);
      return { path, at: (await stat(path).catch(() => undefined))?.mtimeMs ?? 0 };
    }),
  );
  used.sort((a, b) => b.at - a.at);
  await Promise.all(used.slice(keep).map(({ path }) => rm(path, { force: true })));
}
