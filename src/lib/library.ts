/**
 * Library stage (both formats): the checks that need every pattern at once — duplicate
 * slugs and ids, relationship targets that have no file yet ("wanted"
 * patterns), and near-duplicate texts. They work on a small {@link LibraryEntry} per pattern (plain
 * data, so worker threads can send it), in one pass over the library.
 */
import { basename } from 'node:path';
import { RELATIONSHIP_TYPES } from '../../schema/relationships.ts';
import type { Diagnostic } from './diagnostics.ts';
import type { PatternFormat } from './format.ts';
import type { PatternFile } from './pattern-file.ts';
import { patternText } from './pattern-text.ts';
import { formatPath, type Position } from './positions.ts';
import {
  duplicateClusters,
  duplicatePairs,
  similarPatterns,
  termDocument,
  type DuplicatePair,
  type Neighbour,
  type TermDocument,
} from './similarity.ts';

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
  readonly title: Located;
  /** The pattern's words, keyed by its file (for near-duplicates). */
  readonly text: TermDocument;
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
    title: located(frontmatter.title, ['title']),
    text: termDocument(patternText(pattern), pattern.file),
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

/** Near-duplicate patterns of a library: the pairs (by file) and their clusters. */
export interface NearDuplicates {
  /** Each file's most similar other files (src/lib/similarity.ts). */
  readonly neighbours: ReadonlyMap<string, readonly Neighbour[]>;
  readonly pairs: readonly DuplicatePair[];
  /** Files joined by near-duplicate pairs, largest group first. */
  readonly clusters: readonly (readonly string[])[];
}

/** Finds the near-duplicate patterns of a library (src/lib/similarity.ts). */
export function nearDuplicates(entries: readonly LibraryEntry[]): NearDuplicates {
  const documents = entries.map((entry) => entry.text);
  const neighbours = similarPatterns(documents);
  const pairs = duplicatePairs(documents, neighbours);
  return { neighbours, pairs, clusters: duplicateClusters(pairs) };
}

/** A warning on each file of a near-duplicate pair, naming the other and their similarity. */
function duplicateWarnings(
  entries: readonly LibraryEntry[],
  { pairs }: NearDuplicates,
): Diagnostic[] {
  const byFile = new Map(entries.map((entry) => [entry.file, entry]));
  return pairs.flatMap(({ a, b, score }) =>
    [
      [a, b],
      [b, a],
    ].flatMap(([file = '', other = '']) => {
      const entry = byFile.get(file);
      return entry
        ? [
            diagnostic(
              file,
              entry.title,
              'warning',
              `near-duplicate of ${other} (similarity ${score.toFixed(2)}): merge them, or make each one's title and text say how they differ`,
            ),
          ]
        : [];
    }),
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
  near: NearDuplicates = nearDuplicates(entries),
): Diagnostic[] {
  const existing = new Set([
    ...files.map((file) => basename(file, '.md')),
    ...entries.map((entry) => entry.id.value),
  ]);
  return [
    ...duplicates(entries, 'slug'),
    ...duplicates(entries, 'id'),
    ...wanted(entries, existing),
    ...duplicateWarnings(entries, near),
  ];
}

/** The library-wide near-duplicate report: each cluster, its files and their pairs' similarity. */
export function duplicateReport({ pairs, clusters }: NearDuplicates): string {
  const lines = [
    `\nNear-duplicate clusters: ${String(clusters.length)} (${String(pairs.length)} pairs)\n`,
  ];
  clusters.forEach((cluster, index) => {
    const members = new Set(cluster);
    lines.push(`\n${String(index + 1)}. ${cluster.join(', ')}\n`);
    for (const { a, b, score } of pairs) {
      if (members.has(a)) lines.push(`   ${score.toFixed(2)}  ${a} ~ ${b}\n`);
    }
  });
  return lines.join('');
}
