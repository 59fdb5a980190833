import { beforeAll, describe, expect, it } from 'vitest';
import { ASSESSMENT_PILLARS } from '../schema/ontology.ts';
import { SECTION_KEYS } from '../src/lib/body.ts';
import { loadLibrary } from '../src/lib/load.ts';
import { filterableFacets, lensPageParts, patternToc } from '../src/model/derive.ts';
import { NEIGHBOURHOOD_CAP, neighbourhoodGraph } from '../src/model/graph.ts';
import { titleFromSlug, valueLabel } from '../src/model/labels.ts';
import { counted } from '../src/lib/counts.ts';
import { buildLibraryModel } from '../src/model/library-model.ts';
import { buildPatternPage } from '../src/model/pattern-page.ts';
import { radarChart } from '../src/model/radar.ts';
import { summaryOf, toStoredPattern } from '../src/model/stored.ts';
import { SUMMARY_LENGTH } from '../src/lib/summary-text.ts';
import type { LibraryModel, StoredPattern } from '../src/model/types.ts';
import { FIXTURES, REAL_LIBRARY, SEED, v71Page, v71Stored } from './helpers/fixtures.ts';

/** Valid patterns of the given files or folders, stored the way the content loader stores them. */
async function storedPatterns(paths: readonly string[]): Promise<StoredPattern[]> {
  const library = await loadLibrary(paths);
  const invalid = new Set(
    library.diagnostics.filter((d) => d.severity === 'error').map((d) => d.file),
  );
  return library.patterns.filter(({ file }) => !invalid.has(file)).map(toStoredPattern);
}

const SEED_SLUG = 'commons-based-peer-production';

const ALL_FIVES = Object.fromEntries(ASSESSMENT_PILLARS.map((pillar) => [pillar, 5])) as Record<
  (typeof ASSESSMENT_PILLARS)[number],
  number
>;

