import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { summarize } from '../src/lib/diagnostics.ts';
import { countFormats, refuseIncompleteNewFiles } from '../src/lib/format.ts';
import { checkPatternFiles } from '../src/lib/load.ts';
import { readPatternFile, type ReadResult } from '../src/lib/pattern-file.ts';
import { FIXTURES, render } from './helpers/fixtures.ts';

const read = (name: string): ReadResult => {
  const file = `${FIXTURES}incomplete/${name}.md`;
  return readPatternFile(file, readFileSync(file));
};

describe('incomplete v7.1 files', () => {
  it('are shown as written when only hand-written groups are missing, with warnings naming them', () => {
    const { pattern, format, diagnostics } = read('missing-groups');
    expect(format).toBe('incomplete');
    expect(pattern?.format).toBe('incomplete');
    if (pattern?.format !== 'incomplete') return;
    expect(pattern.model.incomplete).toEqual(['context_labels', 'ontology']);
    expect(pattern.model.domain).toBe('unclassified');
    expect(pattern.model.status).toBe('draft');
    expect(pattern.model.relationships.enables.map(({ target }) => target)).toEqual([
      'alpha-commons',
    ]);
    expect(pattern.body.sections.map(({ title }) => title)).toContain('Known Uses');
    expect(render(diagnostics)).toMatchInlineSnapshot(`
      "incomplete/missing-groups.md:2:1: warning: context_labels: required field is missing (expected object) [schema]
      incomplete/missing-groups.md:2:1: warning: ontology: required field is missing (expected object) [schema]
      incomplete/missing-groups.md:2:1: warning: context_labels: incomplete: required fields missing in context_labels, ontology; shown as written, without lens pages or assessment, until completed (a new pattern must be complete) [incomplete]"
    `);
  });

  it('include a file whose assessment scores other dimensions than the pillars: it is dropped', () => {
    const { pattern, diagnostics } = read('other-dimensions');
    expect(pattern?.format).toBe('incomplete');
    expect(diagnostics.every((d) => d.severity === 'warning')).toBe(true);
    expect(render(diagnostics.filter((d) => d.path.startsWith('ontology')))).toMatchInlineSnapshot(`
      "incomplete/other-dimensions.md:13:1: warning: ontology: incomplete: required fields missing in ontology; shown as written, without lens pages or assessment, until completed (a new pattern must be complete) [incomplete]
      incomplete/other-dimensions.md:21:3: warning: ontology.commons_assessment: scored mostly on other dimensions than the eight pillars (stakeholder_architecture, value_creation, resilience, ownership, autonomy, composability, fractal_value, vitality): those scores measure something else and are not carried over, so the assessment is missing [drift]
      incomplete/other-dimensions.md:21:3: warning: ontology.commons_assessment: required field is missing (expected object) [schema]"
    `);
  });

  it('exclude a wrong value in a hand-written group: that stays an error', () => {
    const { pattern, format, diagnostics } = read('wrong-score');
    expect(pattern).toBeUndefined();
    expect(format).toBe('v7.1');
    expect(render(diagnostics)).toMatchInlineSnapshot(
      `"incomplete/wrong-score.md:24:17: error: ontology.commons_assessment.resilience: out of range (expected ≤ 5, got 7) [schema]"`,
    );
  });

  it('fail the check of a pull request that adds one, and are counted apart in the summary', async () => {
    const library = await checkPatternFiles([`${FIXTURES}incomplete`]);
    const added = new Set(library.files.filter((file) => file.endsWith('missing-groups.md')));
    const diagnostics = refuseIncompleteNewFiles(library.diagnostics, library.formats, added);
    const errors = (file: string): string[] =>
      diagnostics.filter((d) => d.severity === 'error' && d.file.endsWith(file)).map((d) => d.path);
    expect(errors('missing-groups.md')).toEqual(['context_labels', 'ontology', 'context_labels']);
    expect(errors('other-dimensions.md')).toEqual([]);
    expect(summarize(library.files.length, [], countFormats(library.files, library.formats))).toBe(
      '3 files (1 v7.1, 2 incomplete), 0 errors, 0 warnings',
    );
  });
});
