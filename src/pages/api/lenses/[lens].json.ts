/**
 * One lens's context labels, `{ slug: label }` for every pattern that has the lens: what the
 * lens-mode script (src/scripts/lens-mode.ts) fetches once (then cached) to send pattern links
 * to lens pages and name them in lists, so pages need carry no label of their own.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getLibrary } from '../../../astro/collection.ts';
import { lensLabels } from '../../../model/derive.ts';

export const getStaticPaths = (async () => {
  const library = await getLibrary();
  return library.lenses.map(({ key }) => ({ params: { lens: key } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  Response.json(lensLabels(await getLibrary(), params['lens'] ?? ''));
