/**
 * The pattern page model: one pattern's sections rendered to safe HTML, its lens guidance,
 * assessment, relationships, backlinks (from the library's index), graph garden, neighbourhood
 * graph and provenance. Frontmatter text stays plain strings (Astro escapes them); only Markdown
 * is rendered ({@link renderBody}).
 */
import { RELATIONSHIP_TYPES } from '../../schema/relationships.ts';
import { SECTION_TITLES } from '../lib/body.ts';
import { OVERALL_SCORE_TOLERANCE } from '../lib/validate.ts';
import { neighbourhoodGraph } from './graph.ts';
import { confidenceLabel, RELATIONSHIP_LABELS } from './labels.ts';
import { summarize } from './library-model.ts';
import { completeScores, pillarScores, radarChart } from './radar.ts';
import { renderBody, type RenderedBody } from './rendered.ts';
import { linkTo } from './stored.ts';
import type {
  LibraryModel,
  PatternPageModel,
  RelationshipGroup,
  SectionModel,
  StoredPattern,
} from './types.ts';

type Frontmatter = StoredPattern['frontmatter'];

/** The eight sections present, in canonical order, with stable ids (the section keys). */
export function sectionModels(rendered: RenderedBody): SectionModel[] {
  return rendered.sections.map(({ key, html }) => ({
    key,
    title: SECTION_TITLES[key],
    id: key,
    html,
  }));
}

/** Extra sections with the ids the body parser gave them (see src/lib/reserved.ts). */
export function extraSections(
  body: StoredPattern['body'],
  rendered: RenderedBody,
): PatternPageModel['extras'] {
  return body.extras.map(({ heading, id }, index) => ({
    id,
    title: heading,
    html: rendered.extras[index] ?? '',
  }));
}

function assessment(frontmatter: Frontmatter): PatternPageModel['assessment'] {
  const values = frontmatter.ontology.commons_assessment;
  const complete = completeScores(values);
  const mean = complete && complete.reduce((sum, score) => sum + score, 0) / complete.length;
  return {
    radar: radarChart(values),
    scores: pillarScores(values),
    overall: values.overall_score,
    mean,
    differs: mean !== undefined && Math.abs(values.overall_score - mean) > OVERALL_SCORE_TOLERANCE,
    vitalityReasoning: values.vitality_reasoning,
  };
}

/** Curated relationships by type (RELATIONSHIP_TYPES order, non-empty only), as written. */
function relationships(frontmatter: Frontmatter, library: LibraryModel): RelationshipGroup[] {
  return RELATIONSHIP_TYPES.flatMap((type) => {
    const list = frontmatter.relationships[type];
    if (list.length === 0) return [];
    const links = list.map(({ slug, weight, description }) =>
      linkTo(library.bySlug, slug, weight, description),
    );
    return [{ type, label: RELATIONSHIP_LABELS[type].outgoing, links }];
  });
}

function garden(frontmatter: Frontmatter, library: LibraryModel): PatternPageModel['garden'] {
  const { last_pruned, entities, communities, inferred_links } = frontmatter.graph_garden;
  return {
    lastPruned: last_pruned,
    entities,
    communities,
    inferredLinks: inferred_links.map(({ target, type, confidence, reason }) => ({
      ...linkTo(library.bySlug, target),
      type,
      confidence,
      reason,
    })),
  };
}

/**
 * The model of one pattern page; throws when the library has no pattern `slug`. Its Markdown is
 * rendered here unless `rendered` (from {@link renderBody}, e.g. on a worker thread) is given.
 */
export function buildPatternPage(
  library: LibraryModel,
  slug: string,
  rendered?: RenderedBody,
): PatternPageModel {
  const pattern = library.bySlug.get(slug);
  if (pattern === undefined) throw new Error(`no pattern "${slug}" in the library`);
  const html = rendered ?? renderBody(pattern);
  const { frontmatter, body } = pattern;
  const { ontology, lifecycle } = frontmatter;
  const summary = summarize(pattern);
  return {
    summary,
    aliases: frontmatter.aliases,
    summaryHtml: html.summaryHtml,
    confidence: { level: lifecycle.confidence, ...confidenceLabel(lifecycle.confidence) },
    version: lifecycle.version,
    sections: sectionModels(html),
    extras: extraSections(body, html),
    lensGuidance: html.lensGuidance,
    assessment: assessment(frontmatter),
    primaryTension: ontology.search_hints.primary_tension,
    keywords: ontology.search_hints.vector_keywords,
    relationships: relationships(frontmatter, library),
    backlinks: library.backlinks.get(slug) ?? [],
    similar: library.similar.get(slug) ?? [],
    garden: garden(frontmatter, library),
    neighbourhood: neighbourhoodGraph(pattern, library),
    provenance: {
      contributors: frontmatter.contributors,
      sources: frontmatter.sources,
      license: frontmatter.license,
      attribution: frontmatter.attribution,
    },
  };
}
