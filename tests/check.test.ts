import { existsSync, readFileSync } from 'node:fs';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { didYouMean, slugIndex } from '../src/lib/library.ts';
import { readPatternFile } from '../src/lib/pattern-file.ts';
import { parseYaml } from '../src/lib/yaml.ts';
import { checkFixture, FIXTURES, v71 } from './helpers/fixtures.ts';

describe('checking pattern files', () => {
  it('accepts a minimal valid pattern without a single message', async () => {
    expect(await checkFixture('valid')).toBe('');
  });

  it('names a missing field at its parent key', async () => {
    expect(await checkFixture('missing-field')).toMatchInlineSnapshot(`
      "missing-field/missing-field.md:2:1: error: title: required field is missing (expected string) [schema]
      missing-field/missing-field.md:31:1: error: lifecycle.status: required field is missing (expected one of draft, review, published, deprecated) [schema]"
    `);
  });

  it('points at a wrong type deep inside a list', async () => {
    expect(await checkFixture('wrong-type-deep')).toMatchInlineSnapshot(
      `"wrong-type-deep/wrong-type-deep.md:43:16: error: relationships.enables[0].weight: wrong type (expected number, got "high") [schema]"`,
    );
  });

  it('says what a field with several accepted shapes accepts, from its options', async () => {
    expect(await checkFixture('union-wrong-type')).toMatchInlineSnapshot(
      `
      "union-wrong-type/union-wrong-type.md:36:12: error: lifecycle.version: wrong type (expected string or number, got true) [schema]
      union-wrong-type/union-wrong-type.md:42:13: warning: relationships.enables[0].slug: "minimal-pattern" has no pattern file yet (a wanted pattern) [wanted-pattern]"
    `,
    );
  });

  it('reports scores outside 0–5 with the bound they break', async () => {
    expect(await checkFixture('score-out-of-range')).toMatchInlineSnapshot(`
      "score-out-of-range/score-out-of-range.md:24:17: error: ontology.commons_assessment.resilience: out of range (expected ≤ 5, got 7) [schema]
      score-out-of-range/score-out-of-range.md:26:15: error: ontology.commons_assessment.autonomy: out of range (expected ≥ 0, got -1) [schema]"
    `);
  });

  it('rejects a path-traversal slug', async () => {
    expect(await checkFixture('bad-slug')).toMatchInlineSnapshot(`
      "bad-slug/bad-slug.md:3:7: error: slug: must be lowercase kebab-case ASCII (a-z, 0-9, single hyphens) (got "../../etc/passwd") [schema]
      bad-slug/bad-slug.md:42:13: error: relationships.enables[0].slug: must be lowercase kebab-case ASCII (a-z, 0-9, single hyphens) (got "../../etc/passwd") [schema]
      bad-slug/bad-slug.md:42:13: warning: relationships.enables[0].slug: "../../etc/passwd" has no pattern file yet (a wanted pattern) [wanted-pattern]"
    `);
  });

  it('requires the slug to equal the file name', async () => {
    expect(await checkFixture('slug-mismatch')).toMatchInlineSnapshot(
      `
      "slug-mismatch/slug-mismatch.md:3:7: error: slug: slug must equal the file name (expected "slug-mismatch", got "minimal-pattern") [slug]
      slug-mismatch/slug-mismatch.md:42:13: warning: relationships.enables[0].slug: "minimal-pattern" has no pattern file yet (a wanted pattern) [wanted-pattern]"
    `,
    );
  });

  it('gives the exact line and column of a YAML syntax error', async () => {
    expect(await checkFixture('yaml-syntax-error')).toMatchInlineSnapshot(
      `"yaml-syntax-error/yaml-syntax-error.md:21:5: error: front matter: bad indentation: this line is indented too little, or a bracket above is not closed [front-matter]"`,
    );
  });

  it('places fields right when the opening line has trailing spaces or names YAML', () => {
    const first = (source: string): string => {
      const [problem] = readPatternFile('x.md', Buffer.from(source)).diagnostics;
      return problem ? `${String(problem.line)}:${String(problem.column)} ${problem.message}` : '';
    };
    // The block starts after `---`, or after the language: positions count from where it starts.
    expect(first('---   \ntitle: 5\n---\nbody\n')).toBe('2:1 required field is missing');
    const unclosed = 'title: [\n---\n';
    expect(first(`---\n${unclosed}`)).toBe(
      '2:9 unexpected end of the stream within a flow collection',
    );
    expect(first(`---yaml\n${unclosed}`)).toBe(first(`---\n${unclosed}`));
    expect(first(`---   \n${unclosed}`)).toBe(first(`---\n${unclosed}`));
  });

  it('calls front matter of only comments empty, and reads one that starts with a comment', () => {
    const messages = (source: string): string[] =>
      readPatternFile('x.md', Buffer.from(source)).diagnostics.map((d) => d.message);
    expect(messages('---\n# a comment\n  # another\n\n---\nbody\n')).toEqual([
      'the front matter is empty',
    ]);
    expect(messages('---\n# a comment\ntitle: 5\n---\nbody\n')).toContain(
      'required field is missing',
    );
  });

  it('treats a duplicate key as an error at the second key', async () => {
    expect(await checkFixture('duplicate-key')).toMatchInlineSnapshot(
      `"duplicate-key/duplicate-key.md:13:3: error: front matter: duplicate key "corporate" (each key may appear once) [front-matter]"`,
    );
  });

  it('refuses ---js front matter without running it', async () => {
    const marker = '/tmp/pattern-js-ran';
    expect(await checkFixture('js-frontmatter')).toMatchInlineSnapshot(
      `"js-frontmatter/js-frontmatter.md:1:4: error: front matter: front matter language "js" is not allowed: pattern front matter is YAML ("---" alone on the first line) [front-matter]"`,
    );
    expect(existsSync(marker)).toBe(false);
    expect(Reflect.get(globalThis, '__patternSideEffect')).toBeUndefined();
  });

  it('uses a fixture that gray-matter on its own would execute', () => {
    // The hazard the safe engines close (src/lib/frontmatter.ts): gray-matter 4 falls back to
    // eval for `---js` even with `engines: { js: false }`. The fixture's code only sets a global here.
    const source = '---js\n{ title: (globalThis.__grayMatterRan = true, "x") }\n---\n';
    matter(source, { engines: { js: false } } as never);
    expect(Reflect.get(globalThis, '__grayMatterRan')).toBe(true);
    Reflect.deleteProperty(globalThis, '__grayMatterRan');
  });

  it('refuses the !!js/function tag', async () => {
    expect(await checkFixture('js-function-tag')).toMatchInlineSnapshot(
      `"js-function-tag/js-function-tag.md:4:8: error: front matter: tag !!js/function is not allowed: front matter is plain YAML (no tags that build values or run code) [front-matter]"`,
    );
  });

  it('stops an alias bomb', async () => {
    expect(await checkFixture('alias-bomb')).toMatchInlineSnapshot(
      `"alias-bomb/alias-bomb.md:7:8: error: front matter: YAML aliases expand to more than 100000 values; front matter must not repeat content through aliases like this [front-matter]"`,
    );
  });

  it('stops 5,000-deep nesting', async () => {
    expect(await checkFixture('deep-nesting')).toMatchInlineSnapshot(
      `"deep-nesting/deep-nesting.md:2:39: error: front matter: nesting deeper than 32 levels [front-matter]"`,
    );
  });

  it('names both files that share a slug and an id', async () => {
    expect(await checkFixture('duplicate-slug')).toMatchInlineSnapshot(`
      "duplicate-slug/a/shared-name.md:2:5: error: id: duplicate id "pat_01khvcxdrrf2pafvy9q58wy30e", also used by duplicate-slug/b/shared-name.md [duplicate]
      duplicate-slug/a/shared-name.md:3:7: error: slug: duplicate slug "shared-name", also used by duplicate-slug/b/shared-name.md [duplicate]
      duplicate-slug/a/shared-name.md:4:9: warning: title: near-duplicate of duplicate-slug/b/shared-name.md (similarity 1.00): merge them, or make each one's title and text say how they differ [near-duplicate]
      duplicate-slug/b/shared-name.md:2:5: error: id: duplicate id "pat_01khvcxdrrf2pafvy9q58wy30e", also used by duplicate-slug/a/shared-name.md [duplicate]
      duplicate-slug/b/shared-name.md:3:7: error: slug: duplicate slug "shared-name", also used by duplicate-slug/a/shared-name.md [duplicate]
      duplicate-slug/b/shared-name.md:4:9: warning: title: near-duplicate of duplicate-slug/a/shared-name.md (similarity 1.00): merge them, or make each one's title and text say how they differ [near-duplicate]"
    `);
  });

  it('locates invalid UTF-8', async () => {
    expect(await checkFixture('invalid-utf8')).toMatchInlineSnapshot(
      `"invalid-utf8/invalid-utf8.md:66:5: error: file: invalid UTF-8 (byte 0xff at byte 1395); save the file as UTF-8 [file]"`,
    );
  });

  it('explains an empty file and a file without front matter', async () => {
    expect(await checkFixture('empty-file')).toMatchInlineSnapshot(
      `"empty-file/empty-file.md:1:1: error: file: the file is empty [file]"`,
    );
    expect(await checkFixture('no-frontmatter')).toMatchInlineSnapshot(
      `"no-frontmatter/no-frontmatter.md:1:1: error: file: no front matter: a pattern file starts with a line "---" [file]"`,
    );
  });

  it('reads the older format as a pattern, with one warning saying how to convert it', async () => {
    expect(await checkFixture('older-format')).toMatchInlineSnapshot(
      `"older-format/older-format.md:8:1: warning: classification: older format: shown as written; \`npm run migrate -- older-format/older-format.md\` converts its frontmatter [older-format]"`,
    );
  });

  it('reads a file with a byte-order mark and CRLF line endings like any other', async () => {
    expect(await checkFixture('bom-crlf')).toBe('');
    const file = `${FIXTURES}bom-crlf/bom-crlf.md`;
    const { pattern } = readPatternFile(file, readFileSync(file));
    expect(pattern?.frontmatter.title).toBe('Minimal Pattern');
    expect(pattern?.body.sections).toHaveLength(8);
  });

  it('normalises the real library’s drift shapes with a warning each', async () => {
    expect(await checkFixture('drift-shapes')).toMatchInlineSnapshot(`
      "drift-shapes/drift-shapes.md:42:7: warning: relationships.enables[0]: bare slug "drift-shapes": write { slug: drift-shapes, weight: 0–1 } [drift]
      drift-shapes/drift-shapes.md:43:7: warning: relationships.enables[1]: "id" names the related pattern: write "slug" instead [drift]
      drift-shapes/drift-shapes.md:53:7: warning: graph_garden.entities[0]: bare label "Living System": write { id, label, … } [machine-entry]
      drift-shapes/drift-shapes.md:58:7: warning: graph_garden.inferred_links[0].strength: "strength" is the old name of "confidence" [machine-entry]"
    `);
    const file = `${FIXTURES}drift-shapes/drift-shapes.md`;
    const pattern = v71(readPatternFile(file, readFileSync(file)).pattern);
    expect(pattern.frontmatter.relationships.enables).toEqual([
      { slug: 'drift-shapes' },
      { slug: 'drift-shapes', weight: 0.6, description: 'Old relationship shape.' },
    ]);
    expect(pattern.frontmatter.graph_garden.entities).toEqual([
      { id: 'living-system', label: 'Living System' },
    ]);
    expect(pattern.frontmatter.graph_garden.inferred_links[0]?.confidence).toBe(0.7);
  });

  it('warns about wanted targets, missing sections and an overall score far from the mean', async () => {
    expect(await checkFixture('library-warnings')).toMatchInlineSnapshot(`
      "library-warnings/library-warnings.md:31:20: warning: ontology.commons_assessment.overall_score: far from the mean of the eight pillar scores (expected about 3.0, got 4.5) [score]
      library-warnings/library-warnings.md:42:13: warning: relationships.enables[0].slug: "not-yet-written" has no pattern file yet (a wanted pattern) [wanted-pattern]
      library-warnings/library-warnings.md:84:1: warning: body.sections.known-uses: missing section "Known Uses" (expected a heading like "### Section 6: Known Uses") [sections]"
    `);
  });
});

