import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFile, findPatternFiles } from '../src/lib/load.ts';
import { parallelMap, startWorkers, workerQueue } from '../src/lib/parallel.ts';
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

/** Every fixture file queued on a one-worker queue; `finished` lists them as they are done. */
async function queuedOnOneWorker() {
  const files = await library();
  const queue = workerQueue<string, unknown>(CHECK, 1);
  const finished: string[] = [];
  const runs = files.map((file) =>
    queue.run(file, file).then(() => {
      finished.push(file);
    }),
  );
  return { files, queue, finished, runs };
}

describe('a queue of items run on worker threads', () => {
  it('gives every item the result it gets on this thread', async () => {
    const files = await library();
    const queue = workerQueue<string, unknown>(CHECK, 2);
    const results = await Promise.all(files.map((file) => queue.run(file, file)));
    expect(results).toEqual(files.map(checkFile));
  });

  it('runs an item asked for sooner before the items queued ahead of it', async () => {
    const { files, queue, finished, runs } = await queuedOnOneWorker();
    const last = files[files.length - 1] ?? '';
    queue.hurry(last);
    await Promise.all(runs);
    expect(files.length).toBeGreaterThan(10);
    // Only the two items sent before it was asked for finish first.
    expect(finished.indexOf(last)).toBeLessThanOrEqual(2);
  });

  it('runs the items asked for sooner latest first, and ignores asking for one already run', async () => {
    const { files, queue, finished, runs } = await queuedOnOneWorker();
    const [first = '', , , fourth = ''] = files;
    const last = files[files.length - 1] ?? '';
    // The first is already sent to the worker: asking for it again moves nothing.
    queue.hurry(first);
    queue.hurry(fourth);
    queue.hurry(last);
    await Promise.all(runs);
    expect(finished.indexOf(last)).toBeLessThan(finished.indexOf(fourth));
    expect(finished.indexOf(fourth)).toBeLessThanOrEqual(3);
    expect(finished.slice(0, 1)).toEqual([first]);
  });

  it('does not keep the process alive once its work is done, workers given none included', () => {
    const script = [
      `import { workerQueue } from ${JSON.stringify(new URL('../src/lib/parallel.ts', import.meta.url).href)};`,
      `const queue = workerQueue(${JSON.stringify(CHECK)}, 3);`,
      `await queue.run('one', ${JSON.stringify(`${FIXTURES}valid/minimal-pattern.md`)});`,
      `console.log('done');`,
    ].join('\n');
    const dir = mkdtempSync(join(tmpdir(), 'worker-queue-'));
    writeFileSync(join(dir, 'run.mjs'), script);
    const child = spawnSync(process.execPath, [join(dir, 'run.mjs')], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    rmSync(dir, { recursive: true });
    expect(child.stderr + child.stdout).toBe('done\n');
    // Exited by itself: not killed by the timeout.
    expect(child.signal).toBeNull();
    expect(child.status).toBe(0);
  });

  it('names a function its module does not export', async () => {
    const queue = workerQueue<string, unknown>({ ...CHECK, name: 'noSuchTask' }, 1);
    await expect(queue.run('x', 'x')).rejects.toThrow('exports no function noSuchTask');
  });
});
