/**
 * The v7.1 pattern frontmatter: the seven groups composed into one strict
 * object. This is the single source of truth for validation, for the types
 * the site uses and for the published JSON Schema.
 */
import { z } from 'zod';
import { contextLabelsSchema } from './context-labels.ts';
import { graphGardenSchema } from './graph-garden.ts';
import { identityShape } from './identity.ts';
import { lifecycleSchema } from './lifecycle.ts';
import { ontologySchema } from './ontology.ts';
import { provenanceShape } from './provenance.ts';
import { relationshipsSchema } from './relationships.ts';

export const patternFrontmatterSchema = z
  .strictObject({
    ...identityShape,
    context_labels: contextLabelsSchema,
    ontology: ontologySchema,
    lifecycle: lifecycleSchema,
    relationships: relationshipsSchema,
    graph_garden: graphGardenSchema,
    ...provenanceShape,
  })
  .meta({
    title: 'Pattern frontmatter (v7.1)',
    description: 'YAML frontmatter of one pattern file in the v7.1 pattern format.',
  });

/** Frontmatter after validation and defaults: what the site works with. */
export type PatternFrontmatter = z.output<typeof patternFrontmatterSchema>;
