/** Worker thread for {@link checkPatternFiles}: checks chunks from the shared queue. */
import { enableCompileCache } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerInput } from './load.ts';

enableCompileCache();
const { checkQueue } = await import('./load.ts');
const port = parentPort;
if (port) {
  const { files, cursor } = workerData as WorkerInput;
  const result = checkQueue(files, cursor, () => {
    port.postMessage('tick');
  });
  port.postMessage(result);
}
