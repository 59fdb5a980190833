/**
 * What the home page lists, computed from the library model: the domains with their counts,
 * the patterns changed last and the best-connected patterns. Pure.
 */
import { byTitle, compareText } from './labels.ts';
import type { LibraryModel, PatternSummary } from './types.ts';

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

/**
 * Patterns with the most curated links between existing patterns, in either direction (each
 * neighbour once), most first (ties: title).
 */
export function mostConnected(
  library: Pick<LibraryModel, 'graph' | 'patterns'>,
  size = HOME_LIST_SIZE,
): readonly { pattern: PatternSummary; links: number }[] {
  const neighbours = new Map<string, Set<string>>();
  const add = (from: string, to: string): void => {
    const set = neighbours.get(from) ?? new Set<string>();
    set.add(to);
    neighbours.set(from, set);
  };
  for (const { from, to } of library.graph.edges) {
    add(from, to);
    add(to, from);
  }
  return library.patterns
    .map((pattern) => ({ pattern, links: neighbours.get(pattern.slug)?.size ?? 0 }))
    .filter(({ links }) => links > 0)
    .sort((a, b) => b.links - a.links || byTitle(a.pattern, b.pattern))
    .slice(0, size);
}
