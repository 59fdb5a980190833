/** Group 3 — ontology and search: where the pattern sits and how well it serves the commons. */
import { z } from 'zod';
import { score, slug, text } from './fields.ts';

/** The eight commons-assessment pillars, in display order. */
export const ASSESSMENT_PILLARS = [
  'stakeholder_architecture',
  'value_creation',
  'resilience',
  'ownership',
  'autonomy',
  'composability',
  'fractal_value',
  'vitality',
] as const;
export type AssessmentPillar = (typeof ASSESSMENT_PILLARS)[number];

const pillarDescriptions: Record<AssessmentPillar, string> = {
  stakeholder_architecture: 'Score 0–5: how well rights and duties are shared among stakeholders.',
  value_creation: 'Score 0–5: how much value the pattern creates for the whole.',
  resilience: 'Score 0–5: how well the pattern holds under stress and change.',
  ownership: 'Score 0–5: how widely ownership and stewardship are held.',
  autonomy: 'Score 0–5: how much self-direction the pattern leaves its participants.',
  composability: 'Score 0–5: how well the pattern combines with others.',
  fractal_value: 'Score 0–5: whether the pattern works at every scale.',
  vitality: 'Score 0–5: how much the pattern renews the life of the system.',
};

const pillarScores = Object.fromEntries(
  ASSESSMENT_PILLARS.map((pillar) => [
    pillar,
    score.optional().meta({ description: pillarDescriptions[pillar] }),
  ]),
) as Record<AssessmentPillar, z.ZodOptional<typeof score>>;

export const commonsAssessmentSchema = z
  .strictObject({
    ...pillarScores,
    vitality_reasoning: text
      .optional()
      .meta({ description: 'Why the vitality score is what it is.' }),
    overall_score: score.meta({
      description: 'Overall score 0–5; expected near the mean of the eight pillar scores.',
    }),
  })
  .meta({
    description:
      'The commons assessment: eight pillar scores (0–5), the vitality reasoning and the overall score.',
  });

export const ontologySchema = z
  .strictObject({
    domain: slug.meta({ description: 'Primary domain of the pattern (kebab-case).' }),
    cross_domains: z
      .array(slug)
      .default([])
      .meta({ description: 'Other domains the pattern also belongs to.' }),
    commons_domain: z
      .array(slug)
      .default([])
      .meta({ description: 'Commons domains the pattern serves (e.g. life).' }),
    search_hints: z
      .strictObject({
        primary_tension: text.meta({
          description: 'The core tension the pattern resolves, "A vs. B".',
        }),
        vector_keywords: z
          .array(text)
          .default([])
          .meta({ description: 'Keywords weighted above body text in search.' }),
      })
      .meta({ description: 'Hints for search: the primary tension and keywords.' }),
    commons_assessment: commonsAssessmentSchema,
  })
  .meta({ description: 'Where the pattern sits and how well it serves the commons.' });
