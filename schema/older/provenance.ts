/** Older format — versions, dates, contributors, sources, licence and the addresses of its old site. */
import { z } from 'zod';
import { text, unitInterval, versionText } from '../fields.ts';

/** A date or date-time as the older files write it (`2026-01-28`, `2026-01-28 00:00:00+00:00`); kept as its day. */
export const OLDER_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ].*)?$/;

/** The three date fields of the older format. */
export const OLDER_DATE_FIELDS = ['created', 'modified', 'last_updated'] as const;

const day = z
  .string()
  .regex(OLDER_DATE, { message: 'must be a date written YYYY-MM-DD' })
  .transform((value) => value.slice(0, 10));

/** A contributor: a handle, or `{name, role}`. */
const contributor = z.union([
  text,
  z
    .strictObject({
      name: text.meta({ description: 'Name or handle of the contributor.' }),
      role: text.optional().meta({ description: 'What the contributor did: author, editor, …' }),
    })
    .meta({ description: 'A contributor with a role.' }),
]);

export const olderProvenanceShape = {
  confidence_score: unitInterval
    .optional()
    .meta({ description: 'Confidence in the pattern, 0–1 (v7.1: lifecycle.confidence, 1–3).' }),
  version: versionText.optional().meta({ description: 'Version of the pattern text, e.g. "1.0".' }),
  created: day.optional().meta({ description: 'When the pattern was first written.' }),
  modified: day.optional().meta({ description: 'When the pattern was last changed.' }),
  last_updated: day
    .optional()
    .meta({ description: 'When the pattern was last updated (some files).' }),
  contributors: z
    .array(contributor)
    .default([])
    .meta({ description: 'Handles, or {name, role}, of the people who wrote the pattern.' }),
  sources: z
    .array(z.union([text, z.number().transform(String)]))
    .default([])
    .meta({ description: 'Works, URLs or traditions the pattern draws on.' }),
  license: text.meta({ description: 'Licence of the pattern text, e.g. CC-BY-SA-4.0.' }),
  attribution: text.optional().meta({ description: 'Attribution line required by the licence.' }),
  page_url: z.url().optional().meta({ description: 'Address of the pattern on the old site.' }),
  github_url: z.url().optional().meta({ description: 'Address of the file on GitHub.' }),
  repository: z.url().optional().meta({ description: 'Address of the library repository.' }),
  commons_alignment: z.number().min(0).max(5).optional().meta({
    description:
      'A copy of classification.commons_alignment written at the top level (a few files).',
  }),
};
