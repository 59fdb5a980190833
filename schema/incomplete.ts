/**
 * An incomplete v7.1 file: valid but for groups a person writes by hand (context labels, the
 * ontology with its commons assessment, the lifecycle), which are missing or only partly there.
 * The real library holds such files (18 of 2,072 v7.1 files at commit 2f0d057: no context labels
 * or ontology, an assessment scored on other dimensions, a missing label). Rather than lose their
 * pages, the site shows them as written (like the older format) and the check warns; a new
 * pattern (`npm run check -- --new FILE`) must be complete. See src/lib/validate.ts.
 *
 * Every field of a hand-written group is optional here and a field that is invalid counts as
 * absent (its problem was already reported by the strict schema); every other group is as strict
 * as in the v7.1 schema.
 */
import { z } from 'zod';
import { contextLabelsSchema } from './context-labels.ts';
import { lifecycleSchema } from './lifecycle.ts';
import { ontologySchema } from './ontology.ts';
import { patternFrontmatterSchema } from './pattern.ts';

/** The groups a person must write, which an incomplete file may lack: top-level keys. */
export const HAND_WRITTEN_GROUPS = ['context_labels', 'ontology', 'lifecycle'] as const;
export type HandWrittenGroup = (typeof HAND_WRITTEN_GROUPS)[number];

/** The hand-written group a field path (dotted, as in diagnostics) lies in, if any. */
export const handWrittenGroupOf = (path: string): HandWrittenGroup | undefined =>
  HAND_WRITTEN_GROUPS.find((group) => path === group || path.startsWith(`${group}.`));

/** Whether a field path (dotted, as in diagnostics) lies in a hand-written group. */
export const inHandWrittenGroup = (path: string): boolean => handWrittenGroupOf(path) !== undefined;

/** Each field of an object schema optional, an invalid value read as absent. */
function lenient<Shape extends Record<string, z.ZodType>>(
  shape: Shape,
): { [K in keyof Shape]: z.ZodCatch<z.ZodOptional<Shape[K]>> } {
  return Object.fromEntries(
    Object.entries(shape).map(([key, field]) => [key, field.optional().catch(undefined)]),
  ) as { [K in keyof Shape]: z.ZodCatch<z.ZodOptional<Shape[K]>> };
}

export const incompleteFrontmatterSchema = patternFrontmatterSchema
  .extend({
    context_labels: contextLabelsSchema.optional().catch(undefined),
    ontology: z
      .object(lenient(ontologySchema.shape))
      .optional()
      .catch(undefined)
      .meta({ description: 'The ontology fields that are there and valid.' }),
    lifecycle: z
      .object(lenient(lifecycleSchema.shape))
      .optional()
      .catch(undefined)
      .meta({ description: 'The lifecycle fields that are there and valid.' }),
  })
  .meta({
    title: 'Incomplete pattern frontmatter (v7.1)',
    description:
      'A v7.1 file whose hand-written groups (context_labels, ontology, lifecycle) are missing or partly invalid: what of them is valid, and every other group as in v7.1.',
  });

/** An incomplete file's front matter after validation. */
export type IncompleteFrontmatter = z.output<typeof incompleteFrontmatterSchema>;
