/**
 * The full build (`scripts/build.ts`) of the fixture library, built once by
 * the `site` project's global setup: every page type's key HTML, hostile input
 * neutralised, the search index written; two builds of the same input are
 * byte-identical; and a failing build reports the validator's messages and
 * leaves the previous output byte for byte as it was. A library with its own
 * configuration shows it, its accent colouring links and their hover in Chromium.
 */
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../scripts/lib/chromium.ts';
import { serveStatic } from '../scripts/lib/static-server.ts';
import { EIGHT_SECTIONS, FIXTURES } from './helpers/fixtures.ts';
import { executableContent } from './helpers/html.ts';
import { buildSite, type BuildResult, SITE_FIXTURE as LIBRARY } from './site/build.ts';

const site = inject('site');
const OUT = site.dir;
mkdirSync('.tmp', { recursive: true });
const ROOT = mkdtempSync(join('.tmp', 'build-test-'));

const page = (path: string): string => readFileSync(join(OUT, path, 'index.html'), 'utf8');

/**
 * Every file below `dir` (path relative to it) with its content hash, sorted: equal digests =
 * byte-identical trees.
 */
function digest(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      const hash = createHash('sha256').update(readFileSync(path)).digest('hex');
      return `${relative(dir, path)} ${hash}`;
    })
    .sort();
}

