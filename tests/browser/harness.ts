/**
 * Browser tests' harness: one headless Chromium per test file (Debian's, see
 * scripts/lib/chromium.ts) on the fixture site the global setup built and
 * serves. Every page opened through {@link useBrowser} is watched, and each
 * test fails afterwards if anything went wrong on any of its pages: a console
 * error or uncaught exception, a dialog (`alert`, `confirm`, …: hostile input
 * ran), a Content-Security-Policy violation, or a request that would leave
 * 127.0.0.1 (it is blocked, so the site must work offline).
 */
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';

const site = inject('site');

/** Absolute URL of a site path (`/patterns/`) on the test server. */
export const siteUrl = (path: string): string => new URL(path, site.url).href;

/** Every page type of the site, with a representative of each, for checks that cover them all. */
export const PAGE_TYPES: readonly { readonly name: string; readonly path: string }[] = [
  { name: 'home', path: '/' },
  { name: 'browse', path: '/patterns/' },
  { name: 'facet index', path: '/domains/' },
  { name: 'facet page', path: '/domains/governance/' },
  { name: 'pattern', path: '/patterns/commons-based-peer-production/' },
  { name: 'pattern with hostile input', path: '/patterns/hostile-pattern/' },
  { name: 'pattern under a lens', path: '/patterns/commons-based-peer-production/government/' },
  { name: 'pattern under an extra lens', path: '/patterns/alpha-commons/community/' },
  { name: 'pattern in the older format', path: '/patterns/gl013-steward-ownership/' },
  { name: 'incomplete pattern', path: '/patterns/delta-draft/' },
  { name: 'lenses index', path: '/lenses/' },
  { name: 'library under a lens', path: '/lenses/government/' },
  { name: 'wanted', path: '/wanted/' },
  { name: 'graph', path: '/graph/' },
  { name: 'graph of a domain', path: '/graph/governance/' },
  { name: 'search with results', path: '/search/?q=commons' },
  { name: 'not found', path: '/404.html' },
  { name: 'contribute', path: '/contribute/' },
  { name: 'library health', path: '/health/' },
  { name: 'contributors', path: '/contributors/' },
  { name: 'contributor', path: '/contributors/tester/' },
];

declare global {
  interface Window {
    /** Exposed by the harness: reports a CSP violation to the test. */
    reportCspViolation?: (text: string) => void;
  }
}

/**
 * Launches Chromium for the calling test file. `open` gives a page in a fresh
 * context (own storage, colour scheme etc. from `options`) already at `path`.
 * Problems seen on its pages fail the test after it ends.
 */
export function useBrowser(): {
  open: (path: string, options?: BrowserContextOptions) => Promise<Page>;
  /** Takes the problems seen so far, for a test that provokes them on purpose. */
  takeProblems: () => string[];
} {
  let browser: Browser | undefined;
  let contexts: BrowserContext[] = [];
  let problems: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    const found = problems;
    contexts = [];
    problems = [];
    expect(found, 'console errors, dialogs, CSP violations or off-site requests').toEqual([]);
  });

  const open = async (path: string, options: BrowserContextOptions = {}): Promise<Page> => {
    if (!browser) throw new Error('the browser is not running (useBrowser outside a test file?)');
    const context = await browser.newContext(options);
    contexts.push(context);
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1') {
        await route.continue();
      } else {
        problems.push(`request off the site: ${url.href}`);
        await route.abort('blockedbyclient');
      }
    });
    await context.exposeFunction('reportCspViolation', (text: string) => {
      problems.push(`CSP violation: ${text}`);
    });
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        window.reportCspViolation?.(
          `${event.violatedDirective} blocked ${event.blockedURI || 'inline code'} on ${location.pathname}`,
        );
      });
    });
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error')
        problems.push(`console error on ${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => {
      problems.push(`uncaught exception on ${page.url()}: ${error.message}`);
    });
    page.on('dialog', (dialog) => {
      problems.push(`a ${dialog.type()} dialog opened on ${page.url()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.goto(siteUrl(path));
    return page;
  };

  const takeProblems = (): string[] => problems.splice(0);

  return { open, takeProblems };
}
