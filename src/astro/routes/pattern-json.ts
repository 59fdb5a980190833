/**
 * `/api/patterns/<slug>.json` in dev (src/astro/integrations/pattern-files.ts writes it in a build):
 * one pattern's frontmatter, sections and lens guidance (shape: src/lib/exports/shapes.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getExportSite } from '../exports.ts';
import { getLibrary, loadedBody } from '../collection.ts';
import { patternExport } from '../../lib/exports/pattern-export.ts';
import type { StoredPattern } from '../../model/types.ts';

interface Props {
  pattern: StoredPattern;
}

export const getStaticPaths = (async () => {
  const library = await getLibrary();
  return [...library.bySlug.values()].map((pattern) => ({
    params: { slug: pattern.slug },
    props: { pattern },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<Props> = async ({ props: { pattern } }) =>
  Response.json(
    patternExport(
      pattern,
      loadedBody(pattern.slug).rendered,
      await getExportSite(),
      (await getLibrary()).similar.get(pattern.slug) ?? [],
    ),
  );
