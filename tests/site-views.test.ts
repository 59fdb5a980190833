import { beforeAll, describe, expect, it } from 'vitest';
import { isV71 } from '../src/lib/pattern-file.ts';
import { loadLibrary } from '../src/lib/load.ts';
import { lensDataOf, lensLabels, lensLinkData, patternFacets } from '../src/model/derive.ts';
import { domainGraph, domainOverview, mostConnected, ringLabel } from '../src/model/graph.ts';
import { HOME_DOMAINS, HOME_LIST_SIZE, homeDomains, recentlyChanged } from '../src/model/home.ts';
import { buildLibraryModel } from '../src/model/library-model.ts';
import { toStoredPattern } from '../src/model/stored.ts';
import type { LibraryModel, PatternSummary, StoredPattern } from '../src/model/types.ts';
import { fillLensUrl, LENS_URL_TEMPLATE } from '../src/model/url-template.ts';
import { siteUrls } from '../src/model/urls.ts';
import { FIXTURES } from './helpers/fixtures.ts';

// The small library: alpha and beta (governance) link to each other, alpha links to gamma
// (ecology), gamma links to itself and to wanted patterns.
let patterns: StoredPattern[];
let library: LibraryModel;
/** A pattern's summary in the small library. */
function summaryOf(slug: string): PatternSummary {
  const found = library.patterns.find((p) => p.slug === slug);
  if (found === undefined) throw new Error(`no pattern ${slug}`);
  return found;
}
beforeAll(async () => {
  const loaded = await loadLibrary([`${FIXTURES}site/small`]);
  patterns = loaded.patterns.filter(isV71).map(toStoredPattern);
  library = buildLibraryModel(patterns);
});

describe('the graph overview of domains', () => {
  it('puts each domain on the ring once, largest first, with its number of patterns', () => {
    const { nodes } = domainOverview(library);
    expect(nodes.map(({ key, label, count }) => [key, label, count])).toEqual([
      ['governance', 'Governance', 2],
      ['ecology', 'Ecology', 1],
    ]);
    const [governance, ecology] = nodes;
    expect(governance?.r).toBeGreaterThan(ecology?.r ?? Infinity);
  });

  it('weights a chord by the links between two domains, leaving links inside a domain out', () => {
    const { edges } = domainOverview(library);
    expect(edges.map(({ from, to, weight }) => [from, to, weight])).toEqual([
      ['ecology', 'governance', 1],
    ]);
    expect(edges[0]?.path).toMatch(/^M[\d.]+ [\d.]+Q[\d.]+ [\d.]+ [\d.]+ [\d.]+$/);
  });

  it('keeps every node and its label inside the picture', () => {
    const { size, nodes } = domainOverview(library);
    for (const n of nodes) {
      for (const value of [n.x, n.y, n.labelX, n.labelY]) {
        expect(value).toBeGreaterThan(0);
        expect(value).toBeLessThan(size);
      }
    }
  });

  it('draws the same picture from the patterns in any order', () => {
    expect(domainOverview(buildLibraryModel([...patterns].reverse()))).toEqual(
      domainOverview(library),
    );
  });
});

describe('the graph of one domain', () => {
  it('names its patterns by title and counts each pair of linked patterns once per link', () => {
    const graph = domainGraph(library, 'governance');
    expect(graph.nodes.map(({ key, label }) => [key, label])).toEqual([
      ['alpha', 'Alpha'],
      ['beta', 'Beta'],
    ]);
    expect(graph.edges.map(({ from, to, weight }) => [from, to, weight])).toEqual([
      ['alpha', 'beta', 2],
    ]);
  });

  it('lists its most connected patterns by their links inside the domain only', () => {
    // alpha also links to gamma (ecology), which does not count here.
    expect(
      domainGraph(library, 'governance').connected.map(({ pattern, links }) => [
        pattern.slug,
        links,
      ]),
    ).toEqual([
      ['alpha', 1],
      ['beta', 1],
    ]);
    expect(domainGraph(library, 'ecology').connected).toEqual([]);
  });

  it('lists the links leaving the domain by domain, and counts them on their patterns', () => {
    const graph = domainGraph(library, 'governance');
    expect(graph.leaving).toEqual([{ domain: 'ecology', label: 'Ecology', links: 1 }]);
    expect(graph.nodes.map(({ key, count }) => [key, count])).toEqual([
      ['alpha', 1],
      ['beta', 0],
    ]);
  });

  it('reads labels on the left half upright, anchored at their end', () => {
    const { nodes } = domainGraph(library, 'governance');
    const top = nodes[0]?.x ?? 0;
    const left = nodes.filter((n) => n.x < top);
    expect(left.every((n) => n.anchor === 'end')).toBe(true);
    expect(nodes[0]).toMatchObject({ anchor: 'start', rotate: -90 });
  });

  it('cuts a long label at a word and keeps short ones whole', () => {
    expect(ringLabel('Short title')).toBe('Short title');
    const long = ringLabel('A very long pattern title that goes on and on about many many things');
    expect(long).toBe('A very long pattern title that goes on and on…');
  });
});

