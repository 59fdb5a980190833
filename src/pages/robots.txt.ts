/** robots.txt: crawl everything; the sitemap index by its absolute URL. */
import type { APIRoute } from 'astro';
import { absoluteUrl } from '../astro/exports.ts';
import { urls } from '../astro/urls.ts';
import { robotsTxt } from '../lib/exports/robots.ts';

export const GET: APIRoute = () =>
  new Response(robotsTxt(absoluteUrl(urls.sitemap)), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
