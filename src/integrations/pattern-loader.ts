/**
 * Content-collection loader for patterns: the site's entries come from the
 * same reader, schema and body parser as `npm run check` (`loadLibrary`).
 *
 * Any invalid pattern fails the build with the checker's messages. With
 * `PATTERNS_ON_ERROR=skip` every valid pattern is kept instead, and each
 * skipped file is listed with its reasons (logged, and handed to the build
 * report via {@link skippedFiles}). Entries hold validated frontmatter and
 * the body's Markdown structure, never HTML: pages render on demand.
 */
import { readFile } from 'node:fs/promises';
import { basename, relative } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from '../lib/diagnostics.ts';
import { loadLibrary, patternsDir } from '../lib/load.ts';
import { readPatternFile, type PatternFile } from '../lib/pattern-file.ts';
import { toStoredPattern } from '../lib/site/stored.ts';

/** A file left out of the site under PATTERNS_ON_ERROR=skip, with its errors. */
export interface SkippedFile {
  readonly file: string;
  readonly errors: readonly string[];
}

// Astro evaluates this module once in the config context and again in the
// build's own module graph; the skipped list lives on globalThis so the build
// report (an integration hook) sees what the loader recorded.
const SKIPPED = Symbol.for('pattern-loader.skipped');
const shared = globalThis as { [SKIPPED]?: readonly SkippedFile[] };

/** Files the last load left out (PATTERNS_ON_ERROR=skip), for the build report. */
export const skippedFiles = (): readonly SkippedFile[] => shared[SKIPPED] ?? [];

function store(context: LoaderContext, pattern: PatternFile): void {
  const data = toStoredPattern(pattern);
  context.store.set({
    id: data.slug,
    data: data as unknown as Record<string, unknown>,
    filePath: relative(process.cwd(), pattern.file),
    digest: context.generateDigest(pattern.source),
  });
}

/** Dev: re-reads one changed file; a file that became invalid keeps its last good entry. */
async function reloadFile(context: LoaderContext, path: string, removed: boolean): Promise<void> {
  const file = relative(process.cwd(), path);
  for (const entry of context.store.values()) {
    if (entry.filePath === file && (removed || entry.id !== basename(file, '.md'))) {
      context.store.delete(entry.id);
    }
  }
  if (removed) return;
  const { pattern, diagnostics } = readPatternFile(file, await readFile(file));
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (pattern && errors.length === 0) store(context, pattern);
  else context.logger.error(`${file} is invalid:\n  ${errors.map(formatDiagnostic).join('\n  ')}`);
}

async function load(context: LoaderContext): Promise<void> {
  const library = await loadLibrary([patternsDir()]);
  const errors = sortDiagnostics(library.diagnostics.filter((d) => d.severity === 'error'));
  const byFile = Map.groupBy(errors, (d: Diagnostic) => d.file);
  if (byFile.size > 0 && process.env['PATTERNS_ON_ERROR'] !== 'skip') {
    throw new Error(
      `${String(byFile.size)} invalid pattern file(s); fix them or build with PATTERNS_ON_ERROR=skip:\n${errors.map(formatDiagnostic).join('\n')}`,
    );
  }
  const skipped = [...byFile].map(([file, list]) => ({ file, errors: list.map(formatDiagnostic) }));
  shared[SKIPPED] = skipped;
  for (const { file, errors: reasons } of skipped) {
    context.logger.warn(`skipped ${file}:\n  ${reasons.join('\n  ')}`);
  }
  const valid = library.patterns.filter((pattern) => !byFile.has(pattern.file));
  context.store.clear();
  for (const pattern of valid) store(context, pattern);
  context.logger.info(`${String(valid.length)} patterns loaded from ${patternsDir()}`);
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
        reloadFile(context, path, removed).catch((error: unknown) => {
          context.logger.error(error instanceof Error ? error.message : String(error));
        });
      };
      context.watcher?.on('change', reload(false));
      context.watcher?.on('add', reload(false));
      context.watcher?.on('unlink', reload(true));
    },
  };
}
