/**
 * Writes `build-report.json` into the build output: how many patterns were
 * built and which files were skipped (`PATTERNS_ON_ERROR=skip`) with their
 * errors, each as the checker reports it (file, line, column, field path,
 * severity, message, expected and received). No timestamps, so equal inputs
 * give byte-identical reports.
 */
import { writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { CORE_LENSES } from '../../../schema/context-labels.ts';
import { patternPage } from '../../model/urls.ts';
import { skippedFiles, type SkippedFile } from '../pattern-loader.ts';

export interface BuildReport {
  /** Base pattern pages built (`/patterns/<slug>/`). */
  readonly patterns: number;
  readonly skipped: readonly SkippedFile[];
}

/** Patterns built: `patterns/<slug>/` pages with a page per core lens (unlike `patterns/by-score/`). */
function countPatterns(pathnames: readonly string[]): number {
  const lensesBySlug = new Map<string, Set<string>>();
  for (const pathname of pathnames) {
    const { slug, lens } = patternPage(pathname) ?? {};
    if (slug === undefined || lens === undefined) continue;
    const lenses = lensesBySlug.get(slug) ?? new Set<string>();
    lenses.add(lens);
    lensesBySlug.set(slug, lenses);
  }
  return [...lensesBySlug.values()].filter((lenses) =>
    CORE_LENSES.every((lens) => lenses.has(lens)),
  ).length;
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
