/** The library as a graph: curated and suggested edges apart (shape: src/lib/exports/shapes.ts). */
import type { APIRoute } from 'astro';
import { getExportSite } from '../../data/exports.ts';
import { getLibrary } from '../../data/library.ts';
import { graphExport } from '../../lib/exports/graph-json.ts';

export const GET: APIRoute = async () =>
  Response.json(graphExport(await getLibrary(), await getExportSite()));
