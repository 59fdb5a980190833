/** The library as a graph: curated and suggested edges apart (shape: src/lib/exports/shapes.ts). */
import type { APIRoute } from 'astro';
import { getExportSite } from '../../astro/exports.ts';
import { getLibrary } from '../../astro/collection.ts';
import { graphExport } from '../../lib/exports/graph-json.ts';

export const GET: APIRoute = async () =>
  Response.json(graphExport(await getLibrary(), await getExportSite()));
