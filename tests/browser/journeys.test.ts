/**
 * What readers do, in Chromium, on the fixture site: browse and filter, read
 * a pattern through a lens and come back, search (with filters, in place,
 * back button included), use the keyboard alone, switch to dark mode, print.
 * The harness fails any test whose pages log an error, open a dialog, break
 * the Content-Security-Policy or reach beyond 127.0.0.1.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { siteUrl, useBrowser } from './harness.ts';

const { open } = useBrowser();

const path = (page: Page): string => {
  const url = new URL(page.url());
  return `${url.pathname}${url.search}`;
};

/** Titles of the search results shown, in order. */
const resultTitles = (page: Page): Promise<string[]> =>
  page.locator('#search-results li h2').allTextContents();

/** Polls until `value` settles on what the test expects (loading the search engine takes a moment). */
const eventually = <T>(value: () => T | Promise<T>) => expect.poll(value, { timeout: 15_000 });

describe('reader journeys', () => {
  it('goes from home to browse, filters by domain, opens a pattern, switches to the government lens and back', async () => {
    const page = await open('/');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Browse' })
      .click();
    await page.waitForURL(siteUrl('/patterns/'));

    await page
      .getByRole('group', { name: 'Domain' })
      .getByRole('checkbox', { name: 'Governance' })
      .check();
    await page.waitForURL(siteUrl('/patterns/?domain=governance'));
    await expect.poll(() => page.locator('#browse-count').textContent()).toBe('3 of 9 patterns');
    const shown = page.locator('#pattern-list > li:not([hidden])');
    expect(await shown.locator('a').first().textContent()).toBe('Alpha Commons');
    expect(await shown.count()).toBe(3);

    await shown.getByRole('link', { name: 'Alpha Commons' }).click();
    await page.waitForURL(siteUrl('/patterns/alpha-commons/'));
    const lenses = page.getByRole('navigation', { name: 'Lens' });
    await lenses.getByRole('link', { name: 'Government' }).click();
    await page.waitForURL(siteUrl('/patterns/alpha-commons/government/'));
    expect(await page.locator('h1').textContent()).toContain('alpha-commons in Public Service');
    expect(
      await lenses.getByRole('link', { name: 'Government' }).getAttribute('aria-current'),
    ).toBe('page');

    // The lens is now the reading mode: browse names the pattern in it and opens its lens page.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Browse' })
      .click();
    await page.getByRole('link', { name: 'alpha-commons in Public Service' }).click();
    await page.waitForURL(siteUrl('/patterns/alpha-commons/government/'));

    // Reached directly, the base page offers the lens just read.
    await page.goto(siteUrl('/patterns/alpha-commons/'));
    const offer = page.getByRole('link', { name: 'View in the Government lens' });
    expect(await offer.getAttribute('href')).toBe(siteUrl('/patterns/alpha-commons/government/'));

    // "All lenses" from a lens page goes back to the base page and forgets the lens.
    await offer.click();
    await page.waitForURL(siteUrl('/patterns/alpha-commons/government/'));
    await page.waitForLoadState(); // the lens memory's script has run
    await lenses.getByRole('link', { name: 'All lenses' }).click();
    await page.waitForURL(siteUrl('/patterns/alpha-commons/'));
    expect(await page.locator('h1').textContent()).toContain('Alpha Commons');
    expect(await page.locator('#lens-memory').isHidden()).toBe(true);
  });

  it('re-sorts the browse list in place in the order the build gives each sort’s own page', async () => {
    const page = await open('/patterns/');
    const slugs = '#pattern-list > li a[data-slug]';
    /** The order of a sort's page as built (its HTML, before any script). */
    const built = (path: string): Promise<(string | undefined)[]> =>
      page.evaluate(
        async ({ url, selector }) => {
          const html = await (await fetch(url)).text();
          const doc = new DOMParser().parseFromString(html, 'text/html');
          return [...doc.querySelectorAll<HTMLElement>(selector)].map((a) => a.dataset['slug']);
        },
        { url: siteUrl(path), selector: slugs },
      );
    const shown = (): Promise<(string | undefined)[]> =>
      page
        .locator(slugs)
        .evaluateAll((links) => links.map((a) => (a as HTMLElement).dataset['slug']));
    expect(await shown()).toEqual(await built('/patterns/'));
    const sorts = page.getByRole('navigation', { name: 'Sort' });
    for (const [name, path] of [
      ['Overall score', '/patterns/by-score/'],
      ['Vitality', '/patterns/by-vitality/'],
      ['Title', '/patterns/'],
    ] as const) {
      await sorts.getByRole('link', { name }).click();
      expect(await shown(), name).toEqual(await built(path));
    }
  });

  it('opens an older-format pattern from browse, sees the notice, and follows a backlink to a v7.1 pattern', async () => {
    const page = await open('/patterns/');
    await page.getByRole('link', { name: 'Older Practice' }).click();
    await page.waitForURL(siteUrl('/patterns/older-practice/'));
    const notice = page.getByRole('complementary', { name: 'Pattern format' });
    expect(await notice.textContent()).toContain('Older format.');
    expect(await notice.getByRole('link').getAttribute('href')).toMatch(
      /README\.md#the-older-format$/,
    );
    expect(await page.locator('h1').textContent()).toBe('Older Practice');
    // Its summary is the Overview's first paragraph: shown once, there, not again above it.
    expect(await page.locator('#summary .summary').count()).toBe(0);
    expect(await page.locator('#overview').textContent()).toContain(
      'An older-format practice, shown as written',
    );
    const toc = page.getByRole('navigation', { name: 'Contents' });
    expect(await toc.getByRole('link').allTextContents()).toContain('Core Principles');

    await page.locator('#backlinks').getByRole('link', { name: 'Beta Practice' }).click();
    await page.waitForURL(siteUrl('/patterns/beta-practice/'));
    expect(await page.locator('h1').textContent()).toContain('Beta Practice');
  });

  it('keeps a chosen lens while the reader moves: browse, facet pages and the graph open lens pages, until the header clears it', async () => {
    const page = await open('/patterns/commons-based-peer-production/');
    const header = page.locator('#lens-mode');
    expect(await header.isHidden()).toBe(true);
    await page
      .getByRole('navigation', { name: 'Lens' })
      .getByRole('link', { name: 'Government' })
      .click();
    await page.waitForURL(siteUrl('/patterns/commons-based-peer-production/government/'));
    await page.waitForLoadState();
    expect(await header.isVisible()).toBe(true);
    expect(await header.getByRole('link', { name: 'Government' }).isVisible()).toBe(true);

    // Browse: the link shows the government label (the title after it) and opens the lens page.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Browse' })
      .click();
    await page.waitForURL(siteUrl('/patterns/'));
    const beta = page.locator('#pattern-list a[data-slug="beta-practice"]');
    await expect.poll(() => beta.textContent()).toBe('beta-practice in Public Service');
    const item = page.locator('#pattern-list li', {
      has: page.locator('[data-slug="beta-practice"]'),
    });
    expect(await item.textContent()).toContain('Beta Practice');
    await beta.click();
    await page.waitForURL(siteUrl('/patterns/beta-practice/government/'));

    // A facet page and a domain's graph link to lens pages too.
    await page.goto(siteUrl('/domains/governance/'));
    await expect
      .poll(() => page.locator('a[data-slug="alpha-commons"]').first().getAttribute('href'))
      .toBe('/patterns/alpha-commons/government/');
    await page.goto(siteUrl('/graph/governance/'));
    const alpha = page.locator('svg').getByRole('link', { name: /^Alpha Commons/ });
    await expect.poll(() => alpha.getAttribute('href')).toBe('/patterns/alpha-commons/government/');
    await alpha.click();
    await page.waitForURL(siteUrl('/patterns/alpha-commons/government/'));

    // Clearing the lens from the header: links go to the base pages again.
    await page.locator('#lens-mode').getByRole('button', { name: 'Clear' }).click();
    await page.waitForURL(siteUrl('/patterns/alpha-commons/'));
    await page.goto(siteUrl('/patterns/'));
    expect(await page.locator('#lens-mode').isHidden()).toBe(true);
    expect(
      await page.locator('#pattern-list a[data-slug="beta-practice"]').textContent(),
    ).toContain('Beta Practice');
    expect(
      await page.locator('#pattern-list a[data-slug="beta-practice"]').getAttribute('href'),
    ).toBe('/patterns/beta-practice/');
  });

  it('opens a domain from the graph overview by keyboard and a pattern from the domain’s graph', async () => {
    const page = await open('/graph/');
    const governance = page.locator('svg').getByRole('link', { name: 'Governance: 3 patterns' });
    await governance.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(siteUrl('/graph/governance/'));
    expect(await page.locator('h1').textContent()).toBe('Governance');
    const names = await page.locator('svg a text').allTextContents();
    expect(names.map((name) => name.trim())).toEqual([
      'Alpha Commons',
      'Beta Practice',
      'Older Practice',
    ]);
    expect(await page.getByRole('heading', { name: 'Links leaving Governance' }).isVisible()).toBe(
      true,
    );
    await page
      .locator('svg')
      .getByRole('link', { name: /^Beta Practice/ })
      .click();
    await page.waitForURL(siteUrl('/patterns/beta-practice/'));
  });

  it('finds the seed pattern when searching “peer production” from the header', async () => {
    const page = await open('/patterns/');
    await page.getByRole('searchbox', { name: 'Search patterns' }).fill('peer production');
    await page.keyboard.press('Enter');
    await page.locator('#search-results li').first().waitFor();
    await page.waitForURL(siteUrl('/search/?q=peer+production'));
    expect((await resultTitles(page))[0]).toBe('Commons-Based Peer Production');
    expect(await page.locator('#search-status').textContent()).toMatch(/for “peer production”$/);
    await page.locator('#search-results a').first().click();
    await page.waitForURL(siteUrl('/patterns/commons-based-peer-production/'));
  });

  it('puts the search results before closed filters on a phone, unless a filter is chosen', async () => {
    const phone = { viewport: { width: 390, height: 800 } };
    const filters = (page: Page) => page.locator('#search-filters');
    const plain = await open('/search/?q=commons', phone);
    await eventually(() => resultTitles(plain)).toContain('Alpha Commons');
    expect(await filters(plain).getAttribute('open')).toBeNull();
    expect(await plain.getByRole('combobox', { name: 'Status' }).isVisible()).toBe(false);

    const filtered = await open('/search/?q=commons&status=published', phone);
    await eventually(() => filtered.getByRole('combobox', { name: 'Status' }).isVisible()).toBe(
      true,
    );
    expect(await filtered.getByRole('combobox', { name: 'Status' }).inputValue()).toBe('published');
  });

  it('narrows a search with filters in place, links results to the chosen lens, and goes back', async () => {
    const page = await open('/search/?q=commons');
    await eventually(() => resultTitles(page)).toEqual([
      'Alpha Commons',
      'Commons-Based Peer Production',
      'GL013: Steward Ownership',
    ]);
    const loaded = await page.evaluate(() => performance.getEntriesByType('navigation').length);

    await page.getByLabel('Domain').selectOption('governance');
    await eventually(() => resultTitles(page)).toEqual(['Alpha Commons']);
    await page.waitForURL(siteUrl('/search/?q=commons&domain=governance'));

    await page.getByLabel('Lens').selectOption('community');
    await eventually(() => path(page)).toBe('/search/?q=commons&domain=governance&lens=community');
    await eventually(() => page.locator('#search-results a').first().getAttribute('href')).toBe(
      '/patterns/alpha-commons/community/',
    );

    // All of it without reloading the page; the back button restores the previous results.
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(
      loaded,
    );
    await page.goBack();
    await page.goBack();
    await eventually(() => resultTitles(page)).toEqual([
      'Alpha Commons',
      'Commons-Based Peer Production',
      'GL013: Steward Ownership',
    ]);
    expect(await page.getByLabel('Domain').inputValue()).toBe('');
  });

  it('works with the keyboard alone: skip link first, visible focus, into the page and on to a lens', async () => {
    const page = await open('/patterns/alpha-commons/');
    const focused = (): Promise<{ text: string; outline: string; tag: string; id: string }> =>
      page.evaluate(() => {
        const element = document.activeElement as HTMLElement;
        const style = getComputedStyle(element);
        return {
          text: element.textContent.trim(),
          outline: `${style.outlineStyle} ${style.outlineWidth}`,
          tag: element.tagName,
          id: element.id,
        };
      });

    await page.keyboard.press('Tab');
    const skip = await focused();
    expect(skip.text).toBe('Skip to content');
    expect(skip.outline).toBe('solid 3px');
    const box = await page.getByRole('link', { name: 'Skip to content' }).boundingBox();
    expect(box?.y).toBeGreaterThanOrEqual(0);

    await page.keyboard.press('Enter');
    expect(await focused()).toMatchObject({ tag: 'MAIN', id: 'main' });

    // From the main content, Tab reaches the lens switcher; every stop shows its focus.
    let stop = await focused();
    for (let tabs = 0; tabs < 40 && stop.text !== 'Government'; tabs += 1) {
      await page.keyboard.press('Tab');
      stop = await focused();
      expect(stop.outline, `focus on “${stop.text}”`).toBe('solid 3px');
    }
    await page.keyboard.press('Enter');
    await page.waitForURL(siteUrl('/patterns/alpha-commons/government/'));
  });

  it('switches to dark mode with the toggle, with the system’s dark palette, and remembers it', async () => {
    const background = (page: Page): Promise<string> =>
      page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const systemDark = await background(await open('/', { colorScheme: 'dark' }));

    const page = await open('/', { colorScheme: 'light' });
    const toggle = page.getByRole('button', { name: 'Dark mode' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    const light = await background(page);
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await background(page)).toBe(systemDark);
    expect(systemDark).not.toBe(light);

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Browse' })
      .click();
    await page.waitForLoadState('load');
    expect(await background(page)).toBe(systemDark);
    await page.getByRole('button', { name: 'Dark mode' }).click();
    expect(await background(page)).toBe(light);
  });

  it('prints a pattern without navigation, search or toggle, in black on white even in dark mode', async () => {
    const page = await open('/patterns/commons-based-peer-production/', { colorScheme: 'dark' });
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => ({
      hidden: ['.site-header', '.toc', '.lens-switcher', '.site-footer'].map((selector) => {
        const element = document.querySelector(selector);
        return element ? getComputedStyle(element).display : 'missing';
      }),
      colour: getComputedStyle(document.body).color,
      background: getComputedStyle(document.body).backgroundColor,
      headings: getComputedStyle(document.querySelector('main h2') ?? document.body).breakAfter,
      target: getComputedStyle(
        document.querySelector('main a[href^="http"]') ?? document.body,
        '::after',
      ).content,
    }));
    const { target, ...shown } = printed;
    expect(shown).toEqual({
      hidden: ['none', 'none', 'none', 'none'],
      colour: 'rgb(0, 0, 0)',
      background: 'rgb(255, 255, 255)',
      headings: 'avoid',
    });
    expect(target).toMatch(/^" \(" attr\(href\) "\)"$|^" \(https?:/);
    expect(await page.locator('h1').isVisible()).toBe(true);
  });
});
