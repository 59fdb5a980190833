/**
 * `npm run check [-- [--new FILE]... [--quiet] [--only KIND]... [--duplicates] FILE_OR_DIR...]` — validates
 * pattern files (`--help` lists the options: scripts/lib/command-line.ts).
 *
 * Default target: `$PATTERNS_DIR`, else `patterns/`. When files are named, the
 * pattern folder still serves as the library they are checked against
 * (duplicates, wanted targets), but only the named files' problems are shown.
 * `--new FILE` names a file the change adds (the pull-request workflow passes
 * them): it is checked too, and an older-format one is an error, not a warning.
 * Prints one line per problem (ending in its kind), the problems by kind when there are several
 * kinds, then `N files (A v7.1, B older), E errors,
 * W warnings`; exits 1 when there is an error. With GITHUB_ACTIONS=true it also
 * prints inline annotations, and with GITHUB_STEP_SUMMARY (a file) it appends the whole check
 * as the job's Markdown summary. `--quiet` prints errors only (the summary still counts the
 * warnings). `--json` prints the report as one JSON document instead. `--only KIND[,KIND]` shows and counts those kinds of problem only (the exit code
 * too: src/lib/rules.ts). `--duplicates` then lists the library's near-duplicate clusters.
 */
import { appendFileSync, existsSync } from 'node:fs';
import { relative } from 'node:path';
import { openCheckCache } from '../src/lib/check-cache.ts';
import {
  checkJson,
  checkReport,
  filtered,
  jobSummary,
  sortDiagnostics,
} from '../src/lib/diagnostics.ts';
import { countFormats, refuseIncompleteNewFiles } from '../src/lib/format.ts';
import { didYouMean, duplicateReport, slugIndex } from '../src/lib/library.ts';
import { checkPatternFiles, findPatternFiles, patternsDir } from '../src/lib/load.ts';
import { isRule, RULE_IDS } from '../src/lib/rules.ts';
import { defineCommand, readCommandLine, refuseCommandLine } from './lib/command-line.ts';

const command = defineCommand({
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
    only: {
      type: 'string',
      multiple: true,
      value: 'KIND[,KIND]',
      description: `Shows and counts these kinds of problem only: ${RULE_IDS.join(', ')}.`,
    },
    json: {
      type: 'boolean',
      description: 'Prints the report as one JSON document (counts, kinds, problems) instead.',
    },
    duplicates: {
      type: 'boolean',
      description: "Then lists the library's near-duplicate clusters and their pairs.",
    },
  },
});
const { values, operands } = readCommandLine(command);
const kinds = values.only.flatMap((list) => list.split(',')).filter((kind) => kind !== '');
const unknown = kinds.filter((kind) => !isRule(kind));
if (unknown.length > 0) {
  const kindIndex = slugIndex(RULE_IDS);
  refuseCommandLine(
    command,
    `no kind of problem is called ${unknown
      .map((kind) => {
        const near = didYouMean(kind, kindIndex);
        return `"${kind}"${near === undefined ? '' : ` (did you mean "${near}"?)`}`;
      })
      .join(' or ')} (kinds: ${RULE_IDS.join(', ')})`,
  );
}
if (values.json && values.duplicates) {
  refuseCommandLine(
    command,
    '--json prints one JSON document: it cannot be given with --duplicates',
  );
}
const only = kinds.length > 0 ? new Set(kinds.filter(isRule)) : undefined;
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
const formats = countFormats(files, library.formats);
const filter = { quiet: values.quiet, only };
process.stdout.write(
  values.json
    ? checkJson(files.length, diagnostics, formats, filter)
    : checkReport(files.length, diagnostics, annotate, formats, filter),
);
// The problems of the kinds asked for, whether --quiet shows them or not.
const { counted } = filtered(diagnostics, { only });
const stepSummary = process.env['GITHUB_STEP_SUMMARY'];
if (stepSummary) appendFileSync(stepSummary, jobSummary(files.length, counted, formats));
if (values.duplicates) process.stdout.write(duplicateReport(library.duplicates));
process.exitCode = counted.some((d) => d.severity === 'error') ? 1 : 0;
