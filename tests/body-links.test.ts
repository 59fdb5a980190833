import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bodyLinks, patternLink } from '../src/lib/body-links.ts';
import { renderMarkdown } from '../src/lib/markdown.ts';
import { readPatternFile } from '../src/lib/pattern-file.ts';
import { renderBody } from '../src/model/rendered.ts';
import { toStoredPattern } from '../src/model/stored.ts';
import { checkFixture, FIXTURES } from './helpers/fixtures.ts';

/** The HTML of the sections of a fixture pattern of `body-links/` (both formats), joined. */
function renderedFixture(name: string): string {
  const file = `${FIXTURES}body-links/${name}.md`;
  const { pattern } = readPatternFile(file, readFileSync(file));
  if (pattern === undefined) throw new Error(`${name} is not a valid pattern`);
  const body = renderBody(toStoredPattern(pattern));
  return [...body.sections.map(({ html }) => html), ...body.extras].join('\n');
}

const hrefs = (html: string): string[] =>
  [...html.matchAll(/href="([^"]*)"/g)].map(([, h]) => h ?? '');

describe('links in a pattern text', () => {
  it('name another pattern when written as its file name or slug, with or without ./ and a fragment', () => {
    expect(patternLink('other-pattern.md')).toEqual({ slug: 'other-pattern' });
    expect(patternLink('./other-pattern.md#solution')).toEqual({
      slug: 'other-pattern',
      fragment: 'solution',
    });
    expect(patternLink('other-pattern')).toEqual({ slug: 'other-pattern' });
    expect(patternLink('./other-pattern#known-uses')).toEqual({
      slug: 'other-pattern',
      fragment: 'known-uses',
    });
    // Not a slug, or not beside the pattern: no pattern.
    for (const url of ['../other.md', '/patterns/other/', 'Other.md', 'diagram.svg', '#top', '']) {
      expect(patternLink(url), url).toBeUndefined();
    }
  });

  it('are reported where they lead nowhere on the site, each with what to write instead', async () => {
    expect(await checkFixture('body-links')).toMatchInlineSnapshot(`
      "body-links/linking-pattern.md:42:13: warning: relationships.enables[0].slug: "minimal-pattern" has no pattern file yet (a wanted pattern) [wanted-pattern]
      body-links/linking-pattern.md:81:18: warning: body: links to "older-patern", which has no pattern file; did you mean "older-pattern"? [dead-link]
      body-links/linking-pattern.md:81:52: warning: body: "#budget" names no section of this page: its sections are #context, #problem, #solution, #implementation, … [dead-link]
      body-links/linking-pattern.md:81:79: warning: body: "/about/" leads nowhere on the site: link to a pattern by its file name ("other-pattern.md") or to another site by its full address (https://…) [dead-link]
      body-links/linking-pattern.md:82:9: warning: body: "https.example.org/page" is not a full address (its "://" is missing): write "https://example.org/page" [dead-link]
      body-links/linking-pattern.md:82:50: warning: body: image "./diagram.svg" is not published with the site: give it a full address (https://…) [dead-link]
      body-links/linking-pattern.md:83:24: warning: body: links to "older-pattern#history", but "older-pattern" has no section #history: its sections are #overview [dead-link]
      body-links/linking-pattern.md:85:1: warning: body: "../elsewhere/" leads nowhere on the site: link to a pattern by its file name ("other-pattern.md") or to another site by its full address (https://…) [dead-link]
      body-links/older-pattern.md:8:1: warning: classification: older format: shown as written; \`npm run migrate -- body-links/older-pattern.md\` converts its frontmatter [older-format]
      body-links/older-pattern.md:25:35: warning: body: "#history" names no section of this page: its sections are #overview [dead-link]"
    `);
  });

  it('say so when an address lost its host as well as its "://"', () => {
    const { issues } = bodyLinks('See [the guide](https.com/guide).', 10, []);
    expect(issues).toEqual([
      {
        line: 10,
        column: 5,
        path: 'body',
        severity: 'warning',
        rule: 'dead-link',
        message:
          '"https.com/guide" is not a full address (its "://" and part of its host are missing): write the whole address, https://…',
      },
    ]);
  });

  it('are found at their file line in a paragraph of several lines, not in fenced code', () => {
    const markdown = 'Intro.\n\n```\n[code](a.md)\n```\n\nOne line,\nthen [a link](b.md) here.\n';
    expect(bodyLinks(markdown, 20, []).patterns).toEqual([{ slug: 'b', line: 27, column: 6 }]);
  });

  it('keep the section a link to another pattern names, for the check to look for on that page', () => {
    expect(
      bodyLinks('[Why](other.md#problem) and [how](./other#solution).', 3, []).patterns,
    ).toEqual([
      { slug: 'other', fragment: 'problem', line: 3, column: 1 },
      { slug: 'other', fragment: 'solution', line: 3, column: 29 },
    ]);
  });

  it('lead to the linked pattern page when they name a pattern; other links stay as written', () => {
    expect(hrefs(renderedFixture('linking-pattern'))).toEqual([
      '/patterns/older-pattern/#overview',
      '/patterns/older-pattern/',
      '#problem',
      '#summary',
      'https://en.wikipedia.org/wiki/Commons',
      '/patterns/older-patern/',
      '#budget',
      '/about/',
      'https.example.org/page',
      '../elsewhere/',
      '/patterns/older-pattern/#history',
    ]);
    expect(hrefs(renderedFixture('older-pattern'))).toEqual([
      '/patterns/linking-pattern/#solution',
      '#overview',
      '#history',
    ]);
  });

  it('are resolved only after the sanitizer has removed what it removes', () => {
    const toPage = (href: string): string => `/site/${href}/`;
    expect(renderMarkdown('[x](javascript:alert(1)) [y](other)', toPage)).toBe(
      '<p><a>x</a> <a href="/site/other/">y</a></p>',
    );
  });
});
