/**
 * What the home page lists, computed from the library model: the largest domains, the patterns
 * changed last (the best-connected come from src/model/graph.ts). Pure.
 */
import { byTitle, compareText } from '../lib/text-order.ts';
import { cap, type Capped } from './capped.ts';
import type { PatternSummary } from './types.ts';

/** How many patterns each home-page list shows. */
export const HOME_LIST_SIZE = 6;

/**
 * How many domains the home page shows as cards: the real library has 81, which on a phone were
 * 6,500 px of cards before anything else; the rest are on the domains page, one link away.
 */
export const HOME_DOMAINS = 12;

/** The first `size` domains (a facet's values come most patterns first) and how many are left. */
export const homeDomains = <T>(values: readonly T[], size = HOME_DOMAINS): Capped<T> =>
  cap(values, size);

/** Patterns by when they last changed, latest first (ties: title); `updated` gives ISO 8601 dates. */
export function recentlyChanged(
  patterns: readonly PatternSummary[],
  updated: (slug: string) => string,
  size = HOME_LIST_SIZE,
): readonly { pattern: PatternSummary; updated: string }[] {
  return patterns
    .map((pattern) => ({ pattern, updated: updated(pattern.slug) }))
    .sort((a, b) => compareText(b.updated, a.updated) || byTitle(a.pattern, b.pattern))
    .slice(0, size);
}
