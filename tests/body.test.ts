import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBody, SECTION_KEYS, SECTION_TITLES, type ParsedBody } from '../src/lib/body.ts';
import { FIXTURES, REAL_LIBRARY, REAL_LIBRARY_FILES, SEED } from './helpers/fixtures.ts';

const BODY_FIXTURES = `${FIXTURES}body/`;

/** Splits a pattern file into its frontmatter and its body with the body's first file line. */
function splitFile(text: string): { frontmatter: string; body: string; firstLine: number } {
  const frontmatter = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text)?.[0] ?? '';
  return {
    frontmatter,
    body: text.slice(frontmatter.length),
    firstLine: frontmatter.split('\n').length,
  };
}

function parseFixture(name: string, firstLine = 1): ParsedBody {
  return parseBody(readFileSync(`${BODY_FIXTURES}${name}/pattern.md`, 'utf8'), firstLine);
}

/** Issues as `line: path: message`, one per line. */
function renderIssues(body: ParsedBody): string {
  return body.issues.map((issue) => `${issue.line}: ${issue.path}: ${issue.message}`).join('\n');
}

describe('parsing a pattern body', () => {
  it('reports Markdown nested 5,000 levels deep as an error at its line', () => {
    const seed = splitFile(readFileSync(SEED, 'utf8'));
    const context = seed.body.indexOf('### Section 1');
    const body = `${seed.body.slice(0, context)}${'>'.repeat(5000)} deep\n\n${seed.body.slice(context)}`;
    const line = seed.firstLine + body.slice(0, context).split('\n').length - 1;
    const errors = parseBody(body, seed.firstLine).issues.filter((i) => i.severity === 'error');
    expect(errors).toEqual([
      {
        line,
        column: 33,
        path: 'body',
        message:
          'Markdown nested deeper than 32 levels (lists, block quotes, emphasis or brackets); it would not be rendered',
        severity: 'error',
        rule: 'nesting',
      },
    ]);
  });

  it('accepts the nesting real patterns use: lists in quotes, fenced code indented at will, lines padded with spaces', () => {
    const body = [
      '> - quoted list',
      '>   - nested',
      '>     1. deeper',
      '',
      '```',
      `${' '.repeat(400)}code indented far`,
      '```',
      '',
      '**bold _and italic_** [a link](https://example.org) ~~struck~~',
      '',
      `| Dimension | Score |${' '.repeat(25_000)}|`,
      ' '.repeat(25_000),
      `${' '.repeat(200)}an indented line`,
    ].join('\n');
    expect(parseBody(body, 1).issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('finds the summary, the callout and all eight sections of the seed pattern at file lines', () => {
    const text = readFileSync(SEED, 'utf8');
    const { body, firstLine } = splitFile(text);
    const parsed = parseBody(body, firstLine);
    const fileLines = text.split('\n');

    expect(parsed.summary).toMatch(/^Peers creating commons wealth collectively/);
    expect(parsed.confidence).toEqual({
      stars: 3,
      label: 'Established',
      text: 'This pattern draws on Commons Economics.',
      line: fileLines.indexOf('> [!NOTE] Confidence Rating: ★★★ (Established)') + 1,
    });
    expect(parsed.sections.map((section) => section.key)).toEqual([...SECTION_KEYS]);
    for (const section of parsed.sections) {
      expect(fileLines[section.line - 1]).toBe(`### ${section.heading}`);
    }
    expect(parsed.extras).toEqual([]);
    expect(parsed.issues).toEqual([]);
  });

  it('cuts each section at the next heading and drops the trailing --- separator', () => {
    const { body, firstLine } = splitFile(readFileSync(SEED, 'utf8'));
    const problem = parseBody(body, firstLine).sections[1];

    expect(problem?.title).toBe('Problem');
    expect(problem?.markdown).toMatch(/^> \*\*The core conflict is Commons vs\. Production\.\*\*/);
    expect(problem?.markdown).toMatch(/resilience gone\.$/);
  });

  it('matches numbered headings, "Considerations" and ": subtitle" suffixes, and keeps References as an extra', () => {
    const parsed = parseFixture('numbered-headings');

    expect(parsed.sections.map((section) => [section.key, section.heading, section.line])).toEqual([
      ['context', '1. Context', 2],
      ['problem', '2. Problem', 6],
      ['solution', '3. Solution', 10],
      ['implementation', '4. Implementation', 14],
      ['consequences', '5. Consequences', 18],
      ['known-uses', '6. Known Uses', 22],
      ['cognitive-era', '7. Cognitive Era Considerations', 26],
      ['vitality', '8. Vitality: The Quality Without a Name', 34],
    ]);
    expect(parsed.sections[6]?.markdown).toBe('Cognitive era text.');
    expect(parsed.extras).toEqual([
      { heading: 'References', id: 'references', line: 30, markdown: '[1] A reference.' },
    ]);
  });

  it('reports a missing summary and callout at the first section heading', () => {
    expect(renderIssues(parseFixture('numbered-headings', 100))).toMatchInlineSnapshot(`
      "101: body.summary: missing summary (expected a paragraph before the confidence callout)
      101: body.confidence: missing confidence callout (expected "> [!NOTE] Confidence Rating: ★★★ (Established)")"
    `);
  });

  it('reads a blockquote summary, a (High) callout and level-2 headings with word counts', () => {
    const parsed = parseFixture('word-counts-and-quoted-summary');

    expect(parsed.summary).toBe(
      'A community of practice is a living curriculum\nfor collective growth.',
    );
    expect(parsed.confidence).toEqual({
      stars: 3,
      label: 'High',
      text: 'This rating reflects our confidence\nthat this pattern is a good solution.',
      line: 5,
    });
    expect(parsed.sections.map((section) => section.title)).toEqual(
      SECTION_KEYS.map((key) => SECTION_TITLES[key]),
    );
    expect(parsed.sections[0]?.heading).toBe('Section 1: Context (100-200 words)');
    expect(parsed.sections[0]?.markdown).toBe('Context text.');
    expect(parsed.issues).toEqual([]);
  });

  it('skips a title repeated as an H1 on the first line and reads the summary after it', () => {
    const parsed = parseFixture('title-heading');

    expect(parsed.summary).toBe('Shared resources at the neighbourhood scale.');
    expect(parsed.confidence?.stars).toBe(2);
    expect(parsed.confidence?.label).toBe('Emerging');
    expect(parsed.extras).toEqual([]);
    expect(parsed.sections).toHaveLength(8);
  });

  it('ignores headings inside ``` and ~~~ fences and indented code, and keeps level-4 headings inside a section', () => {
    const parsed = parseFixture('fenced-code');
    const context = parsed.sections[0];

    expect(parsed.confidence?.stars).toBe(1);
    expect(parsed.sections.map((section) => section.key)).toEqual([...SECTION_KEYS]);
    expect(context?.markdown).toContain('### Section 2: Problem\n# Not a heading either');
    expect(context?.markdown).toContain('#### Step one\n\nStill context.');
    expect(parsed.sections[1]?.line).toBe(25);
    expect(parsed.issues).toEqual([]);
  });

  it('warns about missing, duplicate and out-of-order sections, pointing missing ones at the next section', () => {
    const parsed = parseFixture('missing-duplicate-out-of-order');

    expect(renderIssues(parsed)).toMatchInlineSnapshot(`
      "14: body.sections.problem: section "Problem" is out of order (expected before "Solution" at line 10)
      20: body.sections.context: duplicate section "Context" (first at line 6)
      26: body.sections.known-uses: missing section "Known Uses" (expected a heading like "### Section 6: Known Uses")"
    `);
    expect(parsed.sections.map((section) => section.key)).toEqual([
      'context',
      'solution',
      'problem',
      'implementation',
      'consequences',
      'cognitive-era',
      'vitality',
    ]);
    expect(parsed.extras).toEqual([
      {
        heading: 'Section 1: Context',
        id: 'section-1-context',
        line: 20,
        markdown: 'Second context.',
      },
    ]);
  });

  it('points a section missing at the end of the body at the last line', () => {
    const parsed = parseBody(
      'Summary.\n\n> [!NOTE] Confidence Rating: ★★★ (Established)\n\n### Context\n\nText.\n',
      10,
    );

    expect(parsed.issues.map((issue) => [issue.line, issue.path])).toEqual(
      SECTION_KEYS.slice(1).map((key) => [16, `body.sections.${key}`]),
    );
  });

  it('rejects a callout whose title is not "Confidence Rating: ★… (Label)"', () => {
    const parsed = parseFixture('malformed-callout');

    expect(parsed.confidence).toBeUndefined();
    expect(parsed.summary).toBe('A summary.');
    expect(renderIssues(parsed)).toMatchInlineSnapshot(
      `"3: body.confidence: malformed confidence callout "[!NOTE] Confidence: high" (expected "> [!NOTE] Confidence Rating: ★★★ (Established)")"`,
    );
  });

  it('rejects a confidence rating with more than three stars', () => {
    const parsed = parseBody('Summary.\n\n> [!NOTE] Confidence Rating: ★★★★ (Established)\n', 1);

    expect(parsed.confidence).toBeUndefined();
    expect(parsed.issues[0]?.message).toMatchInlineSnapshot(
      `"confidence rating has 4 ★ (expected "> [!NOTE] Confidence Rating: ★★★ (Established)")"`,
    );
  });

  it('reads a callout written without ">" markers but warns that it is not a blockquote', () => {
    const parsed = parseFixture('unquoted-callout');

    expect(parsed.summary).toBe(
      'Founders who build ventures rooted in deep care attract collaborators.',
    );
    expect(parsed.confidence).toEqual({
      stars: 3,
      label: 'Established',
      text: 'This pattern draws on Seth Godin.',
      line: 3,
    });
    expect(renderIssues(parsed)).toMatchInlineSnapshot(
      `"3: body.confidence: confidence callout is not a blockquote (expected "> [!NOTE] Confidence Rating: ★★★ (Established)")"`,
    );
  });

  it('splits a blockquote summary from a callout that follows it without a blank line', () => {
    const parsed = parseBody(
      '> The summary.\n> [!NOTE] Confidence Rating: ★★ (Emerging)\n> Why.\n',
      1,
    );

    expect(parsed.summary).toBe('The summary.');
    expect(parsed.confidence).toEqual({ stars: 2, label: 'Emerging', text: 'Why.', line: 2 });
  });

  it('handles CRLF line endings like LF', () => {
    const text = readFileSync(`${BODY_FIXTURES}word-counts-and-quoted-summary/pattern.md`, 'utf8');
    const lf = parseBody(text, 1);
    const crlf = parseBody(text.replace(/\n/g, '\r\n'), 1);

    expect(crlf.summary).toBe(lf.summary);
    expect(crlf.confidence).toEqual(lf.confidence);
    expect(crlf.sections.map((section) => [section.key, section.line, section.markdown])).toEqual(
      lf.sections.map((section) => [section.key, section.line, section.markdown]),
    );
  });

  it('reports every section as missing for an empty body without throwing', () => {
    const parsed = parseBody('', 7);

    expect(parsed.sections).toEqual([]);
    expect(parsed.issues).toHaveLength(10);
    expect(new Set(parsed.issues.map((issue) => issue.line))).toEqual(new Set([7]));
  });
});

describe('parsing the real-library fixtures', () => {
  const files = REAL_LIBRARY_FILES.map((name) => ({
    name,
    ...splitFile(readFileSync(`${REAL_LIBRARY}${name}`, 'utf8')),
  }));
  const v71 = files.filter((file) => /^ontology:/m.test(file.frontmatter));

  it('finds all eight sections in every v7.1 file except the two truncated before Vitality', () => {
    const missing = Object.fromEntries(
      v71
        .map((file) => {
          const found = new Set(parseBody(file.body, file.firstLine).sections.map((s) => s.key));
          return [file.name, SECTION_KEYS.filter((key) => !found.has(key))] as const;
        })
        .filter(([, keys]) => keys.length > 0),
    );

    expect(v71).toHaveLength(45);
    expect(missing).toEqual({
      'microbiome-as-relationship.md': ['vitality'],
      'seeding-network-effects.md': ['vitality'],
    });
  });

  it('parses the 15 older-format files without throwing', () => {
    const older = files.filter((file) => !/^ontology:/m.test(file.frontmatter));

    expect(older).toHaveLength(15);
    for (const file of older) {
      expect(parseBody(file.body, file.firstLine).issues.length).toBeGreaterThan(0);
    }
  });
});
