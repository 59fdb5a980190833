import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isV71 } from '../src/lib/pattern-file.ts';
import { FEED_SIZE, feedItems } from '../src/lib/exports/feed.ts';
import { graphExport } from '../src/lib/exports/graph-json.ts';
import { patternJsonLd, serializeJsonLd } from '../src/lib/exports/jsonld.ts';
import { llmsTxt } from '../src/lib/exports/llms.ts';
import { patternExport } from '../src/lib/exports/pattern-export.ts';
import { patternsIndex } from '../src/lib/exports/patterns-index.ts';
import { robotsTxt } from '../src/lib/exports/robots.ts';
import {
  graphExportSchema,
  patternExportSchema,
  patternsIndexSchema,
} from '../src/lib/exports/shapes.ts';
import {
  exportSite as exportSiteOf,
  exportSiteWith,
  type ExportSite,
} from '../src/lib/exports/export-site.ts';
import { inSitemap } from '../src/astro/integrations/sitemap.ts';
import { loadLibrary } from '../src/lib/load.ts';
import { buildLibraryModel } from '../src/model/library-model.ts';
import { buildPatternPage } from '../src/model/pattern-page.ts';
import { renderBody } from '../src/model/rendered.ts';
import { toStoredPattern } from '../src/model/stored.ts';
import type { LibraryModel, StoredV71Pattern } from '../src/model/types.ts';
import { EIGHT_SECTIONS, FIXTURES, v71Stored } from './helpers/fixtures.ts';

const ORIGIN = 'https://example.org/lib/';

/** An export site under a base path, with a fixed last change per slug. */
function exportSite(dates: Readonly<Record<string, string>> = {}): ExportSite {
  return exportSiteWith(
    {
      title: 'Test Library',
      description: 'Patterns for testing.',
      url: 'https://example.org',
      base: '/lib/',
    },
    { updated: (slug) => dates[slug] ?? '2026-01-01T00:00:00.000Z' },
  );
}

let library: LibraryModel;
let ledger: StoredV71Pattern;
const site = exportSite({ 'open-ledger': '2026-03-04T05:06:07.000Z' });

beforeAll(async () => {
  const loaded = await loadLibrary([`${FIXTURES}exports`]);
  library = buildLibraryModel(loaded.patterns.filter(isV71).map(toStoredPattern));
  ledger = v71Stored(library.bySlug.get('open-ledger'));
});

describe('/api/patterns.json', () => {
  it('lists every pattern once, in slug order, in the documented shape', () => {
    const index = patternsIndexSchema.parse(
      JSON.parse(JSON.stringify(patternsIndex(library, site))),
    );
    expect(index.count).toBe(2);
    expect(index.patterns.map(({ slug }) => slug)).toEqual(['open-ledger', 'shared-stewardship']);
  });

  it('gives each entry its identity, labels, domain, scores, lifecycle, date and URLs', () => {
    const [entry] = patternsIndex(library, site).patterns;
    expect(entry).toEqual({
      format: 'v7.1',
      slug: 'open-ledger',
      id: 'pat_00000000000000000000000kdg',
      title: 'Open Ledger [draft] </script><!--',
      summary: 'Keep the books where everyone can read them.',
      context_labels: {
        corporate: 'Open Books',
        government: 'Open Budget',
        activist: 'Open Treasury',
        tech: 'Public Ledger',
        community: 'Street Ledger',
      },
      domain: 'economic-systems',
      // fractal_value is unscored, and the vitality reasoning is left out.
      scores: {
        stakeholder_architecture: 4,
        value_creation: 4,
        resilience: 3,
        ownership: 4,
        autonomy: 3,
        composability: 4,
        vitality: 4,
        overall_score: 3.7,
      },
      lifecycle: {
        usage_stage: 'application',
        adoption_stage: 'growth',
        status: 'review',
        version: '1.2',
        confidence: 3,
      },
      updated: '2026-03-04T05:06:07.000Z',
      url: 'https://example.org/lib/patterns/open-ledger/',
      json_url: 'https://example.org/lib/api/patterns/open-ledger.json',
      markdown_url: 'https://example.org/lib/patterns/open-ledger.md',
    });
  });
});

