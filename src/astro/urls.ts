/**
 * The site's URLs as pages link to them: the URL scheme (`src/model/urls.ts`) under the base
 * path Astro is configured with (`import.meta.env.BASE_URL`, e.g. `/` or `/patterns/`).
 */
import { siteUrls } from '../model/urls.ts';

export const urls = siteUrls(import.meta.env.BASE_URL);