describe('the library model', () => {
  let small: StoredPattern[];
  let model: LibraryModel;
  beforeAll(async () => {
    small = await storedPatterns([`${FIXTURES}site/small`]);
    model = buildLibraryModel(small);
  });

  it('lists summaries by title', () => {
    expect(model.patterns.map(({ slug }) => slug)).toEqual(['alpha', 'beta', 'gamma']);
  });

  it('turns "A enables B" into an "Enabled by A" backlink of B', () => {
    expect(model.backlinks.get('beta')).toEqual([
      {
        type: 'enables',
        label: 'Enabled by',
        links: [
          { slug: 'alpha', title: 'Alpha', exists: true, weight: 0.9, description: undefined },
        ],
      },
    ]);
    expect(model.backlinks.get('alpha')?.map(({ label }) => label)).toEqual(['Required by']);
  });

  it('leaves self-links out of backlinks', () => {
    expect(model.backlinks.get('gamma')?.map(({ label, links }) => [label, links.length])).toEqual([
      ['Complemented by', 1],
    ]);
  });

  it('lists wanted patterns with who points to them, most referenced first', () => {
    expect(model.wanted).toEqual([
      {
        slug: 'wanted-one',
        title: 'Wanted One',
        referencedBy: [
          { slug: 'alpha', title: 'Alpha', type: 'enables' },
          { slug: 'beta', title: 'Beta', type: 'requires' },
        ],
      },
      {
        slug: 'wanted-two',
        title: 'Wanted Two',
        referencedBy: [{ slug: 'gamma', title: 'Gamma', type: 'tools' }],
      },
    ]);
  });

  it('counts facet values, most frequent first then alphabetical', () => {
    const facet = (key: string): [string, string, number][] | undefined =>
      model.facets
        .find((candidate) => candidate.key === key)
        ?.values.map(({ value, label, count }) => [value, label, count]);
    expect(model.facets.map(({ key }) => key)).toEqual([
      'domain',
      'cross_domains',
      'commons_domain',
      'status',
      'usage_stage',
      'adoption_stage',
      'confidence',
      'format',
    ]);
    expect(facet('domain')).toEqual([
      ['governance', 'Governance', 2],
      ['ecology', 'Ecology', 1],
    ]);
    expect(facet('cross_domains')).toEqual([['ecology', 'Ecology', 1]]);
    expect(facet('commons_domain')).toEqual([
      ['life', 'Life', 3],
      ['land', 'Land', 1],
    ]);
    expect(facet('confidence')).toEqual([
      ['1', 'Emerging', 1],
      ['2', 'Developing', 1],
      ['3', 'Established', 1],
    ]);
    expect(facet('adoption_stage')).toEqual([['growth', 'Growth', 3]]);
  });

  it('lists the declared lenses the library uses, in declared order; an undeclared one is a label', () => {
    expect(model.lenses.map(({ key, name }) => [key, name])).toEqual([
      ['corporate', 'Corporate'],
      ['government', 'Government'],
      ['activist', 'Activist'],
      ['tech', 'Tech'],
      ['community', 'Community'],
    ]);
    const beta = model.patterns.find(({ slug }) => slug === 'beta');
    expect(beta?.lenses.map(({ key }) => key)).toEqual([
      'corporate',
      'government',
      'activist',
      'tech',
    ]);
    expect(beta?.otherLabels).toEqual([
      { key: 'academic', name: 'Academic', label: 'Beta for Scholars' },
    ]);
    expect([...(beta?.contextLabels.keys() ?? [])]).toEqual([
      'corporate',
      'government',
      'activist',
      'tech',
      'academic',
    ]);
  });

  it('draws the same library graph from the same patterns in any order', () => {
    const again = buildLibraryModel([...small].reverse());
    expect(again.graph).toEqual(model.graph);
    expect(buildLibraryModel(small).graph).toEqual(model.graph);
  });

  it('draws only edges between existing patterns, clustered by domain', () => {
    const { nodes, edges, clusters } = model.graph;
    expect(nodes.map(({ slug, group }) => [slug, group]).sort()).toEqual([
      ['alpha', 'governance'],
      ['beta', 'governance'],
      ['gamma', 'ecology'],
    ]);
    expect(edges.map(({ from, to, type }) => `${from} ${type} ${to}`)).toEqual([
      'alpha enables beta',
      'alpha complementary gamma',
      'beta requires alpha',
    ]);
    expect(clusters.map(({ group, label }) => [group, label])).toEqual([
      ['governance', 'Governance'],
      ['ecology', 'Ecology'],
    ]);
  });
});

