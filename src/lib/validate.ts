/**
 * Schema stage: raw front matter → validated {@link PatternFrontmatter} (v7.1) or
 * {@link OlderFrontmatter} (the older format), or diagnostics that name the line,
 * column and field of every problem at once.
 *
 * Order: format detection ({@link detectFormat}); for v7.1 the documented drift rules
 * (`schema/drift.ts`), then the strict Zod schema; for the older format its own schema
 * (`schema/older/`) and one warning saying how to convert the file. Unknown fields are
 * warnings and are dropped, and so are invalid machine-written `graph_garden` entries;
 * everything else the schema rejects is an error.
 */
import type { z } from 'zod';
import { normaliseDrift, normaliseOlderDrift } from '../../schema/drift.ts';
import {
  HAND_WRITTEN_GROUPS,
  incompleteFrontmatterSchema,
  handWrittenGroupOf,
  type HandWrittenGroup,
  type IncompleteFrontmatter,
} from '../../schema/incomplete.ts';
import { ASSESSMENT_PILLARS } from '../../schema/ontology.ts';
import { olderFrontmatterSchema, type OlderFrontmatter } from '../../schema/older/pattern.ts';
import { patternFrontmatterSchema, type PatternFrontmatter } from '../../schema/pattern.ts';
import { SITE } from '../config/site.ts';
import type { Diagnostic, Severity } from './diagnostics.ts';
import { detectFormat, incompleteWarning, olderFormatWarning } from './format.ts';
import type { Frontmatter } from './frontmatter.ts';
import { findPlaceholders, placeholderMessage } from './placeholders.ts';
import { formatPath, type FieldPath } from './positions.ts';
import type { Rule } from './rules.ts';

/** Largest gap between overall_score and the mean of the pillar scores before a warning. */
export const OVERALL_SCORE_TOLERANCE = 0.5;

/** Validated front matter of either format, `undefined` when it has an error. */
export type Validated =
  | {
      readonly format: 'v7.1';
      readonly frontmatter: PatternFrontmatter | undefined;
      readonly diagnostics: Diagnostic[];
    }
  | {
      readonly format: 'incomplete';
      readonly frontmatter: IncompleteFrontmatter | undefined;
      /** The hand-written groups with required fields missing. */
      readonly incomplete: readonly HandWrittenGroup[];
      readonly diagnostics: Diagnostic[];
    }
  | {
      readonly format: 'older';
      readonly frontmatter: OlderFrontmatter | undefined;
      readonly diagnostics: Diagnostic[];
    };

type Report = (
  path: FieldPath,
  rule: Rule,
  severity: Severity,
  message: string,
  detail?: { expected?: string; received?: string; at?: 'key' | 'value' },
) => void;

/** The message of a required field that is absent. */
const MISSING = 'required field is missing';

const hasError = (diagnostics: readonly Diagnostic[]): boolean =>
  diagnostics.some((d) => d.severity === 'error');

/** Validates one file's front matter; `slug` is the file name without `.md`. */
export function validateFrontmatter(file: string, slug: string, source: Frontmatter): Validated {
  const diagnostics: Diagnostic[] = [];
  const report: Report = (path, rule, severity, message, detail = {}) => {
    const { line, column } = source.locate(path, detail.at ?? 'key');
    diagnostics.push({
      file,
      line,
      column,
      severity,
      rule,
      path: formatPath(path),
      message,
      ...(detail.expected === undefined ? {} : { expected: detail.expected }),
      ...(detail.received === undefined ? {} : { received: detail.received }),
    });
  };
  const raw = source.data as Record<string, unknown>;
  const valid = (): boolean => !hasError(diagnostics);
  if (detectFormat(raw) === 'older') {
    report(['classification'], 'older-format', 'warning', olderFormatWarning(file));
    const drift = normaliseOlderDrift(raw);
    for (const note of drift.notes) report(note.path, note.rule, note.severity, note.message);
    const older = parseStrict(olderFrontmatterSchema, drift.data, report, 'the older format');
    if (older) lintSlug(older.slug, slug, report);
    return { format: 'older', frontmatter: valid() ? older : undefined, diagnostics };
  }
  const { data, notes } = normaliseDrift(raw);
  for (const note of notes) report(note.path, note.rule, note.severity, note.message);
  const placeholders = findPlaceholders(data);
  for (const { path, what } of placeholders) {
    report(path, 'placeholder', 'error', placeholderMessage(what), { at: 'value' });
  }
  if (placeholders.length > 0) {
    // The schema would only repeat, as type errors, what the placeholders already say.
    const left = new Set(placeholders.map(({ path }) => formatPath(path)));
    const quiet: Report = (path, ...rest) => {
      if (!left.has(formatPath(path))) report(path, ...rest);
    };
    parseStrict(patternFrontmatterSchema, data, quiet, 'the v7.1 format');
    return { format: 'v7.1', frontmatter: undefined, diagnostics };
  }

  const frontmatter = parseStrict(patternFrontmatterSchema, data, report, 'the v7.1 format');
  if (frontmatter) lint(frontmatter, slug, report);
  if (frontmatter || valid()) {
    return { format: 'v7.1', frontmatter: valid() ? frontmatter : undefined, diagnostics };
  }
  return (
    incomplete(data, slug, diagnostics, report) ?? {
      format: 'v7.1',
      frontmatter: undefined,
      diagnostics,
    }
  );
}

