/**
 * Phones: no page of the fixture site is wider than a 320-px screen. A wide table or code block
 * in pattern text (the gamma-tool fixture has both) scrolls inside the text column, and a long
 * word in a summary wraps in the lists, instead of making the whole page scroll sideways.
 */
import { describe, expect, it } from 'vitest';
import { PAGE_TYPES, useBrowser } from './harness.ts';

const { open } = useBrowser();

const PAGES = [...PAGE_TYPES, { name: 'pattern with a wide table', path: '/patterns/gamma-tool/' }];

describe('the layout on a phone', () => {
  it.each(PAGES)('keeps the $name page within a 320-px screen', async ({ path }) => {
    const page = await open(path, { viewport: { width: 320, height: 640 } });
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      screen: window.innerWidth,
    }));
    expect(widths.page).toBeLessThanOrEqual(widths.screen);
  });
});
