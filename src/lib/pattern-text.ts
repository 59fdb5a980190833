/**
 * What the text of a pattern says, in one shape for both formats: the input of the text features
 * (similar patterns, near-duplicates). One small adapter per format; everything downstream
 * (src/lib/similarity.ts) works on {@link PatternText} and never branches on the format.
 */
import type { PatternFrontmatter } from '../../schema/pattern.ts';
import type { ParsedBody } from './body.ts';
import type { PatternFormat } from './format.ts';
import type { OlderPattern } from './older-pattern.ts';
import type { OlderBody } from './older-body.ts';

/** A pattern's words, format-neutral. */
export interface PatternText {
  readonly slug: string;
  readonly title: string;
  readonly format: PatternFormat;
  readonly aliases: readonly string[];
  /** Context labels (v7.1; older files have none). */
  readonly labels: readonly string[];
  readonly keywords: readonly string[];
  /** The primary tension (v7.1; older files have none). */
  readonly tension: string;
  /** Every section (and the summary) as title and Markdown text. */
  readonly sections: readonly { readonly title: string; readonly text: string }[];
}

/** The text of a v7.1 pattern (its frontmatter and parsed body; the body's issues are not read). */
export function v71Text(
  frontmatter: PatternFrontmatter,
  body: Pick<ParsedBody, 'summary' | 'sections' | 'extras'>,
): PatternText {
  const { search_hints } = frontmatter.ontology;
  return {
    slug: frontmatter.slug,
    title: frontmatter.title,
    format: 'v7.1',
    aliases: frontmatter.aliases,
    labels: Object.values(frontmatter.context_labels),
    keywords: search_hints.vector_keywords,
    tension: search_hints.primary_tension,
    sections: [
      { title: 'Summary', text: body.summary ?? frontmatter.summary },
      ...body.sections.map(({ title, markdown }) => ({ title, text: markdown })),
      ...body.extras.map(({ heading, markdown }) => ({ title: heading, text: markdown })),
    ],
  };
}

/** The text of an older-format pattern (its model and body as written). */
export function olderText(
  model: OlderPattern,
  body: Pick<OlderBody, 'preamble' | 'sections'>,
): PatternText {
  return {
    slug: model.slug,
    title: model.title,
    format: 'older',
    aliases: model.aliases,
    labels: [],
    keywords: model.categories,
    tension: '',
    sections: [
      { title: '', text: body.preamble },
      ...body.sections.map(({ title, markdown }) => ({ title, text: markdown })),
    ],
  };
}

/** A parsed pattern file or a stored pattern, of either format. */
export type TextSource =
  | {
      readonly format: 'older' | 'incomplete';
      readonly model: OlderPattern;
      readonly body: Pick<OlderBody, 'preamble' | 'sections'>;
    }
  | {
      readonly format: 'v7.1';
      readonly frontmatter: PatternFrontmatter;
      readonly body: Pick<ParsedBody, 'summary' | 'sections' | 'extras'>;
    };

/** The text of a pattern of either format. */
export const patternText = (pattern: TextSource): PatternText =>
  pattern.format !== 'v7.1'
    ? olderText(pattern.model, pattern.body)
    : v71Text(pattern.frontmatter, pattern.body);
