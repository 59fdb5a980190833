/**
 * The shapes of the JSON data exports, as Zod schemas: the documentation of each file, the types
 * the builders return (inferred, so they cannot drift apart) and what the tests parse real build
 * output with. Field names follow the pattern format's snake_case. Optional fields are left out
 * when absent, as in the frontmatter. Every file carries `version`, raised when a shape changes
 * incompatibly (2: a pattern entry and a pattern file name their `format`, and an older-format
 * pattern has its own shape).
 *
 * - `/api/patterns.json`: {@link patternsIndexSchema}
 * - `/api/patterns/<slug>.json`: {@link patternExportSchema}
 * - `/api/graph.json`: {@link graphExportSchema}
 * - `/api/health.json`: {@link healthExportSchema}
 */
import { z } from 'zod';
import { HAND_WRITTEN_GROUPS, incompleteFrontmatterSchema } from '../../../schema/incomplete.ts';
import {
  ASSESSMENT_PILLARS,
  commonsAssessmentSchema,
  ontologySchema,
} from '../../../schema/ontology.ts';
import { lifecycleSchema, STATUSES } from '../../../schema/lifecycle.ts';
import { olderFrontmatterSchema } from '../../../schema/older/pattern.ts';
import { patternFrontmatterSchema } from '../../../schema/pattern.ts';
import { RELATIONSHIP_TYPES } from '../../../schema/relationships.ts';
import { SECTION_KEYS } from '../body.ts';
import { NEIGHBOURS } from '../similarity.ts';
import { RULE_IDS } from '../rules.ts';

/**
 * Version of the export shapes. 2: Markdown only (1 carried every section as HTML too). 3: the
 * sections point into the Markdown file by line ({@link lines}) instead of repeating its text.
 */
export const EXPORT_VERSION = 3 as const;

const version = z.literal(EXPORT_VERSION).meta({ description: 'Version of this file’s shape.' });
const absoluteUrl = z.url({ protocol: /^https?$/ });
const dateTime = z.iso
  .datetime()
  .meta({ description: 'When the pattern file last changed: its last commit, else its mtime.' });
const { slug, id, title, summary, context_labels } = patternFrontmatterSchema.shape;

const links = {
  updated: dateTime,
  url: absoluteUrl.meta({ description: 'The pattern’s page.' }),
  json_url: absoluteUrl.meta({
    description: 'The pattern’s full data (/api/patterns/<slug>.json).',
  }),
  markdown_url: absoluteUrl.meta({
    description:
      'The source file as written: in the repository (raw), or /patterns/<slug>.md when the site publishes it.',
  }),
};

/** One pattern in `/api/patterns.json`, in its format. */
export const patternEntrySchema = z.discriminatedUnion('format', [
  z.strictObject({
    format: z.literal('v7.1').meta({ description: 'A pattern in the v7.1 format.' }),
    slug,
    id,
    title,
    summary,
    context_labels,
    domain: ontologySchema.shape.domain,
    scores: commonsAssessmentSchema.omit({ vitality_reasoning: true }).meta({
      description: 'The eight pillar scores (0–5, absent when unscored) and overall_score.',
    }),
    lifecycle: lifecycleSchema,
    ...links,
  }),
  z.strictObject({
    format: z.enum(['older', 'incomplete']).meta({
      description:
        'A pattern shown as written: in the older format, or incomplete v7.1 (hand-written groups missing).',
    }),
    slug,
    id,
    title,
    summary: z.string().meta({
      description:
        'Older format: the Overview’s first paragraph (Markdown), or "". Incomplete: its summary.',
    }),
    domain: ontologySchema.shape.domain,
    status: z.enum(STATUSES),
    commons_domain: ontologySchema.shape.commons_domain,
    ...links,
  }),
]);
export type PatternEntry = z.infer<typeof patternEntrySchema>;

/** `/api/patterns.json`: every pattern, in slug order. */
export const patternsIndexSchema = z.strictObject({
  version,
  count: z.int().nonnegative(),
  patterns: z.array(patternEntrySchema),
});
export type PatternsIndex = z.infer<typeof patternsIndexSchema>;

/** A pattern whose text resembles another's (src/lib/similarity.ts). */
const similarSchema = z.strictObject({
  slug,
  score: z
    .number()
    .min(0)
    .max(1)
    .meta({ description: 'Cosine similarity of TF-IDF word vectors (three decimals).' }),
});

const similar = z
  .array(similarSchema)
  .max(NEIGHBOURS)
  .meta({ description: 'The most similar other patterns by their text, most similar first.' });

/**
 * Where a section stands in the pattern's Markdown file (`markdown_url`, the file as written):
 * the text is there once, and a section is the lines `start`–`end` of it.
 */
const lines = z
  .strictObject({
    start: z.int().positive().meta({ description: 'Line of the section heading (1-based).' }),
    end: z.int().positive().nullable().meta({
      description:
        'Last line of the section (the line before the next section), or null: to the end of the file.',
    }),
  })
  .meta({ description: 'Lines of the Markdown file (markdown_url) holding the section.' });

