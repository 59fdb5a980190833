/**
 * Content-collection loader for patterns: the site's entries come from the
 * same reader, schema and body parser as `npm run check` ({@link loadSite}).
 *
 * Any invalid pattern fails the build with the checker's messages. With
 * `PATTERNS_ON_ERROR=skip` every valid pattern is kept instead, and each
 * skipped file is handed with its reasons to the build report (via
 * {@link skippedFiles}), which the build script lists once. The dev server
 * never stops on an invalid file: src/middleware.ts shows its errors at its
 * pattern's address ({@link invalidPattern}) until it is fixed.
 *
 * Astro's data store holds one entry whose digest changes with the library
 * (how Astro knows to reload the browser). The patterns themselves —
 * frontmatter and body structure — are kept beside the store in memory
 * ({@link loadedLibrary}): the store is serialised into the build's bundle and
 * parsed again, and in dev it is written to disk and parsed again on every
 * change, which for thousands of patterns cost seconds. Their HTML is made
 * when a page asks (dev), or by worker threads while a build makes its pages
 * and read back from disk ({@link renderedPattern}).
 */
import { existsSync, statSync } from 'node:fs';
import { basename, relative } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from '../lib/diagnostics.ts';
import { InvalidPatternsError } from '../lib/invalid-patterns.ts';
import { patternsDir } from '../lib/load.ts';
import type { LibraryChecks } from '../lib/library.ts';
import { LiveLibrary } from '../model/live-library.ts';
import {
  inPageOrder,
  loadSite,
  readSiteFile,
  siteCacheDir,
  type RenderAhead,
  type SitePattern,
} from '../model/load-site.ts';

/** A file left out of the site under PATTERNS_ON_ERROR=skip, with its errors. */
export interface SkippedFile {
  readonly file: string;
  readonly errors: readonly Diagnostic[];
}

// Astro evaluates this module once for the content layer and again in the
// build's own module graph (pages, the build report): what they share lives
// on globalThis.
const SHARED = Symbol.for('pattern-loader');
interface Shared {
  skipped: readonly SkippedFile[];
  /** Dev: the errors of every pattern file that is invalid now, by slug (its file name). */
  invalid: Map<string, SkippedFile>;
  /** The site's patterns, settled once the whole library is loaded. */
  library: Promise<LiveLibrary> | undefined;
  /** What the library checks read at the last whole load (the health page's counts). */
  checks: LibraryChecks | undefined;
  /** A build: its patterns, rendered on worker threads ahead of their pages. */
  ahead: RenderAhead | undefined;
  listeners: ((patterns: readonly SitePattern[]) => void)[];
}
const holder = globalThis as { [SHARED]?: Shared | undefined };
const shared: Shared = (holder[SHARED] ??= {
  skipped: [],
  invalid: new Map(),
  library: undefined,
  checks: undefined,
  ahead: undefined,
  listeners: [],
});

/** Files the last load left out (PATTERNS_ON_ERROR=skip), for the build report. */
export const skippedFiles = (): readonly SkippedFile[] => shared.skipped;

/**
 * Dev: the errors of pattern `slug` when its file is invalid now (the dev server shows them at
 * the pattern's address instead of its last valid page). Waits for the library to load.
 */
export async function invalidPattern(slug: string): Promise<SkippedFile | undefined> {
  await loadedLibrary();
  return shared.invalid.get(slug);
}

/**
 * Calls `listener` with every pattern of the site each time the whole library is loaded (a
 * build's in the order their pages are made; a pattern's HTML is ready once
 * {@link renderedPattern} says so).
 */
export function onPatternsLoaded(listener: (patterns: readonly SitePattern[]) => void): void {
  shared.listeners.push(listener);
}

/** What the library checks read at the last whole load; throws when nothing was loaded. */
export function libraryChecks(): LibraryChecks {
  if (shared.checks === undefined) throw new Error('no patterns were loaded: no library checks');
  return shared.checks;
}

/**
 * Pattern `slug` of the loaded library with its HTML: in a build, once the worker rendering it
 * is done; the dev server renders it when it is first asked for. Undefined when the library has
 * no such pattern.
 */
export async function renderedPattern(slug: string): Promise<SitePattern | undefined> {
  const pattern = (await loadedLibrary()).get(slug);
  if (pattern !== undefined) await shared.ahead?.ready(slug);
  return pattern;
}

/**
 * The site's patterns, once the whole library is loaded (the dev server answers while it loads:
 * pages wait here), then as changed file by file; throws when no load was started.
 */
export function loadedLibrary(): Promise<LiveLibrary> {
  if (shared.library === undefined) throw new Error('no patterns were loaded');
  return shared.library;
}

/**
 * Astro's store holds one entry, `patterns`, set again with a new digest on each change of the
 * library: how Astro knows to reload the browser and forget the page paths it keeps. A whole
 * load leaves it as it is (a written store reloads every open browser page, and invalidates
 * Astro's content modules); pages read the patterns from memory ({@link loadedLibrary}).
 */
function stamp(context: LoaderContext, library: LiveLibrary): void {
  context.store.set({
    id: STORE_ID,
    data: {},
    // New in each process: a store kept from an earlier run never holds it.
    digest: `${String(process.pid)}:${String(library.generation)}`,
  });
}

const STORE_ID = 'patterns';

