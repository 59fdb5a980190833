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
 * Entries in Astro's data store hold the validated frontmatter only. Each
 * body, its Markdown structure and its rendered HTML, is kept beside the
 * store in memory ({@link patternBody}): the store is serialised into the
 * build's bundle and parsed again, and thousands of bodies there would cost
 * more time and memory than rendering them.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, relative } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from '../lib/diagnostics.ts';
import { InvalidPatternsError } from '../lib/invalid-patterns.ts';
import { patternsDir } from '../lib/load.ts';
import type { LibraryChecks } from '../lib/library.ts';
import { loadSite, readSiteFile, type SitePattern } from '../model/load-site.ts';
import type { RenderedBody } from '../model/rendered.ts';
import type { PatternBody, PatternEntry } from '../model/types.ts';

/** A file left out of the site under PATTERNS_ON_ERROR=skip, with its errors. */
export interface SkippedFile {
  readonly file: string;
  readonly errors: readonly Diagnostic[];
}

// Astro evaluates this module once for the content layer and again in the
// build's own module graph (pages, the build report): what they share lives
// on globalThis.
const SHARED = Symbol.for('pattern-loader');
/** A pattern's body: its Markdown structure and that Markdown rendered. */
export interface LoadedBody {
  readonly body: PatternBody;
  readonly rendered: RenderedBody;
  readonly similar: SitePattern['similar'];
}
interface Shared {
  skipped: readonly SkippedFile[];
  /** Dev: the errors of every pattern file that is invalid now, by slug (its file name). */
  invalid: Map<string, SkippedFile>;
  bodies: Map<string, LoadedBody>;
  /** What the library checks read at the last whole load (the health page's counts). */
  checks: LibraryChecks | undefined;
  listeners: ((patterns: readonly SitePattern[]) => void)[];
}
const holder = globalThis as { [SHARED]?: Shared | undefined };
const shared: Shared = (holder[SHARED] ??= {
  skipped: [],
  invalid: new Map(),
  bodies: new Map(),
  checks: undefined,
  listeners: [],
});

/** Files the last load left out (PATTERNS_ON_ERROR=skip), for the build report. */
export const skippedFiles = (): readonly SkippedFile[] => shared.skipped;

/**
 * Dev: the errors of pattern `slug` when its file is invalid now (the dev server shows them at
 * the pattern's address instead of its last valid page).
 */
export const invalidPattern = (slug: string): SkippedFile | undefined => shared.invalid.get(slug);

/** Calls `listener` with every pattern of the site each time the whole library is loaded. */
export function onPatternsLoaded(listener: (patterns: readonly SitePattern[]) => void): void {
  shared.listeners.push(listener);
}

/** What the library checks read at the last whole load; throws when nothing was loaded. */
export function libraryChecks(): LibraryChecks {
  if (shared.checks === undefined) throw new Error('no patterns were loaded: no library checks');
  return shared.checks;
}

/** The body of pattern `slug`, when this process loaded it. */
export const patternBody = (slug: string): LoadedBody | undefined => shared.bodies.get(slug);

function store(context: LoaderContext, pattern: SitePattern): void {
  const { stored, digest, similar } = pattern;
  const { body, ...rest } = stored;
  const entry: PatternEntry = rest;
  // Read through, not copied: in dev `rendered` is rendered when a page first asks for it.
  shared.bodies.set(stored.slug, {
    body,
    similar,
    get rendered() {
      return pattern.rendered;
    },
  });
  context.store.set({
    id: stored.slug,
    data: { ...entry },
    filePath: relative(process.cwd(), stored.file),
    digest,
  });
}

function remove(context: LoaderContext, id: string): void {
  context.store.delete(id);
  shared.bodies.delete(id);
}

/** Dev: re-reads one changed file; a file that became invalid is shown with its errors. */
function reloadFile(context: LoaderContext, path: string, removed: boolean): void {
  const file = relative(process.cwd(), path);
  shared.invalid.delete(basename(file, '.md'));
  for (const entry of context.store.values()) {
    if (entry.filePath === file && (removed || entry.id !== basename(file, '.md'))) {
      remove(context, entry.id);
    }
  }
  if (removed) return;
  const { pattern, diagnostics } = readSiteFile(file);
  // Similar patterns need the whole library: a changed file keeps its last ones until a reload.
  if (pattern) {
    store(context, { ...pattern, similar: patternBody(pattern.stored.slug)?.similar ?? [] });
  } else {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    shared.invalid.set(basename(file, '.md'), { file, errors });
    context.logger.error(`${file} is invalid:\n  ${errors.map(formatDiagnostic).join('\n  ')}`);
  }
}

/** What a file is now (size and modification time), or `''` when it is gone. */
function fileStamp(path: string): string {
  const stat = statSync(path, { throwIfNoEntry: false });
  return stat ? `${String(stat.size)}:${String(stat.mtimeMs)}` : '';
}

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
async function load(context: LoaderContext, dev: boolean): Promise<void> {
  const library = await loadSite(patternsDir(), { render: !dev });
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
  context.store.clear();
  shared.bodies.clear();
  for (const pattern of library.patterns) store(context, pattern);
  shared.checks = library.checks;
  for (const listener of shared.listeners) listener(library.patterns);
  context.logger.info(`${String(library.patterns.length)} patterns loaded from ${patternsDir()}`);
}

/** The `patterns` collection's loader; in dev it reloads when a pattern file changes. */
export function patternLoader(): Loader {
  return {
    name: 'pattern-loader',
    load: async (context) => {
      await load(context, context.watcher !== undefined);
      const dir = patternsDir();
      context.watcher?.add(dir);
      const reload = (removed: boolean) => (path: string) => {
        if (!path.endsWith('.md') || relative(dir, path).startsWith('..')) return;
        try {
          const seen = fileStamp(path);
          reloadFile(context, path, removed);
          settle(path, seen, () => {
            reload(!existsSync(path))(path);
          });
        } catch (error) {
          context.logger.error(error instanceof Error ? error.message : String(error));
        }
      };
      context.watcher?.on('change', reload(false));
      context.watcher?.on('add', reload(false));
      context.watcher?.on('unlink', reload(true));
    },
  };
}
