/**
 * Checks of the built fixture site as files: valid HTML on every page
 * (html-validate, rules in .htmlvalidate.json), every internal link and anchor
 * resolving, a Content-Security-Policy on every page that allows exactly the
 * site's own scripts, and the weight of a pattern page.
 *
 * .htmlvalidate.json turns off two rules of `html-validate:recommended`:
 * `no-inline-style` (the graph picture's computed `min-width` is a style
 * attribute; the CSP allows style attributes, which cannot run code, and no
 * inline `<style>`) and `long-title` (titles are pattern titles and context
 * labels, as long as their authors wrote them: a search-engine preference,
 * not an error).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { describe, expect, inject, it } from 'vitest';
import { checkSiteLinks } from '../../scripts/lib/link-checker.ts';
import { htmlElements } from '../../scripts/lib/html-elements.ts';
import { SITE } from '../../src/config/site.ts';
import { contentSecurityPolicy } from '../helpers/html.ts';

const site = inject('site');
const pages = readdirSync(site.dir, { recursive: true, encoding: 'utf8' })
  .filter((path) => path.endsWith('.html'))
  .sort();
const read = (path: string): string => readFileSync(join(site.dir, path), 'utf8');

describe('the built site as files', () => {
  it('is valid HTML on every page', async () => {
    expect(pages.length).toBeGreaterThan(40);
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const errors: string[] = [];
    for (const path of pages) {
      const report = await validator.validateFile(join(site.dir, path));
      for (const result of report.results) {
        for (const m of result.messages) {
          errors.push(`${path}:${String(m.line)}:${String(m.column)} ${m.ruleId}: ${m.message}`);
        }
      }
    }
    expect(errors).toEqual([]);
  });

  it('resolves every internal link and #anchor', async () => {
    expect(await checkSiteLinks(site.dir, { base: SITE.base, origin: SITE.url })).toEqual([]);
  });

  it('gives every page a Content-Security-Policy under which search can run and nothing else', () => {
    for (const path of pages) {
      const policy = contentSecurityPolicy(htmlElements(read(path)));
      expect(policy.get('default-src'), path).toEqual(["'self'"]);
      expect(
        policy.get('script-src')?.filter((source) => !source.startsWith("'sha256-")),
        path,
      ).toEqual(["'self'", "'wasm-unsafe-eval'"]);
      expect(policy.get('worker-src'), path).toEqual(["'self'", 'blob:']);
      expect(policy.get('object-src'), path).toEqual(["'none'"]);
      expect(policy.get('base-uri'), path).toEqual(["'self'"]);
      expect(policy.get('style-src'), path).not.toContain("'unsafe-inline'");
    }
  });

  it('keeps a pattern page under 30 KB compressed, HTML, CSS and JS together', () => {
    const path = 'patterns/commons-based-peer-production/index.html';
    const html = read(path);
    const linked = htmlElements(html).flatMap(({ tag, attrs }) => {
      const url =
        tag === 'link' && attrs.get('rel') === 'stylesheet' ? attrs.get('href') : attrs.get('src');
      return tag === 'link' || tag === 'script' ? (url === undefined ? [] : [url]) : [];
    });
    const files = [html, ...linked.map((url) => read(url.slice(SITE.base.length)))];
    const bytes = files.reduce((sum, text) => sum + gzipSync(text).length, 0);
    expect(bytes).toBeLessThanOrEqual(30 * 1024);
  });

  it('runs no script on pattern pages but the theme, the search opener, the lens memory and mode, and the contents: no framework', () => {
    for (const path of [
      'patterns/alpha-commons/index.html',
      'patterns/alpha-commons/government/index.html',
    ]) {
      const scripts = htmlElements(read(path)).filter((element) => element.tag === 'script');
      const files = scripts.flatMap((script) => script.attrs.get('src') ?? []);
      expect(files, path).toEqual([
        expect.stringMatching(/^\/_astro\/ThemeToggle\..*\.js$/),
        expect.stringMatching(/^\/_astro\/SiteHeader\..*\.js$/),
        expect.stringMatching(/^\/_astro\/LensMemory\..*\.js$/),
        expect.stringMatching(/^\/_astro\/Toc\..*\.js$/),
        expect.stringMatching(/^\/_astro\/BaseLayout\..*\.js$/),
      ]);
      const inline = scripts
        .filter((script) => !script.attrs.has('src'))
        .map((script) => script.text);
      expect(inline.join(''), path).toContain("localStorage.getItem('theme')");
      const code = [...inline, ...files.map((file) => read(file.slice(SITE.base.length)))];
      // The search dialog's script and the engine load on first use, not with the page.
      expect(code.join('\n'), path).not.toMatch(/[`'"]option[`'"]|pagefind\.js/);
      // About 2.5 KB compressed together (measured): theme, search opener, lens memory, lens mode, contents.
      expect(gzipSync(code.join('\n')).length, path).toBeLessThan(3 * 1024);
    }
  });
});
