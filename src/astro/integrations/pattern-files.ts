/**
 * The per-pattern data files: `/api/patterns/<slug>.json` (src/lib/exports/pattern-export.ts)
 * and, when the site publishes them (`publishMarkdown`, src/config/site.ts), `/patterns/<slug>.md`
 * (the file as written; otherwise the exports link to it in the repository).
 *
 * A build writes them itself, from the loaded patterns, once the pages are built: through
 * Astro's router each of these 2 × N files cost what a page costs (measured at 5,000 patterns:
 * the 10,000 routes took 45 s of a 142 s build). In dev the same two endpoints (src/astro/routes/)
 * are injected as routes, so the live preview serves them as well.
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { SITE } from '../../config/site.ts';
import type { ExportSite } from '../../lib/exports/export-site.ts';
import { patternExport } from '../../lib/exports/pattern-export.ts';
import type { SitePattern } from '../../model/load-site.ts';
import { PATHS, routePath, siteUrls } from '../../model/urls.ts';
import { getExportSite, makeExportSiteOnLoad } from '../exports.ts';
import { onPatternsLoaded } from '../pattern-loader.ts';

/** Similar patterns as the export names them (their document keys are slugs on the site). */
const neighbourSlugs = (similar: SitePattern['similar']): { slug: string; score: number }[] =>
  similar.map(({ key, score }) => ({ slug: key, score }));

/** Patterns whose files are written at once (the writes overlap). */
const CONCURRENCY = 16;

/** Writes the data files of every pattern into the build's output folder `outDir`. */
async function writePatternFiles(
  patterns: readonly SitePattern[],
  site: ExportSite,
  outDir: string,
): Promise<void> {
  const [first] = patterns;
  if (first === undefined) return;
  for (const path of [PATHS.patternMarkdown, PATHS.patternJson]) {
    await mkdir(dirname(join(outDir, path(first.stored.slug))), { recursive: true });
  }
  const markdown = SITE.publishMarkdown;
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let pattern = patterns[next++]; pattern !== undefined; pattern = patterns[next++]) {
      const { stored, rendered, similar } = pattern;
      if (markdown) await copyFile(stored.file, join(outDir, PATHS.patternMarkdown(stored.slug)));
      const json = JSON.stringify(patternExport(stored, rendered, site, neighbourSlugs(similar)));
      await writeFile(join(outDir, PATHS.patternJson(stored.slug)), json);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

/** `/api/patterns/<slug>.json` and `/patterns/<slug>.md`: injected routes in dev, files in a build. */
export function patternFiles(): AstroIntegration {
  let patterns: readonly SitePattern[] = [];
  let base = '/';
  return {
    name: 'pattern-files',
    hooks: {
      'astro:config:setup': ({ command, injectRoute }) => {
        // The export site (one `git log` for the dates) is made while the pages render.
        makeExportSiteOnLoad(() => base);
        if (command === 'dev') {
          const route = (name: string): string =>
            fileURLToPath(new URL(`../routes/${name}`, import.meta.url));
          // Route patterns from the URL scheme, with `[slug]` as the parameter.
          const root = siteUrls('/');
          const pattern = (path: (slug: string) => string): string => routePath(path('[slug]'));
          if (SITE.publishMarkdown) {
            injectRoute({
              pattern: pattern(root.patternMarkdown),
              entrypoint: route('pattern-markdown.ts'),
            });
          }
          injectRoute({ pattern: pattern(root.patternJson), entrypoint: route('pattern-json.ts') });
        } else if (command === 'build') {
          onPatternsLoaded((loaded) => {
            patterns = loaded;
          });
        }
      },
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        await writePatternFiles(patterns, await getExportSite(), fileURLToPath(dir));
        logger.info(
          `${String(patterns.length)} patterns written as ${SITE.publishMarkdown ? 'Markdown and JSON' : 'JSON'}`,
        );
      },
    },
  };
}
