/** The llmstxt.org index of the library: one link per pattern's Markdown. */
import type { APIRoute } from 'astro';
import { getExportSite } from '../astro/exports.ts';
import { getLibrary } from '../astro/collection.ts';
import { llmsTxt } from '../lib/exports/llms.ts';

export const GET: APIRoute = async () =>
  new Response(llmsTxt(await getLibrary(), await getExportSite()), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
