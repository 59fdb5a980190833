/**
 * Hostile pattern input in a real browser: the fixture's hostile pattern puts
 * `<script>`, `<img onerror>`, `<iframe>`, `<svg onload>`, `javascript:` in
 * any case, `data:text/html` and more into its title, aliases, context labels,
 * summary, body, sources and attribution. On every page that shows any of it,
 * no dialog opens (the harness fails the test if one does) and nothing
 * executable is in the DOM. And the Content-Security-Policy holds: search
 * works under it, injected inline code is refused.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './harness.ts';

const { open, takeProblems } = useBrowser();

/** What in the live DOM could run code: embedded documents, handlers, script URLs. */
const liveExecutables = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const found: string[] = [];
    for (const element of document.querySelectorAll('*')) {
      const tag = element.tagName.toLowerCase();
      if (['iframe', 'frame', 'object', 'embed'].includes(tag)) found.push(`<${tag}>`);
      for (const { name, value } of element.attributes) {
        if (name.startsWith('on')) found.push(`${name} on <${tag}>`);
        if (/^(javascript|vbscript|data):/i.test(value.replace(/[\s\p{Cc}]/gu, ''))) {
          found.push(`${name}="${value}" on <${tag}>`);
        }
      }
    }
    return found;
  });

describe('hostile input in the browser', () => {
  it.each([
    '/patterns/hostile-pattern/',
    '/patterns/hostile-pattern/government/',
    '/patterns/hostile-pattern/corporate/',
    '/patterns/',
    '/lenses/government/',
    '/graph/strategy/',
    '/search/?q=hostile',
  ])('runs nothing from the hostile pattern on %s', async (path) => {
    const page = await open(path);
    if (path.startsWith('/search/')) await page.locator('#search-results li').first().waitFor();
    await page.waitForLoadState('load');
    expect(await liveExecutables(page)).toEqual([]);
    expect(await page.content()).toContain('Hostile');
  });

  it('would notice a dialog: the check every page above passes', async () => {
    const page = await open('/');
    await page.evaluate(() => {
      alert('provoked');
    });
    expect(takeProblems()).toEqual([
      expect.stringMatching(/^a alert dialog opened on .*: provoked$/),
    ]);
  });

  it('shows a title containing <script> as text', async () => {
    const page = await open('/patterns/hostile-pattern/');
    expect(await page.locator('h1').textContent()).toContain('<script>alert(1)</script> Hostile');
  });
});

describe('the Content-Security-Policy in the browser', () => {
  it('lets search run under it, served with the host headers of public/_headers', async () => {
    const page = await open('/search/?q=peer+production');
    await page.locator('#search-results li').first().waitFor();
    expect(await page.locator('#search-results a').first().textContent()).toBe(
      'Commons-Based Peer Production',
    );
    const response = await page.request.get(page.url());
    expect(response.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers()['x-content-type-options']).toBe('nosniff');
  });

  it('refuses inline code injected into a page, and reports the violation', async () => {
    const page = await open('/patterns/alpha-commons/');
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'document.body.dataset.injected = "ran"';
      document.body.append(script);
      const image = document.createElement('img');
      image.setAttribute('onerror', 'document.body.dataset.injected = "ran"');
      image.src = '/missing.png';
      document.body.append(image);
      await new Promise((resolve) => setTimeout(resolve, 500));
      return document.body.dataset['injected'] ?? 'blocked';
    });
    expect(ran).toBe('blocked');
    const problems = takeProblems();
    expect(problems).toContainEqual(
      expect.stringMatching(/^CSP violation: script-src-elem blocked inline/),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(/^CSP violation: script-src-attr blocked inline/),
    );
  });
});