/**
 * `/api/patterns/<slug>.json` of a v7.1 pattern: its frontmatter, where each section stands in
 * its Markdown file, its lens guidance as written, and its similar patterns. The text is in the
 * Markdown file once (`markdown_url`); a reader of the data slices it by lines and renders it with
 * any CommonMark + GFM renderer.
 */
const v71ExportSchema = z.strictObject({
  version,
  format: z.literal('v7.1'),
  slug,
  url: absoluteUrl,
  markdown_url: absoluteUrl,
  updated: dateTime,
  frontmatter: patternFrontmatterSchema.meta({
    description: 'The frontmatter after validation: drift normalised, defaults filled in.',
  }),
  sections: z
    .array(
      z.strictObject({
        key: z.enum(SECTION_KEYS),
        title: z.string().meta({ description: 'Canonical title, e.g. "Known Uses".' }),
        heading: z.string().meta({ description: 'Heading text as written in the file.' }),
        lines,
      }),
    )
    .meta({ description: 'The canonical sections the file has, in canonical order.' }),
  extra_sections: z
    .array(
      z.strictObject({
        id: z.string().meta({ description: 'Anchor of the section on the pattern’s page.' }),
        title: z.string(),
        lines,
      }),
    )
    .meta({ description: 'Other top-level sections (e.g. References), in file order.' }),
  lens_guidance: z
    .strictObject({
      general: z
        .string()
        .meta({ description: 'Implementation guidance naming no lens (Markdown).' }),
      by_lens: z
        .record(z.string(), z.string())
        .meta({ description: 'Implementation guidance per lens key (Markdown).' }),
    })
    .meta({ description: 'The Implementation section split by lens, as the lens pages show it.' }),
  similar,
});

/** The sections of a pattern shown as written. */
const sectionsAsWritten = z
  .array(
    z.strictObject({
      id: z.string().meta({ description: 'Anchor of the section on the pattern’s page.' }),
      title: z.string().meta({ description: 'Heading without numbering or word-count hint.' }),
      heading: z.string().meta({ description: 'Heading text as written in the file.' }),
      lines,
    }),
  )
  .meta({ description: 'Every section as written, in file order.' });

/**
 * `/api/patterns/<slug>.json` of an older-format pattern: its frontmatter, where each section
 * stands in its Markdown file, and its similar patterns.
 */
const olderExportSchema = z.strictObject({
  version,
  format: z.literal('older'),
  slug,
  url: absoluteUrl,
  markdown_url: absoluteUrl,
  updated: dateTime,
  frontmatter: olderFrontmatterSchema.meta({
    description: 'The older-format frontmatter after validation (schema/older/).',
  }),
  sections: sectionsAsWritten,
  similar,
});

/**
 * `/api/patterns/<slug>.json` of an incomplete v7.1 pattern (schema/incomplete.ts): what its
 * frontmatter holds, the groups still to complete, its sections as written and similar patterns.
 */
const incompleteExportSchema = z.strictObject({
  version,
  format: z.literal('incomplete'),
  slug,
  url: absoluteUrl,
  markdown_url: absoluteUrl,
  updated: dateTime,
  frontmatter: incompleteFrontmatterSchema,
  incomplete: z
    .array(z.enum(HAND_WRITTEN_GROUPS))
    .meta({ description: 'The hand-written groups that are missing or partly invalid.' }),
  sections: sectionsAsWritten,
  similar,
});

/** `/api/patterns/<slug>.json`: one pattern's data, in its format. */
export const patternExportSchema = z.discriminatedUnion('format', [
  v71ExportSchema,
  olderExportSchema,
  incompleteExportSchema,
]);
export type PatternExport = z.infer<typeof patternExportSchema>;

/** A node of `/api/graph.json`: a pattern, or a target that has no file yet. */
export const graphNodeSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('pattern'),
    slug,
    title,
    domain: ontologySchema.shape.domain,
    url: absoluteUrl,
  }),
  z
    .strictObject({
      kind: z.literal('wanted'),
      slug,
      title: z.string().meta({ description: 'Guessed from the slug.' }),
      url: absoluteUrl.meta({ description: 'Its entry on the wanted page.' }),
    })
    .meta({ description: 'Target of a curated relationship that has no file yet.' }),
  z
    .strictObject({
      kind: z.literal('suggested'),
      slug,
      title: z.string().meta({ description: 'Guessed from the slug.' }),
    })
    .meta({ description: 'Target of machine-suggested links only, with no file.' }),
]);
export type GraphNode = z.infer<typeof graphNodeSchema>;

