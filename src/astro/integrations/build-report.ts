/**
 * Writes `build-report.json` into the build output: how many patterns were
 * built and which files were skipped (`PATTERNS_ON_ERROR=skip`) with their
 * errors, each as the checker reports it (file, line, column, field path,
 * severity, message, expected and received). No timestamps, so equal inputs
 * give byte-identical reports.
 */
import { writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { RESERVED_PATTERN_SLUGS } from '../../lib/reserved.ts';
import { patternPage } from '../../model/urls.ts';
import { skippedFiles, type SkippedFile } from '../pattern-loader.ts';

export interface BuildReport {
  /** Pattern pages built (`/patterns/<slug>/`), every format. */
  readonly patterns: number;
  readonly skipped: readonly SkippedFile[];
}

/** Patterns built, of every format: their `patterns/<slug>/` pages (not `patterns/by-score/`). */
function countPatterns(pathnames: readonly string[]): number {
  const slugs = new Set<string>();
  for (const pathname of pathnames) {
    const { slug, lens } = patternPage(pathname) ?? {};
    if (slug !== undefined && lens === undefined && !RESERVED_PATTERN_SLUGS.has(slug)) {
      slugs.add(slug);
    }
  }
  return slugs.size;
}

export function buildReport(): AstroIntegration {
  return {
    name: 'build-report',
    hooks: {
      'astro:build:done': async ({ dir, pages }) => {
        const report: BuildReport = {
          patterns: countPatterns(pages.map((page) => page.pathname)),
          skipped: skippedFiles(),
        };
        await writeFile(new URL('build-report.json', dir), `${JSON.stringify(report, null, 2)}\n`);
      },
    },
  };
}
