/** Group 5 — hard relationships: the human-curated graph between patterns. */
import { z } from 'zod';
import { slug, text, unitInterval } from './fields.ts';

/** The seven typed relationship lists, in display order. */
export const RELATIONSHIP_TYPES = [
  'generalizes_from',
  'specializes_to',
  'enables',
  'requires',
  'alternatives',
  'complementary',
  'tools',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

const relationshipDescriptions: Record<RelationshipType, string> = {
  generalizes_from: 'Broader patterns this one is a special case of.',
  specializes_to: 'Narrower patterns that refine this one.',
  enables: 'Patterns this one makes possible.',
  requires: 'Patterns this one depends on.',
  alternatives: 'Patterns that solve the same problem differently.',
  complementary: 'Patterns that work well alongside this one.',
  tools: 'Tool-like patterns used to carry this one out.',
};

export const relationshipSchema = z
  .strictObject({
    slug: slug.meta({ description: 'Slug of the related pattern (it may not be written yet).' }),
    weight: unitInterval
      .optional()
      .meta({ description: 'Strength of the relationship, 0–1 (omitted: not yet weighed).' }),
    description: text.optional().meta({ description: 'Why the two patterns are related.' }),
  })
  .meta({ description: 'A weighted link to another pattern.' });

const relationshipLists = Object.fromEntries(
  RELATIONSHIP_TYPES.map((type) => [
    type,
    z.array(relationshipSchema).default([]).meta({ description: relationshipDescriptions[type] }),
  ]),
) as Record<RelationshipType, z.ZodDefault<z.ZodArray<typeof relationshipSchema>>>;

export const relationshipsSchema = z
  .strictObject(relationshipLists)
  .meta({ description: 'Human-curated relationships, seven typed lists of {slug, weight}.' });
