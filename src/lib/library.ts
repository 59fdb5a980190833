/**
 * Library stage (both formats): the checks that need every pattern at once — duplicate
 * slugs and ids, relationship targets that have no file yet ("wanted"
 * patterns, with "did you mean" when a slug is close in spelling), and near-duplicate texts. They
 * work on a small {@link LibraryEntry} per file (plain data, so worker threads can send it), in one
 * pass over the library. Every file whose front matter parsed takes part, valid or not, so one run
 * reports every problem: an invalid file's entry is read from its raw front matter (and has no
 * text, so it takes no part in the near-duplicate pass).
 */
import { basename } from 'node:path';
import { closest, distance } from 'fastest-levenshtein';
import { RELATIONSHIP_TYPES } from '../../schema/relationships.ts';
import { namesElement, sectionList } from './body-links.ts';
import type { Diagnostic } from './diagnostics.ts';
import type { PatternFormat } from './format.ts';
import type { Frontmatter } from './frontmatter.ts';
import type { PatternFile } from './pattern-file.ts';
import { patternText } from './pattern-text.ts';
import { isPlaceholder } from './placeholders.ts';
import { formatPath, type Position } from './positions.ts';
import type { Rule } from './rules.ts';
import {
  duplicateClusters,
  duplicatePairs,
  similarPatterns,
  termDocument,
  type DuplicatePair,
  type Neighbour,
  type TermDocument,
} from './similarity.ts';

export interface Located {
  readonly value: string;
  readonly path: string;
  readonly at: Position;
}

/** What the library-wide checks need to know of one pattern file. */
export interface LibraryEntry {
  readonly file: string;
  readonly format: PatternFormat;
  /** Undefined when an invalid file has no usable slug or id. */
  readonly slug: Located | undefined;
  readonly id: Located | undefined;
  /** Every curated relationship target: a slug, or (older format) a pattern id. */
  readonly links: readonly Located[];
  /**
   * Every pattern its text links to (src/lib/body-links.ts), by slug, with the `#section` named;
   * none for an invalid file.
   */
  readonly bodyLinks: readonly (Located & { readonly fragment?: string })[];
  /** Its page's section ids, which a link from another pattern may name; undefined for an invalid file. */
  readonly sectionIds: readonly string[] | undefined;
  /** A valid pattern's title and words, keyed by its file (for near-duplicates); undefined for an invalid file. */
  readonly text: { readonly title: Located; readonly document: TermDocument } | undefined;
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
    text: {
      title: located(frontmatter.title, ['title']),
      document: termDocument(patternText(pattern), pattern.file),
    },
    bodyLinks: pattern.body.links.patterns.map(({ slug, fragment, line, column }) => ({
      value: slug,
      path: 'body',
      at: { line, column },
      ...(fragment === undefined ? {} : { fragment }),
    })),
    sectionIds: pattern.body.links.ids,
    links:
      pattern.format !== 'v7.1'
        ? RELATIONSHIP_TYPES.flatMap((type) =>
            pattern.model.relationships[type].map(({ target, path }) => located(target, [...path])),
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
  rule: Rule,
  message: string,
): Diagnostic => ({ file, ...where.at, severity, rule, path: where.path, message });

/**
 * Errors for every slug or id used by more than one file, naming the other files. An id shared
 * only by older-format files (some carry `pat_placeholder`) is a warning: their pages are
 * addressed by slug, and only links written as that id cannot be followed.
 */
function duplicates(entries: readonly LibraryEntry[], field: 'slug' | 'id'): Diagnostic[] {
  const owners = new Map<string, { entry: LibraryEntry; at: Located }[]>();
  for (const entry of entries) {
    const at = entry[field];
    if (at === undefined) continue;
    const group = owners.get(at.value);
    if (group) group.push({ entry, at });
    else owners.set(at.value, [{ entry, at }]);
  }
  return [...owners.values()].flatMap((group) =>
    group.length < 2
      ? []
      : group.map(({ entry, at }) =>
          diagnostic(
            entry.file,
            at,
            field === 'id' && group.every((other) => other.entry.format === 'older')
              ? 'warning'
              : 'error',
            'duplicate',
            `duplicate ${field} "${at.value}", also used by ${group
              .filter((other) => other.entry !== entry)
              .map((other) => other.entry.file)
              .join(', ')}`,
          ),
        ),
  );
}

/**
 * What an invalid file's raw front matter says of its slug, id and (v7.1) relationship
 * targets: every one that is a string and not a placeholder, so the library checks can still
 * see the file.
 */
export function rawLibraryEntry(
  file: string,
  format: PatternFormat,
  { data, locate }: Frontmatter,
): LibraryEntry {
  const record = (value: unknown): Record<string, unknown> =>
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const raw = record(data);
  const located = (value: unknown, path: (string | number)[]): Located[] =>
    typeof value === 'string' && value !== '' && !isPlaceholder(value)
      ? [{ value, path: formatPath(path), at: locate(path, 'value') }]
      : [];
  const relationships = record(raw['relationships']);
  return {
    file,
    format,
    slug: located(raw['slug'], ['slug'])[0],
    id: located(raw['id'], ['id'])[0],
    text: undefined,
    bodyLinks: [],
    sectionIds: undefined,
    links:
      format === 'older'
        ? []
        : RELATIONSHIP_TYPES.flatMap((type) => {
            const list = relationships[type];
            return Array.isArray(list)
              ? list.flatMap((relation: unknown, index) =>
                  located(record(relation)['slug'], ['relationships', type, index, 'slug']),
                )
              : [];
          }),
  };
}

/** Longest edit distance at which a target is taken for a misspelling of a slug. */
const suggestionDistance = (target: string): number => Math.max(2, Math.floor(target.length / 6));

/** A text's characters, its code units folded onto 64 buckets: counts, and which are present (32 buckets). */
interface Characters {
  readonly counts: Uint16Array;
  readonly present: number;
}

function characters(text: string): Characters {
  const counts = new Uint16Array(64);
  let present = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    counts[code & 63] = (counts[code & 63] ?? 0) + 1;
    present |= 1 << (code & 31);
  }
  return { counts, present };
}

