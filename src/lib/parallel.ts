/**
 * Maps a function over a list on this thread and on worker threads at once.
 * The threads share one queue: an atomic counter in shared memory hands out
 * the next chunk of items, so a thread that started late (a worker loading
 * its modules) simply takes fewer. Workers import the function themselves,
 * so it is named by module URL and export name ({@link Task}); items and
 * results must be plain data (structured-cloneable). A command that knows its
 * work early can start the workers first ({@link startWorkers}), so that they
 * load their modules while this thread loads its own.
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
  /**
   * Leave this thread free (workers only, at least one): slower, but its event loop keeps
   * running meanwhile (the dev server answers while the library loads).
   */
  readonly background?: boolean;
}

/** What a worker starts with: the module it loads at once. */
interface WorkerStart {
  readonly module: string;
}

/** What a worker is then given: the items, the queue's shared cursor and the function's name. */
interface WorkerInput<I> {
  readonly items: readonly I[];
  readonly cursor: Int32Array;
  readonly name: string;
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

/**
 * The body of a worker thread (parallel-worker.js): loads its module, waits for its items, then
 * drains the shared queue with the function named.
 */
export async function runWorker(): Promise<void> {
  const port = parentPort;
  if (!port) return;
  const { module } = workerData as WorkerStart;
  // Loaded while the work is awaited; a failure to load is reported when the work asks for it.
  import(/* @vite-ignore */ module).catch(() => undefined);
  const { items, cursor, name } = await new Promise<WorkerInput<unknown>>((resolve) => {
    port.once('message', resolve);
  });
  const fn = await importTask({ module, name });
  port.postMessage(
    drain(items, cursor, fn, () => {
      port.postMessage('item');
    }),
  );
}

const spawn = (module: string): Worker =>
  new Worker(new URL('./parallel-worker.js', import.meta.url), {
    workerData: { module } satisfies WorkerStart,
  });

/** Workers started ahead of their work ({@link startWorkers}) and not given any yet. */
const waiting: { readonly module: string; readonly worker: Worker }[] = [];

/**
 * Starts a worker per core beside this one, each loading `module` at once; the next
 * {@link parallelMap} of a function of that module gives them their work, or stops those it
 * does not need. Until then they do not keep the process alive.
 */
export function startWorkers(module: string): void {
  for (let count = 1; count < availableParallelism(); count += 1) {
    const worker = spawn(module);
    worker.unref();
    const entry = { module, worker };
    // A worker that fails or ends before it is given work is never given any.
    const forget = (): void => {
      const at = waiting.indexOf(entry);
      if (at !== -1) waiting.splice(at, 1);
    };
    worker.on('error', forget).on('exit', forget);
    waiting.push(entry);
  }
}

/** A waiting worker of `module`, else a new one. */
function takeWorker(module: string): Worker {
  const at = waiting.findIndex((entry) => entry.module === module);
  const worker = (at === -1 ? undefined : waiting.splice(at, 1)[0]?.worker) ?? spawn(module);
  worker.ref();
  return worker;
}

function inWorker<O>(
  task: Task,
  input: Omit<WorkerInput<unknown>, 'name'>,
  onItem: () => void,
): Promise<[number, O][]> {
  return new Promise((resolve, reject) => {
    const worker = takeWorker(task.module);
    worker.on('message', (message: 'item' | [number, O][]) => {
      if (message === 'item') onItem();
      else resolve(message);
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      reject(new Error(`a worker thread ended (exit code ${String(code)}) before its results`));
    });
    worker.postMessage({ ...input, name: task.name } satisfies WorkerInput<unknown>);
  });
}

/** `items.map(task)`, spread over up to one thread per core. */
export async function parallelMap<O>(
  items: readonly unknown[],
  task: Task,
  { itemsPerThread, onItem = () => undefined, background = false }: ParallelOptions,
): Promise<O[]> {
  const threads = Math.max(
    1,
    Math.min(availableParallelism(), Math.floor(items.length / itemsPerThread)),
  );
  const cursor = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const workers = Array.from({ length: background ? threads : threads - 1 }, () =>
    inWorker<O>(task, { items, cursor }, onItem),
  );
  // Workers started for this module and not needed stop now.
  for (const entry of waiting.filter(({ module }) => module === task.module)) {
    waiting.splice(waiting.indexOf(entry), 1);
    void entry.worker.terminate();
  }
  const here = background
    ? []
    : drain(items, cursor, (await importTask(task)) as (item: unknown) => O, onItem);
  const results = new Array<O>(items.length);
  for (const [index, result] of [here, ...(await Promise.all(workers))].flat()) {
    results[index] = result;
  }
  return results;
}

/** `task(item)` on a worker thread, this thread left free meanwhile. */
export async function onWorker<O>(item: unknown, task: Task): Promise<O> {
  const cursor = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const [done] = await inWorker<O>(task, { items: [item], cursor }, () => undefined);
  if (done === undefined) throw new Error(`${task.name} gave no result`);
  return done[1];
}
