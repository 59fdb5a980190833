/** Long lists cut for a page: the health page's work lists, the home page's domains. Pure. */

/** A list cut to its first items, with how many it had and how many were left out. */
export interface Capped<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly more: number;
}

/** The first `limit` items of `list`, and the count of the rest. */
export const cap = <T>(list: readonly T[], limit: number): Capped<T> => ({
  items: list.slice(0, limit),
  total: list.length,
  more: Math.max(0, list.length - limit),
});
