/**
 * The library model: everything computed once from the whole library, in one pass over the
 * patterns and their curated links (summaries, slug index, backlink index, facets, wanted
 * patterns, lenses) plus the library graph. Pages look things up here; nothing loops over the
 * library per pattern.
 */
import { RELATIONSHIP_TYPES, type RelationshipType } from '../../schema/relationships.ts';
import { FACET_KEYS, FACETS, facetValueLabel } from './facets.ts';
import { libraryGraph } from './graph.ts';
import { SITE } from '../config/site.ts';
import { RELATIONSHIP_LABELS, relationshipRank, titleFromSlug } from './labels.ts';
import { byTitle, compareText } from '../lib/text-order.ts';
import { patternText } from '../lib/pattern-text.ts';
import { similarPatterns, termDocument, type Neighbour } from '../lib/similarity.ts';
import { contributorIndex } from './contributors.ts';
import { contextLabelMap, declaredLensesOf, otherLabelsOf } from './lenses.ts';
import { summaryText } from '../lib/summary-text.ts';
import { curatedLinks, slugsById, summaryOf } from './stored.ts';
import type {
  BacklinkGroup,
  Facet,
  GraphPicture,
  Lens,
  LibraryModel,
  PatternLink,
  PatternSummary,
  SimilarPattern,
  StoredPattern,
  WantedPattern,
} from './types.ts';

/** The list record of a pattern, under the site's declared lenses. */
export function summarize(
  pattern: StoredPattern,
  declared: readonly Lens[] = SITE.lenses,
): PatternSummary {
  if (pattern.format !== 'v7.1') {
    const { model } = pattern;
    return {
      format: pattern.format,
      slug: pattern.slug,
      title: model.title,
      summary: summaryText(summaryOf(pattern)),
      contextLabels: new Map(),
      lenses: [],
      otherLabels: [],
      domain: model.domain,
      commonsDomains: model.commons_domain,
      status: model.status,
    };
  }
  const { title, summary, context_labels, ontology, lifecycle } = pattern.frontmatter;
  const contextLabels = contextLabelMap(context_labels, declared);
  return {
    format: 'v7.1',
    slug: pattern.slug,
    title,
    summary: summaryText(summary),
    contextLabels,
    lenses: declaredLensesOf(contextLabels, declared),
    otherLabels: otherLabelsOf(contextLabels, declared),
    domain: ontology.domain,
    crossDomains: ontology.cross_domains,
    commonsDomains: ontology.commons_domain,
    status: lifecycle.status,
    usageStage: lifecycle.usage_stage,
    adoptionStage: lifecycle.adoption_stage,
    confidence: lifecycle.confidence,
    overallScore: ontology.commons_assessment.overall_score,
    vitality: ontology.commons_assessment.vitality,
  };
}

/** Counts facet values as patterns are added; `facets()` lists them most frequent first. */
function facetCounter(): { add: (summary: PatternSummary) => void; facets: () => Facet[] } {
  const counts = new Map(FACET_KEYS.map((key) => [key, new Map<string, number>()]));
  return {
    add: (summary) => {
      for (const [key, tally] of counts) {
        // Each value once per pattern.
        for (const value of new Set(FACETS[key].values(summary))) {
          tally.set(value, (tally.get(value) ?? 0) + 1);
        }
      }
    },
    facets: () =>
      [...counts].map(([key, tally]) => ({
        key,
        label: FACETS[key].label,
        values: [...tally]
          .sort(([a, countA], [b, countB]) => countB - countA || compareText(a, b))
          .map(([value, count]) => ({ value, label: facetValueLabel(key, value), count })),
      })),
  };
}

/** A backlink: its source always exists, so it always has a title. */
interface Backlink extends PatternLink {
  readonly title: string;
}

/** Incoming links per target slug and type, each source once per type. */
type BacklinkIndex = Map<string, Map<RelationshipType, Map<string, Backlink>>>;

