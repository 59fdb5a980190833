import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildLibraryModel } from '../src/model/library-model.ts';
import { LiveLibrary } from '../src/model/live-library.ts';
import { loadSite, readSiteFile, type SitePattern } from '../src/model/load-site.ts';
import type { LibraryModel } from '../src/model/types.ts';
import { FIXTURES } from './helpers/fixtures.ts';

let dir = '';
beforeEach(() => {
  dir = relative('.', mkdtempSync(join(tmpdir(), 'live-library-')));
  cpSync(join(FIXTURES, 'site/small'), dir, { recursive: true });
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The library model of a whole load of `dir` as it is now. */
async function wholeLoad(): Promise<LibraryModel> {
  const { patterns } = await loadSite(dir, { render: 'when-asked' });
  return buildLibraryModel(
    patterns.map(({ stored }) => stored),
    undefined,
    new Map(patterns.map(({ stored, similar }) => [stored.slug, similar])),
  );
}

/** What a model says, its contributor lookup as the slugs it gives (a function is compared by identity). */
const comparable = (model: LibraryModel, similar = true) => ({
  ...model,
  contributors: model.contributors.list,
  contributorSlugs: model.contributors.list.map(({ name }) => model.contributors.slugOf(name)),
  similar: similar ? model.similar : undefined,
});

/** Edits the file of pattern `slug` and reads it again, as the dev server does on a save. */
function edit(live: LiveLibrary, slug: string, change: (text: string) => string): void {
  const file = join(dir, `${slug}.md`);
  writeFileSync(file, change(readFileSync(file, 'utf8')));
  const { pattern } = readSiteFile(file);
  if (pattern === undefined) throw new Error(`${file} became invalid`);
  live.set(pattern);
}

const backlinkSources = (model: LibraryModel, target: string): string[] =>
  (model.backlinks.get(target) ?? []).flatMap(({ type, links }) =>
    links.map(({ slug }) => `${type}:${slug}`),
  );

describe('the live library (a pattern changed file by file)', () => {
  let live: LiveLibrary;
  beforeEach(async () => {
    live = new LiveLibrary((await loadSite(dir, { render: 'when-asked' })).patterns);
  });

  it('gives the model of a whole load of the same files', async () => {
    expect(comparable(live.model())).toEqual(comparable(await wholeLoad()));
  });

  it('moves an edited link’s backlink from its old target to its new one, as a whole load would', async () => {
    expect(backlinkSources(live.model(), 'alpha')).toContain('requires:beta');
    edit(live, 'beta', (text) =>
      text.replace('  requires:\n    - slug: alpha', '  requires:\n    - slug: gamma'),
    );
    const model = live.model();
    expect(backlinkSources(model, 'alpha')).not.toContain('requires:beta');
    expect(backlinkSources(model, 'gamma')).toContain('requires:beta');
    // Similar patterns are those of the last whole load: compared apart.
    expect(comparable(model, false)).toEqual(comparable(await wholeLoad(), false));
  });

  it('shows an edited title in every other pattern’s links and in the listings', async () => {
    edit(live, 'alpha', (text) => text.replace(/^title: .*$/m, 'title: "Zeta Renamed"'));
    const model = live.model();
    expect(model.patterns.at(-1)?.title).toBe('Zeta Renamed');
    expect(
      model.backlinks
        .get('beta')
        ?.flatMap(({ links }) => links)
        .find(({ slug }) => slug === 'alpha')?.title,
    ).toBe('Zeta Renamed');
    expect(comparable(model, false)).toEqual(comparable(await wholeLoad(), false));
  });

  it('keeps a changed pattern’s similar patterns from the last whole load', () => {
    const before = live.get('beta')?.similar;
    edit(live, 'beta', (text) => `${text}\nOne more line.\n`);
    expect(live.get('beta')?.similar).toEqual(before);
  });

  it('leaves a removed pattern out, its links then wanted, as a whole load would', async () => {
    rmSync(join(dir, 'gamma.md'));
    live.delete('gamma');
    const model = live.model();
    expect(model.bySlug.has('gamma')).toBe(false);
    expect(comparable(model, false)).toEqual(comparable(await wholeLoad(), false));
  });

  it('makes its model once per change', () => {
    const model = live.model();
    expect(live.model()).toBe(model);
    edit(live, 'gamma', (text) => `${text}\nOne more line.\n`);
    expect(live.model()).not.toBe(model);
  });

  it('finds the pattern a file holds, and lists patterns in file order', () => {
    const patterns: SitePattern[] = live.patterns();
    expect(patterns.map(({ stored }) => stored.slug)).toEqual(['alpha', 'beta', 'gamma']);
    expect(live.slugOf(join(dir, 'beta.md'))).toBe('beta');
    expect(live.slugOf(join(dir, 'nothing.md'))).toBeUndefined();
  });
});
