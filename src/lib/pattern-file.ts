/**
 * One pattern file through the pipeline's reading stages:
 * bytes → text (source) → front matter (frontmatter) → schema (validate) → body sections (body).
 * Nothing here touches the file system; callers pass the bytes.
 */
import { basename } from 'node:path';
import type { PatternFrontmatter } from '../../schema/pattern.ts';
import { parseBody, type ParsedBody } from './body.ts';
import { forbiddenInFrontmatter, removeForbidden } from './characters.ts';
import type { Diagnostic } from './diagnostics.ts';
import { readFrontmatter, SourceProblem, type Frontmatter } from './frontmatter.ts';
import { RESERVED_PATTERN_SLUGS } from './reserved.ts';
import { decodeSource } from './source.ts';
import { validateFrontmatter } from './validate.ts';

/** Largest pattern file, in bytes (the real library's largest is 337,258 bytes). */
export const MAX_FILE_BYTES = 1024 * 1024;

export interface PatternFile {
  /** Path as given (used in messages). */
  readonly file: string;
  readonly frontmatter: PatternFrontmatter;
  readonly body: ParsedBody;
  /** Where a front-matter field stands in the file. */
  readonly locate: Frontmatter['locate'];
  /** The file's text as written (UTF-8, LF line endings). */
  readonly source: string;
}

export interface ReadResult {
  /** The pattern, when its front matter is valid (warnings allowed). */
  readonly pattern: PatternFile | undefined;
  readonly diagnostics: Diagnostic[];
}

const fileError = (file: string, problem: SourceProblem): ReadResult => ({
  pattern: undefined,
  diagnostics: [
    {
      file,
      line: problem.position.line,
      column: problem.position.column,
      severity: 'error',
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
  if (validated.olderFormat) {
    return { pattern: undefined, diagnostics: [...characters, ...validated.diagnostics] };
  }
  const reserved = validated.frontmatter && reservedSlug(file, validated.frontmatter, frontmatter);
  const cleaned = removeForbidden(frontmatter.body, frontmatter.bodyLine);
  const body = parseBody(cleaned.text, frontmatter.bodyLine);
  const diagnostics = [
    ...characters,
    ...validated.diagnostics,
    ...(reserved ? [reserved] : []),
    ...[...cleaned.issues, ...body.issues].map((issue): Diagnostic => ({ file, ...issue })),
  ];
  if (!validated.frontmatter || characters.length > 0 || reserved) {
    return { pattern: undefined, diagnostics };
  }
  return {
    pattern: {
      file,
      frontmatter: validated.frontmatter,
      body,
      locate: frontmatter.locate,
      source: decoded.text,
    },
    diagnostics,
  };
}

/** An error when the pattern's slug names a site page instead. */
function reservedSlug(
  file: string,
  { slug }: PatternFrontmatter,
  frontmatter: Frontmatter,
): Diagnostic | undefined {
  if (!RESERVED_PATTERN_SLUGS.has(slug)) return undefined;
  const { line, column } = frontmatter.locate(['slug'], 'value');
  return {
    file,
    line,
    column,
    severity: 'error',
    path: 'slug',
    message: `slug "${slug}" is reserved: /patterns/${slug}/ is a page of the site; rename the file and its slug`,
  };
}
