/**
 * `npm run new -- "Pattern Title"` — writes a new pattern file, `<patterns>/<slug>.md`
 * (`$PATTERNS_DIR`, else `patterns/`), with a fresh id, placeholders in every frontmatter group
 * and the eight section headings with a line of guidance each (src/lib/scaffold.ts). Never
 * overwrites: exits 1 when the title has no slug, a pattern with that slug exists or the draft
 * would fail `npm run check` for anything but its placeholders. Prints the path and what to fill in next.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { formatDiagnostic } from '../src/lib/diagnostics.ts';
import { findPatternFiles, patternsDir } from '../src/lib/load.ts';
import { readPatternFile } from '../src/lib/pattern-file.ts';
import { isPlaceholderMessage } from '../src/lib/placeholders.ts';
import { newDraft, nextSteps, slugFromTitle } from '../src/lib/scaffold.ts';
import { readCommandLine } from './lib/command-line.ts';

function fail(message: string): void {
  process.stderr.write(`${message}\n`);
  process.exitCode = 1;
}

async function main(): Promise<void> {
  const { operands } = readCommandLine({
    name: 'new',
    operands: '"Pattern Title"',
    description: [
      'Writes a new pattern file, <patterns>/<slug>.md ($PATTERNS_DIR, else patterns/), with a',
      'fresh id, placeholders in every frontmatter group and the eight section headings; never',
      'overwrites. A title that begins with "-" goes after "--": npm run new -- -- "-Title".',
    ].join('\n'),
    options: {},
  });
  const title = operands.join(' ').trim();
  if (title === '') {
    fail('Usage: npm run new -- "Pattern Title"');
    return;
  }
  const slug = slugFromTitle(title);
  if (slug === '') {
    fail(`"${title}" has no letter or digit (a–z, 0–9) to make a file name from.`);
    return;
  }
  const dir = patternsDir();
  const file = join(dir, `${slug}.md`);
  const existing = existsSync(dir) ? (await findPatternFiles([dir])).files : [];
  const taken = existing.find((path) => basename(path, '.md') === slug);
  if (taken !== undefined) {
    fail(`A pattern with the slug "${slug}" exists already: ${taken} (not overwritten).`);
    return;
  }
  const { id, text } = newDraft(title, slug);
  const errors = readPatternFile(file, new TextEncoder().encode(text)).diagnostics.filter(
    (d) => d.severity === 'error' && !isPlaceholderMessage(d.message),
  );
  if (errors.length > 0) {
    fail(
      `Cannot make a valid pattern from this title:\n${errors.map(formatDiagnostic).join('\n')}`,
    );
    return;
  }
  mkdirSync(dir, { recursive: true });
  try {
    writeFileSync(file, text, { flag: 'wx' }); // 'wx': never overwrite
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    fail(`${file} exists already (not overwritten).`);
    return;
  }
  process.stdout.write(`${nextSteps(file, id).join('\n')}\n`);
}

await main();
