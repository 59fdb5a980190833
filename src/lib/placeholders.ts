/**
 * Placeholders: text a tool writes where only a person can supply the value (`npm run migrate`
 * today; meant to be shared with `npm run new`'s draft). One marker, one recogniser: the check
 * reports every placeholder left in a file as an error naming its field and what to write.
 */
import type { FieldPath } from './positions.ts';

/** How every placeholder begins. */
export const PLACEHOLDER_MARK = 'FILL IN: ';

/** A placeholder asking for `what` (`the title of the pattern for public service`). */
export const placeholder = (what: string): string => `${PLACEHOLDER_MARK}${what}`;

/** Whether a value is a placeholder. */
export const isPlaceholder = (value: unknown): value is string =>
  typeof value === 'string' && value.startsWith(PLACEHOLDER_MARK);

/** A placeholder found in raw front matter: where, and what it asks for. */
export interface FoundPlaceholder {
  readonly path: FieldPath;
  readonly what: string;
}

/** Every placeholder in a raw YAML value, depth first, in document order. */
export function findPlaceholders(value: unknown, path: FieldPath = []): FoundPlaceholder[] {
  if (isPlaceholder(value)) return [{ path, what: value.slice(PLACEHOLDER_MARK.length) }];
  if (Array.isArray(value)) {
    return value.flatMap((item: unknown, index) => findPlaceholders(item, [...path, index]));
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => findPlaceholders(item, [...path, key]));
  }
  return [];
}

/** The check's message for a placeholder left in a file. */
export const placeholderMessage = (what: string): string => `placeholder left to fill in: ${what}`;
