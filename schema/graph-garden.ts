/** Group 6 — graph garden: machine-written entities, communities and suggested links. */
import { z } from 'zod';
import { isoDate, slug, text, unitInterval } from './fields.ts';

export const entitySchema = z
  .strictObject({
    id: text.meta({ description: 'Identifier of the entity (usually kebab-case).' }),
    type: z
      .string()
      .regex(/^[a-z][a-z0-9_-]*$/, { message: 'must be a lowercase identifier such as concept' })
      .optional()
      .meta({ description: 'Kind of entity: concept, practice, person, framework, …' }),
    label: text.meta({ description: 'Display name of the entity.' }),
    relevance: unitInterval
      .optional()
      .meta({ description: 'How central the entity is to the pattern, 0–1.' }),
  })
  .meta({ description: 'An entity the pattern is about.' });

export const communitySchema = z
  .strictObject({
    id: text.meta({ description: 'Identifier of the community (usually kebab-case).' }),
    label: text.meta({ description: 'Display name of the community.' }),
    source: z
      .string()
      .regex(/^[a-z][a-z0-9_-]*$/, { message: 'must be a lowercase identifier such as inferred' })
      .optional()
      .meta({ description: 'Where the membership comes from: taxonomy or inferred.' }),
    confidence: unitInterval.optional().meta({ description: 'Confidence of the membership, 0–1.' }),
  })
  .meta({ description: 'A community (cluster) of the library the pattern belongs to.' });

export const inferredLinkSchema = z
  .strictObject({
    target: slug.meta({ description: 'Slug of the suggested related pattern.' }),
    type: z
      .string()
      .regex(/^[a-z][a-z0-9_-]*$/, { message: 'must be a lowercase identifier such as enables' })
      .meta({ description: 'Suggested relationship type, usually one of the seven lists.' }),
    confidence: unitInterval.meta({ description: 'Confidence of the suggestion, 0–1.' }),
    reason: text.meta({ description: 'Why the link is suggested.' }),
  })
  .meta({ description: 'A machine-suggested link, shown apart from curated relationships.' });

export const graphGardenSchema = z
  .strictObject({
    last_pruned: isoDate.meta({ description: 'When the machine-written graph was last pruned.' }),
    entities: z
      .array(entitySchema)
      .default([])
      .meta({ description: 'Entities the pattern is about.' }),
    communities: z
      .array(communitySchema)
      .default([])
      .meta({ description: 'Communities the pattern belongs to.' }),
    inferred_links: z
      .array(inferredLinkSchema)
      .default([])
      .meta({ description: 'Machine-suggested links to other patterns.' }),
  })
  .meta({
    description: 'Machine-written graph data, kept apart from human-curated relationships.',
  });
