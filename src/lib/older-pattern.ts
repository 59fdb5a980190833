/**
 * What the site (and `npm run migrate`) needs of a pattern shown as written — an older-format
 * file, or an incomplete v7.1 file (schema/incomplete.ts) — in the v7.1 words where the meaning
 * is the same: one small typed model made from the validated frontmatter and the body.
 */
import { PATTERN_ID } from '../../schema/identity.ts';
import type { HandWrittenGroup, IncompleteFrontmatter } from '../../schema/incomplete.ts';
import type { STATUSES } from '../../schema/lifecycle.ts';
import type { OlderFrontmatter } from '../../schema/older/pattern.ts';
import { OLDER_RELATIONSHIP_LISTS, V71_RELATIONSHIP_OF } from '../../schema/older/relationships.ts';
import { RELATIONSHIP_TYPES, type RelationshipType } from '../../schema/relationships.ts';
import type { OlderBody } from './older-body.ts';

/**
 * A relationship of an older file, under its v7.1 type: the related pattern's slug or id (many
 * older files name it by id: resolve it against the library), and the list it came from.
 */
export interface OlderRelationship {
  readonly target: string;
  /** Whether `target` is a slug or a pattern id. */
  readonly by: 'slug' | 'id';
  /** Where the file names it (`['related', 2]`), for messages that point at the line. */
  readonly path: readonly (string | number)[];
}

/** A contributor with an optional role. */
export interface OlderContributor {
  readonly name: string;
  readonly role?: string | undefined;
}

/** The normalised older-format pattern. */
export interface OlderPattern {
  readonly id: string;
  readonly slug: string;
  readonly title: string;
  readonly aliases: readonly string[];
  /** The Overview's first paragraph (Markdown), when there is one. */
  readonly summary: string | undefined;
  /** As ontology.domain. */
  readonly domain: string;
  /** As lifecycle.status. */
  readonly status: (typeof STATUSES)[number];
  /** As ontology.commons_domain. */
  readonly commons_domain: readonly string[];
  /** Classification categories (an incomplete v7.1 file: its search keywords). */
  readonly categories: readonly string[];
  readonly era: readonly string[];
  readonly origin: readonly string[];
  readonly universality: string | undefined;
  /** One 0–5 score (v7.1 has eight pillar scores instead; an incomplete file's overall score). */
  readonly commons_alignment: number | undefined;
  /** The top-level lists under their v7.1 relationship types (`related` → `complementary`). */
  readonly relationships: Readonly<Record<RelationshipType, readonly OlderRelationship[]>>;
  /** 0–1 (v7.1: lifecycle.confidence 1–3). */
  readonly confidence_score: number | undefined;
  readonly version: string | undefined;
  /** YYYY-MM-DD. */
  readonly created: string | undefined;
  /** YYYY-MM-DD: `modified`, else `last_updated`. */
  readonly modified: string | undefined;
  readonly contributors: readonly OlderContributor[];
  readonly sources: readonly string[];
  readonly license: string;
  readonly attribution: string | undefined;
  /** An incomplete v7.1 file's hand-written groups that are missing or partly invalid; [] otherwise. */
  readonly incomplete: readonly HandWrittenGroup[];
}

/** Every older relationship under its v7.1 type, in the v7.1 display order. */
export function olderRelationships(
  frontmatter: OlderFrontmatter,
): Record<RelationshipType, OlderRelationship[]> {
  const out = Object.fromEntries(
    RELATIONSHIP_TYPES.map((type): [RelationshipType, OlderRelationship[]] => [type, []]),
  ) as Record<RelationshipType, OlderRelationship[]>;
  for (const list of OLDER_RELATIONSHIP_LISTS) {
    frontmatter[list].forEach((target, index) => {
      const by = PATTERN_ID.test(target) ? 'id' : 'slug';
      out[V71_RELATIONSHIP_OF[list]].push({ target, by, path: [list, index] });
    });
  }
  return out;
}

/** The model of one validated older file. */
export function toOlderPattern(frontmatter: OlderFrontmatter, body: OlderBody): OlderPattern {
  const { classification } = frontmatter;
  return {
    id: frontmatter.id,
    slug: frontmatter.slug,
    title: frontmatter.title,
    aliases: frontmatter.aliases,
    summary: body.summary,
    domain: classification.domain,
    status: classification.status,
    commons_domain: classification.commons_domain,
    categories: classification.category,
    era: classification.era,
    origin: classification.origin,
    universality: classification.universality,
    commons_alignment: classification.commons_alignment,
    relationships: olderRelationships(frontmatter),
    confidence_score: frontmatter.confidence_score,
    version: frontmatter.version,
    created: frontmatter.created,
    modified: frontmatter.modified ?? frontmatter.last_updated,
    contributors: frontmatter.contributors.map((contributor) =>
      typeof contributor === 'string' ? { name: contributor } : contributor,
    ),
    sources: frontmatter.sources,
    license: frontmatter.license,
    attribution: frontmatter.attribution,
    incomplete: [],
  };
}

/** The domain of an incomplete pattern that names none: a facet value maintainers can list. */
export const UNCLASSIFIED_DOMAIN = 'unclassified';

/**
 * The model of an incomplete v7.1 file (see schema/incomplete.ts): what its valid fields say,
 * shown as written. Without a domain it is {@link UNCLASSIFIED_DOMAIN}; without a status, a draft.
 */
export function toIncompletePattern(
  frontmatter: IncompleteFrontmatter,
  incomplete: readonly HandWrittenGroup[],
): OlderPattern {
  const { ontology, lifecycle, relationships } = frontmatter;
  return {
    id: frontmatter.id,
    slug: frontmatter.slug,
    title: frontmatter.title,
    aliases: frontmatter.aliases,
    summary: frontmatter.summary,
    domain: ontology?.domain ?? UNCLASSIFIED_DOMAIN,
    status: lifecycle?.status ?? 'draft',
    commons_domain: ontology?.commons_domain ?? [],
    categories: ontology?.search_hints?.vector_keywords ?? [],
    era: [],
    origin: [],
    universality: undefined,
    commons_alignment: ontology?.commons_assessment?.overall_score,
    relationships: Object.fromEntries(
      RELATIONSHIP_TYPES.map((type): [RelationshipType, OlderRelationship[]] => [
        type,
        relationships[type].map(({ slug }, index) => ({
          target: slug,
          by: 'slug',
          path: ['relationships', type, index, 'slug'],
        })),
      ]),
    ) as Record<RelationshipType, OlderRelationship[]>,
    confidence_score: undefined,
    version: lifecycle?.version,
    created: undefined,
    modified: undefined,
    contributors: frontmatter.contributors.map((name) => ({ name })),
    sources: frontmatter.sources,
    license: frontmatter.license,
    attribution: frontmatter.attribution,
    incomplete,
  };
}
