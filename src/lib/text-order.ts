/**
 * The site's text order, one for its pages and its scripts: the browse page's script re-sorts
 * the list the build sorted, and must put it in the same order. No imports, so the browser
 * scripts load nothing else with it.
 */

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** The site's text order: case- and accent-insensitive, numbers by value, then code points. */
export function compareText(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Order of pattern lists: by title, then slug. */
export function byTitle(
  a: { readonly title: string; readonly slug: string },
  b: { readonly title: string; readonly slug: string },
): number {
  return compareText(a.title, b.title) || compareText(a.slug, b.slug);
}

/**
 * A browse order's comparison: by title, or by a value (score, vitality; -1 for none) highest
 * first and then by title. The build sorts the browse pages with it and the browse script
 * re-sorts the list in place with it, so the two orders are one.
 */
export function browseOrder<T>(
  sort: string,
  value: (item: T) => number,
  titleOf: (item: T) => { readonly title: string; readonly slug: string },
): (a: T, b: T) => number {
  return (a, b) => (sort === 'title' ? 0 : value(b) - value(a)) || byTitle(titleOf(a), titleOf(b));
}
