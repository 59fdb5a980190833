import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/lib/diagnostics.ts';
import { InvalidPatternsError } from '../src/lib/invalid-patterns.ts';

const problem = (file: string, line: number): Diagnostic => ({
  file,
  line,
  column: 3,
  severity: 'error',
  rule: 'schema',
  path: 'lifecycle.status',
  message: 'not one of the allowed values',
  expected: 'draft | active',
  received: 'done',
});

describe('the error a build fails with on invalid patterns', () => {
  it('carries every diagnostic, sorted, and counts the files', () => {
    const error = new InvalidPatternsError([
      problem('b.md', 2),
      problem('a.md', 9),
      problem('b.md', 1),
    ]);
    expect(error.diagnostics.map(({ file, line }) => `${file}:${String(line)}`)).toEqual([
      'a.md:9',
      'b.md:1',
      'b.md:2',
    ]);
    expect(error.files).toBe(2);
    expect(error.message.split('\n')[1]).toBe(
      'a.md:9:3: error: lifecycle.status: not one of the allowed values (expected draft | active, got done) [schema]',
    );
  });

  it('is found behind the errors that wrap it, and not in other errors', () => {
    const error = new InvalidPatternsError([problem('a.md', 1)]);
    const wrapped = new Error('content layer failed', {
      cause: new Error('sync', { cause: error }),
    });
    expect(InvalidPatternsError.find(wrapped)).toBe(error);
    expect(InvalidPatternsError.find(new Error('other', { cause: 'text' }))).toBeUndefined();
    expect(InvalidPatternsError.find('not an error')).toBeUndefined();
  });
});
