/**
 * The dev server with a library in a temporary folder: an invalid edit shows its errors at the
 * pattern's address, and the page comes back once the file is fixed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/fixtures.ts';

/** A port nobody listens on now. */
const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        resolve(typeof address === 'object' && address ? address.port : 0);
      });
    });
  });

/** Fetches `url` until `done` accepts the answer (the dev server reloads files on its own time). */
async function until(
  url: string,
  done: (status: number, html: string) => boolean,
): Promise<{ status: number; html: string }> {
  let last = { status: 0, html: '' };
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      const response = await fetch(url);
      last = { status: response.status, html: await response.text() };
      if (done(last.status, last.html)) return last;
    } catch {
      // Not listening yet.
    }
    await sleep(500);
  }
  return last;
}

describe('the dev server', { timeout: 180_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'dev-library-'));
  const file = join(dir, 'alpha.md');
  let server: ChildProcess | undefined;
  let origin = '';

  beforeAll(async () => {
    cpSync(join(FIXTURES, 'site/small'), dir, { recursive: true });
    const port = await freePort();
    origin = `http://127.0.0.1:${String(port)}`;
    // Vitest's own variables (NODE_ENV=test among them) would change how Vite runs the server.
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !/^(VITEST|NODE_ENV|TEST$)/.test(name)),
    );
    server = spawn(
      process.execPath,
      [
        'node_modules/astro/bin/astro.mjs',
        'dev',
        '--force', // one dev server per project: replace one left running
        '--host',
        '127.0.0.1',
        '--port',
        String(port),
      ],
      {
        env: { ...env, PATTERNS_DIR: dir, ASTRO_TELEMETRY_DISABLED: '1' },
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
  }, 180_000);

  afterAll(() => {
    server?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  /**
   * Saves as editors do, beside the file and renamed into place: a plain write empties the file
   * first, and the watcher may read it then (the page would rightly say "the file is empty").
   */
  const save = (text: string): void => {
    writeFileSync(`${file}.saving`, text);
    renameSync(`${file}.saving`, file);
  };

  it('shows an invalid edit’s errors at the pattern’s address, and the page again once fixed', async () => {
    const page = `${origin}/patterns/alpha/`;
    const valid = readFileSync(file, 'utf8');
    expect((await until(page, (status) => status === 200)).status).toBe(200);

    save(valid.replace('resilience: 4.0', 'resilience: 9'));
    const broken = await until(page, (status) => status === 500);
    expect(broken.status).toBe(500);
    expect(broken.html).toContain(
      'ontology.commons_assessment.resilience: out of range (expected ≤ 5, got 9)',
    );

    save(valid);
    const fixed = await until(page, (status) => status === 200);
    expect(fixed.status, fixed.html.slice(0, 3000)).toBe(200);
    expect(fixed.html).not.toContain('out of range');
  });
});
