/** Worker thread for {@link parallelMap}: drains the shared queue with the named task. */
import { enableCompileCache } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerInput } from './parallel.ts';

enableCompileCache();
const { drain, importTask } = await import('./parallel.ts');
const port = parentPort;
if (port) {
  const { items, cursor, task } = workerData as WorkerInput<unknown>;
  const fn = await importTask(task);
  port.postMessage(
    drain(items, cursor, fn, () => {
      port.postMessage('item');
    }),
  );
}