describe('the home page lists', () => {
  it('lists patterns by their last change, latest first', () => {
    const dates: Record<string, string> = {
      alpha: '2026-01-01T00:00:00Z',
      beta: '2026-03-01T00:00:00Z',
      gamma: '2026-02-01T00:00:00Z',
    };
    const recent = recentlyChanged(library.patterns, (slug) => dates[slug] ?? '', 2);
    expect(recent.map(({ pattern, updated }) => [pattern.slug, updated])).toEqual([
      ['beta', '2026-03-01T00:00:00Z'],
      ['gamma', '2026-02-01T00:00:00Z'],
    ]);
  });

  it('shows the largest domains as cards and counts the rest for the link to all of them', () => {
    const values = Array.from({ length: 81 }, (_, index) => `domain-${String(index)}`);
    const { items, more } = homeDomains(values);
    expect(items).toEqual(values.slice(0, HOME_DOMAINS));
    expect(more).toBe(81 - HOME_DOMAINS);
    expect(homeDomains(values.slice(0, 3))).toMatchObject({ items: values.slice(0, 3), more: 0 });
  });

  it('counts each neighbour once, in either direction, most connected first', () => {
    expect(
      mostConnected(library.graph.edges, library.patterns, HOME_LIST_SIZE).map(
        ({ pattern, links }) => [pattern.slug, links],
      ),
    ).toEqual([
      ['alpha', 2],
      ['beta', 1],
      ['gamma', 1],
    ]);
  });
});

describe('lens links', () => {
  it('fills the page’s lens URL template the way the URL scheme builds a lens page', () => {
    for (const base of ['/', '/sub/path/']) {
      const urls = siteUrls(base);
      const template = urls.pattern(LENS_URL_TEMPLATE.slug, LENS_URL_TEMPLATE.lens);
      expect(fillLensUrl(template, 'alpha', 'government')).toBe(
        urls.pattern('alpha', 'government'),
      );
    }
  });

  it('marks links by slug, and list links to be named by their context label', () => {
    expect(lensLinkData('alpha')).toEqual({ 'data-slug': 'alpha' });
    expect(lensLinkData('alpha', true)).toEqual({ 'data-slug': 'alpha', 'data-labelled': '' });
  });

  it('lists one lens’s context labels by slug, leaving out patterns without the lens', () => {
    const alpha = summaryOf('alpha');
    const labels = lensLabels(library, 'government');
    expect(Object.keys(labels)).toEqual(
      library.patterns
        .filter((p) => p.contextLabels.has('government'))
        .map((p) => p.slug)
        .sort(),
    );
    expect(labels['alpha']).toBe(alpha.contextLabels.get('government'));
    expect(lensLabels(library, 'no-such-lens')).toEqual({});
  });

  it('fills the page’s labels URL template the way the URL scheme builds it', () => {
    const urls = siteUrls('/sub/');
    expect(fillLensUrl(urls.lensLabelsJson(LENS_URL_TEMPLATE.lens), '', 'tech')).toBe(
      urls.lensLabelsJson('tech'),
    );
  });

  it('gives a wanted pattern no lens data', () => {
    const of = lensDataOf(library);
    expect(of('wanted-one')).toEqual({});
    expect(of('beta')).toEqual({ 'data-slug': 'beta' });
  });

  it('lists a pattern’s facets for its facts column, with display labels', () => {
    const alpha = summaryOf('alpha');
    const facets = patternFacets(alpha);
    expect(facets.find(({ key }) => key === 'commons_domain')?.values).toEqual([
      { value: 'life', label: 'Life' },
      { value: 'land', label: 'Land' },
    ]);
    expect(facets[0]).toEqual({
      key: 'domain',
      label: 'Domain',
      values: [{ value: 'governance', label: 'Governance' }],
    });
  });
});
