/**
 * Display words of the site: relationship headings, pillar and value labels,
 * confidence words, and the one text order every list uses. Pure data and string functions.
 */
import type { AssessmentPillar } from '../../schema/ontology.ts';
import { RELATIONSHIP_TYPES, type RelationshipType } from '../../schema/relationships.ts';

/** Words kept lowercase inside a title guessed from a slug (never the first word). */
const MINOR_WORDS = new Set(
  'a an and as at but by for from in into of on or the to via vs with'.split(' '),
);

const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** Title guessed from a slug: "peer-review" → "Peer Review", "theory-of-change" → "Theory of Change". */
export function titleFromSlug(slug: string): string {
  return slug
    .split('-')
    .filter((word) => word !== '')
    .map((word, index) => (index > 0 && MINOR_WORDS.has(word) ? word : capitalise(word)))
    .join(' ');
}

/** Label of a snake_case or kebab-case value in sentence case: "early_adopters" → "Early adopters". */
export function valueLabel(value: string): string {
  return capitalise(value.replace(/[_-]+/g, ' '));
}

/** Headings of each relationship type, seen from the pattern that lists it and from its target. */
export const RELATIONSHIP_LABELS: Readonly<
  Record<RelationshipType, { readonly outgoing: string; readonly incoming: string }>
> = {
  generalizes_from: { outgoing: 'Generalizes from', incoming: 'Generalization of' },
  specializes_to: { outgoing: 'Specializes to', incoming: 'Specialized from' },
  enables: { outgoing: 'Enables', incoming: 'Enabled by' },
  requires: { outgoing: 'Requires', incoming: 'Required by' },
  alternatives: { outgoing: 'Alternatives', incoming: 'Alternative to' },
  complementary: { outgoing: 'Complementary', incoming: 'Complemented by' },
  tools: { outgoing: 'Tools', incoming: 'Tool for' },
};

/** Display label of an assessment pillar: "stakeholder_architecture" → "Stakeholder architecture". */
export const pillarLabel = (pillar: AssessmentPillar): string => valueLabel(pillar);

/**
 * Confidence words per level. The corpus only ever shows ★★★ "Established"; "Emerging" (1) and
 * "Developing" (2) are our choice, matching the schema's description of `lifecycle.confidence`.
 */
const CONFIDENCE_WORDS: Readonly<Record<number, string>> = {
  1: 'Emerging',
  2: 'Developing',
  3: 'Established',
};

const MAX_CONFIDENCE = 3;

/** Confidence as stars out of three ("★★☆") and words ("Developing"). */
export function confidenceLabel(level: number): { stars: string; words: string } {
  const filled = Math.max(0, Math.min(MAX_CONFIDENCE, Math.round(level)));
  return {
    stars: '★'.repeat(filled) + '☆'.repeat(MAX_CONFIDENCE - filled),
    words: CONFIDENCE_WORDS[filled] ?? 'Unrated',
  };
}

/** Position of a relationship type in RELATIONSHIP_TYPES, for sorting. */
export const relationshipRank = (type: RelationshipType): number =>
  RELATIONSHIP_TYPES.indexOf(type);
