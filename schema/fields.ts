/**
 * Building blocks shared by the frontmatter groups. Each carries the
 * one-line description that also lands in the generated JSON Schema.
 */
import { z } from 'zod';

/** Lowercase ASCII kebab-case: letters and digits in groups joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A kebab-case identifier such as a pattern slug, a domain or a lens key. */
export const slug = z.string().max(120).regex(SLUG_PATTERN, {
  message: 'must be lowercase kebab-case ASCII (a-z, 0-9, single hyphens)',
});

/** A string that is not blank. */
export const text = z.string().trim().min(1, { message: 'must not be empty' });

const VERSION = /^\d+(\.\d+){0,2}$/;

/**
 * A version of a text, "1.2" — also read from a YAML number (`1.2`) as long as the number prints
 * as one (not `1e-7`), so the normalised value validates again.
 */
export const versionText = z
  .union([
    z.string().regex(VERSION, { message: 'must be a version such as "1.2"' }),
    z
      .number()
      .nonnegative()
      .refine((value) => VERSION.test(String(value)), {
        message: 'must be a version such as 1.2 (this number prints otherwise)',
      }),
  ])
  .transform(String);

/** A commons-assessment score from 0 to 5. */
export const score = z.number().min(0).max(5);

/** A weight, relevance or confidence from 0 to 1. */
export const unitInterval = z.number().min(0).max(1);

/** An ISO 8601 calendar date (YYYY-MM-DD). */
export const isoDate = z.iso.date({ message: 'must be a date written YYYY-MM-DD' });
