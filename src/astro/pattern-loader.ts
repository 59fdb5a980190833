/**
 * Content-collection loader for patterns: the site's entries come from the
 * same reader, schema and body parser as `npm run check` ({@link loadSite}).
 *
 * Any invalid pattern fails the build with the checker's messages. With
 * `PATTERNS_ON_ERROR=skip` every valid pattern is kept instead, and each
 * skipped file is listed with its reasons (logged, and handed to the build
 * report via {@link skippedFiles}).
 *
 * Entries in Astro's data store hold the validated frontmatter only. Each
 * body, its Markdown structure and its rendered HTML, is kept beside the
 * store in memory ({@link patternBody}): the store is serialised into the
 * build's bundle and parsed again, and thousands of bodies there would cost
 * more time and memory than rendering them.
 */
import { basename, relative } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from '../lib/diagnostics.ts';
import { InvalidPatternsError } from '../lib/invalid-patterns.ts';
import { patternsDir } from '../lib/load.ts';
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
  bodies: Map<string, LoadedBody>;
  listeners: ((patterns: readonly SitePattern[]) => void)[];
}
const holder = globalThis as { [SHARED]?: Shared | undefined };
const shared: Shared = (holder[SHARED] ??= { skipped: [], bodies: new Map(), listeners: [] });

/** Files the last load left out (PATTERNS_ON_ERROR=skip), for the build report. */
export const skippedFiles = (): readonly SkippedFile[] => shared.skipped;

/** Calls `listener` with every pattern of the site each time the whole library is loaded. */
export function onPatternsLoaded(listener: (patterns: readonly SitePattern[]) => void): void {
  shared.listeners.push(listener);
}

/** The body of pattern `slug`, when this process loaded it. */
export const patternBody = (slug: string): LoadedBody | undefined => shared.bodies.get(slug);

function store(context: LoaderContext, { stored, rendered, digest, similar }: SitePattern): void {
  const { body, ...rest } = stored;
  const entry: PatternEntry = rest;
  shared.bodies.set(stored.slug, { body, rendered, similar });
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

/** Dev: re-reads one changed file; a file that became invalid keeps its last good entry. */
function reloadFile(context: LoaderContext, path: string, removed: boolean): void {
  const file = relative(process.cwd(), path);
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
    context.logger.error(`${file} is invalid:\n  ${errors.map(formatDiagnostic).join('\n  ')}`);
  }
}

async function load(context: LoaderContext): Promise<void> {
  const library = await loadSite(patternsDir());
  const errors = sortDiagnostics(library.diagnostics.filter((d) => d.severity === 'error'));
  const byFile = Map.groupBy(errors, (d: Diagnostic) => d.file);
  if (byFile.size > 0 && process.env['PATTERNS_ON_ERROR'] !== 'skip') {
    throw new InvalidPatternsError(errors);
  }
  shared.skipped = [...byFile].map(([file, list]) => ({ file, errors: list }));
  for (const { file, errors: reasons } of shared.skipped) {
    context.logger.warn(`skipped ${file}:\n  ${reasons.map(formatDiagnostic).join('\n  ')}`);
  }
  context.store.clear();
  shared.bodies.clear();
  for (const pattern of library.patterns) store(context, pattern);
  for (const listener of shared.listeners) listener(library.patterns);
  context.logger.info(`${String(library.patterns.length)} patterns loaded from ${patternsDir()}`);
}

/** The `patterns` collection's loader; in dev it reloads when a pattern file changes. */
export function patternLoader(): Loader {
  return {
    name: 'pattern-loader',
    load: async (context) => {
      await load(context);
      const dir = patternsDir();
      context.watcher?.add(dir);
      const reload = (removed: boolean) => (path: string) => {
        if (!path.endsWith('.md') || relative(dir, path).startsWith('..')) return;
        try {
          reloadFile(context, path, removed);
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