const htmlFiles = (): string[] =>
  readdirSync(OUT, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.html'))
    .map((path) => join(OUT, path));

afterAll(() => {
  rmSync(ROOT, { recursive: true, force: true });
});

describe('full build of a small library', () => {
  it('succeeds without warnings and writes a deterministic report', () => {
    expect(site.stderr).toBe('');
    expect(existsSync(join(OUT, 'index.html'))).toBe(true);
    expect(JSON.parse(readFileSync(join(OUT, 'build-report.json'), 'utf8'))).toEqual({
      patterns: 9,
      skipped: [],
    });
  });

  it('is deterministic: a second build of the same library is byte-identical', async () => {
    const again = join(ROOT, 'again');
    expect((await buildSite(LIBRARY, again)).status).toBe(0);
    expect(digest(again)).toEqual(digest(OUT));
  }, 120_000);

  it('renders pattern pages with their sections and a table of contents', () => {
    const html = page('patterns/alpha-commons');
    expect(html).toMatch(/<h1[^>]*>Alpha Commons<\/h1>/);
    for (const id of EIGHT_SECTIONS) {
      expect(html).toMatch(new RegExp(`id="${id}"`));
      expect(html).toContain(`href="#${id}"`);
    }
    // Curated links: an existing target and a wanted one.
    expect(html).toContain('href="/patterns/beta-practice/"');
    expect(html).toMatch(/href="\/wanted\/#missing-pattern"/);
  });

  it('renders a page per lens, extra lenses included, each pointing to the base page as canonical', () => {
    for (const lens of ['corporate', 'government', 'activist', 'tech', 'community']) {
      const html = page(`patterns/alpha-commons/${lens}`);
      expect(html).toContain(
        '<link rel="canonical" href="http://localhost:4321/patterns/alpha-commons/">',
      );
    }
    expect(page('patterns/alpha-commons/community')).toContain('alpha-commons for Neighbourhoods');
    expect(page('patterns/alpha-commons/community')).toContain('Do it on the street.');
    expect(existsSync(join(OUT, 'patterns/beta-practice/community/index.html'))).toBe(false);
  });

  it('pages only the declared lenses: an undeclared lens is a label on the base page', () => {
    const listings = readdirSync(join(OUT, 'lenses')).filter((name) => name !== 'index.html');
    expect(listings.sort()).toEqual(['activist', 'community', 'corporate', 'government', 'tech']);
    expect(existsSync(join(OUT, 'patterns/prototype-keys/constructor'))).toBe(false);
    expect(readdirSync(join(OUT, 'patterns/prototype-keys')).sort()).toEqual([
      'activist',
      'corporate',
      'government',
      'index.html',
      'tech',
    ]);
    const base = page('patterns/prototype-keys');
    expect(base).toMatch(
      /Other context labels<\/dt>[\s\S]*?Constructor:<\/span> Prototype Keys under the constructor lens/,
    );
    expect(page('patterns/prototype-keys/tech')).not.toContain('Other context labels');
    expect(page('lenses/tech')).not.toContain('/patterns/prototype-keys/constructor/');
  });

  it('builds the pages of a pattern whose domain, link and ids are Object.prototype members', () => {
    expect(page('domains/constructor')).toContain('href="/patterns/prototype-keys/"');
    expect(page('wanted')).toContain('id="constructor"');
    const garden = page('patterns/prototype-keys');
    for (const label of ['Entity __proto__', 'Entity toString', 'Community hasOwnProperty']) {
      expect(garden).toContain(label);
    }
    for (const file of htmlFiles()) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/\[object |\[native code\]/);
    }
  });

  it('lists the dangling relationship target on the wanted page', () => {
    const html = page('wanted');
    expect(html).toContain('id="missing-pattern"');
    expect(html).toContain('href="/patterns/alpha-commons/"');
  });

  it('draws a neighbourhood only for a pattern linked with others, and says so otherwise', () => {
    expect(page('patterns/alpha-commons')).toContain('id="neighbourhood-graph-title"');
    const unlinked = page('patterns/gl013-steward-ownership');
    expect(unlinked).not.toContain('id="neighbourhood-graph-title"');
    expect(unlinked).toContain('Not linked with any other pattern yet: no neighbourhood to draw.');
  });

  it('browses every pattern with facet counts', () => {
    const html = page('patterns');
    for (const slug of [
      'alpha-commons',
      'beta-practice',
      'gamma-tool',
      'hostile-pattern',
      'commons-based-peer-production',
      'prototype-keys',
    ]) {
      expect(html).toContain(`href="/patterns/${slug}/"`);
    }
    // Domain facet: governance 2 (alpha, beta), strategy 2 (gamma, hostile).
    expect(html).toMatch(/Governance[\s\S]{0,200}?\b2\b/);
    expect(html).toMatch(/Strategy[\s\S]{0,200}?\b2\b/);
    // Status facet: draft 3 (gamma, hostile, the seed), published 1, review 1.
    expect(html).toMatch(/Draft[\s\S]{0,200}?\b3\b/);
    expect(html).toMatch(/Published[\s\S]{0,200}?\b1\b/);
  });

  it('lets nothing executable from hostile input reach any page', () => {
    const files = htmlFiles();
    expect(files.length).toBeGreaterThan(40);
    for (const file of files) {
      expect(executableContent(readFileSync(file, 'utf8')), file).toEqual([]);
    }
    const hostile = page('patterns/hostile-pattern');
    expect(hostile).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Hostile');
    expect(hostile).toContain('JaVaScRiPt:alert(14)');
    expect(page('patterns/hostile-pattern/government')).toContain(
      '&lt;iframe src=javascript:alert(12)&gt;&lt;/iframe&gt; hostile-pattern in Public Service',
    );
  });

  it('writes a sharded search index of the pattern pages only', () => {
    const manifest = JSON.parse(readFileSync(join(OUT, 'pagefind/shards.json'), 'utf8')) as {
      shards: string[];
      records: number;
    };
    expect(manifest).toEqual({ shards: ['000'], records: 9 });
    for (const file of ['pagefind.js', 'pagefind-entry.json', 'wasm.en.pagefind']) {
      expect(existsSync(join(OUT, 'pagefind/000', file)), file).toBe(true);
    }
    const search = page('search');
    expect(search).toMatch(/<noscript>[\s\S]*href="\/patterns\/"[\s\S]*<\/noscript>/);
    expect(search).toMatch(/<label for="search-q"/);
    expect(search).toMatch(
      /role="status"[^>]*aria-live="polite"|aria-live="polite"[^>]*role="status"/,
    );
    expect(search).toContain('data-manifest="/pagefind/shards.json"');
  });

  it('skips invalid patterns with PATTERNS_ON_ERROR=skip and reports each problem with its place and field', async () => {
    const broken = join(ROOT, 'skipping');
    cpSync(LIBRARY, broken, { recursive: true });
    cpSync(
      join(FIXTURES, 'score-out-of-range/score-out-of-range.md'),
      join(broken, 'score-out-of-range.md'),
    );
    const out = join(ROOT, 'skipped-site');
    const result = await buildSite(broken, out, { PATTERNS_ON_ERROR: 'skip' });
    expect(result.status).toBe(0);
    // Listed once (by the build script), not also by the content loader.
    expect(
      (result.stdout + result.stderr).split('score-out-of-range.md:24:17: error:'),
    ).toHaveLength(2);
    const report = JSON.parse(readFileSync(join(out, 'build-report.json'), 'utf8')) as unknown;
    expect(report).toEqual({
      patterns: 9,
      skipped: [
        {
          file: join(broken, 'score-out-of-range.md'),
          errors: [
            {
              file: join(broken, 'score-out-of-range.md'),
              line: 24,
              column: 17,
              severity: 'error',
              rule: 'schema',
              path: 'ontology.commons_assessment.resilience',
              message: 'out of range',
              expected: '≤ 5',
              received: '7',
            },
            {
              file: join(broken, 'score-out-of-range.md'),
              line: 26,
              column: 15,
              severity: 'error',
              rule: 'schema',
              path: 'ontology.commons_assessment.autonomy',
              message: 'out of range',
              expected: '≥ 0',
              received: '-1',
            },
          ],
        },
      ],
    });
    expect(existsSync(join(out, 'patterns/score-out-of-range'))).toBe(false);
  });

  it('fails on an invalid pattern with the validator’s message and leaves the output as it was', async () => {
    const before = digest(OUT);
    const broken = join(ROOT, 'broken');
    cpSync(LIBRARY, broken, { recursive: true });
    cpSync(
      join(FIXTURES, 'score-out-of-range/score-out-of-range.md'),
      join(broken, 'score-out-of-range.md'),
    );
    const failed = await buildSite(broken, OUT);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('1 invalid pattern file(s)');
    expect(failed.stderr).toMatch(
      /score-out-of-range\.md:24:17: error: ontology\.commons_assessment\.resilience: out of range \(expected ≤ 5, got 7\)/,
    );
    expect(failed.stderr).not.toMatch(/^\s+at /m);
    expect(digest(OUT)).toEqual(before);
  });
});

