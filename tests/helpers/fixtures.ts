/** Shared test helpers: fixture paths and diagnostics rendered relative to the fixtures folder. */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from '../../src/lib/diagnostics.ts';
import { loadLibrary } from '../../src/lib/load.ts';
import { isV71, type PatternFile, type V71PatternFile } from '../../src/lib/pattern-file.ts';
import type {
  PatternPageModel,
  StoredPattern,
  StoredV71Pattern,
  V71PageModel,
} from '../../src/model/types.ts';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
/** Pattern files copied unchanged from the real library (see its README): 45 v7.1, 15 older. */
export const REAL_LIBRARY = `${FIXTURES}real-library/`;
/** The pattern files of {@link REAL_LIBRARY} (its README left out), sorted. */
export const REAL_LIBRARY_FILES = readdirSync(REAL_LIBRARY)
  .filter((name) => name.endsWith('.md') && name !== 'README.md')
  .sort();
export const SEED = fileURLToPath(
  new URL('../../patterns/commons-based-peer-production.md', import.meta.url),
);

/** The eight section keys in the order the format gives them, written out (not taken from src/). */
export const EIGHT_SECTIONS = [
  'context',
  'problem',
  'solution',
  'implementation',
  'consequences',
  'known-uses',
  'cognitive-era',
  'vitality',
] as const;

/** Formats diagnostics with paths (also in messages) relative to tests/fixtures, one per line. */
export function render(diagnostics: readonly Diagnostic[]): string {
  return sortDiagnostics(diagnostics)
    .map((d) =>
      formatDiagnostic({
        ...d,
        file: relative(FIXTURES, d.file),
        message: d.message.replaceAll(FIXTURES, '').replaceAll(`${relative('.', FIXTURES)}/`, ''),
      }),
    )
    .join('\n');
}

/** Loads one fixture folder as a library and renders every diagnostic. */
export async function checkFixture(name: string): Promise<string> {
  const library = await loadLibrary([`${FIXTURES}${name}`]);
  return render(library.diagnostics);
}

/** The pattern, which the test expects to be a valid v7.1 pattern. */
export function v71(pattern: PatternFile | undefined): V71PatternFile {
  if (!isV71(pattern))
    throw new Error(`expected a valid v7.1 pattern, got ${pattern?.format ?? 'none'}`);
  return pattern;
}

/** The stored pattern, which the test expects to be in the v7.1 format. */
export function v71Stored(pattern: StoredPattern | undefined): StoredV71Pattern {
  if (pattern?.format !== 'v7.1')
    throw new Error(`expected a v7.1 pattern, got ${pattern?.format ?? 'none'}`);
  return pattern;
}

/** The page model, which the test expects to be a v7.1 pattern's. */
export function v71Page(page: PatternPageModel): V71PageModel {
  if (page.format !== 'v7.1') throw new Error(`expected a v7.1 page, got ${page.format}`);
  return page;
}
