/**
 * `npm run migrate -- [--dry-run] FILE_OR_DIR...` — rewrites older-format pattern files with
 * v7.1 frontmatter (src/lib/migrate.ts); the body is kept byte for byte. What cannot be derived
 * is left as placeholders that `npm run check` reports, one error per field. Files already in
 * v7.1 are skipped, so running it twice changes nothing. `--dry-run` prints the new frontmatter
 * of each file instead of writing it. Ids named in relationships are resolved to slugs against
 * the files given and the pattern folder (`$PATTERNS_DIR`, else `patterns/`).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { readFrontmatter } from '../src/lib/frontmatter.ts';
import { findPatternFiles, patternsDir } from '../src/lib/load.ts';
import { migratePattern } from '../src/lib/migrate.ts';
import { defineCommand, helpText, readCommandLine } from './lib/command-line.ts';

const command = defineCommand({
  name: 'migrate',
  operands: 'FILE_OR_DIR...',
  description: [
    'Rewrites older-format pattern files with v7.1 frontmatter, keeping the body byte for byte;',
    'what cannot be derived is left as placeholders `npm run check` lists. Files already in',
    'v7.1 are skipped.',
  ].join('\n'),
  options: {
    'dry-run': { type: 'boolean', description: 'Prints the new frontmatter; writes nothing.' },
  },
});
const { values, operands } = readCommandLine(command);
if (operands.length === 0) {
  process.stderr.write(helpText(command));
  process.exit(2);
}
const found = await findPatternFiles(operands);
const library = await findPatternFiles(existsSync(patternsDir()) ? [patternsDir()] : []);

/** Pattern id → slug, from every file whose frontmatter can be read. */
const slugs = new Map<string, string>();
for (const file of new Set([...library.files, ...found.files])) {
  try {
    const { data } = readFrontmatter(readFileSync(file, 'utf8'));
    const id = (data as Record<string, unknown>)['id'];
    if (typeof id === 'string') slugs.set(id, basename(file, '.md'));
  } catch {
    // An unreadable file names no id; `npm run check` reports it.
  }
}

let failed = found.diagnostics.length;
for (const d of found.diagnostics) process.stderr.write(`${d.file}: ${d.message}\n`);
const counts = { migrated: 0, skipped: 0, failed: 0 };
for (const file of found.files) {
  const result = migratePattern(file, readFileSync(file), { slugOfId: (id) => slugs.get(id) });
  counts[result.kind] += 1;
  if (result.kind === 'failed') {
    failed += 1;
    process.stderr.write(`${file}: not migrated: ${result.reason}\n`);
  } else if (result.kind === 'skipped') {
    process.stdout.write(`${file}: skipped: ${result.reason}\n`);
  } else if (values['dry-run']) {
    process.stdout.write(`${file}: new frontmatter:\n---\n${result.frontmatter}---\n`);
  } else {
    writeFileSync(file, result.bytes);
    process.stdout.write(
      `${file}: migrated; \`npm run check -- ${file}\` lists what is left to fill in\n`,
    );
  }
}
process.stdout.write(
  `${String(counts.migrated)} ${values['dry-run'] ? 'to migrate' : 'migrated'}, ${String(counts.skipped)} skipped, ${String(counts.failed)} failed\n`,
);
process.exitCode = failed > 0 ? 1 : 0;
