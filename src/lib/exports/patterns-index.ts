/** `/api/patterns.json`: one light entry per pattern, in slug order. */
import { ASSESSMENT_PILLARS } from '../../../schema/ontology.ts';
import type { LibraryModel, StoredPattern } from '../../model/types.ts';
import { EXPORT_VERSION, type PatternEntry, type PatternsIndex } from './shapes.ts';
import { patternsBySlug, type ExportSite } from './export-site.ts';

type Assessment = StoredPattern['frontmatter']['ontology']['commons_assessment'];

/** The pillar scores a pattern has and its overall score (the vitality reasoning is left out). */
function scores(assessment: Assessment): PatternEntry['scores'] {
  const pillars = ASSESSMENT_PILLARS.flatMap((pillar) => {
    const score = assessment[pillar];
    return score === undefined ? [] : [[pillar, score] as const];
  });
  return { ...Object.fromEntries(pillars), overall_score: assessment.overall_score };
}

function patternEntry({ slug, frontmatter }: StoredPattern, site: ExportSite): PatternEntry {
  const { id, title, summary, context_labels, ontology, lifecycle } = frontmatter;
  return {
    slug,
    id,
    title,
    summary,
    context_labels,
    domain: ontology.domain,
    scores: scores(ontology.commons_assessment),
    lifecycle,
    updated: site.updated(slug),
    url: site.page(slug),
    json_url: site.json(slug),
    markdown_url: site.markdown(slug),
  };
}

export function patternsIndex(
  library: Pick<LibraryModel, 'bySlug'>,
  site: ExportSite,
): PatternsIndex {
  const patterns = patternsBySlug(library).map((pattern) => patternEntry(pattern, site));
  return { version: EXPORT_VERSION, count: patterns.length, patterns };
}
