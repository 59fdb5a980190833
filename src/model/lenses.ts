/** What each core lens is for (extra lenses get a generic line). */
import type { LibraryModel } from './types.ts';

const BLURBS: Readonly<Record<string, string>> = {
  corporate: 'For organisations and companies.',
  government: 'For public service.',
  activist: 'For movements and activists.',
  tech: 'For products and platforms.',
};

export const lensBlurb = (key: string): string =>
  BLURBS[key] ?? 'An extra lens some patterns speak to.';

/** How many patterns have a context label for each lens. */
export function lensCounts(library: LibraryModel): ReadonlyMap<string, number> {
  const counts = new Map<string, number>();
  for (const pattern of library.patterns) {
    for (const lens of pattern.lenses) counts.set(lens.key, (counts.get(lens.key) ?? 0) + 1);
  }
  return counts;
}
