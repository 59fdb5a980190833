/**
 * `/rss.xml`: the most recently changed patterns, newest first (ties by slug, so the same
 * library and dates always give the same feed). Rendered by @astrojs/rss.
 */
import type { RSSFeedItem } from '@astrojs/rss';
import { facetValueLabel } from '../../model/facets.ts';
import { domainOf, summaryOf } from '../../model/stored.ts';
import type { LibraryModel } from '../../model/types.ts';
import { patternsBySlug, type ExportSite } from './export-site.ts';

/** How many patterns the feed lists. */
export const FEED_SIZE = 50;

export function feedItems(library: Pick<LibraryModel, 'bySlug'>, site: ExportSite): RSSFeedItem[] {
  return patternsBySlug(library)
    .map((pattern) => ({ pattern, updated: site.updated(pattern.slug) }))
    .sort((a, b) => (a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : 0))
    .slice(0, FEED_SIZE)
    .map(({ pattern, updated }) => ({
      title: pattern.frontmatter.title,
      link: site.page(pattern.slug),
      pubDate: new Date(updated),
      description: summaryOf(pattern),
      categories: [facetValueLabel('domain', domainOf(pattern))],
    }));
}
