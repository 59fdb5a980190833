/** Group 2 — contextual translation: the pattern's name under each lens. */
import { z } from 'zod';
import { SLUG_PATTERN, text } from './fields.ts';

/** The four lenses every pattern must speak to, in display order. */
export const CORE_LENSES = ['corporate', 'government', 'activist', 'tech'] as const;
export type CoreLens = (typeof CORE_LENSES)[number];

export const contextLabelsSchema = z
  .object({
    corporate: text.meta({ description: 'Title of the pattern for organisations and companies.' }),
    government: text.meta({ description: 'Title of the pattern for public service.' }),
    activist: text.meta({ description: 'Title of the pattern for movements and activists.' }),
    tech: text.meta({ description: 'Title of the pattern for products and platforms.' }),
  })
  .catchall(text)
  .superRefine((labels, ctx) => {
    for (const key of Object.keys(labels)) {
      if (!SLUG_PATTERN.test(key)) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `lens name "${key}" must be lowercase kebab-case`,
        });
      }
    }
  })
  .meta({
    description:
      'One label per lens: the four core lenses are required; extra lenses (e.g. community, academic) are allowed.',
  });
