/**
 * The contribution paths in the built fixture site: edit and report links on every pattern page,
 * a prefilled "Write this pattern" link per wanted pattern, the /contribute/ page and the
 * published JSON Schema.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { SITE } from '../../src/config/site.ts';
import { fillDraft, freshDraftInput } from '../../src/lib/draft-template.ts';
import { isPlaceholderMessage } from '../../src/lib/placeholders.ts';
import { checkLibrary } from '../../src/lib/library.ts';
import { readPatternFile } from '../../src/lib/pattern-file.ts';

const { dir } = inject('site');
const page = (path: string): string => readFileSync(join(dir, path, 'index.html'), 'utf8');
const repo = SITE.repository.url;

/** An attribute value's text (the entities Astro writes decoded). */
const decode = (value: string): string =>
  value
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');

/** Targets of the links whose text starts with `text` (attribute entities decoded). */
const hrefs = (html: string, text: string): string[] =>
  [...html.matchAll(/<a href="([^"]*)"[^>]*>([^<]*)/g)]
    .filter(([, , label]) => label?.trim().startsWith(text))
    .map(([, href]) => (href ?? '').replaceAll('&amp;', '&'));

describe('the contribution paths of the built site', () => {
  it('link every pattern page, lens pages included, to its file’s editor and a problem report', () => {
    for (const path of ['patterns/alpha-commons', 'patterns/alpha-commons/community']) {
      const html = page(path);
      expect(hrefs(html, 'Edit this pattern'), path).toEqual([
        `${repo}/edit/main/patterns/alpha-commons.md`,
      ]);
      const [report] = hrefs(html, 'Report a problem');
      expect(new URL(report ?? '').searchParams.get('pattern'), path).toBe(
        'patterns/alpha-commons.md',
      );
    }
  });

  it('give every wanted pattern a new-file link whose filled-in draft passes the check', () => {
    const html = page('wanted');
    const links = hrefs(html, 'Write this pattern');
    expect(links.length).toBe(html.match(/<li id="/g)?.length);
    const [first] = links;
    const url = new URL(first ?? '');
    expect(`${url.origin}${url.pathname}`).toBe(`${repo}/new/main`);
    const filename = url.searchParams.get('filename') ?? '';
    const slug = filename.replace(/^patterns\/|\.md$/g, '');
    const title = decode(/data-write-title="([^"]*)"/.exec(html)?.[1] ?? '');
    const template = decode(/data-draft="([^"]*)"/.exec(html)?.[1] ?? '');
    // What the page's script puts in the link's `value` when it is followed.
    url.searchParams.set('value', fillDraft(template, freshDraftInput(title, slug)));
    const { diagnostics, entry } = readPatternFile(
      filename,
      new TextEncoder().encode(url.searchParams.get('value') ?? ''),
    );
    // Only the placeholders left to write are errors; filled in, the draft is a valid pattern.
    expect(diagnostics.filter((d) => !isPlaceholderMessage(d.message))).toEqual([]);
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(entry?.slug?.value).toBe(slug);
    expect(checkLibrary(entry ? [entry] : [], [filename])).toEqual([]);
  });

  it('publish the format reference at /contribute/ and the JSON Schema beside it', () => {
    const html = page('contribute');
    expect(html).toContain('<code>ontology.commons_assessment.overall_score</code>');
    expect(html).toContain('href="/schema/pattern.schema.json"');
    expect(readFileSync(join(dir, 'schema/pattern.schema.json'), 'utf8')).toBe(
      readFileSync('schema/pattern.schema.json', 'utf8'),
    );
    expect(page('')).toContain('href="/contribute/"');
  });
});
