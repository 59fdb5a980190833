/** Group 2 — contextual translation: the pattern's name under each lens. */
import { z } from 'zod';
import { SLUG_PATTERN, text } from './fields.ts';

/** Longest lens key: it becomes a URL segment and a label (the real library's longest has 10). */
export const MAX_LENS_KEY_LENGTH = 40;

/** What is wrong with a lens key, or undefined when it is fine. */
function lensKeyProblem(key: string): string | undefined {
  if (key.length > MAX_LENS_KEY_LENGTH) {
    return `lens name is ${String(key.length)} characters long; at most ${String(MAX_LENS_KEY_LENGTH)}`;
  }
  if (!SLUG_PATTERN.test(key)) {
    return 'lens name must be lowercase kebab-case ASCII (a-z, 0-9, single hyphens)';
  }
  return undefined;
}

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
      const problem = lensKeyProblem(key);
      if (problem !== undefined) {
        ctx.addIssue({ code: 'custom', path: [key], input: key, message: problem });
      }
    }
  })
  .meta({
    description:
      'One label per lens: the four core lenses are required; extra lenses (e.g. community, academic) are allowed, named in kebab-case with at most 40 characters.',
  });
