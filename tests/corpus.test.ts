import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EIGHT_SECTIONS, HAS_SAMPLE, render, SAMPLE, SEED, v71 } from './helpers/fixtures.ts';
import { readPatternFile } from '../src/lib/pattern-file.ts';
import { loadLibrary } from '../src/lib/load.ts';

const files = HAS_SAMPLE ? readdirSync(SAMPLE).filter((name) => name.endsWith('.md')) : [];
const isV71 = (name: string): boolean =>
  /^ontology:/m.test(readFileSync(`${SAMPLE}${name}`, 'utf8').split('\n---')[0] ?? '');

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
    expect(render(diagnostics.filter((d) => d.severity === 'error'))).toBe('');
    expect(pattern?.format).toBe('v7.1');
  });

  it.skipIf(!HAS_SAMPLE)(
    'reads every older-format file as a pattern, with the one older-format warning as its only frontmatter message',
    async () => {
      const library = await loadLibrary([SAMPLE]);
      const older = files.filter((name) => !isV71(name));
      const read = new Set(
        library.patterns.filter((p) => p.format === 'older').map((p) => p.file.split('/').at(-1)),
      );
      expect(older.filter((name) => !read.has(name))).toEqual([]);
      for (const name of older) {
        const messages = library.diagnostics.filter(
          (d) => d.file.endsWith(`/${name}`) && !d.message.includes('has no pattern file yet'),
        );
        expect(messages.map((d) => d.message.split(':')[0])).toEqual(['older format']);
      }
    },
  );
});
