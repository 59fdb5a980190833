import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkLibrary,
  duplicateReport,
  nearDuplicates,
  toLibraryEntry,
} from '../src/lib/library.ts';
import { loadLibrary } from '../src/lib/load.ts';
import { patternText } from '../src/lib/pattern-text.ts';
import {
  duplicateClusters,
  duplicatePairs,
  similarPatterns,
  termCounts,
  termDocument,
  titleOverlap,
  words,
  type TermDocument,
} from '../src/lib/similarity.ts';
import { FIXTURES } from './helpers/fixtures.ts';

/** A document made of one text, its title the slug's words. */
const doc = (slug: string, text: string): TermDocument =>
  termDocument({
    slug,
    title: slug.replaceAll('-', ' '),
    format: 'v7.1',
    aliases: [],
    labels: [],
    keywords: [],
    tension: '',
    sections: [{ title: '', text }],
  });

describe('words', () => {
  it('lower-cases, drops stop words, numbers and URLs, and stems', () => {
    expect(
      words('The Gardeners are gardening 2024 gardens — see https://example.org/seeds'),
    ).toEqual(['garden', 'garden', 'garden', 'see']);
  });

  it('keeps words of other scripts and words with digits', () => {
    expect(words('5S Methodik für Gemeingüter')).toEqual(['5s', 'methodik', 'für', 'gemeingüt']);
  });
});

describe('term counts', () => {
  /** The term counts of a text (sections of at most 100 words: each is counted up to 1,500 characters). */
  const counts = (text: string, title = ''): ReturnType<typeof termCounts> => {
    const pieces = text.split(' ');
    const sections = Array.from({ length: Math.ceil(pieces.length / 100) }, (_, i) => ({
      title: '',
      text: pieces.slice(i * 100, i * 100 + 100).join(' '),
    }));
    return termCounts({
      slug: 'x',
      title,
      format: 'v7.1',
      aliases: [],
      labels: [],
      keywords: [],
      tension: '',
      sections,
    });
  };

  it('counts each stem, the title six times, and lists terms by count, then in code-unit order', () => {
    const text = 'gardens garden zebra alpaca alp ab b éclair Zulu alpha ämter 𝔸x ab';
    const { terms, counts: weights } = counts(text, 'Gardening');
    const rest = [...new Set(words(text))].filter((word) => !['garden', 'ab'].includes(word));
    expect(terms).toEqual(['garden', 'ab', ...rest.sort()]);
    expect(weights).toEqual([8, 2, ...rest.map(() => 1)]);
  });

  it('keeps the most frequent terms, cutting a count shared across the limit alphabetically', () => {
    const many = Array.from({ length: 300 }, (_, i) => `w${String(i).padStart(3, '0')}x`);
    const { terms } = counts(`${many.join(' ')} ${many.slice(250).join(' ')}`);
    expect(terms).toHaveLength(200);
    expect(terms.slice(0, 50)).toEqual(many.slice(250));
    expect(terms.slice(50)).toEqual(many.slice(0, 150));
  });
});

