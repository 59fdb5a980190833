/**
 * Nothing from a file is used as a plain-object key (issue 11, rule 3): a pattern whose lens,
 * domain, relationship target, entity or community id is `constructor`, `__proto__`, `toString`
 * or `hasOwnProperty` builds correct pages and links (tests/fixtures/prototype-keys: two patterns
 * written from the reference, `constructor` and `prototype-links`, which link to each other).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { SITE } from '../src/config/site.ts';
import { loadLibrary } from '../src/lib/load.ts';
import { isV71, readPatternFile } from '../src/lib/pattern-file.ts';
import { patternHref, patternsUnderLens } from '../src/model/derive.ts';
import { FACET_KEYS, FACETS } from '../src/model/facets.ts';
import { buildLibraryModel } from '../src/model/library-model.ts';
import { buildPatternPage } from '../src/model/pattern-page.ts';
import { toStoredPattern } from '../src/model/stored.ts';
import type { Lens, LibraryModel, StoredPattern } from '../src/model/types.ts';
import { siteUrls } from '../src/model/urls.ts';
import { FIXTURES, render, v71Page } from './helpers/fixtures.ts';

const FIXTURE = `${FIXTURES}prototype-keys`;
const urls = siteUrls('/');
const CONSTRUCTOR_LENS: Lens = {
  key: 'constructor',
  name: 'Constructor',
  description: 'For builders.',
};

let patterns: StoredPattern[];
let diagnostics: string;
beforeAll(async () => {
  const library = await loadLibrary([FIXTURE]);
  diagnostics = render(library.diagnostics);
  patterns = library.patterns.filter(isV71).map(toStoredPattern);
});

/** Every string the value holds (in objects, arrays and Maps); fails on a function. */
function strings(value: unknown, path = 'value'): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'function') throw new Error(`${path} is a function`);
  if (value instanceof Map) {
    return [...value].flatMap(([key, item]) => [
      ...strings(key, `${path} key`),
      ...strings(item, `${path}.get(${String(key)})`),
    ]);
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => strings(item, `${path}[${i}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => strings(item, `${path}.${key}`));
  }
  return [];
}

/** The pages the site builds from the model: base and lens pages, listings, wanted, facets. */
function pagesOf(library: LibraryModel): Set<string> {
  return new Set([
    ...library.patterns.flatMap((p) => [
      urls.pattern(p.slug),
      ...p.lenses.map((lens) => urls.pattern(p.slug, lens.key)),
    ]),
    ...library.lenses.map((lens) => urls.lens(lens.key)),
    ...library.wanted.map(({ slug }) => urls.wanted(slug)),
    ...library.facets.flatMap(({ key, values }) =>
      values.map(({ value }) => urls.facet(key, value)),
    ),
  ]);
}

/** Every pattern link the pages show: listings, lens labels, facets, relationships both ways. */
function linksOf(library: LibraryModel): string[] {
  const listings = library.lenses.flatMap((lens) =>
    patternsUnderLens(library, lens.key).map((e) =>
      urls.pattern(e.pattern.slug, e.hasLens ? lens.key : undefined),
    ),
  );
  const pages = library.patterns.flatMap((p) => {
    const page = buildPatternPage(library, p.slug);
    const facets = FACET_KEYS.flatMap((key) =>
      FACETS[key].values(p).map((value) => urls.facet(key, value)),
    );
    const related = [undefined, ...p.lenses.map(({ key }) => key)].flatMap((lens) => {
      const href = patternHref(library, urls, lens);
      return [
        ...page.relationships.flatMap(({ links }) => links),
        ...page.backlinks.flatMap(({ links }) => links),
        ...v71Page(page).garden.inferredLinks.filter(({ exists }) => exists),
      ].map(({ slug, exists }) => href(slug, exists));
    });
    return [...p.lenses.map((lens) => urls.pattern(p.slug, lens.key)), ...facets, ...related];
  });
  return [...listings, ...pages];
}

describe('a pattern whose keys are Object.prototype members', () => {
  it('passes the check with warnings only: constructor is not a declared lens, and the two files are near-duplicates', () => {
    expect(diagnostics).toMatchInlineSnapshot(`
      "prototype-keys/constructor.md:7:9: warning: title: near-duplicate of prototype-keys/prototype-links.md (similarity 0.91): merge them, or make each one's title and text say how they differ [near-duplicate]
      prototype-keys/constructor.md:22:3: warning: context_labels.constructor: lens "constructor" is not one of the site's lenses (corporate, government, activist, tech, community): its label is shown on the pattern page only, with no lens page or listing [lens]
      prototype-keys/prototype-links.md:7:9: warning: title: near-duplicate of prototype-keys/constructor.md (similarity 0.91): merge them, or make each one's title and text say how they differ [near-duplicate]"
    `);
    expect(patterns.map(({ slug }) => slug).sort()).toEqual(['constructor', 'prototype-links']);
  });

  it('shows the undeclared constructor lens as a label only: no lens page, no listing', () => {
    const library = buildLibraryModel(patterns);
    expect(library.lenses.map(({ key }) => key)).toEqual([
      'corporate',
      'government',
      'activist',
      'tech',
    ]);
    const constructor = library.patterns.find(({ slug }) => slug === 'constructor');
    expect(constructor?.lenses.map(({ key }) => key)).not.toContain('constructor');
    expect(constructor?.otherLabels).toEqual([
      { key: 'constructor', name: 'Constructor', label: 'Constructor under the constructor lens' },
    ]);
    expect(v71Page(buildPatternPage(library, 'constructor')).lensGuidance.has('constructor')).toBe(
      false,
    );
  });

  it('builds pages with no function or "[object Object]" in them, and listings of strings', () => {
    for (const lenses of [SITE.lenses, [...SITE.lenses, CONSTRUCTOR_LENS]]) {
      const library = buildLibraryModel(patterns, lenses);
      const text = [
        ...strings(library.patterns),
        ...library.patterns.flatMap(({ slug }) => strings(buildPatternPage(library, slug))),
        ...strings(patternsUnderLens(library, 'constructor')),
        ...strings(patternsUnderLens(library, 'tech')),
      ];
      for (const value of text) expect(value).not.toMatch(/\[object |\[native code\]/);
    }
  });

  it('counts constructor as a domain, cross-domain and commons domain of both patterns', () => {
    const library = buildLibraryModel(patterns);
    const facet = (key: string) =>
      library.facets.find((f) => f.key === key)?.values.map((v) => [v.value, v.label, v.count]);
    for (const key of ['domain', 'cross_domains', 'commons_domain']) {
      expect(facet(key)).toEqual([['constructor', 'Constructor', 2]]);
    }
  });

  it('links both ways to the pattern named constructor', () => {
    const library = buildLibraryModel(patterns);
    expect(library.wanted).toEqual([]);
    const links = buildPatternPage(library, 'prototype-links').relationships;
    expect(links.map(({ label, links }) => [label, links.map((l) => [l.slug, l.title])])).toEqual([
      ['Requires', [['constructor', 'Constructor']]],
      ['Complementary', [['constructor', 'Constructor']]],
    ]);
    expect(
      buildPatternPage(library, 'constructor').backlinks.map(({ label, links }) => [
        label,
        links.map(({ slug }) => slug),
      ]),
    ).toEqual([
      ['Required by', ['prototype-links']],
      ['Complemented by', ['prototype-links']],
    ]);
  });

  it('lists constructor as a wanted pattern when no file has that slug', () => {
    const library = buildLibraryModel(patterns.filter(({ slug }) => slug !== 'constructor'));
    expect(library.wanted).toEqual([
      {
        slug: 'constructor',
        title: 'Constructor',
        referencedBy: [
          { slug: 'prototype-links', title: 'Prototype Links', type: 'requires' },
          { slug: 'prototype-links', title: 'Prototype Links', type: 'complementary' },
        ],
      },
    ]);
    expect(library.backlinks.get('toString')).toBeUndefined();
  });

  it('keeps graph-garden entities and communities with prototype ids as written', () => {
    const garden = v71Page(buildPatternPage(buildLibraryModel(patterns), 'constructor')).garden;
    const ids = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];
    expect(garden.entities.map(({ id }) => id)).toEqual(ids);
    expect(garden.communities.map(({ id }) => id)).toEqual(ids);
    expect(garden.inferredLinks.map(({ slug, type, exists }) => [slug, type, exists])).toEqual([
      ['prototype-links', 'constructor', true],
    ]);
  });

  it('links only to pages that exist, the constructor lens undeclared or declared', () => {
    for (const lenses of [SITE.lenses, [...SITE.lenses, CONSTRUCTOR_LENS]]) {
      const library = buildLibraryModel(patterns, lenses);
      const pages = pagesOf(library);
      const links = linksOf(library);
      expect(links.length).toBeGreaterThan(20);
      expect(links.filter((link) => !pages.has(link))).toEqual([]);
    }
  });
});

describe('the constructor lens declared by the site (a custom lens list)', () => {
  let library: LibraryModel;
  beforeAll(() => {
    library = buildLibraryModel(patterns, [...SITE.lenses, CONSTRUCTOR_LENS]);
  });

  it('gets a listing and a page for the pattern that has it, and only that one', () => {
    expect(library.lenses.map(({ key }) => key)).toContain('constructor');
    expect(
      library.patterns.map(({ slug, lenses }) => [
        slug,
        lenses.some((l) => l.key === 'constructor'),
      ]),
    ).toEqual([
      ['constructor', true],
      ['prototype-links', false],
    ]);
    expect(
      patternsUnderLens(library, 'constructor').map(({ pattern, label, hasLens }) => [
        pattern.slug,
        label,
        hasLens,
      ]),
    ).toEqual([
      ['constructor', 'Constructor under the constructor lens', true],
      ['prototype-links', 'Prototype Links', false],
    ]);
  });

  it('gives the constructor lens its own guidance only where a pattern writes it', () => {
    const own = v71Page(buildPatternPage(library, 'constructor')).lensGuidance;
    expect(own.get('constructor')).toBe(
      '<p><strong>In constructor contexts:</strong> Build the commons from its parts.</p>',
    );
    expect(
      v71Page(buildPatternPage(library, 'prototype-links')).lensGuidance.has('constructor'),
    ).toBe(false);
  });

  it('links under the lens to the same-lens page only when the target has the lens', () => {
    const href = patternHref(library, urls, 'constructor');
    expect(href('constructor', true)).toBe('/patterns/constructor/constructor/');
    expect(href('prototype-links', true)).toBe('/patterns/prototype-links/');
  });
});

describe('prototype names in other places of a file', () => {
  const MINIMAL = readFileSync(`${FIXTURES}valid/minimal-pattern.md`, 'utf8');
  const check = (text: string): string =>
    render(readPatternFile(`${FIXTURES}minimal-pattern.md`, Buffer.from(text)).diagnostics);

  it('reads them as unknown fields, with nothing set on any prototype', () => {
    const text = MINIMAL.replace(
      '---\n',
      '---\n__proto__: { polluted: 1 }\nconstructor: 1\ntoString: x\n',
    ).replace('lifecycle:\n', 'lifecycle:\n  hasOwnProperty: 3\n');
    expect(check(text)).toMatchInlineSnapshot(`
      "minimal-pattern.md:2:1: warning: __proto__: unknown field "__proto__" (not in the v7.1 format; ignored) [unknown-field]
      minimal-pattern.md:3:1: warning: constructor: unknown field "constructor" (not in the v7.1 format; ignored) [unknown-field]
      minimal-pattern.md:4:1: warning: toString: unknown field "toString" (not in the v7.1 format; ignored) [unknown-field]
      minimal-pattern.md:36:3: warning: lifecycle.hasOwnProperty: unknown field "hasOwnProperty" (not in the v7.1 format; ignored) [unknown-field]"
    `);
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
  });

  it('reads a stage named constructor as a value, not as a synonym to look up', () => {
    const text = MINIMAL.replace(/usage_stage: \w+/, 'usage_stage: constructor');
    expect(check(text)).toMatchInlineSnapshot(
      `"minimal-pattern.md:33:16: error: lifecycle.usage_stage: not an allowed value (expected one of recognition, design, application, operation, got "constructor") [schema]"`,
    );
  });
});