/**
 * A v7.1 file whose only errors are required fields missing from the hand-written groups
 * (schema/incomplete.ts) is an incomplete pattern, shown as written: those errors become
 * warnings, with one warning naming the groups to complete. Any other error — a wrong value
 * anywhere, a missing field elsewhere — keeps the file invalid (undefined).
 */
function incomplete(
  data: Record<string, unknown>,
  slug: string,
  diagnostics: Diagnostic[],
  report: Report,
): Validated | undefined {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (!errors.every((d) => handWrittenGroupOf(d.path) !== undefined && d.message === MISSING))
    return undefined;
  const partial = parseStrict(
    incompleteFrontmatterSchema,
    data,
    () => undefined,
    'the v7.1 format',
  );
  if (!partial) return undefined;
  const missing = new Set(errors.map((d) => handWrittenGroupOf(d.path)));
  const groups = HAND_WRITTEN_GROUPS.filter((group) => missing.has(group));
  const kept = diagnostics.map((d) =>
    d.severity === 'error' ? { ...d, severity: 'warning' as const } : d,
  );
  diagnostics.splice(0, diagnostics.length, ...kept);
  report([groups[0] ?? 'context_labels'], 'incomplete', 'warning', incompleteWarning(groups));
  lintSlug(partial.slug, slug, report);
  return {
    format: 'incomplete',
    frontmatter: hasError(diagnostics) ? undefined : partial,
    incomplete: groups,
    diagnostics,
  };
}

/** A path into a list of machine-written `graph_garden` data: `graph_garden.<list>[i]`. */
const machineEntry = (path: readonly PropertyKey[]): FieldPath | undefined =>
  path[0] === 'graph_garden' && typeof path[1] === 'string' && typeof path[2] === 'number'
    ? [path[0], path[1], path[2]]
    : undefined;

/**
 * Parses with a strict schema. Unknown keys become warnings and are dropped; so do invalid
 * machine-written graph-garden entries (one warning per entry, naming what was wrong).
 */
function parseStrict<Schema extends z.ZodType>(
  schema: Schema,
  data: Record<string, unknown>,
  report: Report,
  formatName: string,
): z.output<Schema> | undefined {
  let result = schema.safeParse(data, { reportInput: true });
  if (result.success) return result.data;
  const dropped = new Map<string, { path: FieldPath; problems: string[] }>();
  let fatal = false;
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = [...issue.path, key] as FieldPath;
        report(
          path,
          'unknown-field',
          'warning',
          `unknown field "${key}" (not in ${formatName}; ignored)`,
        );
        dropped.set(formatPath(path), { path, problems: [] });
      }
      continue;
    }
    const entry = machineEntry(issue.path);
    if (entry === undefined) {
      reportIssue(issue, report);
      fatal = true;
      continue;
    }
    const at = formatPath(entry);
    const problem = `${formatPath(issue.path.slice(3)) || 'entry'}: ${issue.message}`;
    const known = dropped.get(at);
    if (known) known.problems.push(problem);
    else dropped.set(at, { path: entry, problems: [problem] });
  }
  for (const { path, problems } of dropped.values()) {
    if (problems.length > 0) {
      report(
        path,
        'machine-entry',
        'warning',
        `machine-written entry dropped (${problems.join('; ')})`,
      );
    }
  }
  if (fatal) return undefined;
  const paths = [...dropped.values()].map(({ path }) => path).sort(removalOrder);
  for (const path of paths) removeAt(data, path);
  result = schema.safeParse(data);
  return result.success ? result.data : undefined;
}

