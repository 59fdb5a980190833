import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { patternLoader } from './astro/pattern-loader.ts';

/**
 * Entries hold a pattern's id and digest only: the loader validates each pattern with the
 * pattern schema and keeps it in memory beside the store (see the loader).
 */
export const collections = {
  patterns: defineCollection({
    loader: patternLoader(),
    schema: z.object({}),
  }),
};