/** Dev: re-reads one changed file; a file that became invalid is shown with its errors. */
function reloadFile(
  context: LoaderContext,
  library: LiveLibrary,
  path: string,
  removed: boolean,
): void {
  const file = relative(process.cwd(), path);
  shared.invalid.delete(basename(file, '.md'));
  const read = removed ? undefined : readSiteFile(file);
  const before = library.slugOf(file);
  // Gone, invalid now, or under another slug: the pattern it was is no longer in the site.
  if (before !== undefined && before !== read?.pattern?.stored.slug) {
    library.delete(before);
  }
  if (read?.pattern) {
    library.set(read.pattern);
  } else if (read) {
    const errors = read.diagnostics.filter((d) => d.severity === 'error');
    shared.invalid.set(basename(file, '.md'), { file, errors });
    context.logger.error(`${file} is invalid:\n  ${errors.map(formatDiagnostic).join('\n  ')}`);
  }
  stamp(context, library);
}

/** What a file is now (size and modification time), or `''` when it is gone. */
function fileStamp(path: string): string {
  const stat = statSync(path, { throwIfNoEntry: false });
  return stat ? `${String(stat.size)}:${String(stat.mtimeMs)}` : '';
}

/** How long after the last of close changes the library model is made again. */
const MODEL_DELAY_MS = 20;

/** How long after a reload the file is looked at again. */
const SETTLE_MS = 300;

/**
 * Looks at a reloaded file again a moment later and calls `changed` if it is not what was read:
 * the watcher drops an event when saves come close together (a file saved twice within a few
 * milliseconds, a branch checkout), and the page would show the older text until the next save.
 */
function settle(path: string, seen: string, changed: () => void): void {
  setTimeout(() => {
    if (fileStamp(path) !== seen) changed();
  }, SETTLE_MS).unref();
}

/**
 * Loads the whole library. A build fails on an invalid file (or skips it, listed once by the
 * build script and the build report); the dev server (which has a watcher) keeps going and shows
 * each invalid file's errors at its pattern's address.
 */
async function load(context: LoaderContext, dev: boolean): Promise<LiveLibrary> {
  const cache = siteCacheDir();
  // The dev server renders a pattern when its page is asked for; a build renders them all on
  // worker threads from the moment they are read, while it goes on to make the pages.
  const library = await loadSite(patternsDir(), {
    render: dev ? 'when-asked' : 'ahead',
    background: dev,
    cache,
  });
  const errors = sortDiagnostics(library.diagnostics.filter((d) => d.severity === 'error'));
  const byFile = Map.groupBy(errors, (d: Diagnostic) => d.file);
  if (byFile.size > 0 && !dev && process.env['PATTERNS_ON_ERROR'] !== 'skip') {
    throw new InvalidPatternsError(errors);
  }
  shared.skipped = [...byFile].map(([file, list]) => ({ file, errors: list }));
  shared.invalid = new Map(
    dev ? shared.skipped.map((skipped) => [basename(skipped.file, '.md'), skipped] as const) : [],
  );
  if (byFile.size > 0) {
    context.logger.warn(
      dev
        ? `${String(byFile.size)} invalid pattern file(s), shown with their errors at their pages:\n  ${errors.map(formatDiagnostic).join('\n  ')}`
        : `${String(byFile.size)} invalid pattern file(s) skipped (PATTERNS_ON_ERROR=skip)`,
    );
  }
  shared.checks = library.checks;
  context.logger.info(`${String(library.patterns.length)} patterns loaded from ${patternsDir()}`);
  // Entries of another version of this loader (one per pattern) are dropped.
  for (const id of context.store.keys()) if (id !== STORE_ID) context.store.delete(id);
  const live = new LiveLibrary(library.patterns);
  shared.ahead = library.ahead;
  // A build's in the order its pattern pages are made, as they are rendered.
  const patterns = dev ? library.patterns : inPageOrder(library.patterns);
  for (const listener of shared.listeners) listener(patterns);
  return live;
}

/**
 * The `patterns` collection's loader. In dev it does not wait for the library: the server starts
 * (and loads its page modules) while the files are read, pages wait for them
 * ({@link loadedLibrary}), and a changed pattern file is read again once they are loaded.
 */
export function patternLoader(): Loader {
  return {
    name: 'pattern-loader',
    load: async (context) => {
      const dev = context.watcher !== undefined;
      const library = load(context, dev);
      shared.library = library;
      if (!dev) {
        await library;
        return;
      }
      const logError = (error: unknown): void => {
        context.logger.error(error instanceof Error ? error.message : String(error));
      };
      // Reported here; a page waiting for the library shows the error too.
      library.catch(logError);
      const dir = patternsDir();
      context.watcher?.add(dir);
      let modelling: NodeJS.Timeout | undefined;
      const reload = (removed: boolean) => (path: string) => {
        if (!path.endsWith('.md') || relative(dir, path).startsWith('..')) return;
        void library.then(
          (loaded) => {
            try {
              const seen = fileStamp(path);
              reloadFile(context, loaded, path, removed);
              settle(path, seen, () => {
                reload(!existsSync(path))(path);
              });
              // The changed library's model is made now, not when a page asks (once for a burst
              // of changes, as a branch checkout makes).
              clearTimeout(modelling);
              modelling = setTimeout(() => {
                try {
                  loaded.model();
                } catch (error) {
                  logError(error);
                }
              }, MODEL_DELAY_MS);
            } catch (error) {
              logError(error);
            }
          },
          // A library that failed to load was reported once, above.
          () => undefined,
        );
      };
      context.watcher?.on('change', reload(false));
      context.watcher?.on('add', reload(false));
      context.watcher?.on('unlink', reload(true));
    },
  };
}
