import { describe, expect, it } from 'vitest';
import { findBrokenLinks, type SiteFiles } from '../scripts/lib/link-checker.ts';

/** A site from `{ path: html }`; extra non-HTML files by path. */
function site(pages: Record<string, string>, others: readonly string[] = []): SiteFiles {
  return {
    pages: new Map(Object.entries(pages)),
    files: new Set([...Object.keys(pages), ...others]),
  };
}

describe('the internal link checker', () => {
  it('accepts links to pages, files and existing anchors, relative or absolute', () => {
    const files = site(
      {
        '/index.html':
          '<a href="/patterns/">all</a> <a href="patterns/a/#context">a</a> <a href="#top">top</a>' +
          '<link rel="stylesheet" href="/_astro/site.css"><script src="/_astro/app.js"></script>',
        '/patterns/index.html': '<a href="a/">a</a> <a href="../">home</a> <a href="#">top</a>',
        '/patterns/a/index.html':
          '<h2 id="context">Context</h2><a href="../#main">x</a><main id="main"></main>',
      },
      ['/_astro/site.css', '/_astro/app.js'],
    );
    expect(findBrokenLinks(files)).toEqual([
      { page: '/patterns/a/', href: '../#main', reason: 'no element with id "main"' },
    ]);
  });

  it('reports a missing page, a missing anchor and a directory link without its slash', () => {
    const files = site({
      '/index.html':
        '<a href="/gone/">gone</a> <a href="/wanted/#nope">wanted</a> <a href="/wanted">wanted</a>',
      '/wanted/index.html': '<li id="yes">yes</li>',
    });
    expect(findBrokenLinks(files)).toEqual([
      { page: '/', href: '/gone/', reason: 'no such file' },
      { page: '/', href: '/wanted/#nope', reason: 'no element with id "nope"' },
      { page: '/', href: '/wanted', reason: 'directory link without its trailing slash' },
    ]);
  });

  it('checks anchors within the same page, percent-encoded ones included', () => {
    const files = site({
      '/index.html':
        '<a href="#caf%C3%A9">ok</a> <a href="#fn-1">footnote</a> <a href="#%E0%A4%A">bad</a> <p id="café"></p>',
    });
    expect(findBrokenLinks(files)).toEqual([
      { page: '/', href: '#fn-1', reason: 'no element with id "fn-1"' },
      { page: '/', href: '#%E0%A4%A', reason: 'malformed percent-encoding' },
    ]);
  });

  it('skips other sites and schemes, but checks absolute URLs on the site’s own origin', () => {
    const files = site({
      '/index.html':
        '<a href="https://example.org/x">x</a> <a href="mailto:a@b.c">m</a> ' +
        '<link rel="canonical" href="https://patterns.example/gone/">',
    });
    expect(findBrokenLinks(files, { origin: 'https://patterns.example' })).toEqual([
      { page: '/', href: 'https://patterns.example/gone/', reason: 'no such file' },
    ]);
  });

  it('resolves links under a base path and flags those that leave it', () => {
    const files = site({
      '/index.html': '<a href="/lib/patterns/">ok</a> <a href="/patterns/">outside</a>',
      '/patterns/index.html': '<a href="../">up</a>',
    });
    expect(findBrokenLinks(files, { base: '/lib/' })).toEqual([
      { page: '/', href: '/patterns/', reason: 'outside the site’s base path /lib/' },
    ]);
  });
});
