/**
 * The data exports of the built fixture library (built once by the `site` project's global
 * setup), parsed and checked against their documented shapes (src/lib/exports/shapes.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import {
  graphExportSchema,
  healthExportSchema,
  patternExportSchema,
  patternsIndexSchema,
} from '../../src/lib/exports/shapes.ts';
import { SITE } from '../../src/config/site.ts';
import { SITE_FIXTURE } from './build.ts';

const { dir } = inject('site');
const read = (path: string): string => readFileSync(join(dir, path), 'utf8');

/** The output file an absolute URL of the site is served from. */
const fileOf = (url: string): string => {
  const { pathname } = new URL(url);
  return join(dir, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
};

/** Where the fixture's files are in the repository, as raw text (the site publishes no copy). */
const { url: repo, branch, patternsPath } = SITE.repository;
const rawPrefix = `${repo}/raw/${branch}/${patternsPath}/`;

/** The file a URL names: a pattern file in the repository (the fixture folder) or a built file. */
const sourceOf = (url: string): string =>
  url.startsWith(rawPrefix) ? join(SITE_FIXTURE, url.slice(rawPrefix.length)) : fileOf(url);

const slugs = readdirSync(SITE_FIXTURE)
  .filter((name) => name.endsWith('.md'))
  .map((name) => basename(name, '.md'))
  .sort();

/** The JSON-LD script of a page, if any, as written. */
const jsonLd = (html: string): string | undefined =>
  /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1];