describe('similar patterns', () => {
  const documents = [
    doc('seed-library', 'seeds gardeners harvest heirloom varieties seeds saving'),
    doc('seed-bank', 'seeds heirloom varieties stored vault seeds saving'),
    doc('tool-lending', 'tools lending drills ladders neighbours repair'),
    doc('repair-cafe', 'repair neighbours tools volunteers broken things'),
    doc('lonely', 'zebra quantum'),
  ];

  it('lists the most similar other patterns first, never the pattern itself', () => {
    const similar = similarPatterns(documents);
    expect(similar.get('seed-library')?.[0]?.key).toBe('seed-bank');
    expect(similar.get('tool-lending')?.[0]?.key).toBe('repair-cafe');
    for (const [slug, list] of similar) {
      expect(list.map(({ key }) => key)).not.toContain(slug);
      const scores = list.map(({ score }) => score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
  });

  it('gives a pattern that shares no word with any other no neighbour', () => {
    expect(similarPatterns(documents).get('lonely')).toEqual([]);
  });

  it('gives the same result whatever the order of the patterns', () => {
    expect(similarPatterns([...documents].reverse())).toEqual(similarPatterns(documents));
  });

  it('keeps at most the asked number of neighbours', () => {
    const many = Array.from({ length: 12 }, (_, i) =>
      doc(`p-${String(i)}`, `shared words ${String(i)}x`),
    );
    const similar = similarPatterns(many, { neighbours: 5 });
    expect([...similar.values()].every((list) => list.length === 5)).toBe(true);
  });
});

describe('near-duplicates', () => {
  it('measures title overlap over the shorter title', () => {
    expect(titleOverlap(['a3', 'think'], ['a3', 'think', 'toyota'])).toBe(1);
    expect(titleOverlap(['zero', 'trust', 'architectur'], ['zero', 'trust', 'secur'])).toBeCloseTo(
      2 / 3,
    );
    expect(titleOverlap([], ['x'])).toBe(0);
  });

  it('joins pairs into clusters, largest first', () => {
    expect(
      duplicateClusters([
        { a: 'a', b: 'b', score: 0.9 },
        { a: 'b', b: 'c', score: 0.8 },
        { a: 'x', b: 'y', score: 0.7 },
      ]),
    ).toEqual([
      ['a', 'b', 'c'],
      ['x', 'y'],
    ]);
  });

  it('calls a pair whose texts are alike, or whose titles and texts both are, near-duplicates', () => {
    const documents = [
      doc('zero-trust-architecture', 'never trust always verify network identity access segments'),
      doc('zero-trust-security', 'never trust verify identity access devices policy'),
      doc('gateway-routing', 'route requests gateway backend services'),
    ];
    const pairs = duplicatePairs(documents, similarPatterns(documents), {
      text: 0.9,
      titleOverlap: 0.6,
      textWithTitle: 0.3,
    });
    expect(pairs.map(({ a, b }) => [a, b])).toEqual([
      ['zero-trust-architecture', 'zero-trust-security'],
    ]);
  });

  it('warns on both files of a near-duplicate pair, naming the other and the similarity', async () => {
    const { patterns, files } = await loadLibrary([`${FIXTURES}near-duplicates`]);
    const warnings = checkLibrary(patterns.map(toLibraryEntry), files).map(
      ({ file, line, column, message }) => `${file}:${String(line)}:${String(column)} ${message}`,
    );
    expect(warnings).toMatchInlineSnapshot(`
      [
        "tests/fixtures/near-duplicates/participatory-budgeting-city-scale.md:4:9 near-duplicate of tests/fixtures/near-duplicates/participatory-budgeting.md (similarity 0.85): merge them, or make each one's title and text say how they differ",
        "tests/fixtures/near-duplicates/participatory-budgeting.md:4:9 near-duplicate of tests/fixtures/near-duplicates/participatory-budgeting-city-scale.md (similarity 0.85): merge them, or make each one's title and text say how they differ",
      ]
    `);
  });

  it('reports the library-wide clusters', async () => {
    const { patterns } = await loadLibrary([`${FIXTURES}near-duplicates`]);
    const near = nearDuplicates(patterns.map(toLibraryEntry));
    expect(near.clusters.map((cluster) => cluster.map((file) => basename(file)))).toEqual([
      ['participatory-budgeting-city-scale.md', 'participatory-budgeting.md'],
    ]);
    expect(duplicateReport(near)).toContain('Near-duplicate clusters: 1 (1 pairs)');
  });

  it('reads the words of both formats, older sections included', async () => {
    const { patterns } = await loadLibrary([`${FIXTURES}older-library`]);
    const older = patterns.find((pattern) => pattern.format === 'older');
    if (older === undefined) throw new Error('no older-format fixture');
    const text = patternText(older);
    expect(text.format).toBe('older');
    expect(text.sections.length).toBe(older.body.sections.length + 1);
    expect(termDocument(text).terms.length).toBeGreaterThan(0);
  });
});
