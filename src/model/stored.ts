/** The stored form of a pattern and links to stored patterns (which may not exist yet). */
import { RELATIONSHIP_TYPES, type RelationshipType } from '../../schema/relationships.ts';
import type { PatternFile } from '../lib/pattern-file.ts';
import { titleFromSlug } from './labels.ts';
import type { PatternLink, StoredPattern } from './types.ts';

/** What the content loader stores for a parsed pattern: frontmatter and body structure, no issues. */
export function toStoredPattern(pattern: PatternFile): StoredPattern {
  const { file } = pattern;
  if (pattern.format !== 'v7.1') {
    const { heading, summary, preamble, sections } = pattern.body;
    const body = { heading, summary, preamble, sections };
    const { model } = pattern;
    return pattern.format === 'older'
      ? { format: 'older', slug: model.slug, file, frontmatter: pattern.frontmatter, model, body }
      : {
          format: 'incomplete',
          slug: model.slug,
          file,
          frontmatter: pattern.frontmatter,
          model,
          body,
        };
  }
  const { summary, confidence, sections, extras } = pattern.body;
  return {
    format: 'v7.1',
    slug: pattern.frontmatter.slug,
    file,
    frontmatter: pattern.frontmatter,
    body: { summary, confidence, sections, extras },
  };
}

/** The slug of each pattern id held by exactly one pattern (older files link by id too). */
export function slugsById(patterns: Iterable<StoredPattern>): ReadonlyMap<string, string> {
  const found = new Map<string, string | undefined>();
  for (const { frontmatter, slug } of patterns) {
    found.set(frontmatter.id, found.has(frontmatter.id) ? undefined : slug);
  }
  return new Map([...found].flatMap(([id, slug]) => (slug === undefined ? [] : [[id, slug]])));
}

/** A pattern's domain, in either format. */
export const domainOf = (pattern: StoredPattern): string =>
  pattern.format === 'v7.1' ? pattern.frontmatter.ontology.domain : pattern.model.domain;

/** The summary text of a pattern: v7.1's `summary`, an as-written pattern's model summary (or ''). */
export const summaryOf = (pattern: StoredPattern): string =>
  pattern.format === 'v7.1' ? pattern.frontmatter.summary : (pattern.model.summary ?? '');

/** A link to `slug`, titled when the pattern exists. */
export function linkTo(
  bySlug: ReadonlyMap<string, StoredPattern>,
  slug: string,
  weight?: number,
  description?: string,
): PatternLink {
  const target = bySlug.get(slug);
  return {
    slug,
    title: target?.frontmatter.title,
    exists: target !== undefined,
    weight,
    description,
  };
}

/** Display title of `slug`: the pattern's title, or one guessed from the slug for a wanted pattern. */
export function titleOf(bySlug: ReadonlyMap<string, StoredPattern>, slug: string): string {
  return bySlug.get(slug)?.frontmatter.title ?? titleFromSlug(slug);
}

/** A curated relationship as written: its type and the related slug, weight and description. */
export interface CuratedLink {
  readonly type: RelationshipType;
  readonly slug: string;
  readonly weight: number | undefined;
  readonly description: string | undefined;
}

/**
 * Every curated relationship of a pattern, in RELATIONSHIP_TYPES order then as written. An older
 * file's target written as a pattern id is looked up in `byId`; an id no single pattern holds is
 * left out (the check reports it).
 */
export function curatedLinks(
  pattern: StoredPattern,
  byId: ReadonlyMap<string, string>,
): CuratedLink[] {
  if (pattern.format === 'older') {
    return RELATIONSHIP_TYPES.flatMap((type) =>
      pattern.model.relationships[type].flatMap(({ target, by }) => {
        const slug = by === 'id' ? byId.get(target) : target;
        return slug === undefined
          ? []
          : [{ type, slug, weight: undefined, description: undefined }];
      }),
    );
  }
  return RELATIONSHIP_TYPES.flatMap((type) =>
    pattern.frontmatter.relationships[type].map(({ slug, weight, description }) => ({
      type,
      slug,
      weight,
      description,
    })),
  );
}
