import { dirname } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSite, type SitePattern } from '../src/model/load-site.ts';
import { htmlText } from '../src/lib/html-text.ts';
import { distinctWords, lead, searchDocument } from '../src/model/search-document.ts';
import { SEED, v71Stored } from './helpers/fixtures.ts';

/** The text Pagefind indexes: every element's text, hidden or not, but no attribute values. */
const indexedText = (html: string): string =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('the search record of a pattern', () => {
  let seed: SitePattern;
  let record: string;
  beforeAll(async () => {
    const site = await loadSite(dirname(SEED));
    const found = site.patterns.find((p) => p.stored.slug === 'commons-based-peer-production');
    if (!found) throw new Error('the seed did not load');
    seed = found;
    record = searchDocument(seed.stored, seed.rendered);
  });

  it('gives the filters as attributes, so their values are not indexed as words', () => {
    expect(record).toContain('<span data-pagefind-filter="domain:collective-intelligence"></span>');
    expect(record).toContain('<span data-pagefind-filter="lens:government"></span>');
    expect(record).toContain('<span data-pagefind-meta="score:3.6"></span>');
    expect(indexedText(record)).not.toMatch(/\b(?:collective-intelligence|draft|growth)\b/);
  });

  it('indexes the summary once, as the metadata results show', () => {
    const summary = v71Stored(seed.stored)
      .frontmatter.summary.trim()
      .split(/\s+/)
      .slice(0, 6)
      .join(' ');
    expect(indexedText(record).split(summary)).toHaveLength(2);
    expect(record).toContain('<p data-pagefind-meta="summary">Organising contribution');
  });

  it('weights names above the text and adds no section titles', () => {
    expect(record).toContain(
      '<p data-pagefind-weight="5"><span data-pagefind-meta="label-corporate">Commons-Based Peer Production for Organizations</span> · ',
    );
    expect(record).toContain('<p data-pagefind-weight="3">commons based · peer · production');
    expect(record).not.toMatch(/<h2/);
    expect(indexedText(record)).toContain('The core conflict is Commons vs. Production.');
    expect(indexedText(record)).toContain('Therefore, design contribution architecture');
  });

  it('indexes every other word of the sections once, after the openings', () => {
    const text = indexedText(record);
    // "Elinor Ostrom" occurs only in Known Uses; "Ostrom" three times there.
    expect(text.match(/\bOstrom\b(?![&'])/g)).toHaveLength(1);
    expect(text).toContain('Elinor Ostrom');
    expect(text).toContain('Linus Torvalds');
    const bag =
      htmlText(record.slice(record.lastIndexOf('<p>')))
        .toLowerCase()
        .match(/[\p{L}\p{N}]+(?:[\p{Pd}'’.][\p{L}\p{N}]+)*/gu) ?? [];
    expect(bag[0]).toBe('collective');
    expect(new Set(bag).size).toBe(bag.length);
    expect(bag).not.toContain('commons');
  });

  it('reads the words of sanitized HTML, decoding character references', () => {
    expect(htmlText('<p>a &amp; b&#39;s <em>c</em>&#x41;</p>')).toBe(" a & b's  c A ");
    expect(distinctWords(['Peer peer, co-op; PEER it’s'], new Set(['it’s']))).toEqual([
      'Peer',
      'co-op',
    ]);
  });

  it('finds the same distinct words as the regular expression that defines a word', () => {
    const word = /[\p{L}\p{N}]+(?:[\p{Pd}'’.][\p{L}\p{N}]+)*/gu;
    const byExpression = (texts: readonly string[], known: ReadonlySet<string>): string[] => {
      const seen = new Set(known);
      return texts.flatMap((text) =>
        [...text.matchAll(word)].flatMap(([found]) => {
          const key = found.toLowerCase();
          if (seen.has(key)) return [];
          seen.add(key);
          return [found];
        }),
      );
    };
    // ASCII, Latin, Turkish dotted I, sharp s, Arabic-Indic digit, CJK, an astral letter (𝐀)
    // and an astral emoji, every inner mark and some separators.
    const piece = fc.constantFrom(
      ...['a', 'Z', '9', 'é', 'É', 'İ', 'ß', '٣', '中', '𝐀', '😀', 'co', 'Op', 'CO'],
      ...['-', '–', '—', "'", '’', '.', ' ', ',', '_', '\u00a0', '\n', '\ud800'],
    );
    const text = fc.array(piece, { maxLength: 16 }).map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(
        fc.array(text, { maxLength: 3 }),
        fc.array(text, { maxLength: 2 }),
        (texts, known) => {
          const keys = new Set(known.map((k) => k.toLowerCase()));
          expect(distinctWords(texts, keys)).toEqual(byExpression(texts, keys));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('takes a section’s first paragraph whole, out of a block quote', () => {
    expect(
      lead('<blockquote>\n<p><strong>Therefore</strong>, x.</p>\n</blockquote>\n<p>y</p>'),
    ).toBe('<p><strong>Therefore</strong>, x.</p>');
    expect(lead('<ul><li>no paragraph</li></ul>')).toBe('');
  });
});