/** Set bits of a 32-bit number. */
function bitCount(bits: number): number {
  let count = 0;
  for (let rest = bits; rest !== 0; rest &= rest - 1) count += 1;
  return count;
}

/**
 * Whether two texts' edit distance surely exceeds `limit`, from their characters: by the bag
 * distance, a lower bound of it (each insertion, deletion or substitution changes each of the two
 * one-sided count differences by at most one; folding characters together only lowers them), and
 * first by a lower bound of that (the buckets present in one text only).
 */
function surelyFarther(a: Characters, b: Characters, limit: number): boolean {
  if (bitCount(a.present & ~b.present) > limit || bitCount(b.present & ~a.present) > limit) {
    return true;
  }
  let more = 0;
  let fewer = 0;
  for (let i = 0; i < 64; i += 1) {
    const difference = (a.counts[i] ?? 0) - (b.counts[i] ?? 0);
    if (difference > 0) more += difference;
    else fewer -= difference;
    if (more > limit || fewer > limit) return true;
  }
  return false;
}

/** A library's slugs for {@link didYouMean}: by length, each with its characters and position. */
export type SlugIndex = ReadonlyMap<
  number,
  readonly { readonly slug: string; readonly position: number; readonly characters: Characters }[]
>;

/** Indexes slugs for {@link didYouMean}. */
export function slugIndex(slugs: readonly string[]): SlugIndex {
  const index = new Map<number, { slug: string; position: number; characters: Characters }[]>();
  slugs.forEach((slug, position) => {
    const entry = { slug, position, characters: characters(slug) };
    const group = index.get(slug.length);
    if (group) group.push(entry);
    else index.set(slug.length, [entry]);
  });
  return index;
}

/** The slug `target` is most likely a misspelling of, when one is close enough (the first of the nearest). */
export function didYouMean(target: string, slugs: SlugIndex): string | undefined {
  const limit = suggestionDistance(target);
  const own = characters(target);
  // Only a slug whose length and characters are within the limit can be that close: cheap
  // filters first (they drop only slugs farther than the limit, so the nearest one stays).
  const near: { slug: string; position: number }[] = [];
  for (let length = target.length - limit; length <= target.length + limit; length += 1) {
    for (const candidate of slugs.get(length) ?? []) {
      if (!surelyFarther(own, candidate.characters, limit)) near.push(candidate);
    }
  }
  if (near.length === 0) return undefined;
  const nearest = closest(
    target,
    near.sort((a, b) => a.position - b.position).map(({ slug }) => slug),
  );
  return distance(target, nearest) <= limit ? nearest : undefined;
}

/** A relationship target with no pattern file, and every link that names it. */
export interface WantedTarget {
  readonly target: string;
  /** The links naming it, in file order (one file may name it more than once). */
  readonly wantedBy: readonly { readonly file: string; readonly link: Located }[];
}

/**
 * Every curated relationship target that names no pattern, in order of first mention: the
 * "wanted" patterns. `files` lists every file of the library (valid or not), so a target whose
 * file exists but is invalid is not wanted; a target written as an id exists when a pattern
 * has that id. The check's warnings and the site's health page both read this.
 */
export function wantedTargets(
  entries: readonly LibraryEntry[],
  files: readonly string[],
): WantedTarget[] {
  const existing = new Set([
    ...files.map((file) => basename(file, '.md')),
    ...entries.flatMap((entry) => (entry.id ? [entry.id.value] : [])),
  ]);
  const wanted = new Map<string, { file: string; link: Located }[]>();
  for (const entry of entries) {
    for (const link of entry.links) {
      if (existing.has(link.value)) continue;
      const list = wanted.get(link.value) ?? [];
      wanted.set(link.value, list);
      list.push({ file: entry.file, link });
    }
  }
  return [...wanted].map(([target, wantedBy]) => ({ target, wantedBy }));
}

