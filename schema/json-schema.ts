/** The published JSON Schema of pattern frontmatter, generated from the Zod schema. */
import { z } from 'zod';
import { patternFrontmatterSchema } from './pattern.ts';

/** JSON Schema (draft 2020-12) for frontmatter as authors write it, as formatted JSON text. */
export function patternJsonSchema(): string {
  const schema = z.toJSONSchema(patternFrontmatterSchema, { io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify(schema, null, 2)}\n`;
}
