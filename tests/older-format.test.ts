import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countFormats, detectFormat, refuseIncompleteNewFiles } from '../src/lib/format.ts';
import { summarize } from '../src/lib/diagnostics.ts';
import { loadLibrary } from '../src/lib/load.ts';
import { cleanSectionTitle, parseOlderBody } from '../src/lib/older-body.ts';
import { headingIds } from '../src/lib/reserved.ts';
import { readPatternFile, type OlderPatternFile } from '../src/lib/pattern-file.ts';
import { checkFixture, FIXTURES, render } from './helpers/fixtures.ts';

function older(name: string): OlderPatternFile {
  const file = `${FIXTURES}${name}/${name}.md`;
  const { pattern } = readPatternFile(file, readFileSync(file));
  if (pattern?.format !== 'older') throw new Error(`${name} is not a valid older-format file`);
  return pattern;
}

describe('the older format', () => {
  it('is detected from classification: without ontology:, in one place', () => {
    expect(detectFormat({ classification: {} })).toBe('older');
    expect(detectFormat({ classification: {}, ontology: {} })).toBe('v7.1');
    expect(detectFormat({ ontology: {} })).toBe('v7.1');
  });

  it('cleans section headings of numbering, emphasis and word-count hints', () => {
    expect(
      [
        '1. Overview',
        '2. **Core Principles**',
        'Section 3: Key Practices (5-7 practices, 300-400 words)',
        '4) Evidence & Impact (100–200 Words)',
        'Anti-Patterns & Gotchas',
        '7 Pillars Assessment',
      ].map(cleanSectionTitle),
    ).toEqual([
      'Overview',
      'Core Principles',
      'Key Practices',
      'Evidence & Impact',
      'Anti-Patterns & Gotchas',
      '7 Pillars Assessment',
    ]);
  });

  it('gives a section whose title starts with a digit an id that starts with a letter', () => {
    expect(headingIds(['7 Pillars Assessment', '2024 Update', 'Overview'], [])).toEqual([
      'section-7-pillars-assessment',
      'section-2024-update',
      'overview',
    ]);
  });

  it('reads the body as written: title line, summary from the overview, sections with ids', () => {
    const { body } = older('older-body');
    expect(body.heading).toBe('OB01: Older Body');
    expect(body.summary).toBe('The first paragraph\nof the overview.');
    expect(body.sections.map(({ id, title, line }) => `${String(line)} #${id} ${title}`))
      .toMatchInlineSnapshot(`
        [
          "30 #overview Overview",
          "45 #core-principles Core Principles",
          "49 #anti-patterns--gotchas Anti-Patterns & Gotchas",
          "55 #overview-1 Overview",
        ]
      `);
    expect(body.sections[0]?.markdown).toContain('### A subsection\n\nStays inside the overview.');
    expect(body.sections[2]?.markdown).toBe('Gotchas.');
  });

  it('takes the summary from the first overview with text when the body opens with empty headings', () => {
    const body = parseOlderBody(
      '# Title\n\n## 1. Overview\n\n## 2. Core Principles\n\n## 1. Overview\n\nThe real overview.\n',
      10,
    );
    expect(body.summary).toBe('The real overview.');
    expect(body.sections.map(({ id, line }) => `${String(line)} #${id}`)).toEqual([
      '12 #overview',
      '14 #core-principles',
      '16 #overview-1',
    ]);
  });

  it('normalises the frontmatter into the small model the site uses', () => {
    const { model } = older('older-body');
    expect(model).toMatchObject({
      title: 'Older Body',
      aliases: ['Old Body'],
      summary: 'The first paragraph\nof the overview.',
      domain: 'operations',
      status: 'published',
      commons_domain: ['business'],
      categories: ['practice'],
      era: [],
      universality: '3',
      commons_alignment: 4,
      confidence_score: 0.5,
      version: '1.0.0',
      created: '2026-01-28',
      modified: '2026-02-10',
      contributors: [{ name: 'Ada', role: 'author' }, { name: 'tester' }],
      sources: ['https://example.org/a', '1987'],
    });
    expect(model.relationships.generalizes_from).toEqual([
      { target: 'older-library-root', by: 'slug', path: ['generalizes_from', 0] },
    ]);
    expect(model.relationships.complementary).toEqual([
      { target: 'pat_01kg5023xef1s9wh9a1qrpw7qh', by: 'id', path: ['related', 0] },
    ]);
  });

  it('counts in the library checks: links by slug or id, wanted targets, ids shared by older files', async () => {
    expect(await checkFixture('older-library')).toMatchInlineSnapshot(`
      "older-library/older-library-leaf.md:2:5: warning: id: duplicate id "pat_placeholder", also used by older-library/older-library-twin.md [duplicate]
      older-library/older-library-leaf.md:5:1: warning: classification: older format: shown as written; \`npm run migrate -- older-library/older-library-leaf.md\` converts its frontmatter [older-format]
      older-library/older-library-leaf.md:9:11: warning: related[0]: "pat_01kg5023xef1s9wh9a1qrpw7qz" has no pattern file yet (a wanted pattern) [wanted-pattern]
      older-library/older-library-root.md:5:1: warning: classification: older format: shown as written; \`npm run migrate -- older-library/older-library-root.md\` converts its frontmatter [older-format]
      older-library/older-library-root.md:8:38: warning: specializes_to[1]: "never-written" has no pattern file yet (a wanted pattern) [wanted-pattern]
      older-library/older-library-twin.md:2:5: warning: id: duplicate id "pat_placeholder", also used by older-library/older-library-leaf.md [duplicate]
      older-library/older-library-twin.md:5:1: warning: classification: older format: shown as written; \`npm run migrate -- older-library/older-library-twin.md\` converts its frontmatter [older-format]
      older-library/older-library-twin.md:8:1: warning: modified: "20226-02-10 00:00:00+00:00" is not a date written YYYY-MM-DD; ignored [drift]
      older-library/older-library-twin.md:9:1: warning: layout: unknown field "layout" (not in the older format; ignored) [unknown-field]"
    `);
  });

  it('reads every real older-format fixture without an error', async () => {
    const library = await loadLibrary([`${FIXTURES}real-library`]);
    expect(render(library.diagnostics.filter((d) => d.severity === 'error'))).toBe('');
    expect(library.patterns.filter((pattern) => pattern.format === 'older')).toHaveLength(15);
  });

  it('fails a pull request that adds an older-format file, and counts formats in the summary', async () => {
    const library = await loadLibrary([`${FIXTURES}older-library`, `${FIXTURES}valid`]);
    const formats = new Map(
      library.files.map(
        (file) => [file, file.includes('older-library') ? 'older' : 'v7.1'] as const,
      ),
    );
    const added = new Set(library.files.filter((file) => file.endsWith('older-library-root.md')));
    const diagnostics = refuseIncompleteNewFiles(library.diagnostics, formats, added);
    expect(render(diagnostics.filter((d) => d.severity === 'error'))).toMatchInlineSnapshot(
      `"older-library/older-library-root.md:5:1: error: classification: a new pattern must be in the v7.1 format; \`npm run migrate -- older-library/older-library-root.md\` converts its frontmatter [older-format]"`,
    );
    expect(summarize(library.files.length, diagnostics, countFormats(library.files, formats))).toBe(
      '4 files (1 v7.1, 3 older), 1 error, 8 warnings',
    );
  });
});