/** `; did you mean "…"?` when a slug of the library is close to `target` in spelling, else nothing. */
function spellingHint(target: string, index: SlugIndex): string {
  const suggestion = didYouMean(target, index);
  return suggestion === undefined ? '' : `; did you mean "${suggestion}"?`;
}

/** Warnings for every curated relationship whose target has no pattern file. */
function wanted(targets: readonly WantedTarget[], index: SlugIndex): Diagnostic[] {
  return targets.flatMap(({ target, wantedBy }) => {
    // A target is often wanted by many files: look for its spelling once.
    const hint = spellingHint(target, index);
    return wantedBy.map(({ file, link }) =>
      diagnostic(
        file,
        link,
        'warning',
        'wanted-pattern',
        `"${target}" has no pattern file yet (a wanted pattern)${hint}`,
      ),
    );
  });
}

/** A link or image in a pattern's text that leads nowhere on the site: where it is written, and why. */
export type DeadLink = Pick<Diagnostic, 'file' | 'line' | 'column' | 'message'>;

/**
 * The links in the patterns' texts to a pattern with no file ("did you mean" when a slug is close
 * in spelling), or to a section that pattern's page does not have (`other.md#budget`).
 */
function deadPatternLinks(
  entries: readonly LibraryEntry[],
  slugs: ReadonlySet<string>,
  index: SlugIndex,
): DeadLink[] {
  const sections = new Map(
    entries.flatMap(({ file, sectionIds }) =>
      sectionIds === undefined
        ? []
        : [[basename(file, '.md'), { ids: sectionIds, set: new Set(sectionIds) }] as const],
    ),
  );
  return entries.flatMap(({ file, bodyLinks }) =>
    bodyLinks.flatMap(({ value, fragment, at }) => {
      if (!slugs.has(value)) {
        const hint = spellingHint(value, index);
        return [{ file, ...at, message: `links to "${value}", which has no pattern file${hint}` }];
      }
      const page = sections.get(value);
      if (fragment === undefined || page === undefined || namesElement(fragment, page.set)) {
        return [];
      }
      const message = `links to "${value}#${fragment}", but "${value}" has no section #${fragment}${sectionList(page.ids)}`;
      return [{ file, ...at, message }];
    }),
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

/** What the library-wide checks read of a whole library: every file, its entry, its near-duplicates. */
export interface LibraryChecks {
  /** Every file of the library, valid or not. */
  readonly files: readonly string[];
  readonly entries: readonly LibraryEntry[];
  readonly duplicates: NearDuplicates;
  /**
   * Every file's own problems, and the paths that are no readable file; {@link checkLibrary}
   * makes the library-wide ones from the rest.
   */
  readonly problems: readonly Diagnostic[];
}

/** Finds the near-duplicate patterns among a library's valid files (src/lib/similarity.ts). */
export function nearDuplicates(entries: readonly LibraryEntry[]): NearDuplicates {
  const documents = entries.flatMap(({ text }) => (text ? [text.document] : []));
  const neighbours = similarPatterns(documents);
  const pairs = duplicatePairs(documents, neighbours);
  return { neighbours, pairs, clusters: duplicateClusters(pairs) };
}

/** A warning on each file of a near-duplicate pair, naming the other and their similarity. */
function duplicateWarnings(
  entries: readonly LibraryEntry[],
  { pairs }: NearDuplicates,
): Diagnostic[] {
  const titles = new Map(
    entries.flatMap(({ file, text }) => (text ? [[file, text.title] as const] : [])),
  );
  return pairs.flatMap(({ a, b, score }) =>
    [
      [a, b],
      [b, a],
    ].flatMap(([file = '', other = '']) => {
      const title = titles.get(file);
      return title
        ? [
            diagnostic(
              file,
              title,
              'warning',
              'near-duplicate',
              `near-duplicate of ${other} (similarity ${score.toFixed(2)}): merge them, or make each one's title and text say how they differ`,
            ),
          ]
        : [];
    }),
  );
}

/**
 * The library-wide diagnostics that decide which files the site shows: slugs and ids used by
 * more than one file (the only library-wide errors; {@link checkLibrary} adds warnings).
 */
export const identityDiagnostics = (entries: readonly LibraryEntry[]): Diagnostic[] => [
  ...duplicates(entries, 'slug'),
  ...duplicates(entries, 'id'),
];

/**
 * Library-wide diagnostics. `files` lists every file of the library (valid or
 * not), so a target whose file exists but is invalid is not called wanted; a
 * target written as an id exists when a pattern has that id.
 */
export function checkLibrary(
  entries: readonly LibraryEntry[],
  files: readonly string[],
  near: NearDuplicates = nearDuplicates(entries),
): Diagnostic[] {
  const slugs = files.map((file) => basename(file, '.md'));
  const index = slugIndex(slugs);
  return [
    ...identityDiagnostics(entries),
    ...wanted(wantedTargets(entries, files), index),
    ...deadPatternLinks(entries, new Set(slugs), index).map((link): Diagnostic => ({
      ...link,
      severity: 'warning',
      rule: 'dead-link',
      path: 'body',
    })),
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
