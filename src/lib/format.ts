/**
 * The pattern formats the reader recognises, and the one place a file's format is decided.
 * Every stage that must know the format (validation, the library checks, the check CLI,
 * `npm run migrate`) asks {@link detectFormat}.
 */

/** `v7.1`: the reference format. `older`: `classification:` and no `ontology:`. */
export type PatternFormat = 'v7.1' | 'older';

/** The format of raw (unvalidated) frontmatter. */
export function detectFormat(data: Readonly<Record<string, unknown>>): PatternFormat {
  return 'classification' in data && !('ontology' in data) ? 'older' : 'v7.1';
}

/** The warning every older-format file of the library gets. */
export const olderFormatWarning = (file: string): string =>
  `older format: shown as written; \`npm run migrate -- ${file}\` converts its frontmatter`;

/** The error an older-format file gets when a pull request adds it. */
export const newOlderFormatError = (file: string): string =>
  `a new pattern must be in the v7.1 format; \`npm run migrate -- ${file}\` converts its frontmatter`;
