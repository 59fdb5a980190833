/**
 * `/patterns/<slug>.md` in dev (src/astro/integrations/pattern-files.ts copies it in a build): a
 * pattern's source file, byte for byte as written.
 */
import { readFile } from 'node:fs/promises';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getLibrary } from '../collection.ts';

interface Props {
  file: string;
}

export const getStaticPaths = (async () => {
  const library = await getLibrary();
  return [...library.bySlug.values()].map(({ slug, file }) => ({
    params: { slug },
    props: { file },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<Props> = async ({ props: { file } }) =>
  new Response(await readFile(file), {
    headers: { 'Content-Type': 'text/markdown; charset=utf-8' },
  });
