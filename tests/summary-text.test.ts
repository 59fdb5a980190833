import { describe, expect, it } from 'vitest';
import { SUMMARY_LENGTH, summaryText } from '../src/lib/summary-text.ts';

const sentence = (words: number, end = '.'): string =>
  `${Array.from({ length: words }, (_, i) => `word${String(i)}`).join(' ')}${end}`;

describe('the summary lists and descriptions show', () => {
  it('is a short summary as written, its white space made single', () => {
    expect(summaryText('  Pools resources\nacross   organisations. ')).toBe(
      'Pools resources across organisations.',
    );
  });

  it('is plain text: emphasis, code, links and character references read, not shown', () => {
    expect(
      summaryText('The **Backpressure** _pattern_ uses `queues`, [links](other.md) &amp; more.'),
    ).toBe('The Backpressure pattern uses queues, links & more.');
  });

  it('ends after its last sentence that ends in the second half of the shown length', () => {
    const first = sentence(20);
    const text = summaryText(`${first} ${sentence(40)}`);
    expect(text).toBe(first);
    expect(first.length).toBeGreaterThan(SUMMARY_LENGTH / 2);
  });

  it('ends after a word, with an ellipsis, when no sentence ends late enough', () => {
    const text = summaryText(`Short. ${sentence(80)}`);
    expect(text.length).toBeLessThanOrEqual(SUMMARY_LENGTH + 1);
    expect(text).toMatch(/ word\d+…$/);
    expect(`Short. ${sentence(80)}`.startsWith(text.slice(0, -1))).toBe(true);
  });
});
