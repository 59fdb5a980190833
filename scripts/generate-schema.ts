/**
 * `npm run schema` — writes what is generated from the Zod schemas: schema/pattern.schema.json
 * (v7.1), schema/older-pattern.schema.json (the older format), and in CONTRIBUTING.md (between
 * marker lines) the format reference and the covenant and licence of the site configuration. Tests fail when any is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { olderPatternJsonSchema, patternJsonSchema } from '../schema/json-schema.ts';
import { SITE } from '../src/config/site.ts';
import { formatReference, withCovenant, withReference } from '../src/lib/format-reference.ts';

const schema = new URL('../schema/pattern.schema.json', import.meta.url);
writeFileSync(schema, patternJsonSchema());
process.stdout.write(`wrote ${schema.pathname}\n`);

const older = new URL('../schema/older-pattern.schema.json', import.meta.url);
writeFileSync(older, olderPatternJsonSchema());
process.stdout.write(`wrote ${older.pathname}\n`);

const guide = new URL('../CONTRIBUTING.md', import.meta.url);
writeFileSync(
  guide,
  withCovenant(withReference(readFileSync(guide, 'utf8'), formatReference()), SITE.contributing),
);
process.stdout.write(`wrote the format reference, covenant and licence in ${guide.pathname}\n`);
