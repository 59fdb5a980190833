/** Runs the real build (`scripts/build.ts`) of a pattern folder into an output folder, as CI does. */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { BUILD_ARGS } from '../../scripts/lib/build-command.ts';
import { FIXTURES } from '../helpers/fixtures.ts';

/** The fixture library every build-based test uses: small patterns, the seed and hostile input. */
export const SITE_FIXTURE = `${FIXTURES}site-build`;

export interface BuildResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Where the tests' builds keep their reads of files (src/model/load-site.ts). */
const TEST_SITE_CACHE = resolve('.tmp/site-cache');

/** Builds `patternsDir` into `outDir`; resolves when the build process has exited. */
export function buildSite(
  patternsDir: string,
  outDir: string,
  env: Record<string, string> = {},
): Promise<BuildResult> {
  const child = spawn(process.execPath, BUILD_ARGS, {
    env: {
      ...process.env,
      PATTERNS_DIR: patternsDir,
      BUILD_OUT_DIR: outDir,
      // The tests' builds keep their reads apart from the project's own library's.
      PATTERNS_SITE_CACHE: TEST_SITE_CACHE,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => {
      resolve({ status, stdout, stderr });
    });
  });
}
