import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FACET_KEYS, FACETS, SEARCH_FILTERS, searchSelects } from '../src/model/facets.ts';
import { buildLibraryModel } from '../src/model/library-model.ts';
import { loadSite, type SitePattern } from '../src/model/load-site.ts';
import { searchDocument } from '../src/model/search-document.ts';
import type { LibraryModel } from '../src/model/types.ts';
import { FIXTURES } from './helpers/fixtures.ts';

/** The filters a search record declares, as name → values. */
function recordFilters(record: string): Map<string, Set<string>> {
  const filters = new Map<string, Set<string>>();
  for (const [, name = '', value = ''] of record.matchAll(
    /data-pagefind-filter="([^:"]+):([^"]*)"/g,
  )) {
    filters.set(name, (filters.get(name) ?? new Set<string>()).add(value));
  }
  return filters;
}

describe('the search filters of the records and of the search page', () => {
  let patterns: readonly SitePattern[];
  let library: LibraryModel;
  beforeAll(async () => {
    ({ patterns } = await loadSite(join(FIXTURES, 'site-build')));
    library = buildLibraryModel(patterns.map(({ stored }) => stored));
  });

  it('are the same filters: every record filter is a select on the page, and every select a record filter', () => {
    const recorded = new Set(
      patterns.flatMap(({ stored, rendered }) => [
        ...recordFilters(searchDocument(stored, rendered)).keys(),
      ]),
    );
    const selects = searchSelects(library).map(({ name }) => name);
    expect([...recorded].sort()).toEqual([...selects].sort());
    expect(selects).toEqual(['domain', 'status', 'stage', 'adoption', 'format', 'lens']);
  });

  it('offer on the page exactly the values the records carry', () => {
    const recorded = new Map<string, Set<string>>();
    for (const { stored, rendered } of patterns) {
      for (const [name, values] of recordFilters(searchDocument(stored, rendered))) {
        const all = recorded.get(name) ?? new Set<string>();
        for (const value of values) all.add(value);
        recorded.set(name, all);
      }
    }
    for (const select of searchSelects(library)) {
      const offered = select.options.map(({ value }) => value).sort();
      expect(offered, select.name).toEqual([...(recorded.get(select.name) ?? [])].sort());
    }
  });

  it('come from the facet table: each searchable facet once, then the lens', () => {
    const searchable = FACET_KEYS.flatMap((key) => FACETS[key].search ?? []);
    expect(SEARCH_FILTERS.map(({ name }) => name)).toEqual([...searchable, 'lens']);
    expect(new Set(SEARCH_FILTERS.map(({ name }) => name)).size).toBe(SEARCH_FILTERS.length);
  });
});

describe('the facet table', () => {
  it('gives every facet its own URL path and browse parameter', () => {
    const paths = FACET_KEYS.map((key) => FACETS[key].path);
    const params = FACET_KEYS.map((key) => FACETS[key].param);
    expect(new Set(paths).size).toBe(FACET_KEYS.length);
    expect(new Set(params).size).toBe(FACET_KEYS.length);
  });
});
