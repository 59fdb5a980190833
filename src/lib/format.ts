/**
 * The pattern formats the reader recognises, and the one place a file's format is decided.
 * Every stage that must know the format (validation, the library checks, the check CLI,
 * `npm run migrate`) asks {@link detectFormat}.
 */
import type { Diagnostic } from './diagnostics.ts';

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

/** Files per format, v7.1 first: `{ 'v7.1': 2061, older: 1553 }`. */
export function countFormats(
  files: readonly string[],
  formats: ReadonlyMap<string, PatternFormat>,
): Record<PatternFormat, number> {
  const counts: Record<PatternFormat, number> = { 'v7.1': 0, older: 0 };
  for (const file of files) {
    const format = formats.get(file);
    if (format) counts[format] += 1;
  }
  return counts;
}

/**
 * An error for every older-format file among `added` (the files a pull request adds), in place
 * of its older-format warning: new patterns are written in v7.1.
 */
export function refuseNewOlderFiles(
  diagnostics: readonly Diagnostic[],
  formats: ReadonlyMap<string, PatternFormat>,
  added: ReadonlySet<string>,
): Diagnostic[] {
  return diagnostics.map((d) =>
    added.has(d.file) && formats.get(d.file) === 'older' && d.message === olderFormatWarning(d.file)
      ? { ...d, severity: 'error', message: newOlderFormatError(d.file) }
      : d,
  );
}
