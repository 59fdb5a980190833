/**
 * One hostile file can never break the library: every example of issue 11, each reproduced from
 * a small valid pattern with one change (fixture folders, or generated here when the file would
 * be huge).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SECTION_KEYS } from '../src/lib/body.ts';
import {
  formatAnnotation,
  formatDiagnostic,
  jobSummary,
  SUMMARY_PROBLEMS,
  type Diagnostic,
} from '../src/lib/diagnostics.ts';
import { findPatternFiles, loadLibrary, readPlainFile } from '../src/lib/load.ts';
import { readPatternFile } from '../src/lib/pattern-file.ts';
import { RESERVED_PAGE_IDS } from '../src/lib/reserved.ts';
import { MAX_ITEMS } from '../src/lib/yaml.ts';
import { SITE } from '../src/config/site.ts';
import { buildLibraryModel } from '../src/model/library-model.ts';
import { toStoredPattern } from '../src/model/stored.ts';
import { checkFixture, FIXTURES, render, v71 } from './helpers/fixtures.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MINIMAL = readFileSync(`${FIXTURES}valid/minimal-pattern.md`, 'utf8');

/** Checks the minimal pattern after one change, as `minimal-pattern.md`. */
function checkText(text: string): string {
  return render(readPatternFile(`${FIXTURES}minimal-pattern.md`, Buffer.from(text)).diagnostics);
}

function checkCli(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['scripts/check.js', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, GITHUB_ACTIONS: '', PATTERNS_DIR: '', ...env },
  });
  return { status: result.status, lines: result.stdout.trimEnd().split('\n') };
}

describe('every string is valid in every output', () => {
  it('refuses a lone surrogate written as a YAML escape, naming the field', async () => {
    expect(await checkFixture('lone-surrogate')).toMatchInlineSnapshot(
      `"lone-surrogate/lone-surrogate.md:4:9: error: title: text contains U+D800, a lone surrogate (half of a UTF-16 pair), which no page, feed or search index can hold; remove the escape that writes it [characters]"`,
    );
  });

  it('refuses control characters and noncharacters in values and keys', async () => {
    expect(await checkFixture('control-escapes')).toMatchInlineSnapshot(`
      "control-escapes/control-escapes.md:4:9: error: title: text contains U+0000, a control character, which no page, feed or search index can hold; remove the escape that writes it [characters]
      control-escapes/control-escapes.md:6:11: error: summary: text contains U+001B, a control character, which no page, feed or search index can hold; remove the escape that writes it [characters]
      control-escapes/control-escapes.md:29:26: error: ontology.commons_assessment.vitality_reasoning: text contains U+000B, a control character, which no page, feed or search index can hold; remove the escape that writes it [characters]
      control-escapes/control-escapes.md:55:15: error: attribution: text contains U+FFFE, a noncharacter, which no page, feed or search index can hold; remove the escape that writes it [characters]
      control-escapes/control-escapes.md:56:2: error: key \\u0001 here: key contains U+0001, a control character, which no page, feed or search index can hold; remove the escape that writes it [characters]
      control-escapes/control-escapes.md:56:2: warning: key \\u0001 here: unknown field "key \\u0001 here" (not in the v7.1 format; ignored) [unknown-field]"
    `);
  });

  it('removes control characters from the body with a warning at each one', async () => {
    const library = await loadLibrary([`${FIXTURES}body-controls`]);
    expect(render(library.diagnostics)).toMatchInlineSnapshot(`
      "body-controls/body-controls.md:66:4: warning: body: removed U+0000, a control character, which no page or feed can hold [characters]
      body-controls/body-controls.md:67:1: warning: body: removed U+000C, a control character, which no page or feed can hold [characters]
      body-controls/body-controls.md:68:19: warning: body: removed U+001B, a control character, which no page or feed can hold [characters]"
    `);
    const context = v71(library.patterns[0]).body.sections.find(({ key }) => key === 'context');
    expect(context?.markdown).toBe('Context.\n\nAfter a form feed [31m.');
  });

  it('counts removed characters beyond the tenth in one warning', () => {
    const text = MINIMAL.replace('Context.\n', `Context ${'\u0007'.repeat(25)}.\n`);
    expect(checkText(text).split('\n').slice(-2)).toMatchInlineSnapshot(`
      [
        "minimal-pattern.md:66:18: warning: body: removed U+0007, a control character, which no page or feed can hold [characters]",
        "minimal-pattern.md:66:18: warning: body: removed 15 more such characters [characters]",
      ]
    `);
  });
});

