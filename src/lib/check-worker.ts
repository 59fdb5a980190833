/** Worker thread for {@link checkPatternFiles}: checks its share of files, reports progress. */
import { parentPort, workerData } from 'node:worker_threads';
import { checkBatch } from './load.ts';

const port = parentPort;
if (port) {
  const TICK_EVERY = 50;
  let count = 0;
  const result = checkBatch(workerData as string[], () => {
    count += 1;
    if (count % TICK_EVERY === 0) for (let i = 0; i < TICK_EVERY; i += 1) port.postMessage('tick');
  });
  for (let i = 0; i < count % TICK_EVERY; i += 1) port.postMessage('tick');
  port.postMessage(result);
}
