import { readFileSync } from 'node:fs';
import { SITE } from '../src/config/site.ts';
import { describe, expect, it } from 'vitest';
import { patternJsonSchema } from '../schema/json-schema.ts';
import { SECTION_TITLES } from '../src/lib/body.ts';
import {
  formatReference,
  REFERENCE_END,
  REFERENCE_START,
  COVENANT_START,
  withCovenant,
  withReference,
} from '../src/lib/format-reference.ts';
import { renderMarkdown } from '../src/lib/markdown.ts';

interface Node {
  readonly description?: string;
  readonly properties?: Record<string, Node>;
  readonly items?: Node;
}

/** Every field path of the JSON Schema (`a.b`, list items `a[].b`) with its description. */
function fields(node: Node, prefix = ''): [string, string][] {
  return Object.entries(node.properties ?? {}).flatMap(([key, child]) => [
    [`${prefix}${key}`, child.description ?? ''] as [string, string],
    ...fields(child, `${prefix}${key}.`),
    ...fields(child.items ?? {}, `${prefix}${key}[].`),
  ]);
}

describe('the format reference', () => {
  const reference = formatReference();

  it('is up to date in CONTRIBUTING.md (run `npm run schema` when this fails)', () => {
    const guide = readFileSync(new URL('../CONTRIBUTING.md', import.meta.url), 'utf8');
    expect(guide).toContain(REFERENCE_START);
    expect(withReference(guide, reference)).toBe(guide);
  });

  it('is followed by the configured covenant and licence in CONTRIBUTING.md (npm run schema)', () => {
    const guide = readFileSync(new URL('../CONTRIBUTING.md', import.meta.url), 'utf8');
    expect(guide).toContain(COVENANT_START);
    expect(withCovenant(guide, SITE.contributing)).toBe(guide);
    expect(withCovenant(guide, { covenant: 'Be kind.', licence: 'CC0.' })).toContain(
      `${COVENANT_START}\n<!-- prettier-ignore-start -->\nBe kind.\n\nCC0.\n`,
    );
  });

  it('describes every field with the schema’s own words, except repeated list shapes', () => {
    const rows = new Map(
      [...reference.matchAll(/^\| `([^`]+)` \|.*\| ([^|]*) \|$/gm)].map(([, field, text]) => [
        field,
        text,
      ]),
    );
    const schema = JSON.parse(patternJsonSchema()) as Node;
    const expected = fields(schema).filter(
      ([field]) => !/^relationships\.(?!generalizes_from\b)\w+\[\]/.test(field),
    );
    expect([...rows.keys()]).toEqual(expected.map(([field]) => field));
    for (const [field, description] of expected) expect(rows.get(field), field).toBe(description);
    expect(reference).toContain('list of mappings, as in `relationships.generalizes_from`');
  });

  it('lists the eight sections in order and renders as a table through the site’s Markdown', () => {
    const headings = [...reference.matchAll(/`### Section \d: ([^`]+)`/g)].map(
      ([, title]) => title,
    );
    expect(headings).toEqual(Object.values(SECTION_TITLES));
    const html = renderMarkdown(reference);
    expect(html).toContain('<th>Field</th>');
    expect(html).toContain('<code>ontology.commons_assessment.overall_score</code>');
  });

  it('replaces only the text between its marker lines, and says when they are missing', () => {
    const document = `# Guide\n\n${REFERENCE_START}\nold\n${REFERENCE_END}\n\nAfter.\n`;
    const updated = withReference(document, 'new');
    expect(updated).toBe(
      `# Guide\n\n${REFERENCE_START}\n<!-- prettier-ignore-start -->\nnew\n<!-- prettier-ignore-end -->\n${REFERENCE_END}\n\nAfter.\n`,
    );
    expect(withReference(updated, 'new')).toBe(updated);
    expect(() => withReference('# Guide\n', 'new')).toThrow(/missing/);
  });
});
