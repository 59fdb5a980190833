/**
 * The site's URLs as pages link to them: the URL scheme (`src/model/urls.ts`) under the base
 * path Astro is configured with (`import.meta.env.BASE_URL`, e.g. `/` or `/patterns/`).
 */
import { LENS_URL_TEMPLATE } from '../model/url-template.ts';
import { siteUrls } from '../model/urls.ts';

export const urls = siteUrls(import.meta.env.BASE_URL);

/**
 * Where the index is and how results link, as the data attributes of the search page's form and
 * of the search dialog, which their scripts read (`searchUrls()` in
 * src/scripts/pagefind-client.ts): the base path, the shard manifest, and a pattern's page and its
 * page under a lens as templates. A new object each time: Astro's attribute spread adds the
 * element's scoped class to the object it is given.
 */
export const searchData = (): Record<string, string> => ({
  'data-base': urls.root,
  'data-manifest': urls.pagefindManifest,
  'data-pattern-url': urls.pattern(LENS_URL_TEMPLATE.slug),
  'data-lens-url': urls.pattern(LENS_URL_TEMPLATE.slug, LENS_URL_TEMPLATE.lens),
});