/** Indexes a pattern's curated links (self-links left out) under their targets. */
function addBacklinks(
  index: BacklinkIndex,
  pattern: StoredPattern,
  byId: ReadonlyMap<string, string>,
): void {
  for (const { type, slug, weight, description } of curatedLinks(pattern, byId)) {
    if (slug === pattern.slug) continue;
    const byType = index.get(slug) ?? new Map<RelationshipType, Map<string, Backlink>>();
    index.set(slug, byType);
    const sources = byType.get(type) ?? new Map<string, Backlink>();
    byType.set(type, sources);
    if (!sources.has(pattern.slug)) {
      const { title } = pattern.frontmatter;
      sources.set(pattern.slug, { slug: pattern.slug, title, exists: true, weight, description });
    }
  }
}

interface SourcedGroup extends BacklinkGroup {
  readonly links: readonly Backlink[];
}

/** Backlink groups of one target, in RELATIONSHIP_TYPES order, links by title then slug. */
function backlinkGroups(
  byType: ReadonlyMap<RelationshipType, Map<string, Backlink>>,
): SourcedGroup[] {
  return RELATIONSHIP_TYPES.flatMap((type) => {
    const sources = byType.get(type);
    if (sources === undefined) return [];
    const links = [...sources.values()].sort(byTitle);
    return [{ type, label: RELATIONSHIP_LABELS[type].incoming, links }];
  });
}

/** Targets without a file and who points to them, most referenced first. */
function wantedPatterns(
  backlinks: ReadonlyMap<string, readonly SourcedGroup[]>,
  bySlug: ReadonlyMap<string, StoredPattern>,
): WantedPattern[] {
  return [...backlinks]
    .filter(([slug]) => !bySlug.has(slug))
    .map(([slug, groups]) => ({
      slug,
      title: titleFromSlug(slug),
      referencedBy: groups
        .flatMap(({ type, links }) =>
          links.map(({ slug: source, title }) => ({ slug: source, title, type })),
        )
        .sort((a, b) => byTitle(a, b) || relationshipRank(a.type) - relationshipRank(b.type)),
    }))
    .sort((a, b) => b.referencedBy.length - a.referencedBy.length || compareText(a.slug, b.slug));
}

/**
 * Builds the library model from every valid stored pattern (slugs are unique), under the
 * lenses the site declares, and each one's similar patterns by slug: given when the load
 * computed them (src/model/load-site.ts counts words on worker threads), else computed here.
 * Neighbours not in the library are left out.
 */
export function buildLibraryModel(
  patterns: readonly StoredPattern[],
  declared: readonly Lens[] = SITE.lenses,
  neighbours: ReadonlyMap<string, readonly Neighbour[]> = similarPatterns(
    patterns.map((pattern) => termDocument(patternText(pattern))),
  ),
): LibraryModel {
  const bySlug = new Map(patterns.map((pattern) => [pattern.slug, pattern]));
  const byId = slugsById(patterns);
  const summaries: PatternSummary[] = [];
  const counter = facetCounter();
  const index: BacklinkIndex = new Map();
  const lensKeys = new Set<string>();
  for (const pattern of patterns) {
    const summary = summarize(pattern, declared);
    summaries.push(summary);
    counter.add(summary);
    for (const { key } of summary.lenses) lensKeys.add(key);
    addBacklinks(index, pattern, byId);
  }
  const backlinks = new Map([...index].map(([slug, byType]) => [slug, backlinkGroups(byType)]));
  let graph: GraphPicture | undefined;
  return {
    patterns: summaries.sort(byTitle),
    bySlug,
    byId,
    backlinks,
    facets: counter.facets(),
    wanted: wantedPatterns(backlinks, bySlug),
    lenses: declared.filter(({ key }) => lensKeys.has(key)),
    // Drawn when a page first asks for it (a pattern page never does).
    get graph() {
      return (graph ??= libraryGraph(patterns));
    },
    contributors: contributorIndex(patterns),
    similar: new Map(
      patterns.map(({ slug }) => [
        slug,
        (neighbours.get(slug) ?? []).flatMap(({ key, score }): SimilarPattern[] => {
          const other = bySlug.get(key);
          return other && key !== slug
            ? [{ slug: key, title: other.frontmatter.title, score }]
            : [];
        }),
      ]),
    ),
  };
}