/** Later list entries first and fields before their entries, so no removal moves another. */
function removalOrder(a: FieldPath, b: FieldPath): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    return typeof x === 'number' && typeof y === 'number' ? y - x : String(x) < String(y) ? -1 : 1;
  }
  return b.length - a.length;
}

function removeAt(data: unknown, path: FieldPath): void {
  let node = data;
  for (const key of path.slice(0, -1)) node = (node as Record<string | number, unknown>)[key];
  const last = path.at(-1) ?? '';
  if (Array.isArray(node) && typeof last === 'number') node.splice(last, 1);
  else Reflect.deleteProperty(node as object, last);
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

/** What a union accepts, from what each of its options expected: "string or number". */
function unionExpectation(issue: z.core.$ZodIssueInvalidUnion): string {
  const options = issue.errors.map((issues) => {
    const [first] = issues;
    return (first && expectation(first)) ?? 'another shape';
  });
  return [...new Set(options)].join(' or ');
}

function reportIssue(issue: z.core.$ZodIssue, report: Report): void {
  const path = issue.path as FieldPath;
  const got = 'input' in issue && issue.input !== undefined ? describe(issue.input) : undefined;
  const at = { at: 'value' as const, ...(got === undefined ? {} : { received: got }) };
  if ('input' in issue && issue.input === undefined && issue.code !== 'custom') {
    const expected = expectation(issue);
    report(path, 'schema', 'error', MISSING, expected === undefined ? {} : { expected });
    return;
  }
  switch (issue.code) {
    case 'invalid_type':
      report(path, 'schema', 'error', 'wrong type', { ...at, expected: issue.expected });
      return;
    case 'too_big':
    case 'too_small': {
      const bound = issue.code === 'too_big' ? issue.maximum : issue.minimum;
      const sign = issue.code === 'too_big' ? '≤' : '≥';
      const what =
        issue.origin === 'number' ? '' : issue.origin === 'array' ? ' items' : ' characters';
      if (issue.origin === 'string' && bound === 1) {
        report(path, 'schema', 'error', 'must not be empty', at);
      } else {
        report(
          path,
          'schema',
          'error',
          issue.origin === 'number' ? 'out of range' : issue.message,
          {
            ...at,
            expected: `${sign} ${String(bound)}${what}`,
          },
        );
      }
      return;
    }
    case 'invalid_value':
      report(path, 'schema', 'error', 'not an allowed value', {
        ...at,
        expected: expectation(issue) ?? '',
      });
      return;
    case 'invalid_union':
      report(path, 'schema', 'error', 'wrong type', { ...at, expected: unionExpectation(issue) });
      return;
    default:
      report(path, 'schema', 'error', issue.message, at);
  }
}

function lintSlug(written: string, slug: string, report: Report): void {
  if (written !== slug) {
    report(['slug'], 'slug', 'error', 'slug must equal the file name', {
      at: 'value',
      expected: `"${slug}"`,
      received: `"${written}"`,
    });
  }
}

/** A label under a lens the site does not declare (src/config/site.ts) is shown, never paged. */
function lintLenses(labels: PatternFrontmatter['context_labels'], report: Report): void {
  const declared = new Set(SITE.lenses.map(({ key }) => key));
  for (const key of Object.keys(labels)) {
    if (declared.has(key)) continue;
    report(
      ['context_labels', key],
      'lens',
      'warning',
      `lens "${key}" is not one of the site's lenses (${[...declared].join(', ')}): its label is shown on the pattern page only, with no lens page or listing`,
    );
  }
}

/** Rules that need the whole valid front matter. */
function lint(frontmatter: PatternFrontmatter, slug: string, report: Report): void {
  lintSlug(frontmatter.slug, slug, report);
  lintLenses(frontmatter.context_labels, report);
  const assessment = frontmatter.ontology.commons_assessment;
  const scores = ASSESSMENT_PILLARS.map((pillar) => assessment[pillar]).filter(
    (value) => value !== undefined,
  );
  if (scores.length !== ASSESSMENT_PILLARS.length) return;
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
  if (Math.abs(assessment.overall_score - mean) > OVERALL_SCORE_TOLERANCE) {
    report(
      ['ontology', 'commons_assessment', 'overall_score'],
      'score',
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
