/** Group 7 — provenance: who wrote the pattern, from what, under which licence. */
import { z } from 'zod';
import spdxIds from 'spdx-license-ids/index.json' with { type: 'json' };
import { text } from './fields.ts';

const SPDX_IDS: ReadonlySet<string> = new Set(spdxIds);

export const provenanceShape = {
  contributors: z
    .array(text)
    .min(1, { message: 'must name at least one contributor' })
    .meta({ description: 'Handles or names of the people who wrote the pattern.' }),
  sources: z
    .array(text)
    .default([])
    .meta({ description: 'Works, URLs or traditions the pattern draws on.' }),
  license: z
    .string()
    .refine((id) => SPDX_IDS.has(id), { message: 'must be an SPDX licence identifier' })
    .meta({ description: 'SPDX identifier of the pattern text licence, e.g. CC-BY-SA-4.0.' }),
  attribution: text.meta({ description: 'Attribution line required by the licence.' }),
};
