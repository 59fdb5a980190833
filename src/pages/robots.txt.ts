/** robots.txt: crawl everything; the sitemap index by its absolute URL. */
import type { APIRoute } from 'astro';
import { absoluteUrl } from '../data/exports.ts';
import { sitemapUrl } from '../data/urls.ts';
import { robotsTxt } from '../lib/exports/robots.ts';

export const GET: APIRoute = () =>
  new Response(robotsTxt(absoluteUrl(sitemapUrl())), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
