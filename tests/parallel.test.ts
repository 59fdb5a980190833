import { describe, expect, it } from 'vitest';
import { checkFile, findPatternFiles } from '../src/lib/load.ts';
import { parallelMap, startWorkers } from '../src/lib/parallel.ts';
import { FIXTURES } from './helpers/fixtures.ts';

/** The check's task, as the worker threads name it. */
const CHECK = { module: new URL('../src/lib/load.ts', import.meta.url).href, name: 'checkFile' };

/** Files of both formats, valid and not, and files that cannot be read as patterns at all. */
const library = async (): Promise<string[]> =>
  (
    await findPatternFiles(
      ['real-library', 'older-library', 'all-problems', 'invalid-utf8', 'yaml-syntax-error'].map(
        (name) => `${FIXTURES}${name}`,
      ),
    )
  ).files;

describe('checking files on worker threads', () => {
  it('gives every file the result it gets on this thread, in order, counting each once', async () => {
    const files = await library();
    let done = 0;
    const results = await parallelMap(files, CHECK, {
      itemsPerThread: 1,
      onItem: () => {
        done += 1;
      },
    });
    expect(results).toEqual(files.map((file) => checkFile(file)));
    expect(done).toBe(files.length);
  });

  it('gives the same results with workers started ahead, whether it needs them or not', async () => {
    const files = await library();
    startWorkers(CHECK.module);
    expect(await parallelMap(files, CHECK, { itemsPerThread: 1 })).toEqual(files.map(checkFile));
    startWorkers(CHECK.module);
    const [first = ''] = files;
    expect(await parallelMap([first], CHECK, { itemsPerThread: 1 })).toEqual([checkFile(first)]);
  });

  it('names a function its module does not export', async () => {
    await expect(
      parallelMap(['x', 'y'], { ...CHECK, name: 'noSuchTask' }, { itemsPerThread: 1 }),
    ).rejects.toThrow('exports no function noSuchTask');
  });
});
