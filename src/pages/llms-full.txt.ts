/** Every pattern's text in one file, for language models; streamed pattern by pattern. */
import type { APIRoute } from 'astro';
import { getExportSite } from '../astro/exports.ts';
import { getLibrary } from '../astro/collection.ts';
import { llmsFullTxt } from '../lib/exports/llms.ts';

export const GET: APIRoute = async () => {
  const encoder = new TextEncoder();
  const parts = llmsFullTxt(await getLibrary(), await getExportSite());
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = parts.next();
      if (next.done === true) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