describe('every problem in one run', () => {
  it('reports schema errors and a misspelled relationship target together, with "did you mean"', async () => {
    expect(await checkFixture('all-problems')).toMatchInlineSnapshot(`
      "all-problems/open-budget-assemblies.md:24:17: error: ontology.commons_assessment.resilience: out of range (expected ≤ 5, got 9) [schema]
      all-problems/open-budget-assemblies.md:35:11: error: lifecycle.status: not an allowed value (expected one of draft, review, published, deprecated, got "finished") [schema]
      all-problems/open-budget-assemblies.md:37:16: error: lifecycle.confidence: wrong type (expected number, got "high") [schema]
      all-problems/open-budget-assemblies.md:42:13: warning: relationships.enables[0].slug: "minimal-patern" has no pattern file yet (a wanted pattern); did you mean "minimal-pattern"? [wanted-pattern]"
    `);
  });

  it('suggests the first of the nearest slugs within the edit limit, and none beyond it', () => {
    const slugs = slugIndex(['commons-trust', 'open-source', 'open-sourse', 'opens-source', 'x']);
    // Two slugs one edit away: the first one listed.
    expect(didYouMean('open-sorce', slugs)).toBe('open-source');
    expect(didYouMean('opensource', slugs)).toBe('open-source');
    expect(didYouMean('commons-truest', slugs)).toBe('commons-trust');
    // Three edits with a limit of two (the limit grows by one per six characters).
    expect(didYouMean('open-sxxxce', slugs)).toBeUndefined();
    expect(didYouMean('zzz', slugs)).toBeUndefined();
    expect(didYouMean('zz', slugs)).toBe('x');
  });

  it('hints to quote a value that holds an unquoted colon', async () => {
    expect(await checkFixture('unquoted-colon')).toMatchInlineSnapshot(
      `"unquoted-colon/unquoted-colon.md:4:19: error: front matter: bad indentation of a mapping entry. Hint: the value of "title" holds ": "; put the whole value in double quotes: title: "Open Budget: Assemblies" [front-matter]"`,
    );
  });

  it('hints at a tab in the indentation and at a list item without the space after its dash', () => {
    const problem = (source: string): string => {
      try {
        parseYaml(source);
        return 'parsed';
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(problem('a:\n\tb: 1\n')).toMatchInlineSnapshot(
      `"tab characters must not be used in indentation. Hint: the indentation holds a tab; YAML indents with spaces only"`,
    );
    expect(problem('list:\n  - a\n  -b\nc: 1\n')).toMatchInlineSnapshot(
      `"bad indentation of a mapping entry. Hint: a list item needs a space after its dash: "- b", not "-b""`,
    );
  });
});