describe('a library with its own configuration', () => {
  const out = join(ROOT, 'own-library-site');
  let result: BuildResult | undefined;

  beforeAll(async () => {
    const config = join(ROOT, 'own-library.config.json');
    writeFileSync(
      config,
      JSON.stringify({
        title: 'Town Hall Patterns',
        heading: 'Patterns for town halls',
        introduction: ['How councils and residents decide together.'],
        footer: 'Written by the residents of Exampleton.',
        colours: { accent: '#8a1c7c', accentDark: '#f0a0e0' },
        repository: { url: 'https://github.com/exampleton/patterns', branch: 'trunk' },
        publishMarkdown: true,
        lenses: [
          { key: 'government', name: 'Council', description: 'For the council and its staff.' },
          { key: 'activist', name: 'Residents', description: 'For residents who organise.' },
        ],
      }),
    );
    result = await buildSite(join(FIXTURES, 'site/small'), out, { SITE_CONFIG: config });
  });

  it('shows its name, introduction, footer, lenses and colours on the pages', () => {
    expect(result?.stderr).toBe('');
    expect(result?.status).toBe(0);
    const read = (path: string): string => readFileSync(join(out, path, 'index.html'), 'utf8');
    const home = read('');
    expect(home).toContain('<title>Town Hall Patterns</title>');
    expect(home).toContain('Patterns for town halls</h1>');
    expect(home).toContain('How councils and residents decide together.');
    expect(home).toContain('Written by the residents of Exampleton.');
    expect(home).toContain('--site-accent: light-dark(#8a1c7c, #f0a0e0)');
    const lenses = read('lenses');
    expect(lenses).toContain('Council');
    expect(lenses).toContain('For residents who organise.');
    expect(read('patterns/alpha')).toContain('https://github.com/exampleton/patterns/edit/trunk/');
  });

  it('publishes each pattern file as written when it sets publishMarkdown, and links to it', () => {
    expect(readFileSync(join(out, 'patterns/alpha.md'))).toEqual(
      readFileSync(join(FIXTURES, 'site/small/alpha.md')),
    );
    const index = JSON.parse(readFileSync(join(out, 'api/patterns.json'), 'utf8')) as {
      patterns: { slug: string; markdown_url: string }[];
    };
    expect(index.patterns.find(({ slug }) => slug === 'alpha')?.markdown_url).toMatch(
      /^https?:\/\/[^/]+\/patterns\/alpha\.md$/,
    );
  });

  it('colours links and their hover from its accent in both themes, legibly (axe clean)', async () => {
    const server = await serveStatic(out);
    const browser = await launchChromium();
    try {
      for (const [colorScheme, accent] of [
        ['light', '#8a1c7c'],
        ['dark', '#f0a0e0'],
      ] as const) {
        const context = await browser.newContext({ colorScheme });
        const page = await context.newPage();
        await page.goto(server.url);
        const link = page.getByRole('link', { name: 'The graph', exact: true });
        const [plain, background] = await Promise.all([
          rgbOf(page, link, 'color'),
          rgbOf(page, page.locator('body'), 'background-color'),
        ]);
        await link.hover();
        const hovered = await rgbOf(page, link, 'color');
        expect(plain, colorScheme).toEqual(hexRgb(accent));
        // The accent's own hue, darker on light and lighter on dark: more contrast than the link.
        expect(hovered, colorScheme).not.toEqual(plain);
        expect(hueDistance(hovered, plain), colorScheme).toBeLessThanOrEqual(2);
        expect(contrast(hovered, background), colorScheme).toBeGreaterThan(
          contrast(plain, background),
        );
        expect(
          (await new AxeBuilder({ page }).analyze()).violations.map(({ id }) => id),
          colorScheme,
        ).toEqual([]);
        await context.close();
      }
    } finally {
      await browser.close();
      await server.close();
    }
  });
});

