import { describe, expect, it } from 'vitest';
import { closestTitles } from '../src/lib/closest-titles.ts';
import { excerpt } from '../src/lib/excerpt.ts';

describe('excerpts of search results', () => {
  const content = Array.from({ length: 40 }, (_, i) => `w${String(i)}`).join(' ');

  it('shows the words around the first match, matched words marked, as text', () => {
    expect(excerpt(content, [20, 21, 24], 8)).toEqual([
      { text: '… w14 w15 w16 w17 w18 w19 ', marked: false },
      { text: 'w20', marked: true },
      { text: ' ', marked: false },
      { text: 'w21', marked: true },
      { text: ' …', marked: false },
    ]);
  });

  it('starts at the beginning when the match is near it, and decodes character references', () => {
    expect(excerpt('Tom &amp; <b> Jerry', [2], 5)).toEqual([
      { text: 'Tom & ', marked: false },
      { text: '<b>', marked: true },
      { text: ' Jerry', marked: false },
    ]);
  });
});

describe('the closest titles to a query that found nothing', () => {
  const titles: [string, string][] = [
    ['commons', 'Commons-Based Peer Production'],
    ['stewardship', 'Stewardship Covenant'],
    ['trust', 'Trust Networks'],
  ];

  it('offers titles a misspelt word is near to, nearest first', () => {
    expect(closestTitles('comons pear', titles)).toEqual([titles[0]]);
    expect(closestTitles('stewardshp', titles)).toEqual([titles[1]]);
  });

  it('offers nothing for words near no title', () => {
    expect(closestTitles('xylophone', titles)).toEqual([]);
    expect(closestTitles('  ', titles)).toEqual([]);
  });
});