describe('the built data exports', () => {
  it('list every pattern in /api/patterns.json, with links that resolve to built files', () => {
    const index = patternsIndexSchema.parse(JSON.parse(read('api/patterns.json')));
    expect(index.patterns.map(({ slug }) => slug)).toEqual(slugs);
    expect(index.count).toBe(slugs.length);
    for (const entry of index.patterns) {
      for (const url of [entry.url, entry.json_url, entry.markdown_url]) {
        expect(existsSync(sourceOf(url)), url).toBe(true);
      }
    }
  });

  it('give each pattern its full data in /api/patterns/<slug>.json', () => {
    for (const slug of slugs) {
      const data = patternExportSchema.parse(JSON.parse(read(`api/patterns/${slug}.json`)));
      expect(data.frontmatter.slug).toBe(slug);
      if (data.format === 'v7.1') expect(data.sections).toHaveLength(8);
      else expect(data.sections.length).toBeGreaterThan(2);
      // Each section's lines of the Markdown file open with its heading.
      const markdown = readFileSync(sourceOf(data.markdown_url), 'utf8').split(/\r?\n/);
      for (const { heading, lines } of data.sections) {
        expect(markdown[lines.start - 1], `${slug}: ${heading}`).toMatch(/^#{1,6} /);
        expect(markdown[lines.start - 1]).toContain(heading);
        expect(lines.end ?? markdown.length).toBeGreaterThanOrEqual(lines.start);
      }
    }
  });

  it('give every pattern similar patterns, never itself, in its JSON and on its page', () => {
    for (const slug of slugs) {
      const { similar } = patternExportSchema.parse(JSON.parse(read(`api/patterns/${slug}.json`)));
      expect(similar.length, slug).toBeGreaterThan(0);
      expect(similar.map((other) => other.slug)).not.toContain(slug);
      const page = read(`patterns/${slug}/index.html`);
      expect(page).toContain('id="similar-patterns"');
      for (const other of similar) expect(page).toContain(`/patterns/${other.slug}/`);
    }
  });

  it('write the graph with every edge end a node, and the wanted target marked', () => {
    const graph = graphExportSchema.parse(JSON.parse(read('api/graph.json')));
    const nodes = new Map(graph.nodes.map((node) => [node.slug, node.kind]));
    for (const { source, target } of [...graph.edges.curated, ...graph.edges.suggested]) {
      expect(nodes.has(source) && nodes.has(target), `${source} → ${target}`).toBe(true);
    }
    expect(nodes.get('missing-pattern')).toBe('wanted');
    expect(graph.nodes.filter(({ kind }) => kind === 'pattern')).toHaveLength(slugs.length);
    expect(graph.edges.suggested.length).toBeGreaterThan(0);
  });

  it('link each pattern’s Markdown to its file in the repository, and publish no copy', () => {
    const index = patternsIndexSchema.parse(JSON.parse(read('api/patterns.json')));
    for (const { slug, markdown_url } of index.patterns) {
      expect(markdown_url).toBe(`${rawPrefix}${slug}.md`);
      expect(existsSync(join(dir, 'patterns', `${slug}.md`))).toBe(false);
    }
  });

  it('link every pattern’s Markdown from /llms.txt, and write no /llms-full.txt', () => {
    const llms = read('llms.txt');
    expect(llms).toMatch(/^# .+\n\n> .+\n/);
    const links = [...llms.matchAll(/^- \[.*\]\((\S+)\)/gm)].map((match) => match[1] ?? '');
    expect(links.filter((url) => url.endsWith('.md'))).toHaveLength(slugs.length);
    for (const url of links) expect(existsSync(sourceOf(url)), url).toBe(true);
    expect(existsSync(join(dir, 'llms-full.txt'))).toBe(false);
  });

  it('write an RSS 2.0 feed of the patterns, most recently changed first', () => {
    const rss = read('rss.xml');
    expect(rss).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?><rss version="2\.0">/);
    const items = [...rss.matchAll(/<item>([\s\S]*?)<\/item>/g)].map((match) => match[1] ?? '');
    expect(items).toHaveLength(slugs.length);
    const dates = items.map((item) =>
      Date.parse(/<pubDate>(.*?)<\/pubDate>/.exec(item)?.[1] ?? ''),
    );
    expect(dates.every((date) => !Number.isNaN(date))).toBe(true);
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    for (const item of items) {
      expect(existsSync(fileOf(/<link>(.*?)<\/link>/.exec(item)?.[1] ?? '')), item).toBe(true);
    }
  });

  it('list base pattern pages but not lens pages in the sitemap, which robots.txt names', () => {
    const robots = read('robots.txt');
    const sitemap = /^Sitemap: (\S+)$/m.exec(robots)?.[1] ?? '';
    expect(existsSync(fileOf(sitemap))).toBe(true);
    const parts = [...readFileSync(fileOf(sitemap), 'utf8').matchAll(/<loc>(.*?)<\/loc>/g)];
    const pages = parts.flatMap(([, part]) => [
      ...readFileSync(fileOf(part ?? ''), 'utf8').matchAll(/<loc>(.*?)<\/loc>/g),
    ]);
    const paths = pages.map(([, url]) => new URL(url ?? '').pathname);
    for (const slug of slugs) expect(paths).toContain(`/patterns/${slug}/`);
    expect(paths).toContain('/');
    expect(paths.filter((path) => /^\/patterns\/[^/]+\/[^/]+\/$/.test(path))).toEqual([]);
  });

  it('put schema.org JSON-LD on base pattern pages only, where no title can end the script', () => {
    for (const slug of slugs) {
      const script = jsonLd(read(`patterns/${slug}/index.html`));
      expect(script, slug).toBeDefined();
      expect(script).not.toMatch(/</);
      const data = JSON.parse(script ?? '') as Record<string, unknown>;
      expect(data['@type']).toBe('Article');
      expect(data['url']).toMatch(new RegExp(`/patterns/${slug}/$`));
    }
    const hostile = JSON.parse(jsonLd(read('patterns/hostile-pattern/index.html')) ?? '') as {
      name: string;
    };
    expect(hostile.name).toBe('<script>alert(1)</script> Hostile');
    expect(jsonLd(read('patterns/alpha-commons/corporate/index.html'))).toBeUndefined();
  });

  it('give the library’s health in /api/health.json, the numbers /health/ shows', () => {
    const health = healthExportSchema.parse(JSON.parse(read('api/health.json')));
    expect(health.patterns).toBe(slugs.length);
    expect(health.files.total).toBe(slugs.length);
    const byFormat = Object.values(health.files.by_format);
    expect(byFormat.reduce((sum, count) => sum + count, 0)).toBe(slugs.length);
    expect(health.files.by_format['older']).toBe(2);
    expect(health.wanted.find(({ target }) => target === 'not-written-yet')?.wanted_by).toEqual([
      'older-practice',
    ]);
    const page = read('health/index.html');
    expect(page).toContain(`Wanted targets (${String(health.wanted.length)})`);
    expect(page).toContain(
      `Without relationships (${String(health.without_relationships.length)})`,
    );
    // A chart per pillar, each an image with a title and a description.
    expect(page.match(/<svg[^>]*role="img"[^>]*aria-describedby="health-pillar-/g)).toHaveLength(
      health.pillars.length,
    );
  });

  it('give every contributor a page that lists their patterns, linked from those patterns', () => {
    const index = read('contributors/index.html');
    expect(index).toContain('href="/contributors/tester/"');
    const tester = read('contributors/tester/index.html');
    expect(tester).toContain('href="/patterns/older-practice/"');
    expect(read('patterns/older-practice/index.html')).toMatch(
      /<a href="\/contributors\/tester\/"[^>]*>Tester<\/a> \(author\)/,
    );
  });
});
