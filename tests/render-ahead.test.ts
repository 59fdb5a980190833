import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSite, type SitePattern } from '../src/model/load-site.ts';
import { renderBody } from '../src/model/rendered.ts';
import { searchDocument } from '../src/model/search-document.ts';
import { REAL_LIBRARY } from './helpers/fixtures.ts';

let cache = '';
beforeEach(() => {
  cache = mkdtempSync(join(tmpdir(), 'render-ahead-'));
});
afterEach(() => {
  rmSync(cache, { recursive: true, force: true });
});

/** The fixture library loaded with its patterns rendered ahead, their renderings kept in `cache`. */
async function loadAhead(cache?: string) {
  const { patterns, ahead } = await loadSite(REAL_LIBRARY, { render: 'ahead', cache });
  if (ahead === undefined) throw new Error('the load renders nothing ahead');
  return { patterns, ahead };
}

/** What rendering `pattern` on this thread gives. */
const renderedHere = ({ stored }: SitePattern) => {
  const rendered = renderBody(stored);
  return { rendered, searchDocument: searchDocument(stored, rendered) };
};

describe('rendering a build’s patterns ahead of their pages', () => {
  it('gives every pattern the HTML and search document it gets on this thread', async () => {
    // The reads are kept in the folder first; then a load renders ahead.
    await loadSite(REAL_LIBRARY, { render: 'when-asked', cache });
    const reads = readdirSync(cache).length;
    const { patterns, ahead } = await loadAhead(cache);
    await Promise.all(patterns.map(({ stored }) => ahead.ready(stored.slug)));
    // Each kept in the folder, one file per pattern, and read back from it.
    expect(readdirSync(cache)).toHaveLength(reads + patterns.length);
    for (const pattern of patterns) {
      expect({ rendered: pattern.rendered, searchDocument: pattern.searchDocument }).toEqual(
        renderedHere(pattern),
      );
    }
  });

  it('gives the same when the renderings are packed into a scratch folder (no site cache)', async () => {
    const { patterns, ahead } = await loadAhead();
    // Asked for in reverse: each read from its own stretch of a worker's pack file.
    for (const { stored } of [...patterns].reverse()) await ahead.ready(stored.slug);
    // Kept in this process's pack files (removed at exit), not made again on this thread.
    const packs = readdirSync(tmpdir())
      .filter((name) => name.startsWith('pattern-site-renderings-'))
      .flatMap((name) => readdirSync(join(tmpdir(), name)))
      .filter((name) => name.startsWith(`pack-${String(process.pid)}-`));
    expect(packs.length).toBeGreaterThan(0);
    for (const pattern of patterns) {
      expect({ rendered: pattern.rendered, searchDocument: pattern.searchDocument }).toEqual(
        renderedHere(pattern),
      );
    }
  });

  it('renders a pattern on this thread when its rendering could not be kept', async () => {
    // A file where the folder should be: nothing can be kept there, not even by root.
    const notAFolder = join(cache, 'file');
    writeFileSync(notAFolder, '');
    const { patterns, ahead } = await loadAhead(notAFolder);
    const few = patterns.slice(0, 3);
    await Promise.all(few.map(({ stored }) => ahead.ready(stored.slug)));
    for (const pattern of few) expect(pattern.rendered).toEqual(renderedHere(pattern).rendered);
  });
});
