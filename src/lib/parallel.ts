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

/** What a worker of a {@link workerQueue} is given instead: the function's name. */
interface QueueStart {
  readonly queue: string;
}

/** One item of a {@link workerQueue}, and what comes back for it. */
interface QueueItem {
  readonly id: number;
  readonly item: unknown;
}
type QueueResult =
  | { readonly id: number; readonly result: unknown }
  | { readonly id: number; readonly error: unknown };

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
  const input = await new Promise<WorkerInput<unknown> | QueueStart>((resolve) => {
    port.once('message', resolve);
  });
  if ('queue' in input) {
    const fn = await importTask({ module, name: input.queue });
    port.on('message', ({ id, item }: QueueItem) => {
      let done: QueueResult;
      try {
        done = { id, result: fn(item) };
      } catch (error) {
        done = { id, error };
      }
      port.postMessage(done);
    });
    return;
  }
  const { items, cursor, name } = input;
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
  const there = Promise.all(workers);
  // When this thread fails first, the workers' failure is not reported a second time.
  there.catch(() => undefined);
  const here = background
    ? []
    : drain(items, cursor, (await importTask(task)) as (item: unknown) => O, onItem);
  const results = new Array<O>(items.length);
  for (const [index, result] of [here, ...(await there)].flat()) {
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

/** Items of a {@link workerQueue} sent ahead to each of its workers. */
const IN_FLIGHT = 2;

/**
 * The items waiting in a {@link workerQueue}: taken in the order queued, except that an item
 * hurried is taken before them (the last hurried first). Each step takes constant time: a build
 * asks for each of thousands of patterns as its pages are made, most of them done long before.
 */
class WaitingLine<T extends { readonly key: string }> {
  readonly #queued: (T | undefined)[] = [];
  #head = 0;
  readonly #hurried: T[] = [];
  /** The entries not taken yet. */
  readonly #waiting = new Set<T>();
  /** The last entry queued under each key, while it waits. */
  readonly #byKey = new Map<string, T>();

  push(entry: T): void {
    this.#queued.push(entry);
    this.#waiting.add(entry);
    this.#byKey.set(entry.key, entry);
  }

  /** Moves the entry queued under `key`, if it still waits, to the front. */
  hurry(key: string): void {
    const entry = this.#byKey.get(key);
    if (entry !== undefined) this.#hurried.push(entry);
  }

  /** The next entry, now taken; undefined when none waits. */
  take(): T | undefined {
    let entry = this.#hurried.pop();
    while (entry !== undefined && !this.#waiting.has(entry)) entry = this.#hurried.pop();
    while (entry === undefined && this.#head < this.#queued.length) {
      const next = this.#queued[this.#head];
      this.#queued[this.#head] = undefined;
      this.#head += 1;
      if (next !== undefined && this.#waiting.has(next)) entry = next;
    }
    if (entry === undefined) return undefined;
    this.#waiting.delete(entry);
    if (this.#byKey.get(entry.key) === entry) this.#byKey.delete(entry.key);
    if (this.#waiting.size === 0) this.#clear();
    return entry;
  }

  /** Every entry still waiting, now taken. */
  takeAll(): T[] {
    const all = [...this.#waiting];
    this.#clear();
    return all;
  }

  #clear(): void {
    this.#queued.length = 0;
    this.#head = 0;
    this.#hurried.length = 0;
    this.#waiting.clear();
    this.#byKey.clear();
  }
}

/** A {@link workerQueue}: items run in the order given, unless one is asked for sooner. */
export interface WorkerQueue<I, O> {
  /** Queues `item` under `key`; its result when a worker has run it. */
  run(key: string, item: I): Promise<O>;
  /** Moves the item queued under `key`, if it is still waiting, to the front. */
  hurry(key: string): void;
}

/**
 * Runs `task` on items one by one on `threads` worker threads, this thread left free: a worker
 * is sent a few items at a time, the next as each is done, so the order can change while they
 * run ({@link WorkerQueue.hurry}). An idle worker does not keep the process alive.
 */
export function workerQueue<I, O>(task: Task, threads: number): WorkerQueue<I, O> {
  interface Waiting {
    readonly key: string;
    readonly item: I;
    readonly resolve: (result: O) => void;
    readonly reject: (error: unknown) => void;
  }
  const waiting = new WaitingLine<Waiting>();
  const running = new Map<number, Waiting>();
  let ids = 0;
  const workers = Array.from({ length: Math.max(1, threads) }, () => {
    const worker = takeWorker(task.module);
    let busy = 0;
    const send = (): void => {
      for (let next = waiting.take(); next !== undefined; next = waiting.take()) {
        const id = (ids += 1);
        running.set(id, next);
        busy += 1;
        worker.ref();
        worker.postMessage({ id, item: next.item } satisfies QueueItem);
        if (busy >= IN_FLIGHT) return;
      }
    };
    worker.on('message', (done: QueueResult) => {
      const entry = running.get(done.id);
      running.delete(done.id);
      busy -= 1;
      if ('error' in done) entry?.reject(done.error);
      else entry?.resolve(done.result as O);
      send();
      // Idle: it no longer keeps the process alive.
      if (busy === 0) worker.unref();
    });
    const fail = (error: unknown): void => {
      for (const entry of [...running.values(), ...waiting.takeAll()]) entry.reject(error);
      running.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      fail(new Error(`a worker thread ended (exit code ${String(code)}) before its results`));
    });
    worker.postMessage({ queue: task.name } satisfies QueueStart);
    // After its listeners are on (adding one refs the worker's port again): idle until sent work.
    worker.unref();
    return { send, idle: () => busy < IN_FLIGHT };
  });
  return {
    run: (key, item) =>
      new Promise<O>((resolve, reject) => {
        waiting.push({ key, item, resolve, reject });
        for (const worker of workers) if (worker.idle()) worker.send();
      }),
    hurry: (key) => {
      waiting.hurry(key);
    },
  };
}
