/** `/robots.txt`: every page may be crawled; where the sitemap is. */
export const robotsTxt = (sitemapUrl: string): string =>
  `User-agent: *\nAllow: /\n\nSitemap: ${sitemapUrl}\n`;
