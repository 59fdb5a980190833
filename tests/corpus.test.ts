import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  EIGHT_SECTIONS,
  REAL_LIBRARY,
  REAL_LIBRARY_FILES as files,
  render,
  SEED,
  v71,
} from './helpers/fixtures.ts';
import { readPatternFile } from '../src/lib/pattern-file.ts';
import { loadLibrary } from '../src/lib/load.ts';

const isV71 = (name: string): boolean =>
  /^ontology:/m.test(readFileSync(`${REAL_LIBRARY}${name}`, 'utf8').split('\n---')[0] ?? '');

describe('the reference pattern and the real-library fixtures', () => {
  it('reads the seed pattern without a single message', () => {
    const { pattern, diagnostics } = readPatternFile(SEED, readFileSync(SEED));
    expect(diagnostics).toEqual([]);
    expect(pattern?.frontmatter.slug).toBe('commons-based-peer-production');
    expect(v71(pattern).body.sections.map((section) => section.key)).toEqual(EIGHT_SECTIONS);
  });

  it('holds 45 v7.1 files and 15 in the older format', () => {
    expect(files.filter(isV71)).toHaveLength(45);
    expect(files.filter((name) => !isV71(name))).toHaveLength(15);
  });

  it.each(files.filter(isV71))('validates the v7.1 file %s', (name) => {
    const { pattern, diagnostics } = readPatternFile(name, readFileSync(`${REAL_LIBRARY}${name}`));
    expect(render(diagnostics.filter((d) => d.severity === 'error'))).toBe('');
    expect(pattern?.format).toBe('v7.1');
  });

  it('warns about format drift in eight v7.1 files, naming the fields', () => {
    const warned = Object.fromEntries(
      files.filter(isV71).flatMap((name) => {
        const { diagnostics } = readPatternFile(name, readFileSync(`${REAL_LIBRARY}${name}`));
        const fields = diagnostics
          .filter((d) => d.severity === 'warning')
          .map((d) => d.path.replace(/\[\d+\]/g, ''));
        return fields.length > 0 ? [[name, [...new Set(fields)].sort().join(', ')]] : [];
      }),
    );

    const specificationLayer =
      'graph_garden.entities, ontology.specification_layer, relationships.complementary, relationships.enables, relationships.generalizes_from, relationships.requires';
    expect(warned).toEqual({
      'building-for-love-not-money.md': 'body.confidence',
      'capability-specification.md':
        'body.confidence, body.summary, graph_garden.communities, graph_garden.entities, ontology.specification_layer, provenance, relationships.enables, relationships.generalizes_from, relationships.requires, relationships.specializes_to',
      'community-of-practice-design.md': specificationLayer,
      'context-diagnosis.md': specificationLayer,
      'microbiome-as-relationship.md': 'body.sections.vitality',
      'professional-reinvention.md': 'body.confidence',
      'seeding-network-effects.md': 'body.sections.vitality',
      'structural-integrity-audit.md':
        'body.confidence, body.summary, graph_garden.communities, graph_garden.entities, graph_garden.inferred_links, ontology.specification_layer, provenance, relationships.complementary, relationships.enables, relationships.generalizes_from, relationships.requires',
    });
  });

  it('reads every older-format file as a pattern, with the one older-format warning as its only frontmatter message', async () => {
    const library = await loadLibrary([REAL_LIBRARY]);
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
  });
});
