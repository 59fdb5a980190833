import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { patternLoader } from './astro/pattern-loader.ts';
import type { PatternEntry } from './model/types.ts';

/**
 * Entries are validated by the loader with the pattern schema; this only types them. Bodies and
 * their HTML stay out of the store (see the loader).
 */
export const collections = {
  patterns: defineCollection({
    loader: patternLoader(),
    schema: z.custom<PatternEntry>(),
  }),
};
