/**
 * Library stage (both formats): the checks that need every pattern at once — duplicate
 * slugs and ids, and relationship targets that have no file yet ("wanted"
 * patterns). They work on a small {@link LibraryEntry} per pattern (plain
 * data, so worker threads can send it), in one pass over the library.
 */
import { basename } from 'node:path';
import { RELATIONSHIP_TYPES } from '../../schema/relationships.ts';
import type { Diagnostic } from './diagnostics.ts';
import type { PatternFormat } from './format.ts';
import type { PatternFile } from './pattern-file.ts';
import { formatPath, type Position } from './positions.ts';

interface Located {
  readonly value: string;
  readonly path: string;
  readonly at: Position;
}

/** What the library-wide checks need to know of one valid pattern. */
export interface LibraryEntry {
  readonly file: string;
  readonly format: PatternFormat;
  readonly slug: Located;
  readonly id: Located;
  /** Every curated relationship target: a slug, or (older format) a pattern id. */
  readonly links: readonly Located[];
}

/** Projects a parsed pattern of either format onto what the library checks need. */
export function toLibraryEntry(pattern: PatternFile): LibraryEntry {
  const { frontmatter, locate } = pattern;
  const located = (value: string, path: (string | number)[]): Located => ({
    value,
    path: formatPath(path),
    at: locate(path, 'value'),
  });
  return {
    file: pattern.file,
    format: pattern.format,
    slug: located(frontmatter.slug, ['slug']),
    id: located(frontmatter.id, ['id']),
    links:
      pattern.format === 'older'
        ? RELATIONSHIP_TYPES.flatMap((type) =>
            pattern.model.relationships[type].map(({ target, list, index }) =>
              located(target, [list, index]),
            ),
          )
        : RELATIONSHIP_TYPES.flatMap((type) =>
            pattern.frontmatter.relationships[type].map((relation, index) =>
              located(relation.slug, ['relationships', type, index, 'slug']),
            ),
          ),
  };
}

const diagnostic = (
  file: string,
  where: Located,
  severity: Diagnostic['severity'],
  message: string,
): Diagnostic => ({ file, ...where.at, severity, path: where.path, message });

/**
 * Errors for every slug or id used by more than one file, naming the other files. An id shared
 * only by older-format files (some carry `pat_placeholder`) is a warning: their pages are
 * addressed by slug, and only links written as that id cannot be followed.
 */
function duplicates(entries: readonly LibraryEntry[], field: 'slug' | 'id'): Diagnostic[] {
  const owners = new Map<string, LibraryEntry[]>();
  for (const entry of entries) {
    const group = owners.get(entry[field].value);
    if (group) group.push(entry);
    else owners.set(entry[field].value, [entry]);
  }
  return [...owners.values()].flatMap((group) =>
    group.length < 2
      ? []
      : group.map((entry) =>
          diagnostic(
            entry.file,
            entry[field],
            field === 'id' && group.every((other) => other.format === 'older')
              ? 'warning'
              : 'error',
            `duplicate ${field} "${entry[field].value}", also used by ${group
              .filter((other) => other !== entry)
              .map((other) => other.file)
              .join(', ')}`,
          ),
        ),
  );
}

/** Warnings for every curated relationship whose target has no pattern file. */
function wanted(entries: readonly LibraryEntry[], existing: ReadonlySet<string>): Diagnostic[] {
  return entries.flatMap((entry) =>
    entry.links
      .filter((link) => !existing.has(link.value))
      .map((link) =>
        diagnostic(
          entry.file,
          link,
          'warning',
          `"${link.value}" has no pattern file yet (a wanted pattern)`,
        ),
      ),
  );
}

/**
 * Library-wide diagnostics. `files` lists every file of the library (valid or
 * not), so a target whose file exists but is invalid is not called wanted; a
 * target written as an id exists when a valid pattern has that id.
 */
export function checkLibrary(
  entries: readonly LibraryEntry[],
  files: readonly string[],
): Diagnostic[] {
  const existing = new Set([
    ...files.map((file) => basename(file, '.md')),
    ...entries.map((entry) => entry.id.value),
  ]);
  return [
    ...duplicates(entries, 'slug'),
    ...duplicates(entries, 'id'),
    ...wanted(entries, existing),
  ];
}
