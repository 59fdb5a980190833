/** Group 1 — core identity: who the pattern is and how it is addressed. */
import { z } from 'zod';
import { slug, text } from './fields.ts';

/** `pat_` followed by 26 lowercase Crockford base-32 characters (a lowercase ULID). */
export const PATTERN_ID = /^pat_[0-9a-hjkmnp-tv-z]{26}$/;

export const identityShape = {
  id: z
    .string()
    .regex(PATTERN_ID, {
      message: 'must be "pat_" followed by 26 lowercase base-32 characters (a lowercase ULID)',
    })
    .meta({ description: 'Permanent identifier: "pat_" + a lowercase ULID; never changes.' }),
  slug: slug.meta({
    description: 'URL name of the pattern: lowercase kebab-case, equal to the file name.',
  }),
  title: text.max(200).meta({ description: 'Display title of the pattern.' }),
  aliases: z.array(text).default([]).meta({ description: 'Other names readers may search for.' }),
  summary: text.meta({ description: 'One- to three-sentence summary shown in lists and search.' }),
};
