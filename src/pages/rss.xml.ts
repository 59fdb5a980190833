/** RSS feed of the most recently changed patterns. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getExportSite } from '../astro/exports.ts';
import { getLibrary } from '../astro/collection.ts';
import { feedItems } from '../lib/exports/feed.ts';

export const GET: APIRoute = async () => {
  const site = await getExportSite();
  return rss({
    title: site.title,
    description: site.description,
    site: site.home,
    items: feedItems(await getLibrary(), site),
  });
};
