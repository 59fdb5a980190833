/**
 * axe-core on every page type of the fixture site, in the light and the dark
 * colour scheme: zero violations of any rule axe runs by default (WCAG 2.x A
 * and AA, and best practices). The dark toggle uses the same palette as the
 * system's dark preference (journeys.test.ts checks that), so this covers it.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PAGE_TYPES, useBrowser } from './harness.ts';

const { open } = useBrowser();

/** The part of an axe violation reported here. */
interface Violation {
  readonly id: string;
  readonly impact?: string | null;
  readonly nodes: readonly { readonly target: readonly unknown[] }[];
}

/** axe's violations as one line each: rule, impact, and where. */
const describeViolations = (violations: readonly Violation[]): string[] =>
  violations.map(
    ({ id, impact, nodes }) =>
      `${id} (${impact ?? 'unknown'}): ${nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );

/**
 * Violations on the page as it is now. The first check injects axe-core
 * (most of its cost); later ones on the same page reuse it.
 */
async function violations(page: Page, injected: boolean): Promise<string[]> {
  if (!injected) return describeViolations((await new AxeBuilder({ page }).analyze()).violations);
  const found = await page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: { run: () => Promise<{ violations: Violation[] }> };
    };
    return (await axe.run()).violations;
  });
  return describeViolations(found);
}

describe('accessibility of every page type', () => {
  it.each(PAGE_TYPES)(
    'finds no axe violations on the $name page, light or dark',
    async ({ path }) => {
      const page = await open(path, { colorScheme: 'light' });
      // The search page fills in its results with a script: check them too.
      if (path.startsWith('/search/')) await page.locator('#search-results li').first().waitFor();
      expect(await violations(page, false), 'light').toEqual([]);
      await page.emulateMedia({ colorScheme: 'dark' });
      expect(await violations(page, true), 'dark').toEqual([]);
    },
  );
});
