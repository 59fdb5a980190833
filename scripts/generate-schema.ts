/** `npm run schema` — writes schema/pattern.schema.json from the Zod schema. */
import { writeFileSync } from 'node:fs';
import { patternJsonSchema } from '../schema/json-schema.ts';

const target = new URL('../schema/pattern.schema.json', import.meta.url);
writeFileSync(target, patternJsonSchema());
process.stdout.write(`wrote ${target.pathname}\n`);
