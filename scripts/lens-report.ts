/**
 * Lens and section report over a folder of pattern files:
 *   node scripts/lens-report.ts [DIR]   (default ../shared/corpus/commons-os-sample)
 *
 * For every v7.1 file ({@link detectFormat}) it finds the sections with parseBody, splits
 * the Implementation section with splitLensGuidance using the file's `context_labels` keys as
 * lenses, and prints per lens how many files have guidance and how many blocks and excerpts
 * were attributed, the files that declare lenses but have no lens guidance, the files that
 * declare no lens at all (they get no lens pages), the lens pages whose guidance leads with
 * another lens's ({@link openingLenses}), how many files have lens-labelled known uses, and
 * which files miss canonical sections.
 */

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseBody, SECTION_KEYS, SECTION_TITLES } from '../src/lib/body.ts';
import { detectFormat } from '../src/lib/format.ts';
import { readFrontmatter, type Frontmatter } from '../src/lib/frontmatter.ts';
import {
  attributeBlocks,
  lensKnownUses,
  openingLenses,
  splitLensGuidance,
} from '../src/lib/lens-guidance.ts';

interface PatternFile {
  readonly name: string;
  readonly lenses: readonly string[];
  readonly body: string;
  readonly bodyLine: number;
}

/** The file's frontmatter split off, if it is a readable v7.1 pattern ({@link detectFormat}). */
function readV71(name: string, text: string): PatternFile | undefined {
  let read: Frontmatter;
  try {
    read = readFrontmatter(text);
  } catch {
    return undefined;
  }
  const data = read.data as Record<string, unknown>;
  if (detectFormat(data) !== 'v7.1') return undefined;
  const labels = data['context_labels'];
  const lenses = typeof labels === 'object' && labels !== null ? Object.keys(labels) : [];
  return { name, lenses, body: read.body, bodyLine: read.bodyLine };
}

function main(dir: string): void {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .flatMap((name) => readV71(name, readFileSync(path.join(dir, name), 'utf8')) ?? []);

  const perLens = new Map<string, { files: number; blocks: number }>();
  const withoutGuidance: string[] = [];
  const withoutLenses: string[] = [];
  const missing: string[] = [];
  const crossLens: string[] = [];
  const knownUses = new Map<string, number>();
  for (const file of files) {
    const body = parseBody(file.body, file.bodyLine);
    const present = new Set(body.sections.map((section) => section.key));
    const absent = SECTION_KEYS.filter((key) => !present.has(key));
    if (absent.length > 0) {
      missing.push(`  ${file.name}: ${absent.map((key) => SECTION_TITLES[key]).join(', ')}`);
    }
    const implementation = body.sections.find((section) => section.key === 'implementation');
    const blocks = attributeBlocks(implementation?.markdown ?? '', file.lenses);
    const { byLens } = splitLensGuidance(implementation?.markdown ?? '', file.lenses);
    for (const [lens, markdown] of Object.entries(byLens)) {
      const opening = openingLenses(markdown, file.lenses);
      if (opening.length > 0 && !opening.includes(lens)) {
        crossLens.push(`  ${file.name} (${lens} page leads with ${opening.join(', ')})`);
      }
    }
    const uses = body.sections.find((section) => section.key === 'known-uses');
    for (const lens of Object.keys(lensKnownUses(uses?.markdown ?? '', file.lenses))) {
      knownUses.set(lens, (knownUses.get(lens) ?? 0) + 1);
    }
    let anyLens = false;
    for (const lens of file.lenses) {
      const count = blocks.filter((block) => block.lenses.includes(lens)).length;
      const stats = perLens.get(lens) ?? { files: 0, blocks: 0 };
      perLens.set(lens, { files: stats.files + (count > 0 ? 1 : 0), blocks: stats.blocks + count });
      anyLens ||= count > 0;
    }
    if (file.lenses.length === 0) withoutLenses.push(`  ${file.name}`);
    else if (!anyLens) withoutGuidance.push(`  ${file.name} (lenses: ${file.lenses.join(', ')})`);
  }

  const declared = (lens: string): number =>
    files.filter((file) => file.lenses.includes(lens)).length;
  console.log(`v7.1 files: ${files.length} in ${dir}\n`);
  console.log(
    'Lens guidance in Implementation (files with guidance / files declaring the lens, blocks and excerpts):',
  );
  for (const [lens, stats] of perLens) {
    console.log(
      `  ${lens.padEnd(12)} ${stats.files} / ${declared(lens)} files, ${stats.blocks} blocks`,
    );
  }
  console.log(
    `\nFiles declaring lenses without any lens guidance: ${withoutGuidance.length} / ${files.length - withoutLenses.length}`,
  );
  console.log(withoutGuidance.join('\n'));
  console.log(`\nFiles declaring no lens (no context_labels): ${withoutLenses.length}`);
  console.log(withoutLenses.join('\n'));
  console.log(`\nLens pages leading with another lens's guidance: ${crossLens.length}`);
  console.log(crossLens.join('\n'));
  console.log('\nFiles with known uses labelled for a lens:');
  for (const [lens, count] of knownUses) console.log(`  ${lens.padEnd(12)} ${count}`);
  console.log(
    `\nFiles with all eight sections: ${files.length - missing.length} / ${files.length}`,
  );
  console.log(`Files missing sections: ${missing.length}`);
  console.log(missing.join('\n'));
}

main(process.argv[2] ?? '../shared/corpus/commons-os-sample');
