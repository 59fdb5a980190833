/**
 * `/schema/pattern.schema.json`: the JSON Schema of pattern frontmatter (the same text as
 * schema/pattern.schema.json), for editors and other tools that validate frontmatter.
 */
import type { APIRoute } from 'astro';
import { patternJsonSchema } from '../../../schema/json-schema.ts';

export const GET: APIRoute = () =>
  new Response(patternJsonSchema(), {
    headers: { 'Content-Type': 'application/schema+json; charset=utf-8' },
  });
