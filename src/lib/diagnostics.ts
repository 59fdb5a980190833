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
