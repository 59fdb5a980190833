/** Older format — `classification:`: where the pattern sits, as the older files write it. */
import { z } from 'zod';
import { STATUSES } from '../lifecycle.ts';
import { score, slug, text } from '../fields.ts';

/** A list of labels; the real files also write one label alone, or nothing (`null`). */
const labels = z
  .preprocess(
    (value) => (value === null ? [] : typeof value === 'string' ? [value] : value),
    z.array(text),
  )
  .default([]);

export const classificationSchema = z
  .strictObject({
    universality: z.union([text, z.number()]).transform(String).optional().meta({
      description: 'How widely the pattern applies: universal, domain, context-dependent, …',
    }),
    domain: slug.meta({
      description: 'Primary domain of the pattern (kebab-case); as ontology.domain in v7.1.',
    }),
    category: labels.meta({ description: 'Kinds of pattern: practice, framework, methodology, …' }),
    era: labels.meta({
      description: 'Eras the pattern belongs to: agricultural, industrial, digital, cognitive.',
    }),
    origin: labels.meta({
      description: 'Where the pattern comes from: traditions, fields, people.',
    }),
    status: z
      .enum(STATUSES)
      .meta({ description: 'Editorial status; as lifecycle.status in v7.1.' }),
    commons_alignment: score.optional().meta({
      description:
        'How well the pattern serves the commons, 0–5 (one score; v7.1 has eight pillars).',
    }),
    commons_domain: z.array(slug).default([]).meta({
      description: 'Commons domains the pattern serves; as ontology.commons_domain in v7.1.',
    }),
  })
  .meta({
    description:
      'Classification of the pattern (older format; v7.1 splits it into ontology and lifecycle).',
  });
