/** Every pattern, one light entry each (shape: src/lib/exports/shapes.ts). */
import type { APIRoute } from 'astro';
import { getExportSite } from '../../astro/exports.ts';
import { getLibrary } from '../../astro/collection.ts';
import { patternsIndex } from '../../lib/exports/patterns-index.ts';

export const GET: APIRoute = async () =>
  Response.json(patternsIndex(await getLibrary(), await getExportSite()));
