import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { olderPatternJsonSchema, patternJsonSchema } from '../schema/json-schema.ts';
import { versionText } from '../schema/fields.ts';

describe.each([
  ['pattern.schema.json', patternJsonSchema],
  ['older-pattern.schema.json', olderPatternJsonSchema],
])('the published JSON Schema %s', (name, generate) => {
  it('is up to date with the Zod schema (run `npm run schema` when this fails)', () => {
    const committed = readFileSync(new URL(`../schema/${name}`, import.meta.url), 'utf8');
    expect(committed).toBe(generate());
  });

  it('describes every field in one line', () => {
    const schema = JSON.parse(generate()) as unknown;
    const undescribed: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (typeof node !== 'object' || node === null) return;
      const properties = (node as { properties?: Record<string, unknown> }).properties ?? {};
      for (const [key, child] of Object.entries(properties)) {
        const description = (child as { description?: string }).description;
        if (!description || description.includes('\n')) undescribed.push(`${path}${key}`);
        walk(child, `${path}${key}.`);
        walk((child as { items?: unknown }).items, `${path}${key}[].`);
      }
    };
    walk(schema, '');
    expect(undescribed).toEqual([]);
  });
});

describe('a version written as a YAML number', () => {
  it('is kept as the text it prints as, which validates again', () => {
    const once = versionText.parse(1.2);
    expect(once).toBe('1.2');
    expect(versionText.parse(once)).toBe('1.2');
  });

  it('is refused when it prints as something other than a version (found by the fuzz test)', () => {
    const result = versionText.safeParse(5e-324);
    expect(result.error?.issues.map(({ message }) => message)).toMatchInlineSnapshot(`
      [
        "must be a version such as 1.2 (this number prints otherwise)",
      ]
    `);
  });
});
