/**
 * `npm run bench:browser [site]` — what a reader's browser transfers and waits
 * for, measured in Chromium (scripts/lib/chromium.ts) on a built site served
 * from 127.0.0.1 with gzip, as a static host serves it. Default site:
 * `.bench/site-5000-dist`, from `npm run bench` (5,000 synthetic patterns); any
 * other built site by its folder (`npm run bench -- 200` then
 * `npm run bench:browser -- .bench/site-200-dist` for a quick try).
 *
 * - Pattern page: bytes of HTML, CSS and JS (target ≤ 30 KB).
 * - Search: the first search typed on the search page (loads the engine and
 *   the index shards; target ≤ 300 KB), then later queries in the same page
 *   (only new index chunks and result fragments; target ≤ 100 KB each), each
 *   with the time from pressing Enter to the first result shown; and a cold
 *   load of `/search/?q=…` from navigation to first result.
 * - The search dialog on a pattern page: bytes of its first search (opening
 *   it loads its script, the engine and the index) and of later queries (same
 *   targets), and, with the index warm (each query searched once already),
 *   the time from a key press (its `keydown` event, in the page) to the frame
 *   that shows the result list updated for the whole query (target ≤ 100 ms;
 *   measured inside the page, so the driver's round trips are not in it).
 *
 * Bytes are as transferred (compressed bodies and headers), split by kind
 * (Pagefind's engine, metadata, index chunks, result fragments). Exit code 1
 * when a target is missed.
 */
import { join, resolve } from 'node:path';
import type { BrowserContext, Page, Request } from 'playwright-core';
import { launchChromium } from '../lib/chromium.ts';
import { serveStatic } from '../lib/static-server.ts';
import { builtSlugs } from '../lib/built-slugs.ts';
import { siteUrls } from '../../src/model/urls.ts';

const ROOT = siteUrls('/');

const site = resolve(process.argv[2] ?? join('.bench', 'site-5000-dist'));
const KB = 1024;
const TARGET = {
  patternPage: 30 * KB,
  firstSearch: 300 * KB,
  laterQuery: 100 * KB,
  keystroke: 100,
};
const QUERIES = [
  'commons',
  'stewardship covenant',
  'resilience feedback',
  'peer governance',
  'trust legitimacy',
];

/** Which part of Pagefind's files a URL is, if any. */
function pagefindPart(url: string): string | undefined {
  if (!url.includes(ROOT.pagefind)) return undefined;
  if (url.endsWith('.pf_index')) return 'index chunks';
  if (url.endsWith('.pf_fragment')) return 'result fragments';
  if (url.endsWith('.pf_filter')) return 'filters';
  if (/\.pf_meta$|\.json(\?|$)/.test(url)) return 'metadata';
  return 'engine';
}

/** Counts what the context transfers; `settled()` waits until the network has been quiet. */
function meter(context: BrowserContext): {
  take: () => { bytes: number; requests: number; byType: Map<string, number> };
  settled: () => Promise<void>;
} {
  let byType = new Map<string, number>();
  let requests = 0;
  let inflight = 0;
  const sizing: Promise<void>[] = [];
  context.on('request', () => (inflight += 1));
  context.on('requestfailed', () => (inflight -= 1));
  context.on('requestfinished', (request: Request) => {
    inflight -= 1;
    sizing.push(
      request.sizes().then(({ responseBodySize, responseHeadersSize }) => {
        const type = pagefindPart(request.url()) ?? request.resourceType();
        byType.set(type, (byType.get(type) ?? 0) + responseBodySize + responseHeadersSize);
        requests += 1;
      }),
    );
  });
  const settled = async (): Promise<void> => {
    for (let quiet = 0; quiet < 5; quiet = inflight === 0 ? quiet + 1 : 0) {
      await new Promise((done) => setTimeout(done, 50));
    }
    await Promise.all(sizing.splice(0));
  };
  const take = (): { bytes: number; requests: number; byType: Map<string, number> } => {
    const taken = { bytes: [...byType.values()].reduce((a, b) => a + b, 0), requests, byType };
    byType = new Map();
    requests = 0;
    return taken;
  };
  return { take, settled };
}

const kb = (bytes: number): string => `${(bytes / KB).toFixed(1)} KB`;
let missed = 0;
const verdict = (value: number, target: number, show = kb): string => {
  if (value > target) missed += 1;
  return `target ≤ ${show(target)}: ${value <= target ? 'ok' : 'MISSED'}`;
};

/** Waits until the dialog's status line describes `query`; returns the milliseconds since `started`. */
async function dialogUpdated(page: Page, query: string, started: number): Promise<number> {
  await page.waitForFunction(
    (done) => {
      const text = document.querySelector('#search-dialog-status')?.textContent ?? '';
      return text.includes(`for “${done}”`);
    },
    query,
    { timeout: 60_000, polling: 'raf' },
  );
  return performance.now() - started;
}

declare global {
  interface Window {
    /** Set by {@link watchKeystroke}: resolves to its measured milliseconds. */
    keystrokeToList?: Promise<number>;
  }
}

/**
 * Runs in the page, before a key is pressed in the dialog's field: times from that key's
 * `keydown` event to the first animation frame after the dialog's results show `query` (the
 * status line, a live region, is written in the same task as the list), into
 * `window.keystrokeToList`.
 */
function watchKeystroke(query: string): void {
  const field = document.querySelector('#search-dialog-q');
  const status = document.querySelector('#search-dialog-status');
  if (!field || !status) throw new Error('no search dialog on the page');
  window.keystrokeToList = new Promise((resolve) => {
    let pressed: number | undefined;
    field.addEventListener(
      'keydown',
      (event) => {
        pressed = event.timeStamp;
      },
      { once: true, capture: true },
    );
    const observer = new MutationObserver(() => {
      if (pressed === undefined || !status.textContent.includes(`for “${query}”`)) return;
      observer.disconnect();
      const from = pressed;
      requestAnimationFrame(() => {
        resolve(performance.now() - from);
      });
    });
    observer.observe(status, { childList: true, characterData: true, subtree: true });
  });
}