describe('machine-written and drifted v7.1 data', () => {
  it('never costs a pattern its page: invalid graph-garden entries are dropped with a warning', async () => {
    expect(await checkFixture('machine-drift')).toMatchInlineSnapshot(`
      "machine-drift/machine-drift.md:15:19: warning: ontology.cross_domains[0]: "Value Creation" is read as "value-creation"; write value-creation [drift]
      machine-drift/machine-drift.md:15:35: warning: ontology.cross_domains[1]: "organizational_design" is read as "organizational-design"; write organizational-design [drift]
      machine-drift/machine-drift.md:33:3: warning: lifecycle.usage_stage: "implementation" is read as "application"; write application [drift]
      machine-drift/machine-drift.md:34:3: warning: lifecycle.adoption_stage: "emerging" is read as "early_adopters"; write early_adopters [drift]
      machine-drift/machine-drift.md:49:7: warning: graph_garden.entities[0]: machine-written entry dropped (relevance: Too big: expected number to be <=1) [machine-entry]
      machine-drift/machine-drift.md:54:7: warning: graph_garden.inferred_links[0]: machine-written link to "machine-drift" dropped: strength 3 is a count, not a 0–1 confidence [machine-entry]"
    `);
    const file = `${FIXTURES}machine-drift/machine-drift.md`;
    const { pattern } = readPatternFile(file, readFileSync(file));
    if (pattern?.format !== 'v7.1') throw new Error('machine-drift is not a valid v7.1 pattern');
    expect(pattern.frontmatter.graph_garden.entities).toEqual([]);
    expect(pattern.frontmatter.graph_garden.inferred_links).toEqual([
      {
        target: 'machine-drift',
        type: 'complementary',
        confidence: 0.6,
        reason: 'A valid link stays.',
      },
    ]);
    expect(pattern.frontmatter.lifecycle).toMatchObject({
      usage_stage: 'application',
      adoption_stage: 'early_adopters',
    });
    expect(pattern.frontmatter.ontology.cross_domains).toEqual([
      'value-creation',
      'organizational-design',
    ]);
  });
});