describe('links to a pattern’s Markdown', () => {
  it('point into the repository when the site does not publish the files', async () => {
    const where = await exportSiteOf({
      title: 'Test Library',
      description: 'Patterns for testing.',
      url: 'https://example.org',
      base: '/lib/',
      patternsDir: `${FIXTURES}exports`,
      patterns: ['open-ledger', 'shared-stewardship'].map((slug) => ({
        slug,
        file: join(`${FIXTURES}exports`, `${slug}.md`),
      })),
      markdownOf: (file) => `https://github.com/example/library/raw/main/${basename(file)}`,
    });
    expect(where.markdown('open-ledger')).toBe(
      'https://github.com/example/library/raw/main/open-ledger.md',
    );
    expect(patternsIndex(library, where).patterns[0]?.markdown_url).toBe(
      'https://github.com/example/library/raw/main/open-ledger.md',
    );
    expect(() => where.markdown('no-such-pattern')).toThrow('no pattern "no-such-pattern"');
  });
});

describe('/api/patterns/<slug>.json', () => {
  it('holds the normalised frontmatter and parses in the documented shape', () => {
    const data = patternExport(
      ledger,
      renderBody(ledger),
      site,
      library.similar.get('open-ledger') ?? [],
    );
    const parsed = patternExportSchema.parse(JSON.parse(JSON.stringify(data)));
    if (parsed.format !== 'v7.1') throw new Error('open-ledger exported as older');
    expect(parsed.frontmatter).toEqual(ledger.frontmatter);
    expect(parsed.frontmatter.lifecycle.version).toBe('1.2');
    expect(parsed.updated).toBe('2026-03-04T05:06:07.000Z');
  });

  it('lists its similar patterns by slug and score, never itself', () => {
    const similar = library.similar.get('open-ledger') ?? [];
    const data = patternExport(ledger, renderBody(ledger), site, similar);
    expect(data.similar).toEqual([{ slug: 'shared-stewardship', score: similar[0]?.score }]);
    expect(data.similar[0]?.score).toBeGreaterThan(0);
  });

  it('points each section at its lines of the Markdown file instead of repeating its text', () => {
    const data = patternExport(ledger, renderBody(ledger), site, []);
    if (data.format !== 'v7.1') throw new Error('open-ledger exported as older');
    const file = readFileSync(ledger.file, 'utf8').split('\n');
    const text = ({ start, end }: { start: number; end: number | null }): string =>
      file.slice(start - 1, end ?? undefined).join('\n');
    expect(data.sections.map(({ key }) => key)).toEqual(EIGHT_SECTIONS);
    const [context, , solution] = data.sections;
    expect(context).toMatchObject({
      key: 'context',
      title: 'Context',
      heading: 'Section 1: Context (100-200 words)',
    });
    expect(text(context?.lines ?? { start: 1, end: 1 })).toMatch(
      /^### Section 1: Context \(100-200 words\)\n+Money moves in the dark\.\s*$/,
    );
    expect(text(solution?.lines ?? { start: 1, end: 1 })).toContain('Publish the *ledger*.');
    expect(data.extra_sections).toMatchObject([{ id: 'references', title: 'References' }]);
    const references = data.extra_sections[0]?.lines;
    expect(references?.end).toBeNull();
    expect(text(references ?? { start: 1, end: 1 })).toContain('- A book about books.');
  });

  it('gives the lens guidance as written, no HTML', () => {
    const data = patternExport(ledger, renderBody(ledger), site, []);
    if (data.format !== 'v7.1') throw new Error('open-ledger exported as older');
    expect(data.lens_guidance.general).toBe('Start small.');
    expect(Object.keys(data.lens_guidance.by_lens)).toEqual(['corporate', 'community']);
    expect(data.lens_guidance.by_lens['community']).toContain('Pin the ledger');
  });
});

