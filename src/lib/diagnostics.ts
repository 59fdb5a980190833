/**
 * Diagnostics: the one shape every stage reports problems in, and the one
 * place that formats them for people (`path:line:col: …`) and for GitHub.
 */

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** File path as given to the checker (relative to the working directory when possible). */
  readonly file: string;
  /** 1-based line in the file; 0 when the problem concerns the whole file. */
  readonly line: number;
  /** 1-based column in the file; 0 when the problem concerns the whole file. */
  readonly column: number;
  readonly severity: Severity;
  /** Dotted field path (`relationships.enables[2].weight`), or `body.<section>` for body problems. */
  readonly path: string;
  readonly message: string;
  readonly expected?: string;
  readonly received?: string;
}

/** Orders diagnostics by file, then line, then column. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column,
  );
}

function detail(d: Diagnostic): string {
  const parts = [
    d.expected === undefined ? undefined : `expected ${d.expected}`,
    d.received === undefined ? undefined : `got ${d.received}`,
  ].filter((part) => part !== undefined);
  return parts.length === 0 ? '' : ` (${parts.join(', ')})`;
}

/** `path:line:col: error|warning: field.path: message (expected …, got …)` */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${String(d.line)}:${String(d.column)}: ${d.severity}: ${d.path}: ${d.message}${detail(d)}`;
}

const escapeData = (text: string): string =>
  text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string): string =>
  escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** A GitHub Actions workflow command that annotates the file inline. */
export function formatAnnotation(d: Diagnostic): string {
  const where = [`file=${escapeProperty(d.file)}`];
  if (d.line > 0) where.push(`line=${String(d.line)}`, `col=${String(d.column)}`);
  return `::${d.severity} ${where.join(',')},title=${escapeProperty(d.path)}::${escapeData(d.message + detail(d))}`;
}

/**
 * `N files, E errors, W warnings`; when some are not v7.1, with the count of files per format:
 * `N files (A v7.1, B older), E errors, W warnings`.
 */
export function summarize(
  files: number,
  diagnostics: readonly Diagnostic[],
  formats?: Readonly<Record<string, number>>,
): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const plural = (n: number, word: string): string => `${String(n)} ${word}${n === 1 ? '' : 's'}`;
  const counted = Object.entries(formats ?? {});
  const perFormat = counted.some(([format, count]) => format !== 'v7.1' && count > 0)
    ? ` (${counted.map(([format, count]) => `${String(count)} ${format}`).join(', ')})`
    : '';
  return `${plural(files, 'file')}${perFormat}, ${plural(errors, 'error')}, ${plural(diagnostics.length - errors, 'warning')}`;
}
