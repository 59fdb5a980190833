import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parseMarkdown, renderMarkdown } from '../src/lib/markdown.ts';

/** Asserts that rendered HTML carries nothing executable and no URL at all. */
function expectInert(html: string): void {
  expect(html).not.toMatch(/\s(?:href|src)=/i);
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/onerror/i);
  expect(html).not.toMatch(/<iframe/i);
  expect(html).not.toMatch(/javascript:/i);
  expect(html).not.toMatch(/vbscript:/i);
  expect(html).not.toMatch(/data:/i);
}

describe('rendering untrusted Markdown', () => {
  it.each([
    ['a raw <script> block', '<script>alert(1)</script>'],
    ['an inline <script>', 'Hello <script>alert(1)</script> world'],
    ['an <img> with onerror', '<img src=x onerror=alert(1)>'],
    ['an <iframe>', '<iframe src="https://evil.example"></iframe>'],
    ['a raw <a href="javascript:…">', '<a href="javascript:alert(1)">click</a>'],
    ['a javascript: link', '[click](javascript:alert(1))'],
    ['a javascript: link in mixed case', '[click](JaVaScRiPt:alert(1))'],
    ['a javascript: link with a tab entity', '[click](java&#x09;script:alert(1))'],
    ['a javascript: link with a decimal entity', '[click](&#106;avascript:alert(1))'],
    ['a javascript: link with a named colon entity', '[click](javascript&colon;alert(1))'],
    ['a javascript: link in angle brackets with a space', '[click](< javascript:alert(1)>)'],
    ['a javascript: reference definition', '[click][x]\n\n[x]: javascript:alert(1)'],
    ['a vbscript: link', '[click](VBScript:msgbox(1))'],
    ['a data: image', '![pic](data:text/html,<script>alert(1)</script>)'],
    ['a data: link', '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['a javascript: image', '![pic](JAVASCRIPT:alert(1))'],
  ])('neutralises %s', (_, markdown) => {
    expectInert(renderMarkdown(markdown));
  });

  it('keeps the link text but drops the href of a javascript: link', () => {
    expect(renderMarkdown('[click](javascript:alert(1))')).toBe('<p><a>click</a></p>');
  });

  it.each([
    ['block quotes', `${'>'.repeat(5000)} x`],
    ['list items on one line', `${'- '.repeat(5000)}x`],
    [
      'indented list items',
      Array.from({ length: 200 }, (_, i) => `${' '.repeat(i * 4)}- item`).join('\n'),
    ],
    ['emphasis', `${'*'.repeat(5000)}x${'*'.repeat(5000)}`],
    ['link brackets', `${'['.repeat(5000)}x${'](y)'.repeat(5000)}`],
  ])('shows %s nested thousands deep as plain text', (_, markdown) => {
    const html = renderMarkdown(markdown);
    expect(html).toMatch(/^<pre>[^<]*<\/pre>$/);
  });

  it('renders an image whose URL was removed as its alt text', () => {
    expect(renderMarkdown('![a picture](javascript:alert(1))')).toBe('<p>a picture</p>');
  });

  it('links an e-mail address and a web address written with character references', () => {
    expect(renderMarkdown('a&#64;b.co and www&#46;x.org')).toBe(
      '<p><a href="mailto:a@b.co">a@b.co</a> and <a href="http://www.x.org">www.x.org</a></p>',
    );
  });

  it('keeps the text of an autolink with a javascript: scheme but gives it no href', () => {
    expect(renderMarkdown('<javascript:alert(1)>')).toBe('<p><a>javascript:alert(1)</a></p>');
  });

  it('keeps http(s), mailto and relative URLs', () => {
    expect(
      renderMarkdown(
        '[a](https://example.com "t") [b](mailto:x@example.com) [c](#here) [d](../other/) ![e](https://example.com/e.png)',
      ),
    ).toMatchInlineSnapshot(
      `"<p><a href="https://example.com" title="t">a</a> <a href="mailto:x@example.com">b</a> <a href="#here">c</a> <a href="../other/">d</a> <img src="https://example.com/e.png" alt="e"></p>"`,
    );
  });

  it('renders GFM tables, task lists and strikethrough', () => {
    expect(renderMarkdown('| a | b |\n| - | - |\n| 1 | 2 |\n\n- [x] done\n- [ ] todo\n\n~~old~~'))
      .toMatchInlineSnapshot(`
        "<table>
        <thead>
        <tr>
        <th>a</th>
        <th>b</th>
        </tr>
        </thead>
        <tbody>
        <tr>
        <td>1</td>
        <td>2</td>
        </tr>
        </tbody>
        </table>
        <ul class="contains-task-list">
        <li class="task-list-item"><input type="checkbox" checked disabled> done</li>
        <li class="task-list-item"><input type="checkbox" disabled> todo</li>
        </ul>
        <p><del>old</del></p>"
      `);
  });

  it('gives a table column its alignment as a class, not the obsolete align attribute', () => {
    const html = renderMarkdown('| a | b | c |\n| :- | :-: | -: |\n| 1 | 2 | 3 |');
    expect(html).not.toContain('align=');
    expect([...html.matchAll(/<t[hd]( class="[^"]*")?>/g)].map(([, cls]) => cls ?? '')).toEqual([
      '',
      ' class="align-center"',
      ' class="align-right"',
      '',
      ' class="align-center"',
      ' class="align-right"',
    ]);
  });

  it('renders footnotes whose links point at ids prefixed once with user-content-', () => {
    const html = renderMarkdown('Claim.[^1]\n\n[^1]: Source.');

    expect(html).toContain('<a href="#user-content-fn-1" id="user-content-fnref-1"');
    expect(html).toContain('<li id="user-content-fn-1">');
    expect(html).toContain('<a href="#user-content-fnref-1"');
    expect(html).not.toContain('user-content-user-content-');
  });

  it('renders the same input the same way on every call', () => {
    const markdown = '**bold** and _em_';

    expect(renderMarkdown(markdown)).toBe('<p><strong>bold</strong> and <em>em</em></p>');
    expect(renderMarkdown(markdown)).toBe(renderMarkdown(markdown));
  });
});

describe('parsing Markdown without the GFM constructs it cannot hold', () => {
  const fullGfm = unified().use(remarkParse).use(remarkGfm).freeze();
  const sameTree = (markdown: string): void => {
    // As JSON: much faster than a deep comparison of whole files' trees.
    expect(JSON.stringify(parseMarkdown(markdown))).toBe(JSON.stringify(fullGfm.parse(markdown)));
  };

  it('gives the tree full remark-gfm gives, for files of the real-library fixtures', () => {
    const dir = new URL('fixtures/real-library/', import.meta.url);
    // Every third file: a second or so of parsing.
    const files = readdirSync(dir).filter((name, index) => name.endsWith('.md') && index % 3 === 0);
    expect(files.length).toBeGreaterThan(15);
    for (const name of files) sameTree(readFileSync(new URL(name, dir), 'utf8'));
  });

  it('gives the tree full remark-gfm gives, for Markdown made of the constructs’ characters', () => {
    const piece = fc.constantFrom(
      ...['@', 'a@b.co', 'www.', 'www.x.org', 'http://', 'https://x.org/a_b_', 'HTTP://X.ORG'],
      ...['|', '| a | b |\n|---|---|\n| 1 | 2 |\n', '~', '~~x~~', '[^1]', '[^1]: note\n', '[x]'],
      ...['- [ ] task\n', '- [x] done\n', '*', '_', '`', '\\', '&#64;', ' ', '\n', '\n\n', 'word'],
      ...['a&#64;b.co', 'www&#46;x.org', 'mailto:a@b.co', 'xmpp:a@b.co/c', '&amp;', '(', ')'],
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
        sameTree(pieces.join(''));
      }),
      { numRuns: 500 },
    );
  });
});