describe('the pattern page model', () => {
  let model: LibraryModel;
  beforeAll(async () => {
    model = buildLibraryModel(await storedPatterns([`${FIXTURES}site/small`, SEED]));
  });

  it('gives the eight sections their keys as stable ids, in canonical order', () => {
    const page = buildPatternPage(model, 'commons-based-peer-production');
    expect(page.sections.map(({ id }) => id)).toEqual([...SECTION_KEYS]);
    expect(page.sections.find(({ id }) => id === 'known-uses')?.title).toBe('Known Uses');
    expect(page.sections[0]?.html).toMatch(/^<p>Collective intelligence emerges/);
  });

  it('gives extra sections ids that never collide with section or page ids, or each other', () => {
    const page = v71Page(buildPatternPage(model, 'gamma'));
    expect(page.extras.map(({ id, title }) => [id, title])).toEqual([
      ['references', 'References'],
      ['references-1', 'References'],
      ['known-uses-1', 'Known Uses'],
      ['assessment-1', 'Assessment'],
      ['section', '???'],
    ]);
  });

  it('shows Problem and Solution on a lens page by statement and links the rest into the base page', () => {
    const page = v71Page(buildPatternPage(model, 'gamma'));
    const { shown, linked } = lensPageParts(page);
    expect(shown.map(({ id }) => id)).toEqual(['problem', 'solution']);
    expect(linked.map(({ id }) => id)).toEqual([
      'context',
      'implementation',
      'consequences',
      'known-uses',
      'cognitive-era',
      'vitality',
      'references',
      'references-1',
      'known-uses-1',
      'assessment-1',
      'section',
      'facts',
      'assessment',
      'backlinks',
      'similar-patterns',
      'neighbourhood',
      'graph-garden',
      'provenance',
    ]);
    const lens = page.summary.lenses[0];
    expect(lens && patternToc(page, lens).map(({ id }) => id)).toEqual([
      'summary',
      'lens-guidance',
      'problem',
      'solution',
      'relationships',
      'more',
    ]);
  });

  it('takes a section’s statement from its opening quote, as the seed writes them', () => {
    const { sections } = v71Page(buildPatternPage(model, 'commons-based-peer-production'));
    const statements = sections.map(({ key, statement }) => [key, statement]);
    expect(statements.filter(([, statement]) => statement !== undefined)).toEqual([
      [
        'problem',
        '<blockquote>\n<p><strong>The core conflict is Commons vs. Production.</strong></p>\n</blockquote>',
      ],
      [
        'solution',
        expect.stringMatching(
          /^<blockquote>\n<p><strong>Therefore, design contribution .*<\/blockquote>$/s,
        ),
      ],
    ]);
  });

  it('splits the seed’s Implementation guidance into its four lenses, rendered', () => {
    const { lensGuidance } = v71Page(buildPatternPage(model, 'commons-based-peer-production'));
    expect([...lensGuidance.keys()]).toEqual(['corporate', 'government', 'activist', 'tech']);
    expect(lensGuidance.get('corporate')).toMatch(
      /^<p><strong>In corporate contexts:<\/strong> Establish/,
    );
    expect(lensGuidance.get('tech')).not.toContain('In activist movements');
  });

  it('gives an extra lens its own guidance and no lens the unlabelled text', () => {
    expect([...v71Page(buildPatternPage(model, 'gamma')).lensGuidance.keys()]).toEqual([
      'activist',
      'community',
    ]);
    const alpha = v71Page(buildPatternPage(model, 'alpha')).lensGuidance;
    expect(alpha.size).toBeGreaterThan(0);
    expect([...alpha.values()].join()).not.toContain('General advice first.');
  });

  it('groups relationships by type and marks wanted targets', () => {
    const page = v71Page(buildPatternPage(model, 'alpha'));
    expect(
      page.relationships.map(({ label, links }) => [label, links.map(({ slug }) => slug)]),
    ).toEqual([
      ['Enables', ['beta', 'wanted-one']],
      ['Complementary', ['gamma']],
    ]);
    expect(page.relationships[0]?.links[1]).toEqual({
      slug: 'wanted-one',
      title: undefined,
      exists: false,
      weight: 0.5,
      description: undefined,
    });
    expect(page.backlinks.map(({ label }) => label)).toEqual(['Required by']);
    expect(
      page.garden.inferredLinks.map(({ slug, exists, title }) => [slug, exists, title]),
    ).toEqual([
      ['beta', true, 'Beta'],
      ['nowhere-yet', false, undefined],
    ]);
  });

  it('shows confidence in stars and words, and the assessment with its mean', () => {
    const seed = v71Page(buildPatternPage(model, 'commons-based-peer-production'));
    expect(seed.confidence).toEqual({ level: 1, stars: '★☆☆', words: 'Emerging' });
    expect(seed.assessment.mean).toBeCloseTo(3.625);
    expect(seed.assessment.differs).toBe(false);
    const gamma = v71Page(buildPatternPage(model, 'gamma'));
    expect(gamma.assessment.mean).toBeUndefined();
    expect(gamma.assessment.radar.polygon).toBeUndefined();
  });

  it('puts backlinks and wanted targets in the neighbourhood graph', () => {
    const { nodes, edges, omitted } = buildPatternPage(model, 'beta').neighbourhood;
    expect(nodes.map(({ slug, exists, group }) => [slug, exists, group])).toEqual([
      ['beta', true, 'centre'],
      ['alpha', true, 'enables'],
      ['wanted-one', false, 'requires'],
    ]);
    expect(edges.map(({ from, to, type }) => `${from} ${type} ${to}`)).toEqual([
      'beta requires alpha',
      'beta requires wanted-one',
      'alpha enables beta',
    ]);
    expect(omitted).toBe(0);
  });

  it('caps the neighbourhood at the strongest neighbours and counts the rest', () => {
    const alpha = v71Stored(model.bySlug.get('alpha'));
    const many = Array.from({ length: 30 }, (_, index) => ({
      slug: `target-${String(index).padStart(2, '0')}`,
      weight: index / 100,
    }));
    const crowded = {
      ...alpha,
      frontmatter: {
        ...alpha.frontmatter,
        relationships: { ...alpha.frontmatter.relationships, enables: many },
      },
    };
    const graph = neighbourhoodGraph(crowded, model);
    expect(graph.nodes).toHaveLength(NEIGHBOURHOOD_CAP + 1);
    expect(graph.omitted).toBe(30 + 2 - NEIGHBOURHOOD_CAP);
    expect(graph.nodes.map(({ slug }) => slug)).not.toContain('target-00');
  });

  it('throws for a slug the library does not have', () => {
    expect(() => buildPatternPage(model, 'nowhere-yet')).toThrow('no pattern "nowhere-yet"');
  });
});