/** Waits until the results for `query` are shown; returns the milliseconds since `started`. */
async function firstResult(page: Page, query: string, started: number): Promise<number> {
  await page.waitForFunction(
    (done) => document.querySelector('#search-status')?.textContent.includes(done) === true,
    `for “${query}”`,
    { timeout: 60_000, polling: 10 },
  );
  return performance.now() - started;
}

const server = await serveStatic(site);
const browser = await launchChromium();
try {
  const context = await browser.newContext();
  const { take, settled } = meter(context);
  const page = await context.newPage();
  const url = (path: string): string => new URL(path, server.url).href;

  const { records, shards } = (await (await fetch(url(ROOT.pagefindManifest))).json()) as {
    records: number;
    shards: string[];
  };
  console.log(`${site}: ${String(records)} patterns, ${String(shards.length)} search shard(s)`);

  const slugs = await builtSlugs(site);
  const patternPath = ROOT.pattern(slugs[Math.floor(slugs.length / 2)] ?? '');
  await page.goto(url(patternPath));
  await settled();
  const pattern = take();
  const parts = ['document', 'stylesheet', 'script']
    .map((type) => `${type} ${kb(pattern.byType.get(type) ?? 0)}`)
    .join(', ');
  const weight = ['document', 'stylesheet', 'script'].reduce(
    (sum, type) => sum + (pattern.byType.get(type) ?? 0),
    0,
  );
  console.log(
    `pattern page ${patternPath}: ${kb(weight)} (${parts}) — ${verdict(weight, TARGET.patternPage)}`,
  );

  await page.goto(url('/search/'));
  await settled();
  console.log(`search page, before searching: ${kb(take().bytes)}`);
  for (const [i, query] of QUERIES.entries()) {
    await page.locator('#search-q').fill(query);
    const started = performance.now();
    await page.locator('#search-q').press('Enter');
    const ms = await firstResult(page, query, started);
    await settled();
    const { bytes, requests, byType } = take();
    const target = i === 0 ? TARGET.firstSearch : TARGET.laterQuery;
    const split = [...byType].map(([part, size]) => `${part} ${kb(size)}`).join(', ');
    console.log(
      `${i === 0 ? 'first search' : 'later query '} ${JSON.stringify(query)}: ${kb(bytes)} in ` +
        `${String(requests)} requests (${split}), first result after ${ms.toFixed(0)} ms — ` +
        verdict(bytes, target),
    );
  }

  // The search dialog, opened from the header of a pattern page in a fresh context.
  const dialogContext = await browser.newContext();
  const dialogMeter = meter(dialogContext);
  const dialogPage = await dialogContext.newPage();
  await dialogPage.goto(url(patternPath));
  await dialogMeter.settled();
  dialogMeter.take();
  await dialogPage.locator('#site-search').click();
  const field = dialogPage.locator('#search-dialog-q');
  const timings: number[] = [];
  for (const [i, query] of QUERIES.entries()) {
    const started = performance.now();
    await field.fill(query);
    const ms = await dialogUpdated(dialogPage, query, started);
    await dialogMeter.settled();
    const { bytes, requests } = dialogMeter.take();
    const target = i === 0 ? TARGET.firstSearch : TARGET.laterQuery;
    console.log(
      `dialog ${i === 0 ? 'first search' : 'later query '} ${JSON.stringify(query)}: ${kb(bytes)} in ` +
        `${String(requests)} requests, list updated after ${ms.toFixed(0)} ms — ${verdict(bytes, target)}`,
    );
  }
  // Warm: every query above once more (its index chunks and fragments already fetched), its last
  // letter typed as a real key press; timed in the page from the key's event to the frame that
  // shows the list updated for the whole query.
  for (const query of QUERIES) {
    await field.fill(query.slice(0, -1));
    await dialogUpdated(dialogPage, query.slice(0, -1), performance.now());
    await dialogPage.evaluate(watchKeystroke, query);
    await field.press(query.slice(-1));
    timings.push(
      await dialogPage.evaluate(
        () => window.keystrokeToList ?? Promise.reject(new Error('no keystroke watched')),
      ),
    );
  }
  const slowest = Math.max(...timings);
  // Warm means no fetching: the requests of this second round (its shortened queries included).
  await dialogMeter.settled();
  const { requests: fetched } = dialogMeter.take();
  console.log(
    `dialog, warm index (${String(fetched)} requests): keystroke to updated list ` +
      `${timings.map((ms) => ms.toFixed(0)).join(', ')} ms — ` +
      verdict(slowest, TARGET.keystroke, (ms) => `${ms.toFixed(0)} ms`),
  );
  await dialogContext.close();

  const cold = await browser.newContext();
  const coldMeter = meter(cold);
  const coldPage = await cold.newPage();
  const started = performance.now();
  await coldPage.goto(url(`/search/?q=${encodeURIComponent(QUERIES[0] ?? '')}`));
  const ms = await firstResult(coldPage, QUERIES[0] ?? '', started);
  await coldMeter.settled();
  console.log(
    `cold /search/?q=${QUERIES[0] ?? ''} (page and search): ${kb(coldMeter.take().bytes)}, ` +
      `first result ${ms.toFixed(0)} ms after navigation`,
  );
} finally {
  await browser.close();
  await server.close();
}
if (missed > 0) process.exitCode = 1;
