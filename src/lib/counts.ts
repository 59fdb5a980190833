/**
 * Counts as the site writes them, on its pages and in its scripts: digits grouped in threes
 * ("3,614 patterns"), the same on every machine and in every browser. No imports, so the
 * browser scripts load nothing else with it.
 */

/** A number with its digits grouped: 3614 → "3,614". */
export const formatCount = (count: number): string => count.toLocaleString('en');

/** A count with its noun, singular for one: "1 pattern", "3,614 patterns". */
export const counted = (count: number, noun: string): string =>
  `${formatCount(count)} ${noun}${count === 1 ? '' : 's'}`;
