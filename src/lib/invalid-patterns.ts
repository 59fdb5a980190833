/**
 * The error a build fails with when pattern files are invalid: it carries the
 * diagnostics themselves, so whoever catches it (scripts/build.ts) reports
 * them without reading them back out of a message.
 */
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from './diagnostics.ts';

/**
 * Marks the error across module instances: Astro evaluates the content loader in its own module
 * graph, so the class the build script imports is not the one that threw.
 */
const BRAND = Symbol.for('pattern-library.invalid-patterns');

export class InvalidPatternsError extends Error {
  /** Every error, sorted by file, line and column. */
  readonly diagnostics: readonly Diagnostic[];
  /** How many files they concern. */
  readonly files: number;
  readonly [BRAND] = true;

  constructor(diagnostics: readonly Diagnostic[]) {
    const sorted = sortDiagnostics(diagnostics);
    const files = new Set(sorted.map((d) => d.file)).size;
    super(
      `${String(files)} invalid pattern file(s); fix them or build with PATTERNS_ON_ERROR=skip:\n${sorted.map(formatDiagnostic).join('\n')}`,
    );
    this.name = 'InvalidPatternsError';
    this.diagnostics = sorted;
    this.files = files;
  }

  /** The invalid-patterns error `error` is, or was caused by (Astro may wrap it). */
  static find(error: unknown): InvalidPatternsError | undefined {
    for (let cause = error; typeof cause === 'object' && cause !== null;) {
      if (BRAND in cause) return cause as InvalidPatternsError;
      cause = (cause as { cause?: unknown }).cause;
    }
    return undefined;
  }
}