describe('one problem, one line', () => {
  const hostile: Diagnostic = {
    file: 'a\nb.md',
    line: 1,
    column: 2,
    severity: 'error',
    rule: 'schema',
    path: 'x\r\n::error::forged',
    message: 'm\u2028n\u001b[31m',
    expected: 'e\nf',
    received: '"\ud800"',
  };

  it('escapes newlines and control characters in plain output', () => {
    expect(formatDiagnostic(hostile)).toMatchInlineSnapshot(
      `"a\\nb.md:1:2: error: x\\r\\n::error::forged: m\\u2028n\\u001b[31m (expected e\\nf, got "\\ud800") [schema]"`,
    );
  });

  it('sets them, and Markdown, as literal text in the GitHub job summary', () => {
    const marked = { ...hostile, message: 'a | b <img src=x> `c` *d* [e](f) \\' };
    expect(jobSummary(1, [marked]).split('\n').at(-2)).toMatchInlineSnapshot(
      `"| a\\\\nb.md | 1:2 | error | x\\\\r\\\\n::error::forged | a \\| b &lt;img src=x&gt; \\\`c\\\` \\*d\\* \\[e\\](f) \\\\ (expected e\\\\nf, got "\\\\ud800") | schema |"`,
    );
  });

  it('lists at most 500 problems in the job summary, and counts the rest', () => {
    const many = Array.from({ length: SUMMARY_PROBLEMS + 2 }, (_, line) => ({ ...hostile, line }));
    const lines = jobSummary(1, many).trim().split('\n');
    expect(lines.filter((line) => line.endsWith(' | schema |'))).toHaveLength(SUMMARY_PROBLEMS);
    expect(lines.at(-1)).toBe("… and 2 more problems: the step's log has them all.");
  });

  it('escapes them in GitHub annotations too', () => {
    expect(formatAnnotation(hostile)).toMatchInlineSnapshot(
      `"::error file=a\\nb.md,line=1,col=2,title=x\\r\\n%3A%3Aerror%3A%3Aforged [schema]::m\\u2028n\\u001b[31m (expected e\\nf, got "\\ud800")"`,
    );
  });

  it('never lets a key with a newline start a line of the check output', () => {
    const { status, lines } = checkCli(['tests/fixtures/newline-key'], { GITHUB_ACTIONS: 'true' });
    expect(status).toBe(0);
    expect(lines).toMatchInlineSnapshot(`
      [
        "tests/fixtures/newline-key/newline-key.md:57:2: warning: x\\n::warning file=README.md,line=1::forged annotation: unknown field "x\\n::warning file=README.md,line=1::forged annotation" (not in the v7.1 format; ignored) [unknown-field]",
        "::warning file=tests/fixtures/newline-key/newline-key.md,line=57,col=2,title=x\\n%3A%3Awarning file=README.md%2Cline=1%3A%3Aforged annotation [unknown-field]::unknown field "x\\n::warning file=README.md,line=1::forged annotation" (not in the v7.1 format; ignored)",
        "1 file, 0 errors, 1 warning",
      ]
    `);
  });
});

