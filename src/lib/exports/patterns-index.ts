/** `/api/patterns.json`: one light entry per pattern, in slug order. */
import { ASSESSMENT_PILLARS } from '../../../schema/ontology.ts';
import { summaryOf } from '../../model/stored.ts';
import type { LibraryModel, StoredPattern, StoredV71Pattern } from '../../model/types.ts';
import { EXPORT_VERSION, type PatternEntry, type PatternsIndex } from './shapes.ts';
import { patternsBySlug, type ExportSite } from './export-site.ts';

type Assessment = StoredV71Pattern['frontmatter']['ontology']['commons_assessment'];

/** The pillar scores a pattern has and its overall score (the vitality reasoning is left out). */
function scores(assessment: Assessment): Extract<PatternEntry, { format: 'v7.1' }>['scores'] {
  const pillars = ASSESSMENT_PILLARS.flatMap((pillar) => {
    const score = assessment[pillar];
    return score === undefined ? [] : [[pillar, score] as const];
  });
  return { ...Object.fromEntries(pillars), overall_score: assessment.overall_score };
}

function patternEntry(pattern: StoredPattern, site: ExportSite): PatternEntry {
  const { slug } = pattern;
  const links = {
    updated: site.updated(slug),
    url: site.page(slug),
    json_url: site.json(slug),
    markdown_url: site.markdown(slug),
  };
  if (pattern.format !== 'v7.1') {
    const { id, title, domain, status, commons_domain } = pattern.model;
    const summary = summaryOf(pattern);
    return {
      format: pattern.format,
      slug,
      id,
      title,
      summary,
      domain,
      status,
      commons_domain: [...commons_domain],
      ...links,
    };
  }
  const { id, title, summary, context_labels, ontology, lifecycle } = pattern.frontmatter;
  return {
    format: 'v7.1',
    slug,
    id,
    title,
    summary,
    context_labels,
    domain: ontology.domain,
    scores: scores(ontology.commons_assessment),
    lifecycle,
    ...links,
  };
}

export function patternsIndex(
  library: Pick<LibraryModel, 'bySlug'>,
  site: ExportSite,
): PatternsIndex {
  const patterns = patternsBySlug(library).map((pattern) => patternEntry(pattern, site));
  return { version: EXPORT_VERSION, count: patterns.length, patterns };
}
