/**
 * One pattern file through the pipeline's reading stages:
 * bytes → text (source) → front matter (frontmatter) → format and schema (validate) →
 * body sections (body for v7.1, older-body for the older format).
 * Nothing here touches the file system; callers pass the bytes.
 */
import { basename } from 'node:path';
import type { IncompleteFrontmatter } from '../../schema/incomplete.ts';
import type { OlderFrontmatter } from '../../schema/older/pattern.ts';
import type { PatternFrontmatter } from '../../schema/pattern.ts';
import { parseBody, type BodyIssue, type ParsedBody } from './body.ts';
import { forbiddenInFrontmatter, removeForbidden } from './characters.ts';
import type { Diagnostic } from './diagnostics.ts';
import type { PatternFormat } from './format.ts';
import { rawLibraryEntry, toLibraryEntry, type LibraryEntry } from './library.ts';
import { readFrontmatter, SourceProblem, type Frontmatter } from './frontmatter.ts';
import { parseOlderBody, type OlderBody } from './older-body.ts';
import { toIncompletePattern, toOlderPattern, type OlderPattern } from './older-pattern.ts';
import { RESERVED_PATTERN_SLUGS } from './reserved.ts';
import { decodeSource } from './source.ts';
import { validateFrontmatter, type Validated } from './validate.ts';

/** Largest pattern file, in bytes (the real library's largest is 337,258 bytes). */
export const MAX_FILE_BYTES = 1024 * 1024;

interface PatternFileBase {
  /** Path as given (used in messages). */
  readonly file: string;
  /** Where a front-matter field stands in the file. */
  readonly locate: Frontmatter['locate'];
  /** The file's text as written (UTF-8, LF line endings). */
  readonly source: string;
}

/** A pattern in the v7.1 format. */
export interface V71PatternFile extends PatternFileBase {
  readonly format: 'v7.1';
  readonly frontmatter: PatternFrontmatter;
  readonly body: ParsedBody;
}

/** A pattern in the older format, shown as written. */
export interface OlderPatternFile extends PatternFileBase {
  readonly format: 'older';
  readonly frontmatter: OlderFrontmatter;
  readonly body: OlderBody;
  /** What the site needs of it, in v7.1 words where the meaning is the same. */
  readonly model: OlderPattern;
}

/** An incomplete v7.1 pattern (schema/incomplete.ts), shown as written like the older format. */
export interface IncompletePatternFile extends PatternFileBase {
  readonly format: 'incomplete';
  readonly frontmatter: IncompleteFrontmatter;
  readonly body: OlderBody;
  /** What the site needs of it: the model of a pattern shown as written. */
  readonly model: OlderPattern;
}

/** A pattern shown as written: older format or incomplete v7.1. */
export type AsWrittenPatternFile = OlderPatternFile | IncompletePatternFile;

/** A valid pattern of any format: branch once on `format`. */
export type PatternFile = V71PatternFile | AsWrittenPatternFile;

/** Whether a pattern is in the v7.1 format. */
export const isV71 = (pattern: PatternFile | undefined): pattern is V71PatternFile =>
  pattern?.format === 'v7.1';

export interface ReadResult {
  /** The pattern, when its front matter is valid (warnings allowed). */
  readonly pattern: PatternFile | undefined;
  /** The file's format, when its front matter could be read. */
  readonly format: PatternFormat | undefined;
  readonly diagnostics: Diagnostic[];
  /**
   * What the library-wide checks need of the file: from the pattern when it is valid, else
   * from its raw front matter; undefined when the front matter could not be read at all.
   */
  readonly entry: LibraryEntry | undefined;
}

const fileError = (file: string, problem: SourceProblem): ReadResult => ({
  pattern: undefined,
  format: undefined,
  entry: undefined,
  diagnostics: [
    {
      file,
      line: problem.position.line,
      column: problem.position.column,
      severity: 'error',
      rule: problem.subject === 'file' ? 'file' : 'front-matter',
      path: problem.subject,
      message: problem.message,
    },
  ],
});

