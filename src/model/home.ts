/**
 * What the home page lists, computed from the library model: the domains with their counts,
 * the patterns changed last (the best-connected come from src/model/graph.ts). Pure.
 */
import { byTitle, compareText } from '../lib/text-order.ts';
import type { PatternSummary } from './types.ts';

/** How many patterns each home-page list shows. */
export const HOME_LIST_SIZE = 6;

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
