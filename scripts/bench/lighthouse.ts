/**
 * `npm run bench:lighthouse [site] [path]` — Lighthouse's scores (performance,
 * accessibility, best practices, SEO; target 100 each) for one page of a built
 * site, mobile (Lighthouse's default: emulated phone, simulated slow 4G) and
 * desktop. Default: the first pattern page of `dist/` (or `BUILD_OUT_DIR`).
 *
 * The site is served from http://127.0.0.1:4321/ by the browser tests' static
 * server (gzip, public/_headers), so build it for that origin, or its
 * canonical links point elsewhere:
 *   SITE_URL=http://127.0.0.1:4321 BUILD_OUT_DIR=.tmp/lh npm run build
 *   npm run bench:lighthouse -- .tmp/lh
 * Chromium is Debian's (scripts/lib/chromium.ts, `CHROME_PATH`), started here
 * with a DevTools port for Lighthouse. Exit code 1 below 100. Not part of CI.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import lighthouse, { desktopConfig } from 'lighthouse';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../lib/chromium.ts';
import { serveStatic } from '../lib/static-server.ts';
import { builtSlugs } from '../lib/built-slugs.ts';
import { siteUrls } from '../../src/model/urls.ts';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const site = resolve(process.argv[2] ?? process.env['BUILD_OUT_DIR'] ?? 'dist');
const firstPattern = async (): Promise<string> =>
  siteUrls('/').pattern((await builtSlugs(site))[0] ?? '');
const path = process.argv[3] ?? (await firstPattern());

/** Starts Chromium with a DevTools port; resolves with the port and a stop function. */
async function startChromium(): Promise<{ port: number; stop: () => Promise<void> }> {
  const profile = await mkdtemp(join(tmpdir(), 'lighthouse-chromium-'));
  const chrome = spawn(
    CHROMIUM_PATH,
    [
      ...CHROMIUM_FLAGS,
      '--headless=new',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const port = await new Promise<number>((done, fail) => {
    let seen = '';
    chrome.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      seen += chunk;
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(seen);
      if (match) done(Number(match[1]));
    });
    chrome.on('exit', (code) => {
      fail(
        new Error(`Chromium exited (${String(code)}) before opening its DevTools port:\n${seen}`),
      );
    });
  });
  return {
    port,
    stop: async () => {
      chrome.kill();
      await new Promise((done) => chrome.once('exit', done));
      await rm(profile, { recursive: true, force: true });
    },
  };
}

const server = await serveStatic(site, 4321);
const chromium = await startChromium();
let below = 0;
try {
  const url = new URL(path, server.url).href;
  console.log(`Lighthouse on ${url} (${site})`);
  for (const [form, config] of [
    ['mobile', undefined],
    ['desktop', desktopConfig],
  ] as const) {
    const result = await lighthouse(
      url,
      { port: chromium.port, logLevel: 'error', onlyCategories: [...CATEGORIES] },
      config,
    );
    if (!result) throw new Error('Lighthouse returned no result');
    const scores = Object.values(result.lhr.categories).map((category) => {
      const score = Math.round((category.score ?? 0) * 100);
      if (score < 100) below += 1;
      return `${category.title} ${String(score)}`;
    });
    console.log(`  ${form}: ${scores.join(', ')}`);
    for (const audit of Object.values(result.lhr.audits)) {
      if (audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative') {
        console.log(
          `    ${audit.id}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`,
        );
      }
    }
  }
} finally {
  await chromium.stop();
  await server.close();
}
if (below > 0) process.exitCode = 1;