/** `/api/graph.json`: every pattern and link target, curated and suggested edges apart. */
export const graphExportSchema = z.strictObject({
  version,
  nodes: z.array(graphNodeSchema).meta({ description: 'Every node, in slug order.' }),
  edges: z.strictObject({
    curated: z
      .array(
        z.strictObject({
          source: slug,
          target: slug,
          type: z.enum(RELATIONSHIP_TYPES),
          weight: z.number().min(0).max(1).optional(),
          description: z.string().optional(),
        }),
      )
      .meta({
        description: 'Human-curated relationships (frontmatter `relationships`), as written.',
      }),
    suggested: z
      .array(
        z.strictObject({
          source: slug,
          target: slug,
          type: z.string(),
          confidence: z.number().min(0).max(1),
          reason: z.string(),
        }),
      )
      .meta({
        description: 'Machine-suggested links (`graph_garden.inferred_links`), as written.',
      }),
    similar: z
      .array(z.strictObject({ source: slug, target: slug, score: similarSchema.shape.score }))
      .meta({
        description:
          'Each pattern to its most similar other patterns by their text (computed, not curated).',
      }),
  }),
});
export type GraphExport = z.infer<typeof graphExportSchema>;

const count = z.int().nonnegative();
const slugList = z.array(slug);

/** One facet's values and how many patterns have each, most frequent first. */
const facetCountsSchema = z
  .array(z.strictObject({ value: z.string(), count }))
  .meta({ description: 'Each value and how many shown patterns have it, most frequent first.' });

/**
 * `/api/health.json`: the library's health for maintainers (src/lib/exports/health.ts), the
 * numbers the `/health/` page shows. Files are named by slug (their file name).
 */
export const healthExportSchema = z.strictObject({
  version,
  files: z
    .strictObject({
      total: count,
      by_format: z.record(z.string(), count).meta({
        description: 'Files per format (`v7.1`, `older`, …), as `npm run check` counts them.',
      }),
    })
    .meta({ description: 'Pattern files read, valid or not.' }),
  patterns: count.meta({ description: 'Patterns shown on the site (valid files).' }),
  problems: z
    .array(
      z.strictObject({
        kind: z.enum(RULE_IDS).meta({ description: 'The kind of problem (src/lib/rules.ts).' }),
        errors: count,
        warnings: count,
      }),
    )
    .meta({
      description:
        'Every problem `npm run check` reports on the library, counted by kind: kinds with errors first, then by count.',
    }),
  counts: z
    .strictObject({
      format: facetCountsSchema,
      status: facetCountsSchema,
      usage_stage: facetCountsSchema,
      adoption_stage: facetCountsSchema,
      domain: facetCountsSchema,
    })
    .meta({ description: 'Shown patterns per facet value (stages: v7.1 patterns only).' }),
  without_relationships: slugList.meta({
    description: 'Shown patterns whose file names no curated relationship, in slug order.',
  }),
  wanted: z
    .array(
      z.strictObject({
        target: z.string().meta({ description: 'The slug (or older-format id) linked to.' }),
        wanted_by: slugList.meta({ description: 'Files whose relationships name it.' }),
      }),
    )
    .meta({
      description:
        'Relationship targets that name no pattern file (the check’s “wanted” warnings), most wanted first.',
    }),
  dead_links: z
    .array(
      z.strictObject({
        slug: z.string().meta({ description: 'The file linking, by its name.' }),
        links: z.array(
          z.strictObject({
            line: count.meta({ description: 'The file line the link is written on (1-based).' }),
            column: count.meta({ description: 'Its column (1-based).' }),
            message: z.string().meta({ description: 'Why it leads nowhere, and what to write.' }),
          }),
        ),
      }),
    )
    .meta({
      description:
        'Links and images in pattern texts that lead nowhere on the site (the check’s link warnings), by file in slug order.',
    }),
  sections: z
    .array(
      z.strictObject({
        slug,
        missing: z.array(z.enum(SECTION_KEYS)),
        empty: z.array(z.enum(SECTION_KEYS)),
      }),
    )
    .meta({
      description:
        'v7.1 patterns lacking one of the eight sections, or with one that holds no text, in slug order.',
    }),
  overall_far_from_mean: z
    .array(
      z.strictObject({
        slug,
        overall: z.number(),
        mean: z.number().meta({ description: 'Mean of the eight pillar scores (two decimals).' }),
      }),
    )
    .meta({
      description:
        'v7.1 patterns whose overall_score is more than the check’s tolerance from their pillars’ mean.',
    }),
  duplicate_clusters: z
    .array(slugList)
    .meta({ description: 'Near-duplicate clusters (src/lib/similarity.ts), largest first.' }),
  pillars: z
    .array(
      z.strictObject({
        pillar: z.enum(ASSESSMENT_PILLARS),
        bins: z.array(count).length(6).meta({
          description:
            'Patterns scoring 0–<1, 1–<2, 2–<3, 3–<4, 4–<5 and 5 on this pillar (v7.1 patterns).',
        }),
        unscored: count,
      }),
    )
    .meta({ description: 'The distribution of each pillar score, in display order.' }),
  changed_by_month: z
    .array(
      z.strictObject({
        month: z.string().regex(/^\d{4}-\d{2}$/),
        count,
      }),
    )
    .meta({
      description: 'Shown patterns by the month of their last change (UTC), oldest first.',
    }),
});
export type HealthExport = z.infer<typeof healthExportSchema>;