describe('limits with their own messages', () => {
  it('refuses a file over 1 MB before reading it as text', () => {
    const huge = `${MINIMAL}\n${'Twenty megabytes of body. '.repeat(800_000)}\n`;
    expect(checkText(huge)).toMatchInlineSnapshot(
      `"minimal-pattern.md:0:0: error: file: the file is 20315 KB; a pattern file may have at most 1 MB (1048576 bytes) [file]"`,
    );
  });

  it('names too many list items as such, not as an alias expansion', () => {
    const slugs = Array.from({ length: 30_000 }, (_, i) => `pattern-${String(i)}`).join(', ');
    const text = MINIMAL.replace(
      /enables:\n {4}- slug: minimal-pattern\n {6}weight: 0\.5\n/,
      `enables: [${slugs}]\n`,
    );
    expect(checkText(text)).toMatchInlineSnapshot(
      `"minimal-pattern.md:41:12903: error: front matter: more than 1000 items in one list [front-matter]"`,
    );
  });

  it('names a mapping with too many entries', () => {
    const keys = Array.from({ length: 1_001 }, (_, i) => `  k${String(i)}: x`).join('\n');
    const text = MINIMAL.replace('graph_garden:\n', `graph_garden:\n${keys}\n`);
    expect(checkText(text)).toMatchInlineSnapshot(
      `"minimal-pattern.md:1049:3: error: front matter: more than 1000 entries in one mapping [front-matter]"`,
    );
  });

  it('keeps the alias message for alias bombs', async () => {
    expect(await checkFixture('alias-bomb')).toContain('YAML aliases expand to more than');
  });

  it('limits the length of a string', () => {
    const text = MINIMAL.replace(
      'attribution: "test fixture"',
      `attribution: "${'a'.repeat(10_001)}"`,
    );
    expect(checkText(text)).toMatchInlineSnapshot(
      `"minimal-pattern.md:56:15: error: front matter: text longer than 10000 characters (it has 10001) [front-matter]"`,
    );
  });

  it('limits the length of a key', async () => {
    expect(await checkFixture('long-key')).toMatchInlineSnapshot(
      `"long-key/long-key.md:13:3: error: front matter: key longer than 100 characters (it has 300) [front-matter]"`,
    );
  });

  it('names .nan and .inf as such', async () => {
    expect(await checkFixture('special-numbers')).toMatchInlineSnapshot(`
      "special-numbers/special-numbers.md:24:17: error: ontology.commons_assessment.resilience: wrong type (expected number, got .nan (not a number)) [schema]
      special-numbers/special-numbers.md:25:16: error: ontology.commons_assessment.ownership: wrong type (expected number, got .inf (infinity)) [schema]
      special-numbers/special-numbers.md:26:15: error: ontology.commons_assessment.autonomy: wrong type (expected number, got -.inf (infinity)) [schema]"
    `);
  });

  it('says what is wrong with a lens key: too long, or not kebab-case', async () => {
    expect(await checkFixture('lens-keys')).toMatchInlineSnapshot(`
      "lens-keys/lens-keys.md:13:47: error: context_labels.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa: lens name is 41 characters long; at most 40 (got "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa") [schema]
      lens-keys/lens-keys.md:14:15: error: context_labels.Town Hall: lens name must be lowercase kebab-case ASCII (a-z, 0-9, single hyphens) (got "Town Hall") [schema]"
    `);
  });
});

describe('lenses declared by the site', () => {
  /** The minimal pattern with extra context labels. */
  const withLabels = (lines: readonly string[]): string =>
    MINIMAL.replace(
      '  tech: "Minimal Pattern for Products"\n',
      `  tech: "Minimal Pattern for Products"\n${lines.map((line) => `${line}\n`).join('')}`,
    );

  it('warns about a lens the site does not declare, reading the same declaration as the site', () => {
    expect(SITE.lenses.map(({ key }) => key)).toContain('community');
    expect(checkText(withLabels(['  community: "Minimal Pattern for Neighbours"']))).toBe('');
    expect(
      checkText(withLabels(['  academic: "Minimal Pattern for Scholars"'])),
    ).toMatchInlineSnapshot(
      `"minimal-pattern.md:13:3: warning: context_labels.academic: lens "academic" is not one of the site's lenses (corporate, government, activist, tech, community): its label is shown on the pattern page only, with no lens page or listing [lens]"`,
    );
  });

  it('gives a file with 996 extra lenses (a full mapping) no page beyond the declared ones', () => {
    const extra = Array.from(
      { length: MAX_ITEMS - 4 },
      (_, i) => `  lens-${String(i).padStart(4, '0')}: "Minimal Pattern under lens ${String(i)}"`,
    );
    const read = readPatternFile(`${FIXTURES}minimal-pattern.md`, Buffer.from(withLabels(extra)));
    expect(read.diagnostics.filter(({ severity }) => severity === 'error')).toEqual([]);
    expect(read.diagnostics).toHaveLength(996);
    const library = buildLibraryModel([toStoredPattern(v71(read.pattern))]);
    const [pattern] = library.patterns;
    // A lens page per declared lens the pattern has, a listing per declared lens the library uses.
    expect(pattern?.lenses.map(({ key }) => key)).toEqual([
      'corporate',
      'government',
      'activist',
      'tech',
    ]);
    expect(library.lenses).toHaveLength(4);
    expect(pattern?.otherLabels).toHaveLength(996);
    expect(pattern?.otherLabels[0]).toEqual({
      key: 'lens-0000',
      name: 'Lens 0000',
      label: 'Minimal Pattern under lens 0',
    });
  });
});

