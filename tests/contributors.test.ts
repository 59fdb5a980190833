import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { contributorIndex, namedContributors } from '../src/model/contributors.ts';
import { buildLibraryModel } from '../src/model/library-model.ts';
import { loadSite } from '../src/model/load-site.ts';
import { buildPatternPage } from '../src/model/pattern-page.ts';
import { renderBody } from '../src/model/rendered.ts';
import type { StoredPattern, StoredV71Pattern } from '../src/model/types.ts';
import { FIXTURES } from './helpers/fixtures.ts';

let patterns: StoredPattern[];

beforeAll(async () => {
  const site = await loadSite(join(FIXTURES, 'site-build'));
  patterns = site.patterns.map(({ stored }) => stored);
});

/** A v7.1 pattern of the fixture under another slug and title, naming `contributors`. */
function namedBy(slug: string, contributors: string[]): StoredV71Pattern {
  const base = patterns.find((p): p is StoredV71Pattern => p.format === 'v7.1');
  if (base === undefined) throw new Error('no v7.1 fixture');
  return {
    ...base,
    slug,
    frontmatter: { ...base.frontmatter, slug, title: slug.toUpperCase(), contributors },
  };
}

describe('contributors', () => {
  it('lists everyone the fixture names, both formats, most patterns first, with roles', () => {
    const { list } = contributorIndex(patterns);
    // "tester" in the v7.1 files and "Tester" (author) in an older one: one contributor, first.
    const tester = patterns.filter((p) =>
      namedContributors(p).some(({ name }) => name.toLowerCase() === 'tester'),
    );
    expect(tester.map(({ format }) => format)).toContain('older');
    expect(list.map(({ name, slug, patterns: p }) => [name, slug, p.length])).toEqual([
      ['tester', 'tester', tester.length],
      ['cloudsters', 'cloudsters', 1],
      ['commons-os', 'commons-os', 1],
      ['higgerix', 'higgerix', 1],
    ]);
    const older = list[0]?.patterns.find(({ slug }) => slug === 'older-practice');
    expect(older?.roles).toEqual(['author']);
  });

  it('counts names that slug alike as one contributor, and gives names without a slug their own', () => {
    const library = [
      namedBy('one', ['Ada Lovelace', '!!!']),
      namedBy('two', ['ada-lovelace', '???', '  ADA LOVELACE ']),
      namedBy('three', ['<script>alert(1)</script>', 'Ada  Lovelace', 'Ada_Lovelace']),
    ];
    const index = contributorIndex(library);
    const slugs = Object.fromEntries(index.list.map(({ name, slug }) => [name, slug]));
    expect(slugs).toEqual({
      '!!!': 'contributor',
      '???': 'contributor-1',
      '<script>alert(1)</script>': 'scriptalert1script',
      'Ada Lovelace': 'ada-lovelace',
      Ada_Lovelace: 'ada_lovelace',
    });
    // "ada-lovelace", "  ADA LOVELACE " and "Ada  Lovelace" slug as "Ada Lovelace" does: the
    // same page, shown as most patterns spell it, and first (three patterns).
    expect(index.list[0]?.patterns.map(({ slug }) => slug)).toEqual(['one', 'three', 'two']);
    expect(index.slugOf('  ADA LOVELACE ')).toBe('ada-lovelace');
    expect(index.slugOf('ada-lovelace')).toBe('ada-lovelace');
    expect(contributorIndex([...library].reverse()).list).toEqual(index.list);
  });

  it('links a pattern page’s contributors to their pages', () => {
    const library = buildLibraryModel(patterns);
    const older = library.bySlug.get('older-practice');
    if (older === undefined) throw new Error('no older-practice fixture');
    const page = buildPatternPage(library, 'older-practice', renderBody(older));
    expect(page.provenance.contributors).toEqual([
      { name: 'Tester', role: 'author', slug: 'tester' },
    ]);
  });
});