type Rgb = readonly [number, number, number];

/** An element's computed colour property as sRGB bytes, whatever syntax the browser gives it in. */
const rgbOf = (page: Page, element: Locator, property: string): Promise<Rgb> =>
  element
    .evaluate((node, name) => getComputedStyle(node).getPropertyValue(name), property)
    .then((colour) =>
      page.evaluate((fill) => {
        const context = document.createElement('canvas').getContext('2d');
        if (!context) throw new Error('no 2D canvas');
        context.fillStyle = fill;
        context.fillRect(0, 0, 1, 1);
        const [r = 0, g = 0, b = 0] = context.getImageData(0, 0, 1, 1).data;
        return [r, g, b] as const;
      }, colour),
    );

const hexRgb = (hex: string): Rgb => [
  Number.parseInt(hex.slice(1, 3), 16),
  Number.parseInt(hex.slice(3, 5), 16),
  Number.parseInt(hex.slice(5, 7), 16),
];

/** Degrees between two colours' hues (HSL), around the circle. */
function hueDistance(a: Rgb, b: Rgb): number {
  const apart = Math.abs(hue(a) - hue(b));
  return Math.min(apart, 360 - apart);
}

/** Hue in degrees (HSL). */
function hue([r, g, b]: Rgb): number {
  const max = Math.max(r, g, b);
  const range = max - Math.min(r, g, b);
  if (range === 0) return 0;
  const sector =
    max === r ? ((g - b) / range + 6) % 6 : max === g ? (b - r) / range + 2 : (r - g) / range + 4;
  return sector * 60;
}

/** WCAG 2 contrast ratio of two colours. */
function contrast(a: Rgb, b: Rgb): number {
  const luminance = (rgb: Rgb): number => {
    const [r = 0, g = 0, b = 0] = rgb.map((byte) => {
      const c = byte / 255;
      return c <= 0.040_45 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((high ?? 0) + 0.05) / ((low ?? 0) + 0.05);
}
