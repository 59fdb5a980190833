/**
 * Schema stage: raw front matter → validated {@link PatternFrontmatter}, or
 * diagnostics that name the line, column and field of every problem at once.
 *
 * Order: older-format detection (one clear error instead of forty), the
 * documented drift rules (`schema/drift.ts`), then the strict Zod schema.
 * Unknown fields are warnings and are dropped; everything else the schema
 * rejects is an error.
 */
import type { z } from 'zod';
import { normaliseDrift } from '../../schema/drift.ts';
import { ASSESSMENT_PILLARS } from '../../schema/ontology.ts';
import { patternFrontmatterSchema, type PatternFrontmatter } from '../../schema/pattern.ts';
import type { Diagnostic, Severity } from './diagnostics.ts';
import type { Frontmatter } from './frontmatter.ts';
import { formatPath, type FieldPath } from './positions.ts';

/** Largest gap between overall_score and the mean of the pillar scores before a warning. */
export const OVERALL_SCORE_TOLERANCE = 0.5;

/** The v7.1 groups a file in the older `classification:` format lacks. */
const V71_GROUPS = ['context_labels', 'ontology', 'lifecycle', 'relationships', 'graph_garden'];

export interface Validated {
  readonly frontmatter: PatternFrontmatter | undefined;
  readonly diagnostics: Diagnostic[];
  /** True for a file in the older `classification:` format (reported as one error). */
  readonly olderFormat: boolean;
}

type Report = (
  path: FieldPath,
  severity: Severity,
  message: string,
  detail?: { expected?: string; received?: string; at?: 'key' | 'value' },
) => void;

/** Validates one file's front matter; `slug` is the file name without `.md`. */
export function validateFrontmatter(file: string, slug: string, source: Frontmatter): Validated {
  const diagnostics: Diagnostic[] = [];
  const report: Report = (path, severity, message, detail = {}) => {
    const { line, column } = source.locate(path, detail.at ?? 'key');
    diagnostics.push({
      file,
      line,
      column,
      severity,
      path: formatPath(path),
      message,
      ...(detail.expected === undefined ? {} : { expected: detail.expected }),
      ...(detail.received === undefined ? {} : { received: detail.received }),
    });
  };
  const raw = source.data as Record<string, unknown>;
  if ('classification' in raw && !('ontology' in raw)) {
    const missing = V71_GROUPS.filter((group) => !(group in raw));
    report(
      ['classification'],
      'error',
      `older pattern format (classification:, no ontology:); convert it to v7.1 — missing ${missing.join(', ')}`,
    );
    return { frontmatter: undefined, diagnostics, olderFormat: true };
  }
  const { data, notes } = normaliseDrift(raw);
  for (const note of notes) report(note.path, note.severity, note.message);

  const frontmatter = parseStrict(data, report);
  if (frontmatter) lint(frontmatter, slug, report);
  const valid = !diagnostics.some((d) => d.severity === 'error');
  return { frontmatter: valid ? frontmatter : undefined, diagnostics, olderFormat: false };
}

/** Parses with the strict schema; unknown keys become warnings and are dropped. */
function parseStrict(
  data: Record<string, unknown>,
  report: Report,
): PatternFrontmatter | undefined {
  let result = patternFrontmatterSchema.safeParse(data, { reportInput: true });
  if (result.success) return result.data;
  const unknown = result.error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...issue.path, key]) : [],
  );
  for (const issue of result.error.issues) {
    if (issue.code !== 'unrecognized_keys') reportIssue(issue, report);
  }
  for (const path of unknown) {
    report(
      path as FieldPath,
      'warning',
      `unknown field "${String(path.at(-1))}" (not in the v7.1 format; ignored)`,
    );
  }
  if (unknown.length === 0 || unknown.length < result.error.issues.length) return undefined;
  for (const path of unknown) removeAt(data, path as FieldPath);
  result = patternFrontmatterSchema.safeParse(data);
  return result.success ? result.data : undefined;
}

function removeAt(data: unknown, path: FieldPath): void {
  let node = data;
  for (const key of path.slice(0, -1)) node = (node as Record<string | number, unknown>)[key];
  Reflect.deleteProperty(node as object, path.at(-1) ?? '');
}

/** Short, stable rendering of a received value. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'number' && !Number.isFinite(value)) {
    return Number.isNaN(value) ? '.nan (not a number)' : `${value > 0 ? '' : '-'}.inf (infinity)`;
  }
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…"` : text;
}

/** What a missing or wrong value should have been, in words. */
function expectation(issue: z.core.$ZodIssue): string | undefined {
  if (issue.code === 'invalid_type') return issue.expected;
  if (issue.code === 'invalid_value') return `one of ${issue.values.map(String).join(', ')}`;
  return undefined;
}

function reportIssue(issue: z.core.$ZodIssue, report: Report): void {
  const path = issue.path as FieldPath;
  const got = 'input' in issue && issue.input !== undefined ? describe(issue.input) : undefined;
  const at = { at: 'value' as const, ...(got === undefined ? {} : { received: got }) };
  if ('input' in issue && issue.input === undefined && issue.code !== 'custom') {
    const expected = expectation(issue);
    report(path, 'error', 'required field is missing', expected === undefined ? {} : { expected });
    return;
  }
  switch (issue.code) {
    case 'invalid_type':
      report(path, 'error', 'wrong type', { ...at, expected: issue.expected });
      return;
    case 'too_big':
    case 'too_small': {
      const bound = issue.code === 'too_big' ? issue.maximum : issue.minimum;
      const sign = issue.code === 'too_big' ? '≤' : '≥';
      const what =
        issue.origin === 'number' ? '' : issue.origin === 'array' ? ' items' : ' characters';
      if (issue.origin === 'string' && bound === 1) {
        report(path, 'error', 'must not be empty', at);
      } else {
        report(path, 'error', issue.origin === 'number' ? 'out of range' : issue.message, {
          ...at,
          expected: `${sign} ${String(bound)}${what}`,
        });
      }
      return;
    }
    case 'invalid_value':
      report(path, 'error', 'not an allowed value', { ...at, expected: expectation(issue) ?? '' });
      return;
    case 'invalid_union':
      report(path, 'error', 'wrong type', { ...at, expected: 'text like "1.2" or a number' });
      return;
    default:
      report(path, 'error', issue.message, at);
  }
}

/** Rules that need the whole valid front matter. */
function lint(frontmatter: PatternFrontmatter, slug: string, report: Report): void {
  if (frontmatter.slug !== slug) {
    report(['slug'], 'error', 'slug must equal the file name', {
      at: 'value',
      expected: `"${slug}"`,
      received: `"${frontmatter.slug}"`,
    });
  }
  const assessment = frontmatter.ontology.commons_assessment;
  const scores = ASSESSMENT_PILLARS.map((pillar) => assessment[pillar]).filter(
    (value) => value !== undefined,
  );
  if (scores.length !== ASSESSMENT_PILLARS.length) return;
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
  if (Math.abs(assessment.overall_score - mean) > OVERALL_SCORE_TOLERANCE) {
    report(
      ['ontology', 'commons_assessment', 'overall_score'],
      'warning',
      'far from the mean of the eight pillar scores',
      {
        at: 'value',
        expected: `about ${mean.toFixed(1)}`,
        received: String(assessment.overall_score),
      },
    );
  }
}
