/**
 * `/api/patterns/<slug>.json` in dev (src/astro/integrations/pattern-files.ts writes it in a build):
 * one pattern's frontmatter, sections and lens guidance (shape: src/lib/exports/shapes.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getExportSite } from '../exports.ts';
import { getLibrary, loadedPattern } from '../collection.ts';
import { patternExport } from '../../lib/exports/pattern-export.ts';

export const getStaticPaths = (async () => {
  const library = await getLibrary();
  return [...library.bySlug.keys()].map((slug) => ({ params: { slug } }));
}) satisfies GetStaticPaths;

/** The pattern as it is now (the paths above are cached until the store is saved). */
export const GET: APIRoute = async ({ params: { slug = '' } }) => {
  const { stored, rendered } = await loadedPattern(slug);
  const similar = (await getLibrary()).similar.get(slug) ?? [];
  return Response.json(patternExport(stored, rendered, await getExportSite(), similar));
};
