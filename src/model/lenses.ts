/**
 * Lenses: which of a pattern's context labels get pages (the lenses the site declares, in
 * src/config/site.ts) and which are shown as labels only. Lens keys come from files, so labels
 * are read through a Map and `Object.hasOwn`, never as plain-object lookups.
 */
import { SITE } from '../config/site.ts';
import { titleFromSlug } from './labels.ts';
import { compareText } from '../lib/text-order.ts';
import type { ContextLabel, Lens, LibraryModel } from './types.ts';

/** A pattern's context labels by lens key: the site's lenses in their order, then the rest A–Z. */
export function contextLabelMap(
  contextLabels: Readonly<Record<string, string>>,
  declared: readonly Lens[] = SITE.lenses,
): ReadonlyMap<string, string> {
  const rank = new Map(declared.map(({ key }, index) => [key, index]));
  const last = declared.length;
  return new Map(
    Object.entries(contextLabels).sort(
      ([a], [b]) => (rank.get(a) ?? last) - (rank.get(b) ?? last) || compareText(a, b),
    ),
  );
}

/** The declared lenses a pattern has a label for (each gets a page), in declared order. */
export const declaredLensesOf = (
  labels: ReadonlyMap<string, string>,
  declared: readonly Lens[] = SITE.lenses,
): Lens[] => declared.filter(({ key }) => labels.has(key));

/** A pattern's labels under lenses the site does not declare, A–Z: shown, never paged. */
export function otherLabelsOf(
  labels: ReadonlyMap<string, string>,
  declared: readonly Lens[] = SITE.lenses,
): ContextLabel[] {
  const keys = new Set(declared.map(({ key }) => key));
  return [...labels]
    .filter(([key]) => !keys.has(key))
    .map(([key, label]) => ({ key, name: titleFromSlug(key), label }));
}

/** How many patterns have a context label for each declared lens. */
export function lensCounts(library: LibraryModel): ReadonlyMap<string, number> {
  const counts = new Map<string, number>();
  for (const pattern of library.patterns) {
    for (const lens of pattern.lenses) counts.set(lens.key, (counts.get(lens.key) ?? 0) + 1);
  }
  return counts;
}
