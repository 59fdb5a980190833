/**
 * `npm run build` — the full site build, all or nothing:
 *
 * 1. `astro build` (programmatic) into a temporary folder beside the output,
 *    the Pagefind index included (`src/astro/integrations/search-index.ts`: built
 *    while the pages render, one index per shard of patterns);
 * 2. only when it succeeded, the temporary folder replaces the output
 *    (old output renamed away, new one renamed in, old one removed), so a
 *    failed build leaves the previous output exactly as it was.
 *
 * Environment: `PATTERNS_DIR` (pattern folder, default `patterns/`),
 * `PATTERNS_ON_ERROR=skip` (build the valid patterns, list the skipped ones
 * and write `build-report.json`), `BUILD_OUT_DIR` (output folder, default
 * `dist/`), `PAGEFIND_SHARD_SIZE` (patterns per index shard).
 *
 * Exit code 1 with the validator's messages when a pattern is invalid.
 */
import { existsSync } from 'node:fs';
import { readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { BuildReport } from '../src/astro/integrations/build-report.ts';
import { indexScratchDir } from '../src/astro/integrations/search-index.ts';
import { formatDiagnostic } from '../src/lib/diagnostics.ts';
import { InvalidPatternsError } from '../src/lib/invalid-patterns.ts';
import type { ShardManifest } from '../src/lib/pagefind-api.ts';
import { PATHS } from '../src/model/urls.ts';

process.env['ASTRO_TELEMETRY_DISABLED'] = '1';

const outDir = resolve(process.env['BUILD_OUT_DIR'] ?? 'dist');
const partial = join(dirname(outDir), `.${basename(outDir)}.partial`);
const previous = join(dirname(outDir), `.${basename(outDir)}.previous`);
const scratch = indexScratchDir(partial);

/** Marks an error whose message is the whole story (no stack trace wanted). */
class BuildFailure extends Error {}

async function astroBuild(): Promise<void> {
  const { build } = await import('astro');
  try {
    await build({
      root: process.cwd(),
      outDir: partial,
      // Separate outputs get separate caches, so concurrent builds (tests, benchmarks) cannot collide.
      ...(process.env['BUILD_OUT_DIR'] ? { cacheDir: `${outDir}.astro-cache` } : {}),
      logLevel: process.env['BUILD_VERBOSE'] ? 'info' : 'warn',
    });
  } catch (error) {
    const invalid = InvalidPatternsError.find(error);
    const message = error instanceof Error ? error.message : String(error);
    throw new BuildFailure(invalid ? invalid.message : `astro build failed: ${message}`, {
      cause: error,
    });
  }
}

/** Replaces `outDir` with `partial`; on failure puts the previous output back. */
async function swapIntoPlace(): Promise<void> {
  await rm(previous, { recursive: true, force: true });
  const hadOutput = existsSync(outDir);
  if (hadOutput) await rename(outDir, previous);
  try {
    await rename(partial, outDir);
  } catch (error) {
    if (hadOutput) await rename(previous, outDir);
    throw error;
  }
  await rm(previous, { recursive: true, force: true });
}

async function main(): Promise<void> {
  const started = performance.now();
  const cleanUp = (): Promise<unknown> =>
    Promise.all([partial, scratch].map((dir) => rm(dir, { recursive: true, force: true })));
  await cleanUp();
  try {
    await astroBuild();
    await swapIntoPlace();
    const read = async <T>(file: string): Promise<T> =>
      JSON.parse(await readFile(join(outDir, file), 'utf8')) as T;
    const report = await read<BuildReport>('build-report.json');
    const index = await read<ShardManifest>(PATHS.pagefindManifest);
    const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
    if (report.skipped.length > 0) {
      console.warn(
        `${String(report.skipped.length)} invalid pattern file(s) skipped (PATTERNS_ON_ERROR=skip), listed in build-report.json:\n` +
          report.skipped
            .map(
              ({ file, errors }) => `  ${file}\n    ${errors.map(formatDiagnostic).join('\n    ')}`,
            )
            .join('\n'),
      );
    }
    console.log(
      `built ${outDir}: ${String(report.patterns)} patterns, ${String(index.records)} indexed in ` +
        `${String(index.shards.length)} search shard(s) in ${seconds(performance.now() - started)}`,
    );
  } catch (error) {
    await cleanUp().catch(() => undefined);
    throw error;
  }
}

try {
  await main();
} catch (error) {
  if (error instanceof BuildFailure) {
    console.error(`\nBuild failed: ${error.message}`);
    if (process.env['BUILD_VERBOSE']) console.error(error.cause);
  } else {
    console.error('\nBuild failed:', error);
  }
  console.error(`${outDir} was left unchanged.`);
  // Exit now: a search indexer started by the failed build may still be running.
  process.exit(1);
}
