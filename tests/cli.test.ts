import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUILD_ARGS } from '../scripts/lib/build-command.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function check(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['scripts/check.js', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, GITHUB_ACTIONS: '', GITHUB_STEP_SUMMARY: '', PATTERNS_DIR: '', ...env },
  });
  return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

describe('npm run check', () => {
  it('checks patterns/ by default and exits 0 when there are only warnings', () => {
    const { status, stdout } = check([], { PATTERNS_DIR: 'patterns' });
    expect(status).toBe(0);
    expect(stdout.split('\n').at(-1)).toBe('1 file, 0 errors, 7 warnings');
  });

  it('takes the folder from PATTERNS_DIR', () => {
    const { status, stdout } = check([], { PATTERNS_DIR: 'tests/fixtures/library-warnings' });
    expect(status).toBe(0);
    expect(stdout.split('\n').at(-1)).toBe('1 file, 0 errors, 3 warnings');
  });

  it('prints every problem of every named path, then exits 1', () => {
    const { status, stdout } = check([
      'tests/fixtures/score-out-of-range',
      'tests/fixtures/empty-file/empty-file.md',
      'tests/fixtures/nowhere',
    ]);
    expect(status).toBe(1);
    expect(stdout).toMatchInlineSnapshot(`
      "tests/fixtures/empty-file/empty-file.md:1:1: error: file: the file is empty [file]
      tests/fixtures/nowhere:0:0: error: file: no such file or folder [file]
      tests/fixtures/score-out-of-range/score-out-of-range.md:24:17: error: ontology.commons_assessment.resilience: out of range (expected ≤ 5, got 7) [schema]
      tests/fixtures/score-out-of-range/score-out-of-range.md:26:15: error: ontology.commons_assessment.autonomy: out of range (expected ≥ 0, got -1) [schema]
      By kind (\`npm run check -- --only <kind>\` shows one kind):
        2 errors  file    a path that is not a readable Markdown file
        2 errors  schema  a field that does not match the format: missing, of the wrong type or value
      2 files, 4 errors, 0 warnings"
    `);
  });

  it('fails a file named with --new when it is in the older format, and counts formats', () => {
    const { status, stdout } = check([
      '--new',
      'tests/fixtures/older-format/older-format.md',
      'tests/fixtures/real-library/devops.md',
    ]);
    expect(status).toBe(1);
    expect(stdout).toMatchInlineSnapshot(`
      "tests/fixtures/older-format/older-format.md:8:1: error: classification: a new pattern must be in the v7.1 format; \`npm run migrate -- tests/fixtures/older-format/older-format.md\` converts its frontmatter [older-format]
      tests/fixtures/real-library/devops.md:12:1: warning: classification: older format: shown as written; \`npm run migrate -- tests/fixtures/real-library/devops.md\` converts its frontmatter [older-format]
      2 files (0 v7.1, 2 older), 1 error, 1 warning"
    `);
  });

  it('only warns about an older-format file that is not new', () => {
    const { status, stdout } = check(['tests/fixtures/older-format/older-format.md']);
    expect(status).toBe(0);
    expect(stdout.split('\n').at(-1)).toBe('1 file (0 v7.1, 1 older), 0 errors, 1 warning');
  });

  it('prints errors only with --quiet, and still counts the warnings', () => {
    const paths = ['tests/fixtures/score-out-of-range', 'tests/fixtures/real-library/devops.md'];
    const all = check(paths).stdout.split('\n');
    const quiet = check(['--quiet', ...paths]);
    expect(quiet.status).toBe(1);
    expect(all.filter((line) => line.includes(': warning: '))).toHaveLength(1);
    expect(quiet.stdout).toMatchInlineSnapshot(`
      "tests/fixtures/score-out-of-range/score-out-of-range.md:24:17: error: ontology.commons_assessment.resilience: out of range (expected ≤ 5, got 7) [schema]
      tests/fixtures/score-out-of-range/score-out-of-range.md:26:15: error: ontology.commons_assessment.autonomy: out of range (expected ≥ 0, got -1) [schema]
      By kind (\`npm run check -- --only <kind>\` shows one kind):
         2 errors  schema        a field that does not match the format: missing, of the wrong type or value
        1 warning  older-format  a file in the older format: shown as written; \`npm run migrate\` converts it
      2 files (1 v7.1, 1 older), 2 errors, 1 warning not shown (--quiet)"
    `);
    expect(all.at(-1)).toBe('2 files (1 v7.1, 1 older), 2 errors, 1 warning');
  });

  it('counts the problems by kind, and with --only shows one kind and exits on its errors only', () => {
    const paths = ['tests/fixtures/score-out-of-range', 'tests/fixtures/real-library/devops.md'];
    const only = check(['--only', 'older-format', ...paths]);
    expect(only.status).toBe(0);
    expect(only.stdout).toMatchInlineSnapshot(`
      "tests/fixtures/real-library/devops.md:12:1: warning: classification: older format: shown as written; \`npm run migrate -- tests/fixtures/real-library/devops.md\` converts its frontmatter [older-format]
      2 files (1 v7.1, 1 older), 0 errors, 1 warning (--only older-format)"
    `);
    const unknown = check(['--only', 'schema,older,dead-links', ...paths]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr.split('\n')[0]).toMatchInlineSnapshot(
      `"npm run check: no kind of problem is called "older" or "dead-links" (did you mean "dead-link"?) (kinds: file, front-matter, schema, slug, placeholder, unknown-field, drift, machine-entry, older-format, incomplete, lens, score, sections, nesting, characters, dead-link, wanted-pattern, duplicate, near-duplicate)"`,
    );
  });

  it('lists its options with --help, and refuses a mistyped one in a line, without a stack trace', () => {
    const help = check(['--help']);
    expect(help.status).toBe(0);
    for (const option of [
      '--new FILE',
      '--quiet',
      '--only KIND[,KIND]',
      '--json',
      '--duplicates',
      '--help, -h',
    ]) {
      expect(help.stdout).toContain(`  ${option}  `);
    }
    const mistyped = check(['--quite', 'patterns']);
    expect(mistyped.status).toBe(2);
    expect(mistyped.stdout).toBe('');
    expect(mistyped.stderr).toMatchInlineSnapshot(`
      "npm run check: Unknown option '--quite'
      usage: npm run check -- [options] [FILE_OR_DIR...]
      (npm run check -- --help lists the options)"
    `);
  });

  it('prints the report as one JSON document with --json, the same problems and counts', () => {
    const paths = ['tests/fixtures/score-out-of-range', 'tests/fixtures/real-library/devops.md'];
    const text = check(paths).stdout.split('\n');
    const json = check(['--json', ...paths]);
    expect(json.status).toBe(1);
    const report = JSON.parse(json.stdout) as {
      files: number;
      errors: number;
      warnings: number;
      by_kind: unknown[];
      problems: { file: string; line: number; column: number; severity: string; kind: string }[];
    };
    expect(
      report.problems.map((p) => `${p.file}:${String(p.line)}:${String(p.column)}: ${p.severity}`),
    ).toEqual(
      text
        .filter((line) => / (error|warning): /.test(line))
        .map((line) => line.split(': ').slice(0, 2).join(': ')),
    );
    expect(report.problems.map((p) => p.kind)).toEqual(['older-format', 'schema', 'schema']);
    expect([report.files, report.errors, report.warnings]).toEqual([2, 2, 1]);
    expect(report.by_kind).toEqual([
      { kind: 'schema', errors: 2, warnings: 0 },
      { kind: 'older-format', errors: 0, warnings: 1 },
    ]);
    const quiet = JSON.parse(check(['--json', '--quiet', ...paths]).stdout) as typeof report;
    expect(quiet.problems.map((p) => p.severity)).toEqual(['error', 'error']);
    expect(quiet.warnings).toBe(1);
    expect(check(['--json', '--duplicates', ...paths]).status).toBe(2);
  });

  it('appends the whole check to the job summary GitHub names, after what the step wrote', () => {
    const summary = join(mkdtempSync(join(tmpdir(), 'summary-')), 'summary.md');
    writeFileSync(summary, 'Before.\n');
    const { status } = check(['tests/fixtures/score-out-of-range'], {
      GITHUB_STEP_SUMMARY: summary,
    });
    expect(status).toBe(1);
    expect(readFileSync(summary, 'utf8')).toMatchInlineSnapshot(`
      "Before.
      ### Pattern check: 1 file, 2 errors, 0 warnings

      | Kind | Errors | Warnings | What it reports |
      | --- | ---: | ---: | --- |
      | \`schema\` | 2 | 0 | a field that does not match the format: missing, of the wrong type or value |

      | File | Line | Severity | Field | Problem | Kind |
      | --- | ---: | --- | --- | --- | --- |
      | tests/fixtures/score-out-of-range/score-out-of-range.md | 24:17 | error | ontology.commons\\_assessment.resilience | out of range (expected ≤ 5, got 7) | schema |
      | tests/fixtures/score-out-of-range/score-out-of-range.md | 26:15 | error | ontology.commons\\_assessment.autonomy | out of range (expected ≥ 0, got -1) | schema |
      "
    `);
  });

  it('adds GitHub annotations under GitHub Actions', () => {
    const { stdout } = check(['tests/fixtures/wrong-type-deep'], { GITHUB_ACTIONS: 'true' });
    expect(stdout.split('\n')[1]).toMatchInlineSnapshot(
      `"::error file=tests/fixtures/wrong-type-deep/wrong-type-deep.md,line=43,col=16,title=relationships.enables[0].weight [schema]::wrong type (expected number, got "high")"`,
    );
  });
});

describe('npm run build', () => {
  it('starts the build as the benchmarks and the tests’ builds do', () => {
    const { scripts } = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(scripts['build']).toBe(`node ${BUILD_ARGS.join(' ')}`);
  });
});
