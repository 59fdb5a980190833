/**
 * Entry point of `npm run check` (see check-cli.ts). Plain JavaScript, so that starting it needs
 * no TypeScript: Node's compile cache is switched on before anything else loads, and it keeps
 * every module compiled and stripped of its types, so a later run neither strips types nor loads
 * the code that strips them (about 0.15 s of CPU on this thread, and as much on each worker's).
 * The worker threads that check files are started first, so that they load the checker while
 * this thread loads it too (src/lib/parallel.ts).
 */
import { enableCompileCache } from 'node:module';

enableCompileCache();
const { startWorkers } = await import('../src/lib/parallel.ts');
startWorkers(new URL('../src/lib/load.ts', import.meta.url).href);
await import('./check-cli.ts');
