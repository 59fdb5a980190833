/**
 * The search dialog every page has, in Chromium on the fixture site: typed
 * into from the header on a pattern page and on the home page, moved through
 * with the arrow keys, a result opened (an older-format one too); focus, the announced count, the
 * lens's title, the closest titles when nothing is found, and axe on the open
 * dialog. The harness fails a test on any console error, CSP violation or
 * off-site request.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { siteUrl, useBrowser } from './harness.ts';

const { open } = useBrowser();

const eventually = <T>(value: () => T | Promise<T>) => expect.poll(value, { timeout: 15_000 });

const status = (page: Page): Promise<string | null> =>
  page.locator('#search-dialog-status').textContent();
const optionTitles = (page: Page): Promise<string[]> =>
  page.locator('#search-dialog-results [role="option"] .title').allTextContents();
/** Clicks the header's search field (which opens the dialog) and types `text`. */
async function typeInHeader(page: Page, text: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Search patterns' }).click();
  await page.keyboard.type(text);
}
const focused = (page: Page): Promise<string | undefined> =>
  page.evaluate(() => document.activeElement?.id);

describe('the search dialog', () => {
  it('finds a pattern by a word only in its Known Uses, from a pattern page, and opens it with the keyboard', async () => {
    const page = await open('/patterns/alpha-commons/');
    // The engine is not loaded with the page.
    const loadedEarly = await page.evaluate(() =>
      performance.getEntriesByType('resource').some(({ name }) => name.includes('/pagefind/')),
    );
    expect(loadedEarly).toBe(false);

    await typeInHeader(page, 'nepal');
    const input = page.getByRole('combobox', { name: 'Search patterns' });
    await eventually(() => status(page)).toBe('1 pattern for “nepal”');
    expect(await focused(page)).toBe('search-dialog-q');
    expect(await input.getAttribute('aria-expanded')).toBe('true');
    expect(await optionTitles(page)).toEqual(['Commons-Based Peer Production']);
    // The matched word highlighted, as text.
    expect(await page.locator('#search-dialog-results mark').first().textContent()).toBe('Nepal');

    await page.keyboard.press('ArrowDown');
    expect(await input.getAttribute('aria-activedescendant')).toBe('search-dialog-option-0');
    expect(await page.locator('#search-dialog-option-0').getAttribute('aria-selected')).toBe(
      'true',
    );
    await page.keyboard.press('Enter');
    await page.waitForURL(siteUrl('/patterns/commons-based-peer-production/'));
  });

  it('finds an older-format pattern by part of its title, from a pattern page, and opens it with Enter', async () => {
    const page = await open('/patterns/beta-practice/');
    await typeInHeader(page, 'older pract');
    await eventually(() => optionTitles(page)).toContain('Older Practice');
    const input = page.getByRole('combobox', { name: 'Search patterns' });
    const index = (await optionTitles(page)).indexOf('Older Practice');
    for (let step = 0; step <= index; step += 1) await page.keyboard.press('ArrowDown');
    expect(await input.getAttribute('aria-activedescendant')).toBe(
      `search-dialog-option-${String(index)}`,
    );
    await page.keyboard.press('Enter');
    await page.waitForURL(siteUrl('/patterns/older-practice/'));
  });

  it('shows the older-format patterns when only they match', async () => {
    const page = await open('/');
    // An alias of one older-format pattern, a word in the text of the other, in no v7.1 pattern.
    await typeInHeader(page, 'legacy');
    await eventually(() => status(page)).toBe('2 patterns for “legacy”');
    expect(await optionTitles(page)).toEqual(['Older Practice', 'GL013: Steward Ownership']);
  });

  it('opens with “/” on the home page, moves with the arrows, closes with Escape and gives focus back', async () => {
    const page = await open('/');
    const link = page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Browse' });
    await link.focus();
    await page.keyboard.press('/');
    await eventually(() => focused(page)).toBe('search-dialog-q');
    await page.keyboard.type('commons');
    await eventually(() => status(page)).toBe('3 patterns for “commons”');
    expect(await optionTitles(page)).toEqual([
      'Alpha Commons',
      'Commons-Based Peer Production',
      'GL013: Steward Ownership',
    ]);
    const input = page.getByRole('combobox', { name: 'Search patterns' });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await input.getAttribute('aria-activedescendant')).toBe('search-dialog-option-1');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown'); // wraps to the first
    expect(await input.getAttribute('aria-activedescendant')).toBe('search-dialog-option-0');
    await page.keyboard.press('ArrowUp'); // wraps to the last
    expect(await input.getAttribute('aria-activedescendant')).toBe('search-dialog-option-2');

    expect(
      (await new AxeBuilder({ page }).include('#search-dialog').analyze()).violations.map(
        ({ id }) => id,
      ),
    ).toEqual([]);

    await page.keyboard.press('Escape');
    expect(await page.locator('#search-dialog').isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Browse');

    // Enter with no option active goes to the full results page, the shareable one.
    await page.keyboard.press('Control+K');
    await page.keyboard.type('peer production');
    await eventually(() => status(page)).toMatch(/for “peer production”$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(siteUrl('/search/?q=peer+production'));
  });

  it('keeps every key typed right after “/”, while the dialog’s script is still loading', async () => {
    const page = await open('/');
    // The dialog's script held back, as on a slow connection: keys typed meanwhile must wait.
    await page.route('**/_astro/search-dialog.*.js', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 500));
      await route.continue();
    });
    await page.keyboard.press('/');
    await page.keyboard.type('commons');
    await eventually(() => status(page)).toBe('3 patterns for “commons”');
    expect(await page.getByRole('combobox', { name: 'Search patterns' }).inputValue()).toBe(
      'commons',
    );
  });

  it('titles results with the remembered lens’s context label and links to the pattern under it', async () => {
    const page = await open('/patterns/alpha-commons/government/');
    await typeInHeader(page, 'alpha');
    await eventually(() => optionTitles(page)).toContain('alpha-commons in Public Service');
    await page.locator('#search-dialog-results [role="option"]').first().click();
    await page.waitForURL(siteUrl('/patterns/alpha-commons/government/'));
  });

  it('says when nothing is found and offers the closest titles and browsing', async () => {
    const page = await open('/');
    await typeInHeader(page, 'gammma');
    await eventually(() => status(page)).toBe('No patterns for “gammma”.');
    const closest = page.locator('#search-dialog-closest');
    await eventually(() => closest.getByRole('link').allTextContents()).toEqual(['Gamma Tool']);
    expect(await page.getByRole('link', { name: 'Browse all patterns' }).getAttribute('href')).toBe(
      '/patterns/',
    );
  });
});