describe('the radar chart', () => {
  const size = 240;
  const centre = size / 2;

  it('draws the first axis straight up and goes clockwise', () => {
    const { axes } = radarChart({ ...ALL_FIVES, overall_score: 5 }, size);
    expect(axes.map(({ pillar }) => pillar)).toEqual([...ASSESSMENT_PILLARS]);
    expect(axes[0]).toMatchObject({
      x: centre,
      anchor: 'middle',
      label: 'Stakeholder architecture',
    });
    expect(axes[0]?.y).toBeLessThan(centre);
    expect(axes[0]?.labelY).toBeLessThan(axes[0]?.y ?? 0);
    expect(axes[2]).toMatchObject({ y: centre, anchor: 'start' });
    expect(axes[2]?.x).toBeGreaterThan(centre);
    expect(axes[6]).toMatchObject({ y: centre, anchor: 'end' });
  });

  it('puts a 5 on every pillar on the outer ring, and rings at 1 to 5', () => {
    const radar = radarChart({ ...ALL_FIVES, overall_score: 5 }, size);
    expect(radar.rings).toHaveLength(5);
    expect(radar.polygon).toBe(radar.rings[4]);
    expect(radarChart({ ...ALL_FIVES, resilience: 1, overall_score: 4.5 }).polygon).not.toBe(
      radar.rings[4],
    );
  });

  it('draws no polygon when a pillar is missing, but still every axis', () => {
    const radar = radarChart({ ...ALL_FIVES, autonomy: undefined, overall_score: 5 }, size);
    expect(radar.polygon).toBeUndefined();
    expect(radar.axes.find(({ pillar }) => pillar === 'autonomy')?.score).toBeUndefined();
    expect(radar.axes).toHaveLength(8);
  });

  it('widens the viewBox to hold the side labels', () => {
    const { viewBox, axes } = radarChart({ ...ALL_FIVES, overall_score: 5 }, size);
    const [left = 0, top = 0, width = 0, height = 0] = viewBox.split(' ').map(Number);
    expect(left).toBeLessThan(0);
    expect(left + width).toBeGreaterThan(size);
    for (const { labelX, labelY } of axes) {
      expect(labelX).toBeGreaterThan(left);
      expect(labelX).toBeLessThan(left + width);
      expect(labelY).toBeGreaterThan(top);
      expect(labelY).toBeLessThan(top + height);
    }
  });

  it('rounds every coordinate to two decimals', () => {
    const radar = radarChart({ ...ALL_FIVES, overall_score: 5 }, 100);
    const numbers = [radar.polygon, ...radar.rings].join(' ').split(/[ ,]/).map(Number);
    expect(numbers.every((n) => Math.round(n * 100) / 100 === n)).toBe(true);
  });
});