describe('/api/graph.json', () => {
  it('parses in the documented shape', () => {
    expect(() =>
      graphExportSchema.parse(JSON.parse(JSON.stringify(graphExport(library, site)))),
    ).not.toThrow();
  });

  it('marks patterns, wanted targets and targets only the machine suggests, in slug order', () => {
    expect(graphExport(library, site).nodes).toEqual([
      { kind: 'suggested', slug: 'ghost-pattern', title: 'Ghost Pattern' },
      {
        kind: 'wanted',
        slug: 'missing-target',
        title: 'Missing Target',
        url: 'https://example.org/lib/wanted/#missing-target',
      },
      {
        kind: 'pattern',
        slug: 'open-ledger',
        title: 'Open Ledger [draft] </script><!--',
        domain: 'economic-systems',
        url: 'https://example.org/lib/patterns/open-ledger/',
      },
      {
        kind: 'pattern',
        slug: 'shared-stewardship',
        title: 'Shared Stewardship',
        domain: 'governance',
        url: 'https://example.org/lib/patterns/shared-stewardship/',
      },
    ]);
  });

  it('gives text-similarity edges as their own kind, each pattern to its similar others', () => {
    const { similar } = graphExport(library, site).edges;
    expect(similar.map(({ source, target }) => [source, target])).toEqual([
      ['open-ledger', 'shared-stewardship'],
      ['shared-stewardship', 'open-ledger'],
    ]);
  });

  it('keeps human-curated edges, as written with their weights, apart from suggested ones', () => {
    const { curated, suggested } = graphExport(library, site).edges;
    expect(curated).toEqual([
      {
        source: 'open-ledger',
        target: 'shared-stewardship',
        type: 'enables',
        weight: 0.8,
        description: 'Readable books make stewardship possible.',
      },
      { source: 'open-ledger', target: 'missing-target', type: 'requires' },
      { source: 'open-ledger', target: 'open-ledger', type: 'complementary', weight: 0.1 },
    ]);
    expect(suggested.map(({ target, type, confidence }) => [target, type, confidence])).toEqual([
      ['shared-stewardship', 'complementary', 0.9],
      ['ghost-pattern', 'enables', 0.5],
      ['missing-target', 'requires', 0.7],
    ]);
  });
});

