/** What each configured lens is for (src/config/site.ts; other lenses get a generic line). */
import { SITE } from '../config/site.ts';
import type { LibraryModel } from './types.ts';

export const lensBlurb = (key: string): string =>
  SITE.lenses.find((lens) => lens.key === key)?.description ??
  'An extra lens some patterns speak to.';

/** How many patterns have a context label for each lens. */
export function lensCounts(library: LibraryModel): ReadonlyMap<string, number> {
  const counts = new Map<string, number>();
  for (const pattern of library.patterns) {
    for (const lens of pattern.lenses) counts.set(lens.key, (counts.get(lens.key) ?? 0) + 1);
  }
  return counts;
}