/** Reads one pattern file from its bytes; every problem comes back as a diagnostic. */
export function readPatternFile(file: string, bytes: Uint8Array): ReadResult {
  if (bytes.length > MAX_FILE_BYTES) {
    return fileError(
      file,
      new SourceProblem(
        `the file is ${String(Math.ceil(bytes.length / 1024))} KB; a pattern file may have at most 1 MB (${String(MAX_FILE_BYTES)} bytes)`,
        { line: 0, column: 0 },
        'file',
      ),
    );
  }
  const decoded = decodeSource(bytes);
  if (!decoded.ok) {
    return fileError(file, new SourceProblem(decoded.message, decoded.position, 'file'));
  }
  let frontmatter: Frontmatter;
  try {
    frontmatter = readFrontmatter(decoded.text);
  } catch (error) {
    if (error instanceof SourceProblem) return fileError(file, error);
    throw error;
  }
  const characters = forbiddenInFrontmatter(file, frontmatter);
  const validated = validateFrontmatter(file, basename(file, '.md'), frontmatter);
  const base = { file, locate: frontmatter.locate, source: decoded.text };
  const slug = validated.frontmatter?.slug;
  const reserved = slug === undefined ? undefined : reservedSlug(file, slug, frontmatter);
  const cleaned = removeForbidden(frontmatter.body, frontmatter.bodyLine);
  const withBody = (issues: readonly BodyIssue[]): Diagnostic[] => [
    ...characters,
    ...validated.diagnostics,
    ...(reserved ? [reserved] : []),
    ...[...cleaned.issues, ...issues].map((issue): Diagnostic => ({ file, ...issue })),
  ];
  /** No character or slug error: valid front matter makes the file a pattern. */
  const accepted = characters.length === 0 && reserved === undefined;
  if (validated.format !== 'v7.1') {
    const body = parseOlderBody(cleaned.text, frontmatter.bodyLine);
    return withEntry(file, frontmatter, {
      format: validated.format,
      diagnostics: withBody(body.issues),
      pattern: accepted ? asWritten({ ...base, body }, validated) : undefined,
    });
  }
  const body = parseBody(cleaned.text, frontmatter.bodyLine);
  const valid = accepted ? validated.frontmatter : undefined;
  return withEntry(file, frontmatter, {
    format: 'v7.1',
    diagnostics: withBody(body.issues),
    pattern: valid && { ...base, format: 'v7.1', frontmatter: valid, body },
  });
}

/** A pattern shown as written, of its format, when its front matter is valid. */
function asWritten(
  base: PatternFileBase & { readonly body: OlderBody },
  validated: Exclude<Validated, { format: 'v7.1' }>,
): AsWrittenPatternFile | undefined {
  if (validated.format === 'older') {
    const { frontmatter } = validated;
    return (
      frontmatter && {
        ...base,
        format: 'older',
        frontmatter,
        model: toOlderPattern(frontmatter, base.body),
      }
    );
  }
  const { frontmatter, incomplete } = validated;
  return (
    frontmatter && {
      ...base,
      format: 'incomplete',
      frontmatter,
      model: toIncompletePattern(frontmatter, incomplete),
    }
  );
}

/** A read file with its library entry, valid or not. */
const withEntry = (
  file: string,
  frontmatter: Frontmatter,
  read: Omit<ReadResult, 'entry'> & { format: PatternFormat },
): ReadResult => ({
  ...read,
  entry: read.pattern
    ? toLibraryEntry(read.pattern)
    : rawLibraryEntry(file, read.format, frontmatter),
});

/** An error when the pattern's slug names a site page instead. */
function reservedSlug(
  file: string,
  slug: string,
  frontmatter: Frontmatter,
): Diagnostic | undefined {
  if (!RESERVED_PATTERN_SLUGS.has(slug)) return undefined;
  const { line, column } = frontmatter.locate(['slug'], 'value');
  return {
    file,
    line,
    column,
    severity: 'error',
    rule: 'slug',
    path: 'slug',
    message: `slug "${slug}" is reserved: /patterns/${slug}/ is a page of the site; rename the file and its slug`,
  };
}
