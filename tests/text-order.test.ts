import { describe, expect, it } from 'vitest';
import { browseOrder, compareText } from '../src/lib/text-order.ts';

/** A browse item: title, slug and score (-1: none, as an older-format pattern). */
interface Item {
  readonly title: string;
  readonly slug: string;
  readonly score: number;
}
const item = (title: string, score = -1, slug = title.toLowerCase()): Item => ({
  title,
  slug,
  score,
});
const order = (items: readonly Item[], sort: string): string[] =>
  [...items]
    .sort(
      browseOrder(
        sort,
        (i) => i.score,
        (i) => i,
      ),
    )
    .map(({ title, slug }) => `${title} (${slug})`);

describe('the site’s text order', () => {
  it('orders numbers by value, ignoring case and accents, as the real library’s titles need', () => {
    // Plain code-unit or locale order puts "360" before "5S"; readers expect 5 < 83 < 360.
    const titles = ['360-Degree Feedback', '83(b) Election', '5S Methodology', 'éthique', 'Ethos'];
    expect([...titles].sort(compareText)).toEqual([
      '5S Methodology',
      '83(b) Election',
      '360-Degree Feedback',
      'éthique',
      'Ethos',
    ]);
    expect(compareText('Commons', 'commons')).not.toBe(0);
  });

  it('browses by title, then slug; or by a value, highest first and none last, then by title', () => {
    const items = [
      item('360-Degree Feedback', 3.5),
      item('5S Methodology'),
      item('Commons', 4, 'commons-b'),
      item('Commons', 3.5, 'commons-a'),
    ];
    expect(order(items, 'title')).toEqual([
      '5S Methodology (5s methodology)',
      '360-Degree Feedback (360-degree feedback)',
      'Commons (commons-a)',
      'Commons (commons-b)',
    ]);
    expect(order(items, 'score')).toEqual([
      'Commons (commons-b)',
      '360-Degree Feedback (360-degree feedback)',
      'Commons (commons-a)',
      '5S Methodology (5s methodology)',
    ]);
  });
});
