/**
 * The older pattern frontmatter (`classification:` and no `ontology:`), as the real library
 * writes it: identity as strict as v7.1 (id, slug, title), the rest lenient where the real files
 * vary (one label or a list, dates with or without a time, versions as numbers or text).
 */
import { z } from 'zod';
import { slug, text } from '../fields.ts';
import { classificationSchema } from './classification.ts';
import { olderProvenanceShape } from './provenance.ts';
import { olderRelationshipsShape } from './relationships.ts';

export const olderFrontmatterSchema = z
  .strictObject({
    id: text.meta({
      description: 'Permanent identifier of the pattern (a "pat_" ULID in the real library).',
    }),
    slug: slug.meta({
      description: 'URL name of the pattern: lowercase kebab-case, equal to the file name.',
    }),
    title: text.max(200).meta({ description: 'Display title of the pattern.' }),
    aliases: z.array(text).default([]).meta({ description: 'Other names readers may search for.' }),
    classification: classificationSchema,
    ...olderRelationshipsShape,
    ...olderProvenanceShape,
  })
  .meta({
    title: 'Pattern frontmatter (older format)',
    description:
      'YAML frontmatter of a pattern file in the older format (classification:, no ontology:); shown as written, `npm run migrate` converts it to v7.1.',
  });

/** Older frontmatter after validation and defaults. */
export type OlderFrontmatter = z.output<typeof olderFrontmatterSchema>;
