/**
 * `npm run screenshots [site]` — PNGs of every page type of a built site at 390, 768 and 1280
 * px wide, light and dark, from Debian's Chromium, into `.screenshots/` (git-ignored), to look
 * at before a change to the design ships. Default site: `dist/` (or `BUILD_OUT_DIR`). Pages:
 * home, browse, a facet page, the graph and a domain's graph, lenses, the library under a lens,
 * search, wanted, contribute, library health, contributors, and pattern pages — the longest and the shortest the site has,
 * one under a lens, and the first in the older format and the first incomplete one. Each page twice: whole (up to 6,000 px) and its first window (`-top`).
 */
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { launchChromium } from './lib/chromium.ts';
import { builtSlugs } from './lib/built-slugs.ts';
import { serveStatic } from './lib/static-server.ts';
import { PATHS, siteUrls } from '../src/model/urls.ts';

const WIDTHS = [390, 768, 1280] as const;
const SCHEMES = ['light', 'dark'] as const;
const OUT = '.screenshots';
/** Height of the window; shots take the whole page up to this many pixels. */
const HEIGHT = 900;
const MAX_HEIGHT = 6000;

const site = resolve(process.argv[2] ?? process.env['BUILD_OUT_DIR'] ?? 'dist');
const urls = siteUrls('/');

/** The pattern pages with the most and the fewest bytes. */
async function longestAndShortest(): Promise<string[]> {
  const slugs = await builtSlugs(site);
  const sizes = await Promise.all(
    slugs.map(async (slug) => ({
      slug,
      size: (await stat(join(site, PATHS.pattern(slug), 'index.html'))).size,
    })),
  );
  sizes.sort((a, b) => b.size - a.size);
  return [...new Set([sizes[0]?.slug, sizes.at(-1)?.slug])].filter((s) => s !== undefined);
}

/** The first lens page of a pattern, and the first domain, read from the built pattern page. */
async function firstLensAndDomain(slug: string): Promise<{ lens?: string; domain?: string }> {
  const html = await readFile(join(site, PATHS.pattern(slug), 'index.html'), 'utf8');
  const lens = /data-lens-link="([^"]+)"/.exec(html)?.[1];
  const domain = new RegExp(`href="${urls.facetIndex('domain')}([^"/]+)/"`).exec(html)?.[1];
  return { ...(lens && { lens }), ...(domain && { domain }) };
}

/** The first pattern of each format shown as written (older, incomplete), from the JSON index. */
async function asWritten(): Promise<[string, string][]> {
  const index = JSON.parse(await readFile(join(site, PATHS.patternsJson), 'utf8')) as {
    patterns: { slug: string; format: string }[];
  };
  return ['older', 'incomplete'].flatMap((format): [string, string][] => {
    const found = index.patterns.find((pattern) => pattern.format === format);
    return found ? [[`pattern-${format}`, urls.pattern(found.slug)]] : [];
  });
}

const patterns = await longestAndShortest();
const first = patterns[0] ?? '';
const { lens, domain } = await firstLensAndDomain(first);
const pages: [string, string][] = [
  ['home', urls.home],
  ['browse', urls.browse],
  ['lenses', urls.lenses],
  ['graph', urls.graph],
  ['search', `${urls.search}?q=commons`],
  ['wanted', urls.wantedIndex],
  ['contribute', urls.contribute],
  ['health', urls.health],
  ['contributors', urls.contributors],
  ...patterns.map((slug, i): [string, string] => [
    i === 0 ? 'pattern-longest' : 'pattern-shortest',
    urls.pattern(slug),
  ]),
  ...(lens ? [['pattern-lens', urls.pattern(first, lens)] as [string, string]] : []),
  ...(await asWritten()),
  ...(lens ? [['library-lens', urls.lens(lens)] as [string, string]] : []),
  ...(domain
    ? ([
        ['facet', urls.facet('domain', domain)],
        ['graph-domain', urls.graphDomain(domain)],
      ] as [string, string][])
    : []),
];

await rm(OUT, { recursive: true, force: true });
await mkdir(OUT, { recursive: true });
const server = await serveStatic(site);
const browser = await launchChromium();
try {
  for (const scheme of SCHEMES) {
    for (const width of WIDTHS) {
      const context = await browser.newContext({
        viewport: { width, height: HEIGHT },
        colorScheme: scheme,
      });
      const page = await context.newPage();
      for (const [name, path] of pages) {
        await page.goto(new URL(path, server.url).href, { waitUntil: 'networkidle' });
        const height = Math.min(
          MAX_HEIGHT,
          await page.evaluate(() => document.documentElement.scrollHeight),
        );
        const file = join(OUT, `${name}-${String(width)}-${scheme}.png`);
        await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width, height } });
        // What the reader sees first: the window before any scrolling.
        await page.screenshot({ path: file.replace(/\.png$/, '-top.png') });
      }
      await context.close();
    }
  }
  const count = 2 * pages.length * WIDTHS.length * SCHEMES.length;
  console.log(`${String(count)} screenshots (whole pages, and their tops: *-top.png) in ${OUT}/`);
} finally {
  await browser.close();
  await server.close();
}