describe('plain files only', () => {
  /** A pattern folder holding one real pattern, a link to a file and a link to a folder outside. */
  function linkedLibrary(): { root: string; dir: string } {
    const root = mkdtempSync(join(tmpdir(), 'symlinks-'));
    const dir = join(root, 'patterns');
    const outside = join(root, 'outside');
    mkdirSync(dir);
    mkdirSync(outside);
    writeFileSync(join(dir, 'minimal-pattern.md'), MINIMAL);
    writeFileSync(join(outside, 'secret.md'), MINIMAL);
    symlinkSync(join(outside, 'secret.md'), join(dir, 'linked.md'));
    symlinkSync(outside, join(dir, 'folder'));
    return { root, dir };
  }

  it('reports every symbolic link in the pattern folder and follows none', async () => {
    const { root, dir } = linkedLibrary();
    const found = await findPatternFiles([dir]);
    expect(found.files.map((file) => file.endsWith('minimal-pattern.md'))).toEqual([true]);
    expect(
      // Paths are given relative to the working directory: read them from the temporary root.
      found.diagnostics.map((d) => `${relative(root, resolve(d.file))}: ${d.message}`),
    ).toMatchInlineSnapshot(`
      [
        "patterns/folder: is a symbolic link; pattern files and folders must be plain files (nothing outside the pattern folder is read)",
        "patterns/linked.md: is a symbolic link; pattern files and folders must be plain files (nothing outside the pattern folder is read)",
      ]
    `);
  });

  it('refuses a symbolic link named on the command line', () => {
    const { dir } = linkedLibrary();
    for (const link of ['linked.md', 'folder']) {
      const { status, lines } = checkCli([join(dir, link)]);
      expect(status).toBe(1);
      expect(lines.at(0)).toContain(`${link}:0:0: error: file: is a symbolic link`);
      expect(lines.at(-1)).toBe('0 files, 1 error, 0 warnings');
    }
  });

  it('never reads through a link, even when asked to', () => {
    const { dir } = linkedLibrary();
    expect(() => readPlainFile(join(dir, 'linked.md'))).toThrow(/ELOOP/);
  });
});

describe('reserved names', () => {
  it('reports a slug that is a site page', async () => {
    expect(await checkFixture('reserved-slug')).toMatchInlineSnapshot(
      `"reserved-slug/by-score.md:3:7: error: slug: slug "by-score" is reserved: /patterns/by-score/ is a page of the site; rename the file and its slug [slug]"`,
    );
  });

  it('gives extra sections ids that are neither layout ids, section keys nor footnote ids', async () => {
    const library = await loadLibrary([`${FIXTURES}layout-ids`]);
    const ids = v71(library.patterns[0]).body.extras.map(({ id }) => id);
    expect(ids).toEqual([
      'main-1',
      'lens-memory-1',
      'summary-1',
      'problem-1',
      'section-user-content-fn-1',
    ]);
    const taken = new Set<string>([...RESERVED_PAGE_IDS, ...SECTION_KEYS]);
    expect(ids.filter((id) => taken.has(id))).toEqual([]);
  });
});