describe('display words', () => {
  it('offers to filter by a facet only when a pattern has a value for it', async () => {
    const minimal = buildLibraryModel(await storedPatterns([`${FIXTURES}valid`]));
    const empty = minimal.facets.filter((facet) => facet.values.length === 0).map(({ key }) => key);
    expect(empty).toContain('cross_domains');
    expect(filterableFacets(minimal.facets).map(({ key }) => key)).toEqual(
      minimal.facets.map(({ key }) => key).filter((key) => !empty.includes(key)),
    );
  });

  it('guesses titles from slugs and labels snake_case values', () => {
    expect(titleFromSlug('peer-review')).toBe('Peer Review');
    expect(titleFromSlug('theory-of-change')).toBe('Theory of Change');
    expect(valueLabel('early_adopters')).toBe('Early adopters');
  });

  it('counts with the noun in the singular for one only, digits grouped in threes', () => {
    expect([0, 1, 2, 3614, 1234567].map((count) => counted(count, 'link'))).toEqual([
      '0 links',
      '1 link',
      '2 links',
      '3,614 links',
      '1,234,567 links',
    ]);
  });
});

describe('the model of the real-library fixtures and the seed', () => {
  let sample: StoredPattern[];
  let model: LibraryModel;
  beforeAll(async () => {
    sample = await storedPatterns([REAL_LIBRARY, SEED]);
    model = buildLibraryModel(sample);
  });

  it('builds every page model of the seed, the 45 v7.1 and the 15 older files, sections in order', () => {
    expect(sample).toHaveLength(61);
    const pages = model.patterns.map(({ slug }) => buildPatternPage(model, slug));
    expect(pages.filter((page) => page.format === 'older')).toHaveLength(15);
    for (const page of pages) {
      const ids = page.sections.map(({ id }) => id);
      if (page.format === 'v7.1')
        expect(ids).toEqual(SECTION_KEYS.filter((key) => ids.includes(key)));
      else expect(ids.length).toBeGreaterThan(0);
    }
    expect(model.wanted.length).toBeGreaterThan(0);
    expect(model.lenses.map(({ key }) => key)).toEqual([
      'corporate',
      'government',
      'activist',
      'tech',
      'community',
    ]);
  }, 90_000);

  it('lists every pattern with a summary of plain text, short even for an older file’s long Overview', () => {
    const longest = Math.max(...sample.map((pattern) => summaryOf(pattern).length));
    expect(longest).toBeGreaterThan(1000);
    for (const { summary } of model.patterns) {
      expect(summary.length).toBeLessThanOrEqual(SUMMARY_LENGTH + 1);
      expect(summary).not.toMatch(/\*\*|`/);
    }
  });

  it('gives every page of the real-library fixtures five similar patterns, never itself', () => {
    for (const { slug } of model.patterns) {
      const { similar } = buildPatternPage(model, slug);
      expect(similar).toHaveLength(5);
      expect(similar.map((other) => other.slug)).not.toContain(slug);
      expect(similar.every(({ slug: other }) => model.bySlug.has(other))).toBe(true);
    }
  }, 30_000);

  it('finds each of the seed’s seven curated links and gives it a backlink to the seed', () => {
    const { relationships } = v71Stored(model.bySlug.get(SEED_SLUG)).frontmatter;
    const targets = Object.entries(relationships).flatMap(([type, links]) =>
      links.map(({ slug }) => [type, slug] as const),
    );

    expect(targets).toHaveLength(7);
    for (const [type, slug] of targets) {
      expect(model.bySlug.has(slug), slug).toBe(true);
      const group = model.backlinks.get(slug)?.find((candidate) => candidate.type === type);
      expect(
        group?.links.map((link) => link.slug),
        slug,
      ).toContain(SEED_SLUG);
    }
  });
});
