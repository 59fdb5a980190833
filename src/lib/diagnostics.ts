/**
 * Diagnostics: the one shape every stage reports problems in, and the one
 * place that formats them for people (`path:line:col: …`) and for GitHub.
 */

import { counted, formatCount } from './counts.ts';
import { RULES, type Rule } from './rules.ts';

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** File path as given to the checker (relative to the working directory when possible). */
  readonly file: string;
  /** 1-based line in the file; 0 when the problem concerns the whole file. */
  readonly line: number;
  /** 1-based column in the file; 0 when the problem concerns the whole file. */
  readonly column: number;
  readonly severity: Severity;
  /** The kind of problem (src/lib/rules.ts), printed at the line's end. */
  readonly rule: Rule;
  /** Dotted field path (`relationships.enables[2].weight`), or `body.<section>` for body problems. */
  readonly path: string;
  readonly message: string;
  readonly expected?: string;
  readonly received?: string;
}

/** Orders diagnostics (or anything placed in a file) by file, then line, then column. */
export function sortDiagnostics<T extends Pick<Diagnostic, 'file' | 'line' | 'column'>>(
  diagnostics: readonly T[],
): T[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column,
  );
}

/** Characters that could end or break an output line: C0 and C1 controls, line and paragraph separators, lone surrogates. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNPRINTABLE = /[\0-\x1F\x7F-\x9F\u2028\u2029\uD800-\uDFFF]/gu;
const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Text from a file made safe for one output line: newlines, tabs and every other control
 * character become visible escapes (`\n`, `\u001b`), so nothing a file contains can start a
 * line of its own (a forged `::error` workflow command, a fake diagnostic).
 */
export function escapeControls(text: string): string {
  return text.replace(
    UNPRINTABLE,
    (char) => NAMED[char] ?? `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  );
}

function detail(d: Diagnostic): string {
  const parts = [
    d.expected === undefined ? undefined : `expected ${d.expected}`,
    d.received === undefined ? undefined : `got ${d.received}`,
  ].filter((part) => part !== undefined);
  return parts.length === 0 ? '' : ` (${parts.join(', ')})`;
}

/** `path:line:col: error|warning: field.path: message (expected …, got …) [rule]`, always one line. */
export function formatDiagnostic(d: Diagnostic): string {
  return escapeControls(
    `${d.file}:${String(d.line)}:${String(d.column)}: ${d.severity}: ${d.path}: ${d.message}${detail(d)} [${d.rule}]`,
  );
}

const escapeData = (text: string): string => escapeControls(text).replace(/%/g, '%25');
const escapeProperty = (text: string): string =>
  escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** A GitHub Actions workflow command that annotates the file inline. */
export function formatAnnotation(d: Diagnostic): string {
  const where = [`file=${escapeProperty(d.file)}`];
  if (d.line > 0) where.push(`line=${String(d.line)}`, `col=${String(d.column)}`);
  return `::${d.severity} ${where.join(',')},title=${escapeProperty(`${d.path} [${d.rule}]`)}::${escapeData(d.message + detail(d))}`;
}

/** Text from a file made literal in GitHub's Markdown, on one line and inside a table cell. */
const escapeMarkdown = (text: string): string =>
  escapeControls(text)
    .replace(/[\\`*_[\]|~]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');

/** Problems a job summary lists one by one; the rest are counted (GitHub takes 1 MiB). */
export const SUMMARY_PROBLEMS = 500;

/**
 * The check as a GitHub Actions job summary (Markdown, for `$GITHUB_STEP_SUMMARY`): the summary
 * line, the problems by kind, then every problem (up to {@link SUMMARY_PROBLEMS}) — GitHub shows
 * only ten annotations of each severity per step on the diff.
 */
export function jobSummary(
  files: number,
  diagnostics: readonly Diagnostic[],
  formats?: Readonly<Record<string, number>>,
): string {
  const lines = [`### Pattern check: ${summarize(files, diagnostics, formats)}`, ''];
  if (diagnostics.length === 0) return `${lines.join('\n')}\n`;
  lines.push(
    '| Kind | Errors | Warnings | What it reports |',
    '| --- | ---: | ---: | --- |',
    ...countByRule(diagnostics).map(
      ({ rule, errors, warnings }) =>
        // The kinds' own text is the project's Markdown; what comes from files is escaped.
        `| \`${rule}\` | ${String(errors)} | ${String(warnings)} | ${RULES[rule]} |`,
    ),
    '',
    '| File | Line | Severity | Field | Problem | Kind |',
    '| --- | ---: | --- | --- | --- | --- |',
    ...diagnostics
      .slice(0, SUMMARY_PROBLEMS)
      .map(
        (d) =>
          `| ${escapeMarkdown(d.file)} | ${String(d.line)}:${String(d.column)} | ${d.severity} | ${escapeMarkdown(d.path)} | ${escapeMarkdown(d.message + detail(d))} | ${d.rule} |`,
      ),
  );
  const left = diagnostics.length - SUMMARY_PROBLEMS;
  if (left > 0)
    lines.push('', `… and ${counted(left, 'more problem')}: the step's log has them all.`);
  return `${lines.join('\n')}\n`;
}

/**
 * `N files, E errors, W warnings`; when some are not v7.1, with the count of files per format:
 * `N files (A v7.1, B incomplete, C older), E errors, W warnings` (formats with no file left out).
 */
export function summarize(
  files: number,
  diagnostics: readonly Diagnostic[],
  formats?: Readonly<Record<string, number>>,
): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const shown = Object.entries(formats ?? {}).filter(
    ([format, count]) => format === 'v7.1' || count > 0,
  );
  const perFormat = shown.some(([format, count]) => format !== 'v7.1' && count > 0)
    ? ` (${shown.map(([format, count]) => `${formatCount(count)} ${format}`).join(', ')})`
    : '';
  return `${counted(files, 'file')}${perFormat}, ${counted(errors, 'error')}, ${counted(diagnostics.length - errors, 'warning')}`;
}

