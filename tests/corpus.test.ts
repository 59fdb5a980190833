import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EIGHT_SECTIONS, HAS_SAMPLE, render, SAMPLE, SEED, v71 } from './helpers/fixtures.ts';
import { readPatternFile } from '../src/lib/pattern-file.ts';
import { loadLibrary } from '../src/lib/load.ts';

const files = HAS_SAMPLE ? readdirSync(SAMPLE).filter((name) => name.endsWith('.md')) : [];
const isV71 = (name: string): boolean =>
  /^ontology:/m.test(readFileSync(`${SAMPLE}${name}`, 'utf8').split('\n---')[0] ?? '');

/** v7.1 sample files that stay invalid, and why (see the closing note of the format issue). */
const INVALID_V71 = {
  'structural-integrity-audit.md':
    'inferred links carry `strength: 3` (a count of shared entities, not a 0–1 confidence) and no type',
};

describe('the reference pattern and the real-library sample', () => {
  it('reads the seed pattern without a single message', () => {
    const { pattern, diagnostics } = readPatternFile(SEED, readFileSync(SEED));
    expect(diagnostics).toEqual([]);
    expect(pattern?.frontmatter.slug).toBe('commons-based-peer-production');
    expect(v71(pattern).body.sections.map((section) => section.key)).toEqual(EIGHT_SECTIONS);
  });

  it.skipIf(!HAS_SAMPLE)('holds 240 v7.1 files and 60 in the older format', () => {
    expect(files.filter(isV71)).toHaveLength(240);
    expect(files.filter((name) => !isV71(name))).toHaveLength(60);
  });

  it.each(files.filter(isV71))('validates the v7.1 file %s', (name) => {
    const { pattern, diagnostics } = readPatternFile(name, readFileSync(`${SAMPLE}${name}`));
    const errors = render(diagnostics.filter((d) => d.severity === 'error'));
    if (name in INVALID_V71) {
      expect(pattern).toBeUndefined();
      expect(errors).toContain('strength 3 is not a 0–1 confidence');
    } else {
      expect(errors).toBe('');
      expect(pattern).toBeDefined();
    }
  });

  it.skipIf(!HAS_SAMPLE)('answers every older-format file with exactly one error', async () => {
    const library = await loadLibrary([SAMPLE]);
    const older = files.filter((name) => !isV71(name));
    for (const name of older) {
      const messages = library.diagnostics.filter((d) => d.file.endsWith(`/${name}`));
      expect(messages.map((d) => d.message.split(';')[0])).toEqual([
        'older pattern format (classification:, no ontology:)',
      ]);
    }
  });
});
