/**
 * Maps a function over a list on this thread and on worker threads at once.
 * The threads share one queue: an atomic counter in shared memory hands out
 * the next chunk of items, so a thread that started late (a worker loading
 * its modules) simply takes fewer. Workers import the function themselves,
 * so it is named by module URL and export name ({@link Task}); items and
 * results must be plain data (structured-cloneable).
 */
import { availableParallelism } from 'node:os';
import { parentPort, Worker, workerData } from 'node:worker_threads';

/** A function workers can import: a module's URL and the name it is exported under. */
export interface Task {
  readonly module: string;
  readonly name: string;
}

export interface ParallelOptions {
  /** Below this many items per thread a worker costs more than it saves. */
  readonly itemsPerThread: number;
  /** Called after each item (on this thread, also for items done by workers). */
  readonly onItem?: () => void;
}

/** What a worker starts with. */
export interface WorkerInput<I> {
  readonly items: readonly I[];
  readonly cursor: Int32Array;
  readonly task: Task;
}

/** Items claimed at a time from the shared queue. */
const CHUNK = 16;

/** Runs `fn` on chunks claimed from the queue until it is empty; results keep their index. */
function drain<I, O>(
  items: readonly I[],
  cursor: Int32Array,
  fn: (item: I) => O,
  onItem?: () => void,
): [number, O][] {
  const results: [number, O][] = [];
  for (let chunk = Atomics.add(cursor, 0, 1); chunk * CHUNK < items.length;) {
    const end = Math.min(items.length, (chunk + 1) * CHUNK);
    for (let index = chunk * CHUNK; index < end; index += 1) {
      results.push([index, fn(items[index] as I)]);
      onItem?.();
    }
    chunk = Atomics.add(cursor, 0, 1);
  }
  return results;
}

/** The exported function `task` names. */
async function importTask(task: Task): Promise<(item: unknown) => unknown> {
  const module = (await import(/* @vite-ignore */ task.module)) as Record<string, unknown>;
  const fn = module[task.name];
  if (typeof fn !== 'function') throw new Error(`${task.module} exports no function ${task.name}`);
  return fn as (item: unknown) => unknown;
}

/** The body of a worker thread (parallel-worker.js): drains the shared queue with the task it was given. */
export async function runWorker(): Promise<void> {
  const port = parentPort;
  if (!port) return;
  const { items, cursor, task } = workerData as WorkerInput<unknown>;
  const fn = await importTask(task);
  port.postMessage(
    drain(items, cursor, fn, () => {
      port.postMessage('item');
    }),
  );
}

function inWorker<O>(input: WorkerInput<unknown>, onItem: () => void): Promise<[number, O][]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./parallel-worker.js', import.meta.url), {
      workerData: input,
    });
    worker.on('message', (message: 'item' | [number, O][]) => {
      if (message === 'item') onItem();
      else resolve(message);
    });
    worker.on('error', reject);
  });
}

/** `items.map(task)`, spread over up to one thread per core. */
export async function parallelMap<O>(
  items: readonly unknown[],
  task: Task,
  { itemsPerThread, onItem = () => undefined }: ParallelOptions,
): Promise<O[]> {
  const fn = (await importTask(task)) as (item: unknown) => O;
  const threads = Math.max(
    1,
    Math.min(availableParallelism(), Math.floor(items.length / itemsPerThread)),
  );
  const cursor = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const workers = Array.from({ length: threads - 1 }, () =>
    inWorker<O>({ items, cursor, task }, onItem),
  );
  const results = new Array<O>(items.length);
  const done = [drain(items, cursor, fn, onItem), ...(await Promise.all(workers))];
  for (const [index, result] of done.flat()) results[index] = result;
  return results;
}
