import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCheckCache } from '../src/lib/check-cache.ts';
import { checkPatternFiles } from '../src/lib/load.ts';
import { FIXTURES } from './helpers/fixtures.ts';

let dir = '';
let cacheFile = '';

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'check-cache-'));
  cpSync(`${FIXTURES}incomplete`, join(dir, 'library'), { recursive: true });
  cacheFile = join(dir, 'cache.json');
  process.env['PATTERNS_CHECK_CACHE'] = cacheFile;
});

afterEach(() => {
  delete process.env['PATTERNS_CHECK_CACHE'];
  rmSync(dir, { recursive: true, force: true });
});

/** The cache file's stored results, to tamper with. */
const stored = (): { files: Record<string, { result: { diagnostics: { message: string }[] } }> } =>
  JSON.parse(readFileSync(cacheFile, 'utf8')) as ReturnType<typeof stored>;

const check = (): ReturnType<typeof checkPatternFiles> =>
  checkPatternFiles([join(dir, 'library')], undefined, openCheckCache());

describe('the check cache', () => {
  it('gives the same results as an uncached check, and keeps them for the next run', async () => {
    const uncached = await checkPatternFiles([join(dir, 'library')]);
    expect((await check()).diagnostics).toEqual(uncached.diagnostics);
    expect((await check()).diagnostics).toEqual(uncached.diagnostics);
    expect(Object.keys(stored().files)).toHaveLength(3);
  });

  it('reuses the result of an unchanged file and checks a changed one again', async () => {
    await check();
    // A cached result marked by hand shows whether it is reused.
    const data = stored();
    for (const entry of Object.values(data.files)) {
      for (const d of entry.result.diagnostics) d.message = `cached: ${d.message}`;
    }
    writeFileSync(cacheFile, JSON.stringify(data));
    const changed = join(dir, 'library', 'wrong-score.md');
    writeFileSync(
      changed,
      readFileSync(changed, 'utf8').replace('resilience: 7.0', 'resilience: 8.0'),
    );
    const { diagnostics } = await check();
    const messages = (file: string): string[] =>
      diagnostics.filter((d) => d.file.endsWith(file)).map((d) => d.message);
    expect(messages('wrong-score.md')).toContain('out of range');
    expect(messages('wrong-score.md').some((m) => m.startsWith('cached: '))).toBe(false);
    expect(messages('missing-groups.md')).toContain('cached: required field is missing');
  });

  it('reuses the near-duplicate pass while no file changed, and runs it again when one did', async () => {
    const first = await check();
    const data = JSON.parse(readFileSync(cacheFile, 'utf8')) as {
      near: { value: { clusters: string[][] } };
    };
    data.near.value.clusters = [['marked by the test']];
    writeFileSync(cacheFile, JSON.stringify(data));
    expect((await check()).duplicates.clusters).toEqual([['marked by the test']]);
    const changed = join(dir, 'library', 'wrong-score.md');
    writeFileSync(changed, `${readFileSync(changed, 'utf8')}\nOne more line.\n`);
    expect((await check()).duplicates.clusters).toEqual(first.duplicates.clusters);
  });

  it('is ignored when it cannot be read, and is off with PATTERNS_CHECK_CACHE=off', async () => {
    writeFileSync(cacheFile, '{ not json');
    const uncached = await checkPatternFiles([join(dir, 'library')]);
    expect((await check()).diagnostics).toEqual(uncached.diagnostics);
    process.env['PATTERNS_CHECK_CACHE'] = 'off';
    rmSync(cacheFile);
    await check();
    expect(() => readFileSync(cacheFile)).toThrow();
  });
});
