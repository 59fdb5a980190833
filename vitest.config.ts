/**
 * Three projects, one command (`npm test`): `unit` (parser, schema, model, CLI)
 * needs nothing built; `dev` drives the dev server; `site` (the built output and the browser tests) shares
 * one build of the fixture library, made by its global setup, and gets
 * longer timeouts for building and driving Chromium.
 */
import { defineConfig } from 'vitest/config';

const SITE_TESTS = ['tests/build.test.ts', 'tests/site/**/*.test.ts', 'tests/browser/**/*.test.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        // Some unit tests run the CLIs as child processes: allow for a busy machine.
        test: {
          name: 'unit',
          include: ['tests/*.test.ts'],
          exclude: SITE_TESTS,
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        // Starts `astro dev` on a temporary library: slow to start, so in a project of its own.
        test: { name: 'dev', include: ['tests/dev/**/*.test.ts'], testTimeout: 180_000 },
      },
      {
        extends: true,
        test: {
          name: 'site',
          include: SITE_TESTS,
          globalSetup: ['tests/site/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
