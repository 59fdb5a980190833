/** Older format — the five top-level relationship lists of bare slugs. */
import { z } from 'zod';
import type { RelationshipType } from '../relationships.ts';
import { slug } from '../fields.ts';
import { PATTERN_ID } from '../identity.ts';

/** The older lists, in the order the files write them. */
export const OLDER_RELATIONSHIP_LISTS = [
  'generalizes_from',
  'specializes_to',
  'enables',
  'requires',
  'related',
] as const;
export type OlderRelationshipList = (typeof OLDER_RELATIONSHIP_LISTS)[number];

/**
 * The v7.1 list each older list becomes. Four keep their name and meaning; `related` is an
 * unqualified link, and of the v7.1 kinds only `complementary` ("work well alongside") claims no
 * more than that, so `related` becomes `complementary`.
 */
export const V71_RELATIONSHIP_OF: Readonly<Record<OlderRelationshipList, RelationshipType>> = {
  generalizes_from: 'generalizes_from',
  specializes_to: 'specializes_to',
  enables: 'enables',
  requires: 'requires',
  related: 'complementary',
};

const descriptions: Record<OlderRelationshipList, string> = {
  generalizes_from: 'Broader patterns this one is a special case of.',
  specializes_to: 'Narrower patterns that refine this one.',
  enables: 'Patterns this one makes possible.',
  requires: 'Patterns this one depends on.',
  related: 'Related patterns (they become complementary in v7.1).',
};

/** A related pattern named by its slug or, as many older files do, by its id. */
export const olderTarget = z
  .union([slug, z.string().regex(PATTERN_ID)], {
    error: 'must be a pattern slug (lowercase kebab-case) or a pattern id ("pat_" + a ULID)',
  })
  .meta({ description: 'Slug or id of the related pattern (it may not be written yet).' });

export const olderRelationshipsShape = Object.fromEntries(
  OLDER_RELATIONSHIP_LISTS.map((list) => [
    list,
    z.array(olderTarget).default([]).meta({ description: descriptions[list] }),
  ]),
) as Record<OlderRelationshipList, z.ZodDefault<z.ZodArray<typeof olderTarget>>>;
