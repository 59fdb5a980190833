/**
 * `npm run check [-- [--new FILE]... [--quiet] [--duplicates] FILE_OR_DIR...]` — validates
 * pattern files (`--help` lists the options: scripts/lib/command-line.ts).
 *
 * Default target: `$PATTERNS_DIR`, else `patterns/`. When files are named, the
 * pattern folder still serves as the library they are checked against
 * (duplicates, wanted targets), but only the named files' problems are shown.
 * `--new FILE` names a file the change adds (the pull-request workflow passes
 * them): it is checked too, and an older-format one is an error, not a warning.
 * Prints one line per problem, then `N files (A v7.1, B older), E errors,
 * W warnings`; exits 1 when there is an error. With GITHUB_ACTIONS=true it also
 * prints inline annotations. `--quiet` prints errors only (the summary still counts the
 * warnings). `--duplicates` then lists the library's near-duplicate clusters.
 */
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { openCheckCache } from '../src/lib/check-cache.ts';
import { checkReport, sortDiagnostics } from '../src/lib/diagnostics.ts';
import { countFormats, refuseIncompleteNewFiles } from '../src/lib/format.ts';
import { duplicateReport } from '../src/lib/library.ts';
import { checkPatternFiles, findPatternFiles, patternsDir } from '../src/lib/load.ts';
import { readCommandLine } from './lib/command-line.ts';

const { values, operands } = readCommandLine({
  name: 'check',
  operands: '[FILE_OR_DIR...]',
  description: [
    'Checks pattern files: one line per problem (file:line:column), then the number of files,',
    'errors and warnings; exits 1 when there is an error. Without a file or folder it checks',
    'the pattern folder ($PATTERNS_DIR, else patterns/); named files are checked against it.',
  ].join('\n'),
  options: {
    new: {
      type: 'string',
      multiple: true,
      value: 'FILE',
      description: 'A file the change adds (one each): checked, and an error in the older format.',
    },
    quiet: { type: 'boolean', description: 'Prints errors only (the summary counts warnings).' },
    duplicates: {
      type: 'boolean',
      description: "Then lists the library's near-duplicate clusters and their pairs.",
    },
  },
});
const added = values.new.map((file) => relative('.', file));
const args = [...added, ...operands];
const targets = args.length > 0 ? args : [patternsDir()];
const context =
  args.length > 0 && existsSync(patternsDir()) ? [...targets, patternsDir()] : targets;

const progress = (done: number, total: number): void => {
  if (total < 200) return;
  if (process.stderr.isTTY) {
    process.stderr.write(`\rchecking ${String(done)}/${String(total)} files…`);
    if (done === total) process.stderr.write('\r\x1b[K');
  } else if (done % 1000 === 0 || done === total) {
    process.stderr.write(`checked ${String(done)}/${String(total)} files\n`);
  }
};

// Without named files the library itself is checked, and its files are found once.
const [library, named] = await Promise.all([
  checkPatternFiles(context, progress, openCheckCache()),
  context === targets ? undefined : findPatternFiles(targets),
]);
const files = named?.files ?? library.files;
const shown = named && new Set([...named.files, ...named.diagnostics.map((d) => d.file)]);
const diagnostics = sortDiagnostics(
  refuseIncompleteNewFiles(
    shown ? library.diagnostics.filter((d) => shown.has(d.file)) : library.diagnostics,
    library.formats,
    new Set(added),
  ),
);
const annotate = process.env['GITHUB_ACTIONS'] === 'true';
process.stdout.write(
  checkReport(files.length, diagnostics, annotate, countFormats(files, library.formats), {
    quiet: values.quiet,
  }),
);
if (values.duplicates) process.stdout.write(duplicateReport(library.duplicates));
process.exitCode = diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
