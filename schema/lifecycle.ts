/** Group 4 — lifecycle and confidence: how mature the pattern and its text are. */
import { z } from 'zod';
import { versionText } from './fields.ts';

/**
 * Stages of use, in order. The real library uses exactly these four
 * (recognition 23, design 43, application 173, operation 1 of 240 sampled files).
 */
export const USAGE_STAGES = ['recognition', 'design', 'application', 'operation'] as const;

/** Stages of adoption, in order: the values the real library uses (early_adopters, growth, mature). */
export const ADOPTION_STAGES = ['early_adopters', 'growth', 'mature'] as const;

/**
 * Editorial status, in order. The real library has only `draft` so far; the
 * others are the review workflow a pattern moves through.
 */
export const STATUSES = ['draft', 'review', 'published', 'deprecated'] as const;

export const lifecycleSchema = z
  .strictObject({
    usage_stage: z
      .enum(USAGE_STAGES)
      .meta({ description: 'Where the pattern is in use: recognition → operation.' }),
    adoption_stage: z
      .enum(ADOPTION_STAGES)
      .meta({ description: 'How widely the pattern is adopted: early_adopters → mature.' }),
    status: z
      .enum(STATUSES)
      .meta({ description: 'Editorial status: draft → review → published (or deprecated).' }),
    version: versionText.meta({ description: 'Version of the pattern text, e.g. "1.2".' }),
    confidence: z
      .int()
      .min(1)
      .max(3)
      .meta({ description: 'Confidence in the pattern: 1 emerging, 2 developing, 3 established.' }),
  })
  .meta({ description: 'Lifecycle and confidence of the pattern.' });