describe('/llms.txt', () => {
  it('follows the llmstxt.org layout: title, summary, then a link to each pattern’s Markdown', () => {
    const text = llmsTxt(library, site);
    expect(text).toMatch(/^# Test Library\n\n> Patterns for testing\.\n\n/);
    const patterns = /\n## Patterns\n\n([\s\S]*?)\n\n## Optional\n/.exec(text)?.[1];
    expect(patterns?.split('\n')).toEqual([
      '- [Open Ledger \\[draft\\] </script><!--](https://example.org/lib/patterns/open-ledger.md): Keep the books where everyone can read them.',
      '- [Shared Stewardship](https://example.org/lib/patterns/shared-stewardship.md): Look after it together.',
    ]);
    expect(text).not.toContain('llms-full.txt');
    expect(text).toContain('(https://example.org/lib/api/graph.json)');
    expect(text.endsWith('\n')).toBe(true);
  });
});

describe('the RSS feed items', () => {
  it('list the most recently changed patterns first, ties in slug order', () => {
    const items = feedItems(
      library,
      exportSite({
        'open-ledger': '2026-01-01T00:00:00.000Z',
        'shared-stewardship': '2026-02-01T00:00:00.000Z',
      }),
    );
    expect(items).toEqual([
      {
        title: 'Shared Stewardship',
        link: 'https://example.org/lib/patterns/shared-stewardship/',
        pubDate: new Date('2026-02-01T00:00:00.000Z'),
        description: 'Look after it together.',
        categories: ['Governance'],
      },
      {
        title: 'Open Ledger [draft] </script><!--',
        link: 'https://example.org/lib/patterns/open-ledger/',
        pubDate: new Date('2026-01-01T00:00:00.000Z'),
        description: 'Keep the books where everyone can read them.',
        categories: ['Economic Systems'],
      },
    ]);
    expect(feedItems(library, exportSite()).map(({ title }) => title)).toEqual([
      'Open Ledger [draft] </script><!--',
      'Shared Stewardship',
    ]);
  });

  it(`stop at the ${String(FEED_SIZE)} most recent`, () => {
    const many = buildLibraryModel(
      Array.from({ length: FEED_SIZE + 5 }, (_, n) => ({
        ...ledger,
        slug: `p${String(n).padStart(3, '0')}`,
      })),
    );
    const items = feedItems(many, exportSite());
    expect(items).toHaveLength(FEED_SIZE);
    expect(items.at(-1)?.link).toBe(
      `${ORIGIN}patterns/p${String(FEED_SIZE - 1).padStart(3, '0')}/`,
    );
  });
});

describe('the JSON-LD of a pattern page', () => {
  it('describes the pattern as a schema.org Article with its names, licence, authors and date', () => {
    expect(patternJsonLd(buildPatternPage(library, 'open-ledger'), site)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Article',
      '@id': 'https://example.org/lib/patterns/open-ledger/',
      url: 'https://example.org/lib/patterns/open-ledger/',
      mainEntityOfPage: 'https://example.org/lib/patterns/open-ledger/',
      headline: 'Open Ledger [draft] </script><!--',
      name: 'Open Ledger [draft] </script><!--',
      alternateName: ['Public Book'],
      description: 'Keep the books where everyone can read them.',
      keywords: ['transparency', 'accounting'],
      articleSection: 'Economic Systems',
      author: [
        { '@type': 'Person', name: 'ada' },
        { '@type': 'Person', name: 'grace' },
      ],
      license: 'https://spdx.org/licenses/CC-BY-SA-4.0.html',
      creditText: 'exports fixture',
      dateModified: '2026-03-04T05:06:07.000Z',
      version: '1.2',
      creativeWorkStatus: 'review',
      encoding: {
        '@type': 'MediaObject',
        encodingFormat: 'text/markdown',
        contentUrl: 'https://example.org/lib/patterns/open-ledger.md',
      },
      isPartOf: { '@type': 'WebSite', name: 'Test Library', url: 'https://example.org/lib/' },
    });
  });

  it('leaves out empty aliases and keywords', () => {
    const data = patternJsonLd(buildPatternPage(library, 'shared-stewardship'), site);
    expect(data).not.toHaveProperty('alternateName');
    expect(data).not.toHaveProperty('keywords');
  });

  it('is serialised so that a title holding </script> or <!-- cannot end the script element', () => {
    const data = patternJsonLd(buildPatternPage(library, 'open-ledger'), site);
    const json = serializeJsonLd(data);
    expect(json).not.toMatch(/[<>&]/);
    expect(json).toContain('Open Ledger [draft] \\u003c/script\\u003e\\u003c!--');
    expect(JSON.parse(json)).toEqual(data);
  });
});

describe('the sitemap and robots.txt', () => {
  it('list base pattern pages and other pages but not lens pages, under any base path', () => {
    for (const base of ['/', '/lib/', '/lib']) {
      const root = `https://example.org${base.endsWith('/') ? base : `${base}/`}`;
      expect(inSitemap(root, base)).toBe(true);
      expect(inSitemap(`${root}patterns/`, base)).toBe(true);
      expect(inSitemap(`${root}patterns/open-ledger/`, base)).toBe(true);
      expect(inSitemap(`${root}patterns/by-score/`, base)).toBe(true);
      expect(inSitemap(`${root}stages/usage/design/`, base)).toBe(true);
      expect(inSitemap(`${root}patterns/open-ledger/corporate/`, base)).toBe(false);
    }
  });

  it('point crawlers at the sitemap index by its absolute URL', () => {
    expect(robotsTxt('https://example.org/lib/sitemap-index.xml')).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: https://example.org/lib/sitemap-index.xml\n',
    );
  });
});
