/** The stored form of a pattern and links to stored patterns (which may not exist yet). */
import { RELATIONSHIP_TYPES, type RelationshipType } from '../../schema/relationships.ts';
import type { V71PatternFile } from '../lib/pattern-file.ts';
import { titleFromSlug } from './labels.ts';
import type { PatternLink, StoredPattern } from './types.ts';

/** What the content loader stores for a parsed pattern: frontmatter and body structure, no issues. */
export function toStoredPattern({ file, frontmatter, body }: V71PatternFile): StoredPattern {
  const { summary, confidence, sections, extras } = body;
  return {
    slug: frontmatter.slug,
    file,
    frontmatter,
    body: { summary, confidence, sections, extras },
  };
}

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

/** Every curated relationship of a pattern, in RELATIONSHIP_TYPES order then as written. */
export function curatedLinks(pattern: StoredPattern): CuratedLink[] {
  return RELATIONSHIP_TYPES.flatMap((type) =>
    pattern.frontmatter.relationships[type].map(({ slug, weight, description }) => ({
      type,
      slug,
      weight,
      description,
    })),
  );
}
