/**
 * `npm run migrate`'s pure part: an older-format file → the same file with v7.1 frontmatter,
 * in the reference file's layout and key order (patterns/commons-based-peer-production.md).
 * What the older file says is carried over; what it cannot say (the context labels, the primary
 * tension, the eight pillar scores, the usage and adoption stages…) is written as a
 * {@link placeholder} that `npm run check` reports as an error naming the field. The body after
 * the frontmatter is kept byte for byte.
 */
import { ASSESSMENT_PILLARS } from '../../schema/ontology.ts';
import { PATTERN_ID } from '../../schema/identity.ts';
import { CORE_LENSES, type CoreLens } from '../../schema/context-labels.ts';
import { RELATIONSHIP_TYPES } from '../../schema/relationships.ts';
import { decodeSource } from './source.ts';
import { detectFormat } from './format.ts';
import { readFrontmatter } from './frontmatter.ts';
import type { OlderPattern } from './older-pattern.ts';
import { readPatternFile } from './pattern-file.ts';
import { placeholder } from './placeholders.ts';

/** What migrating one file gave. */
export type Migration =
  | { readonly kind: 'migrated'; readonly bytes: Uint8Array; readonly frontmatter: string }
  | { readonly kind: 'skipped'; readonly reason: string }
  | { readonly kind: 'failed'; readonly reason: string };

export interface MigrateOptions {
  /** The slug of the pattern with this id, when the library has one. */
  readonly slugOfId: (id: string) => string | undefined;
}

const LENS_AUDIENCE: Readonly<Record<CoreLens, string>> = {
  corporate: 'organisations and companies',
  government: 'public service',
  activist: 'movements and activists',
  tech: 'products and platforms',
};

const BANNER = '═'.repeat(67);
const banner = (title: string): string => `# ${BANNER}\n# ${title}\n# ${BANNER}`;

/** A YAML scalar: JSON strings are valid YAML double-quoted scalars. */
const scalar = (value: string | number): string =>
  typeof value === 'number' ? String(value) : JSON.stringify(value);

/** A list of strings: `[]`, or one `- "item"` per line at `indent`. */
function list(items: readonly string[], indent: string): string {
  return items.length === 0 ? ' []' : items.map((item) => `\n${indent}- ${scalar(item)}`).join('');
}

/** lifecycle.confidence (1–3) from a 0–1 confidence score, in thirds. */
export const confidenceOf = (score: number): 1 | 2 | 3 =>
  score > 2 / 3 ? 3 : score > 1 / 3 ? 2 : 1;

/** The byte offset at which 1-based `line` starts. */
function lineOffset(bytes: Uint8Array, line: number): number {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const next = bytes.indexOf(10, offset);
    if (next === -1) return bytes.length;
    offset = next + 1;
  }
  return offset;
}

/** Migrates one older-format file given its bytes; `file` names it in messages. */
export function migratePattern(
  file: string,
  bytes: Uint8Array,
  options: MigrateOptions,
): Migration {
  const decoded = decodeSource(bytes);
  if (!decoded.ok) return { kind: 'failed', reason: decoded.message };
  let bodyLine: number;
  try {
    const read = readFrontmatter(decoded.text);
    bodyLine = read.bodyLine;
    if (detectFormat(read.data as Record<string, unknown>) === 'v7.1') {
      return { kind: 'skipped', reason: 'already in the v7.1 format' };
    }
  } catch (error) {
    return { kind: 'failed', reason: error instanceof Error ? error.message : String(error) };
  }
  const { pattern, diagnostics } = readPatternFile(file, bytes);
  if (pattern?.format !== 'older') {
    const first = diagnostics.find((d) => d.severity === 'error');
    return {
      kind: 'failed',
      reason: `its frontmatter has errors; fix them first${first ? ` (line ${String(first.line)}: ${first.path}: ${first.message})` : ''}`,
    };
  }
  const frontmatter = v71Frontmatter(pattern.model, options);
  const head = new TextEncoder().encode(`---\n${frontmatter}---\n`);
  const body = bytes.subarray(lineOffset(bytes, bodyLine));
  const out = new Uint8Array(head.length + body.length);
  out.set(head);
  out.set(body, head.length);
  return { kind: 'migrated', bytes: out, frontmatter };
}

