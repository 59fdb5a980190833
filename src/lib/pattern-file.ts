/**
 * One pattern file through the pipeline's reading stages:
 * bytes → text (source) → front matter (frontmatter) → schema (validate) → body sections (body).
 * Nothing here touches the file system; callers pass the bytes.
 */
import { basename } from 'node:path';
import type { PatternFrontmatter } from '../../schema/pattern.ts';
import { parseBody, type ParsedBody } from './body.ts';
import type { Diagnostic } from './diagnostics.ts';
import { readFrontmatter, SourceProblem, type Frontmatter } from './frontmatter.ts';
import { decodeSource } from './source.ts';
import { validateFrontmatter } from './validate.ts';

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
  const validated = validateFrontmatter(file, basename(file, '.md'), frontmatter);
  if (validated.olderFormat) return { pattern: undefined, diagnostics: validated.diagnostics };
  const body = parseBody(frontmatter.body, frontmatter.bodyLine);
  const diagnostics = [
    ...validated.diagnostics,
    ...body.issues.map((issue): Diagnostic => ({ file, ...issue })),
  ];
  if (!validated.frontmatter) return { pattern: undefined, diagnostics };
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
