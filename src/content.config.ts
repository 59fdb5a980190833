import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { patternLoader } from './integrations/pattern-loader.ts';
import type { StoredPattern } from './lib/site/types.ts';

/** Entries are validated by the loader with the pattern schema; this only types them. */
export const collections = {
  patterns: defineCollection({
    loader: patternLoader(),
    schema: z.custom<StoredPattern>(),
  }),
};