/** How many problems of one kind a check found. */
export interface RuleCount {
  readonly rule: Rule;
  readonly errors: number;
  readonly warnings: number;
}

/** The problems counted by kind: the kinds with errors first, then by count. */
export function countByRule(diagnostics: readonly Diagnostic[]): RuleCount[] {
  const counts = new Map<Rule, { errors: number; warnings: number }>();
  for (const { rule, severity } of diagnostics) {
    const count = counts.get(rule) ?? { errors: 0, warnings: 0 };
    if (severity === 'error') count.errors += 1;
    else count.warnings += 1;
    counts.set(rule, count);
  }
  return [...counts]
    .map(([rule, count]) => ({ rule, ...count }))
    .sort((a, b) => b.errors - a.errors || b.warnings - a.warnings);
}

/**
 * The problems counted by kind ({@link countByRule}) as lines of a table (count, rule id, what
 * the rule is), under a heading saying how to see one kind; none when they are all of one kind.
 */
export function ruleTable(diagnostics: readonly Diagnostic[]): string[] {
  const counts = countByRule(diagnostics);
  if (counts.length < 2) return [];
  const rows = counts.map(({ rule, errors, warnings }) => [
    [errors > 0 && counted(errors, 'error'), warnings > 0 && counted(warnings, 'warning')]
      .filter((part) => part !== false)
      .join(', '),
    rule,
    RULES[rule],
  ]);
  const widths = [0, 1].map((column) => Math.max(...rows.map((row) => row[column]?.length ?? 0)));
  return [
    'By kind (`npm run check -- --only <kind>` shows one kind):',
    ...rows.map(
      ([count = '', rule = '', what]) =>
        `  ${count.padStart(widths[0] ?? 0)}  ${rule.padEnd(widths[1] ?? 0)}  ${what ?? ''}`,
    ),
  ];
}

/** How `npm run check` was asked to leave problems out. */
export interface ReportFilter {
  /** Errors only (the summary still counts the warnings). */
  readonly quiet?: boolean;
  /** Only these kinds of problem: the others are neither shown nor counted. */
  readonly only?: ReadonlySet<Rule> | undefined;
}

/**
 * The problems a report counts (those of the kinds `only` names, else all) and those it shows
 * (of those, the errors only when `quiet`).
 */
export function filtered(
  all: readonly Diagnostic[],
  { quiet = false, only }: ReportFilter,
): { counted: readonly Diagnostic[]; shown: readonly Diagnostic[] } {
  const counted = only ? all.filter((d) => only.has(d.rule)) : all;
  return { counted, shown: quiet ? counted.filter((d) => d.severity === 'error') : counted };
}

/**
 * `npm run check -- --json`: the report as one JSON document — the files (per format), the
 * errors and warnings counted, the problems by kind, and each problem shown with its kind —
 * for programs (editors, bots); `filter` as for {@link checkReport}.
 */
export function checkJson(
  files: number,
  all: readonly Diagnostic[],
  formats: Readonly<Record<string, number>> | undefined,
  filter: ReportFilter = {},
): string {
  const { counted, shown } = filtered(all, filter);
  const errors = counted.filter((d) => d.severity === 'error').length;
  return `${JSON.stringify(
    {
      files,
      ...(formats ? { formats } : {}),
      errors,
      warnings: counted.length - errors,
      by_kind: countByRule(counted).map(({ rule, ...count }) => ({ kind: rule, ...count })),
      problems: shown.map(({ rule, ...d }) => ({ ...d, kind: rule })),
    },
    null,
    2,
  )}\n`;
}

/**
 * What `npm run check` prints: one line per problem (with its GitHub annotation after it when
 * `annotate`), the problems by kind when there are several kinds, then the summary line.
 * `quiet` leaves the warnings out, but not their count; `only` keeps the kinds it names.
 */
export function checkReport(
  files: number,
  all: readonly Diagnostic[],
  annotate: boolean,
  formats?: Readonly<Record<string, number>>,
  filter: ReportFilter = {},
): string {
  const { counted: diagnostics, shown } = filtered(all, filter);
  const { only } = filter;
  const lines = shown.map((d) =>
    annotate ? `${formatDiagnostic(d)}\n${formatAnnotation(d)}` : formatDiagnostic(d),
  );
  lines.push(...ruleTable(diagnostics));
  const hid = shown.length < diagnostics.length;
  const flags = [hid && '--quiet', only && `--only ${[...only].join(',')}`].filter(
    (flag) => typeof flag === 'string',
  );
  const note = `${hid ? ' not shown' : ''}${flags.length > 0 ? ` (${flags.join(' ')})` : ''}`;
  lines.push(`${summarize(files, diagnostics, formats)}${note}`);
  return `${lines.join('\n')}\n`;
}
