/**
 * The pattern formats the reader recognises, and the one place a file's format is decided.
 * Every stage that must know the format (validation, the library checks, the check CLI,
 * `npm run migrate`) asks {@link detectFormat}.
 */
import { inHandWrittenGroup } from '../../schema/incomplete.ts';
import type { Diagnostic } from './diagnostics.ts';

/**
 * `v7.1`: the reference format. `incomplete`: v7.1 but for missing or partly invalid hand-written
 * groups (schema/incomplete.ts), shown as written. `older`: `classification:` and no `ontology:`.
 * The format of a file is detected ({@link detectFormat}); `incomplete` is decided by validation.
 */
export type PatternFormat = 'v7.1' | 'incomplete' | 'older';

/** The formats in the order counts list them. */
export const PATTERN_FORMATS: readonly PatternFormat[] = ['v7.1', 'incomplete', 'older'];

/** The format of raw (unvalidated) frontmatter. */
export function detectFormat(data: Readonly<Record<string, unknown>>): 'v7.1' | 'older' {
  return 'classification' in data && !('ontology' in data) ? 'older' : 'v7.1';
}

/** The warning every older-format file of the library gets. */
export const olderFormatWarning = (file: string): string =>
  `older format: shown as written; \`npm run migrate -- ${file}\` converts its frontmatter`;

/** The warning an incomplete v7.1 file gets, naming the groups to complete. */
export const incompleteWarning = (groups: readonly string[]): string =>
  `incomplete: required fields missing in ${groups.join(', ')}; shown as written, without lens pages or assessment, until completed (a new pattern must be complete)`;

/** The error an older-format file gets when a pull request adds it. */
export const newOlderFormatError = (file: string): string =>
  `a new pattern must be in the v7.1 format; \`npm run migrate -- ${file}\` converts its frontmatter`;

/** Files per format, in {@link PATTERN_FORMATS} order: `{ 'v7.1': 2054, incomplete: 18, older: 1542 }`. */
export function countFormats(
  files: readonly string[],
  formats: ReadonlyMap<string, PatternFormat>,
): Record<PatternFormat, number> {
  const counts: Record<PatternFormat, number> = { 'v7.1': 0, incomplete: 0, older: 0 };
  for (const file of files) {
    const format = formats.get(file);
    if (format) counts[format] += 1;
  }
  return counts;
}

/**
 * New patterns must be complete v7.1: for every file among `added` (the files a pull request
 * adds), an older-format file's warning becomes an error, and so does every warning an
 * incomplete file has in its hand-written groups.
 */
export function refuseIncompleteNewFiles(
  diagnostics: readonly Diagnostic[],
  formats: ReadonlyMap<string, PatternFormat>,
  added: ReadonlySet<string>,
): Diagnostic[] {
  return diagnostics.map((d) => {
    if (!added.has(d.file) || d.severity === 'error') return d;
    const format = formats.get(d.file);
    if (format === 'older' && d.rule === 'older-format') {
      return { ...d, severity: 'error', message: newOlderFormatError(d.file) };
    }
    return format === 'incomplete' && inHandWrittenGroup(d.path) ? { ...d, severity: 'error' } : d;
  });
}
