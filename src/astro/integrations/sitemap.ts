/**
 * The sitemap (@astrojs/sitemap, `sitemap-index.xml`) of the site's pages, data exports aside.
 * Lens pages (`/patterns/<slug>/<lens>/`) are left out: each names its pattern's base page as
 * canonical, and a sitemap should list canonical URLs only.
 */
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { patternPage, siteUrls } from '../../model/urls.ts';

/** Whether the absolute URL `page` of a site served under `base` belongs in the sitemap. */
export function inSitemap(page: string, base: string): boolean {
  const { pathname } = new URL(page);
  const { root } = siteUrls(base);
  const path = pathname.startsWith(root) ? pathname.slice(root.length) : pathname;
  return patternPage(path)?.lens === undefined;
}

/** The sitemap of a site served under `base`. */
export const siteMap = (base: string): AstroIntegration =>
  sitemap({ filter: (page) => inSitemap(page, base) });
