/**
 * Worker thread for {@link parallelMap} (parallel.ts), which does the work ({@link runWorker}).
 * Plain JavaScript for the reason scripts/check.js is: with Node's compile cache on, a worker
 * then starts without loading the code that strips TypeScript types.
 */
import { enableCompileCache } from 'node:module';

enableCompileCache();
const { runWorker } = await import('./parallel.ts');
await runWorker();