/** The v7.1 frontmatter text (without the `---` fences) for an older pattern. */
export function v71Frontmatter(model: OlderPattern, options: MigrateOptions): string {
  const title = model.title;
  const id = PATTERN_ID.test(model.id)
    ? model.id
    : placeholder('a pattern id ("npm run new" makes one)');
  const relationship = (type: (typeof RELATIONSHIP_TYPES)[number]): string => {
    const links = model.relationships[type].map(({ target, by }) =>
      by === 'id'
        ? (options.slugOfId(target) ?? placeholder(`the slug of the pattern with id ${target}`))
        : target,
    );
    return `  ${type}:${links.length === 0 ? ' []' : links.map((slug) => `\n    - slug: ${scalar(slug)}`).join('')}`;
  };
  const lastPruned =
    model.modified ??
    model.created ??
    placeholder('the date the pattern was last changed, YYYY-MM-DD');
  return [
    banner('GROUP 1: CORE IDENTITY'),
    `id: ${scalar(id)}`,
    `slug: ${model.slug}`,
    `title: ${scalar(title)}`,
    `aliases:${list(model.aliases, '  ')}`,
    `summary: ${scalar(model.summary ?? placeholder('a one- to three-sentence summary'))}`,
    '',
    banner('GROUP 2: CONTEXTUAL TRANSLATION (The Navigator Engine)'),
    'context_labels:',
    ...CORE_LENSES.map(
      (lens) =>
        `  ${lens}: ${scalar(placeholder(`the title of the pattern for ${LENS_AUDIENCE[lens]}`))}`,
    ),
    '',
    banner('GROUP 3: ONTOLOGY & SEARCH OPTIMIZATION (The RAG Fuel)'),
    'ontology:',
    `  domain: ${model.domain}`,
    '  cross_domains: []',
    `  commons_domain:${list(model.commons_domain, '    ')}`,
    '  search_hints:',
    `    primary_tension: ${scalar(placeholder('the core tension the pattern resolves, "A vs. B"'))}`,
    `    vector_keywords:${list([...model.aliases, ...model.categories], '      ')}`,
    '  commons_assessment:',
    ...ASSESSMENT_PILLARS.map(
      (pillar) =>
        `    ${pillar}: ${scalar(placeholder(`the ${pillar.replaceAll('_', ' ')} score, 0–5`))}`,
    ),
    `    vitality_reasoning: ${scalar(placeholder('why the vitality score is what it is'))}`,
    `    overall_score: ${scalar(model.commons_alignment ?? placeholder('the overall score, 0–5'))}`,
    '',
    banner('GROUP 4: LIFECYCLE & CONFIDENCE'),
    'lifecycle:',
    `  usage_stage: ${scalar(placeholder('recognition, design, application or operation'))}`,
    `  adoption_stage: ${scalar(placeholder('early_adopters, growth or mature'))}`,
    `  status: ${model.status}`,
    `  version: ${scalar(model.version ?? '1.0')}`,
    `  confidence: ${scalar(model.confidence_score === undefined ? placeholder('1 emerging, 2 developing or 3 established') : confidenceOf(model.confidence_score))}`,
    '',
    banner('GROUP 5: HARD RELATIONSHIPS (Human-Curated Graph)'),
    'relationships:',
    ...RELATIONSHIP_TYPES.map(relationship),
    banner('GROUP 6: GRAPH GARDEN (Machine-Written Graph)'),
    'graph_garden:',
    `  last_pruned: ${scalar(lastPruned)}`,
    '  entities: []',
    '  communities: []',
    '  inferred_links: []',
    banner('GROUP 7: PROVENANCE'),
    `contributors:${list(
      model.contributors.length === 0
        ? [placeholder('who wrote the pattern')]
        : model.contributors.map(({ name }) => name),
      '  ',
    )}`,
    `sources:${list(model.sources, '  ')}`,
    `license: ${model.license}`,
    `attribution: ${scalar(model.attribution ?? placeholder('the attribution line the licence requires'))}`,
    '',
  ].join('\n');
}
