/**
 * The pattern page model: one pattern's sections rendered to safe HTML, its lens guidance,
 * assessment, relationships, backlinks (from the library's index), graph garden, neighbourhood
 * graph and provenance. Frontmatter text stays plain strings (Astro escapes them); only Markdown
 * is rendered ({@link renderBody}).
 */
import { RELATIONSHIP_TYPES } from '../../schema/relationships.ts';
import { SECTION_TITLES } from '../lib/body.ts';
import { OVERALL_SCORE_TOLERANCE } from '../lib/validate.ts';
import { namedContributors, type NamedContributor } from './contributors.ts';
import { neighbourhoodGraph } from './graph.ts';
import { confidenceLabel, RELATIONSHIP_LABELS } from './labels.ts';
import { summarize } from './library-model.ts';
import { completeScores, pillarScores, radarChart } from './radar.ts';
import { renderBody, type RenderedBody } from './rendered.ts';
import { curatedLinks, linkTo } from './stored.ts';
import type {
  LibraryModel,
  OlderPageModel,
  PatternPageModel,
  RelationshipGroup,
  SectionModel,
  StoredOlderPattern,
  StoredPattern,
  StoredV71Pattern,
  V71PageModel,
  V71PatternBody,
} from './types.ts';

type Frontmatter = StoredV71Pattern['frontmatter'];

/** The eight sections present, in canonical order, with stable ids (the section keys). */
export function sectionModels(rendered: RenderedBody): SectionModel[] {
  return rendered.sections.map((section) => ({
    ...section,
    title: SECTION_TITLES[section.key],
    id: section.key,
  }));
}

/** Extra sections with the ids the body parser gave them (see src/lib/reserved.ts). */
export function extraSections(
  body: V71PatternBody,
  rendered: RenderedBody,
): V71PageModel['extras'] {
  return body.extras.map(({ heading, id }, index) => ({
    id,
    title: heading,
    html: rendered.extras[index] ?? '',
  }));
}

function assessment(frontmatter: Frontmatter): V71PageModel['assessment'] {
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

/** The contributors a pattern names, as written, each with the slug of their page. */
function contributorsOf(pattern: StoredPattern, library: LibraryModel): NamedContributor[] {
  return namedContributors(pattern).map(({ name, role }) => ({
    name,
    role,
    slug: library.contributors.slugOf(name),
  }));
}

/** Curated relationships by type (RELATIONSHIP_TYPES order, non-empty only), as written. */
function relationships(pattern: StoredPattern, library: LibraryModel): RelationshipGroup[] {
  const links = curatedLinks(pattern, library.byId);
  return RELATIONSHIP_TYPES.flatMap((type) => {
    const list = links.filter((link) => link.type === type);
    if (list.length === 0) return [];
    return [
      {
        type,
        label: RELATIONSHIP_LABELS[type].outgoing,
        links: list.map(({ slug, weight, description }) =>
          linkTo(library.bySlug, slug, weight, description),
        ),
      },
    ];
  });
}

function garden(frontmatter: Frontmatter, library: LibraryModel): V71PageModel['garden'] {
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
  // The library's lenses are the declared ones its patterns use: this pattern's are among them.
  const html = rendered ?? renderBody(pattern, library.lenses);
  if (pattern.format !== 'v7.1') return olderPage(pattern, library, html);
  const { frontmatter, body } = pattern;
  const { ontology, lifecycle } = frontmatter;
  const summary = summarize(pattern, library.lenses);
  if (summary.format !== 'v7.1') throw new Error(`pattern "${slug}" summarised as older`);
  return {
    format: 'v7.1',
    summary,
    aliases: frontmatter.aliases,
    summaryHtml: html.summaryHtml,
    confidence: { level: lifecycle.confidence, ...confidenceLabel(lifecycle.confidence) },
    version: lifecycle.version,
    sections: sectionModels(html),
    extras: extraSections(body, html),
    lensGuidance: html.lensGuidance,
    lensKnownUses: html.lensKnownUses,
    assessment: assessment(frontmatter),
    primaryTension: ontology.search_hints.primary_tension,
    keywords: ontology.search_hints.vector_keywords,
    relationships: relationships(pattern, library),
    backlinks: library.backlinks.get(slug) ?? [],
    similar: library.similar.get(slug) ?? [],
    garden: garden(frontmatter, library),
    neighbourhood: neighbourhoodGraph(pattern, library),
    provenance: {
      contributors: contributorsOf(pattern, library),
      sources: frontmatter.sources,
      license: frontmatter.license,
      attribution: frontmatter.attribution,
    },
  };
}

/** Classification of an older file that has no v7.1 facet, non-empty only. */
function classification(pattern: StoredOlderPattern): OlderPageModel['classification'] {
  const { model } = pattern;
  // An incomplete v7.1 file's categories are its keywords, its alignment its overall score.
  const older = pattern.format === 'older';
  return [
    { label: older ? 'Category' : 'Keywords', values: model.categories },
    { label: 'Era', values: model.era },
    { label: 'Origin', values: model.origin },
    { label: 'Universality', values: model.universality === undefined ? [] : [model.universality] },
    {
      label: older ? 'Commons alignment' : 'Overall score',
      values: model.commons_alignment === undefined ? [] : [`${String(model.commons_alignment)}/5`],
    },
  ].filter(({ values }) => values.length > 0);
}

/** Whether an as-written body's summary is the opening of its first section (the Overview's). */
function opensFirstSection({ summary, sections }: StoredOlderPattern['body']): boolean {
  return (
    summary !== undefined && sections[0]?.markdown.trimStart().startsWith(summary.trim()) === true
  );
}

/** The page of a pattern shown as written (older or incomplete): its sections, classification, provenance. */
function olderPage(
  pattern: StoredOlderPattern,
  library: LibraryModel,
  html: RenderedBody,
): OlderPageModel {
  const { model, body } = pattern;
  const summary = summarize(pattern);
  if (summary.format === 'v7.1') throw new Error(`pattern "${pattern.slug}" summarised as v7.1`);
  return {
    format: pattern.format,
    incomplete: model.incomplete,
    summary,
    aliases: model.aliases,
    // The summary is often the first section's opening: the page then shows it once, there.
    summaryHtml: opensFirstSection(body) ? '' : html.summaryHtml,
    sections: body.sections.map(({ id, title }, index) => ({
      id,
      title,
      html: html.extras[index] ?? '',
    })),
    classification: classification(pattern),
    version: model.version,
    confidenceScore: model.confidence_score,
    relationships: relationships(pattern, library),
    backlinks: library.backlinks.get(pattern.slug) ?? [],
    similar: library.similar.get(pattern.slug) ?? [],
    neighbourhood: neighbourhoodGraph(pattern, library),
    provenance: {
      contributors: contributorsOf(pattern, library),
      sources: model.sources,
      license: model.license,
      attribution: model.attribution ?? '',
    },
  };
}
