/**
 * Vitest global setup of the `site` project: builds the fixture library
 * (tests/fixtures/site-build: small patterns, the seed, hostile input) once
 * with the real build (`scripts/build.ts`), serves the output on 127.0.0.1,
 * and hands both to the tests (`inject('site')`). Removed afterwards.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveStatic } from '../../scripts/lib/static-server.ts';
import { buildSite, SITE_FIXTURE } from './build.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    site: {
      /** Absolute path of the built fixture site. */
      readonly dir: string;
      /** Where it is served, e.g. `http://127.0.0.1:41234/`. */
      readonly url: string;
      /** What the build printed: a clean build prints nothing on stderr. */
      readonly stderr: string;
    };
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Inside the project: Astro keeps its intermediate files beside an output folder within the
  // working directory, but in the shared `.astro/` for one outside it (concurrent builds would clash).
  mkdirSync('.tmp', { recursive: true });
  const root = resolve(mkdtempSync(join('.tmp', 'site-fixture-')));
  const dir = join(root, 'site');
  const { status, stdout, stderr } = await buildSite(SITE_FIXTURE, dir);
  if (status !== 0) {
    rmSync(root, { recursive: true, force: true });
    throw new Error(`the fixture site did not build:\n${stdout}\n${stderr}`);
  }
  const server = await serveStatic(dir);
  project.provide('site', { dir, url: server.url, stderr });
  return async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  };
}
