import { describe, expect, it } from 'vitest';
import { RESERVED_PATTERN_SLUGS } from '../src/lib/reserved.ts';
import { FACET_KEYS } from '../src/model/facets.ts';
import { PATHS, patternPage, routePath, siteUrls, SORTS } from '../src/model/urls.ts';

describe('the URL scheme', () => {
  it('puts every URL under the base it is given, with one slash between', () => {
    for (const base of ['/lib', '/lib/']) {
      const urls = siteUrls(base);
      expect(urls.home).toBe('/lib/');
      expect(urls.pattern('peer-review', 'government')).toBe(
        '/lib/patterns/peer-review/government/',
      );
      expect(urls.facet('usage_stage', 'growth')).toBe('/lib/stages/usage/growth/');
      expect(urls.wanted('peer-review')).toBe('/lib/wanted/#peer-review');
      expect(urls.pagefindManifest).toBe('/lib/pagefind/shards.json');
      expect(urls.health).toBe('/lib/health/');
      expect(urls.healthJson).toBe('/lib/api/health.json');
      expect(urls.contributor('ada-lovelace')).toBe('/lib/contributors/ada-lovelace/');
    }
    expect(PATHS.patternJson('peer-review')).toBe('api/patterns/peer-review.json');
    expect(PATHS.sort('title')).toBe(PATHS.browse);
  });

  it('reads a pattern page back from its path, and nothing else', () => {
    const root = siteUrls('/');
    expect(patternPage(root.pattern('a-b'))).toEqual({ slug: 'a-b' });
    expect(patternPage(PATHS.pattern('a-b', 'tech'))).toEqual({ slug: 'a-b', lens: 'tech' });
    expect(patternPage(PATHS.patternMarkdown('a-b'))).toBeUndefined();
    expect(patternPage(PATHS.lens('tech'))).toBeUndefined();
  });

  it('reserves the sort pages below patterns/ on the reading side, so no slug can take their place', () => {
    for (const sort of SORTS.filter((s) => s !== 'title')) {
      const page = patternPage(PATHS.sort(sort));
      expect(page && RESERVED_PATTERN_SLUGS.has(page.slug)).toBe(true);
    }
  });

  it('gives each facet its own pages and spells routes as Astro reads them', () => {
    const indexes = FACET_KEYS.map((key) => PATHS.facetIndex(key));
    expect(new Set(indexes).size).toBe(FACET_KEYS.length);
    expect(routePath(siteUrls('/').patternMarkdown('[slug]'))).toBe('/patterns/[slug].md');
    expect(routePath(PATHS.facet('domain', 'x'))).toBe('domains/x');
  });
});
