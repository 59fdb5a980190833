/**
 * A new pattern's first draft: a fresh id, a slug from the title, every frontmatter group with
 * placeholder values the schema accepts, and the eight section headings with one line of
 * guidance each. Shared by `npm run new` and the wanted page's "Write this pattern" links.
 * Pure: the clock and the random source are passed in ({@link SYSTEM_ENTROPY} by default).
 */
import { CORE_LENSES } from '../../schema/context-labels.ts';
import { ADOPTION_STAGES, STATUSES, USAGE_STAGES } from '../../schema/lifecycle.ts';
import { ASSESSMENT_PILLARS } from '../../schema/ontology.ts';
import { RELATIONSHIP_TYPES } from '../../schema/relationships.ts';
import { SECTION_KEYS, SECTION_TITLES, type SectionKey } from './body.ts';
import { confidenceLabel } from '../model/labels.ts';
import { freshDraftInput, type DraftInput } from './draft-template.ts';
import { SYSTEM_ENTROPY, type Entropy } from './pattern-id.ts';
import { DRAFT_ASKS, placeholder } from './placeholders.ts';

/** Longest slug the schema accepts. */
const MAX_SLUG_LENGTH = 120;

/**
 * The slug of a title: ASCII letters and digits (accents dropped, apostrophes removed) joined by
 * single hyphens, at most 120 characters cut at a hyphen. Empty when the title has no letter or
 * digit in the Latin alphabet.
 */
export function slugFromTitle(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
  const hyphen = cut.lastIndexOf('-');
  return (hyphen > 0 ? cut.slice(0, hyphen) : cut.slice(0, MAX_SLUG_LENGTH)).replace(/-$/, '');
}

/** One line of guidance under each section heading of a new pattern. */
export const SECTION_GUIDANCE: Readonly<Record<SectionKey, string>> = {
  context: 'Where and when the pattern arises: the situation, who is involved, what is at stake.',
  problem:
    'The tension the pattern resolves, opening with a bold line: **The core conflict is A vs. B.**',
  solution: 'What to do, opening with a bold line: **Therefore, …**, then why it works.',
  implementation:
    'How to put it into practice: one paragraph per lens, each opening with its label, e.g. **In corporate contexts:** …',
  consequences: 'What flourishes and what risks emerge when the pattern is applied.',
  'known-uses': 'Real, named examples of the pattern at work, with sources where you can.',
  'cognitive-era': 'How AI and networked intelligence change the pattern: new leverage, new risks.',
  vitality: 'Signs of life, signs of decay, and when to replant.',
};

const quote = (text: string): string => JSON.stringify(text);
/** A placeholder from {@link DRAFT_ASKS}, as a quoted YAML string. */
const ask = (what: keyof typeof DRAFT_ASKS): string => quote(placeholder(DRAFT_ASKS[what]));
const choices = (values: readonly string[]): string => `# ${values.join(', ')}`;

/** The text of a new pattern file: frontmatter with placeholders, then the body's skeleton. */
export function draftPattern({ title, slug, id, date }: DraftInput): string {
  const confidence = confidenceLabel(1);
  const frontmatter = [
    '# Pattern file in the v7.1 format: every field is described in CONTRIBUTING.md.',
    '# 1 Identity: the id never changes; the slug is the file name.',
    `id: ${id}`,
    `slug: ${slug}`,
    `title: ${quote(title)}`,
    'aliases: []',
    `summary: ${ask('summary')}`,
    '',
    "# 2 Context labels: the pattern's name in each lens.",
    'context_labels:',
    ...CORE_LENSES.map((lens) => `  ${lens}: ${quote(title)}`),
    '',
    '# 3 Ontology: where the pattern sits and how well it serves the commons.',
    'ontology:',
    '  domain: unclassified',
    '  cross_domains: []',
    '  commons_domain: []',
    '  search_hints:',
    `    primary_tension: ${ask('primaryTension')}`,
    '    vector_keywords: []',
    '  commons_assessment: # each pillar 0–5; overall_score near their mean',
    ...ASSESSMENT_PILLARS.map((pillar) => `    ${pillar}: 0`),
    `    vitality_reasoning: ${ask('vitalityReasoning')}`,
    '    overall_score: 0',
    '',
    '# 4 Lifecycle',
    'lifecycle:',
    `  usage_stage: ${USAGE_STAGES[0]} ${choices(USAGE_STAGES)}`,
    `  adoption_stage: ${ADOPTION_STAGES[0]} ${choices(ADOPTION_STAGES)}`,
    `  status: ${STATUSES[0]} ${choices(STATUSES)}`,
    '  version: "0.1"',
    '  confidence: 1 # 1 emerging, 2 developing, 3 established',
    '',
    '# 5 Relationships: lists of { slug, weight 0–1 }, to written or wanted patterns.',
    'relationships:',
    ...RELATIONSHIP_TYPES.map((type) => `  ${type}: []`),
    '',
    '# 6 Graph garden: machine-written; leave it as it is.',
    'graph_garden:',
    `  last_pruned: ${date}`,
    '  entities: []',
    '  communities: []',
    '  inferred_links: []',
    '',
    '# 7 Provenance',
    `contributors: [${ask('contributor')}]`,
    'sources: []',
    'license: CC-BY-SA-4.0',
    `attribution: ${ask('attribution')}`,
  ];
  const sections = SECTION_KEYS.map(
    (key, index) =>
      `### Section ${String(index + 1)}: ${SECTION_TITLES[key]}\n\n${placeholder(SECTION_GUIDANCE[key])}`,
  );
  const summary = placeholder(DRAFT_ASKS.bodySummary);
  const callout = [
    `> [!NOTE] Confidence Rating: ${confidence.stars} (${confidence.words})`,
    `> ${placeholder(DRAFT_ASKS.confidence)}`,
  ].join('\n');
  return `---\n${frontmatter.join('\n')}\n---\n\n${summary}\n\n${callout}\n\n---\n\n${sections.join('\n\n---\n\n')}\n`;
}

/** A new pattern titled `title`: a fresh id, today's date, and its file's text. */
export function newDraft(
  title: string,
  slug: string,
  entropy: Entropy = SYSTEM_ENTROPY,
): { readonly id: string; readonly text: string } {
  const input = freshDraftInput(title, slug, entropy);
  return { id: input.id, text: draftPattern(input) };
}

/** What `npm run new` prints once it has written `file`: the file, then what to fill in next. */
export function nextSteps(file: string, id: string): string[] {
  return [
    `Created ${file} (id ${id}).`,
    '',
    'Next, replace every placeholder:',
    '  1. summary, and the summary paragraph below the frontmatter;',
    "  2. context_labels: the pattern's name in each lens;",
    '  3. ontology: domain, primary tension, keywords, the eight pillar scores (0–5), overall_score;',
    "  4. lifecycle: stages and confidence (and the confidence callout's stars to match);",
    '  5. relationships: related patterns as { slug, weight };',
    '  6. contributors, sources and attribution;',
    '  7. the eight sections, each under its heading.',
    '',
    `Then run npm run check -- ${file}: it lists every placeholder left as an error`,
    '(errors must go; warnings may stay)',
    'and open a pull request: see CONTRIBUTING.md.',
  ];
}
