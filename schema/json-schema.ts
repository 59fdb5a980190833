/**
 * The published JSON Schemas, generated from the Zod schemas: one file per format
 * (schema/pattern.schema.json for v7.1, schema/older-pattern.schema.json for the older
 * format), so editors pointed at the v7.1 one keep offering only what new patterns use.
 */
import { z } from 'zod';
import { olderFrontmatterSchema } from './older/pattern.ts';
import { patternFrontmatterSchema } from './pattern.ts';

const toJson = (schema: z.ZodType): string =>
  `${JSON.stringify(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), null, 2)}\n`;

/** JSON Schema (draft 2020-12) for v7.1 frontmatter as authors write it, as formatted JSON text. */
export const patternJsonSchema = (): string => toJson(patternFrontmatterSchema);

/** JSON Schema (draft 2020-12) for older-format frontmatter, as formatted JSON text. */
export const olderPatternJsonSchema = (): string => toJson(olderFrontmatterSchema);
