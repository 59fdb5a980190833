import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleTable, type Diagnostic } from '../src/lib/diagnostics.ts';
import { RULE_IDS, RULES, type Rule } from '../src/lib/rules.ts';

const problem = (rule: Rule, severity: Diagnostic['severity']): Diagnostic => ({
  file: 'a.md',
  line: 1,
  column: 1,
  severity,
  rule,
  path: 'x',
  message: 'm',
});

/** Every TypeScript file under `dir`, recursively. */
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'));

describe('the kinds of problem', () => {
  it('are each listed in the README with what they report', () => {
    const readme = readFileSync('README.md', 'utf8');
    for (const rule of RULE_IDS) {
      expect(readme).toMatch(
        new RegExp(
          `\\| \`${rule}\` +\\| ${RULES[rule].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} +\\|`,
        ),
      );
    }
  });

  it('are each reported by some check', () => {
    const code = [...sources('src/lib'), ...sources('schema')]
      .filter((text) => !text.includes('export const RULES = {'))
      .join('\n');
    for (const rule of RULE_IDS) expect(code, rule).toContain(`'${rule}'`);
  });

  it('are counted in a table, errors first, then by count', () => {
    const table = ruleTable([
      problem('wanted-pattern', 'warning'),
      problem('schema', 'error'),
      problem('wanted-pattern', 'warning'),
      problem('older-format', 'warning'),
      problem('older-format', 'error'),
    ]);
    expect(table).toMatchInlineSnapshot(`
      [
        "By kind (\`npm run check -- --only <kind>\` shows one kind):",
        "  1 error, 1 warning  older-format    a file in the older format: shown as written; \`npm run migrate\` converts it",
        "             1 error  schema          a field that does not match the format: missing, of the wrong type or value",
        "          2 warnings  wanted-pattern  a relationship to a pattern that has no file yet",
      ]
    `);
  });

  it('need no table when every problem is of one kind', () => {
    expect(ruleTable([problem('schema', 'error'), problem('schema', 'warning')])).toEqual([]);
  });
});
