/**
 * Deterministic generator of synthetic pattern libraries shaped like the real
 * one: v7.1 front matter with all seven groups, ~26 KB per file (the real
 * library averages 95 MB / 3,616 files), eight sections with per-lens
 * implementation paragraphs, relationships among the generated patterns and
 * ~20 % of targets dangling ("wanted"). Same (count, seed) → same bytes.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CORE_LENSES } from '../../schema/context-labels.ts';
import { ASSESSMENT_PILLARS } from '../../schema/ontology.ts';
import { RELATIONSHIP_TYPES } from '../../schema/relationships.ts';
import { SECTION_TITLES, SECTION_KEYS } from '../../src/lib/body.ts';

const WORDS = (
  'commons stewardship peer contribution governance value resilience autonomy ownership trust ' +
  'knowledge network purpose covenant consent voice practice system living pattern community ' +
  'movement platform public service product team boundary feedback vitality renewal care shared ' +
  'capacity learning adaptive emergent rhythm signal decision authority legitimacy circulation'
).split(' ');
const DOMAINS = [
  'governance',
  'collective-intelligence',
  'leadership',
  'decision-making',
  'strategy',
];
const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';

/** Mulberry32: a tiny, fast, seedable PRNG. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generatePattern(
  index: number,
  count: number,
  seed = 1,
): { slug: string; text: string } {
  const rand = random(seed * 1_000_003 + index);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const words = (n: number): string => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const sentence = (): string => {
    const s = words(8 + Math.floor(rand() * 14));
    return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
  };
  const paragraph = (n = 5): string => Array.from({ length: n }, sentence).join(' ');
  const slugOf = (i: number): string => `synthetic-pattern-${String(i).padStart(5, '0')}`;
  const slug = slugOf(index);
  const title = `Synthetic Pattern ${String(index)}`;
  const id = `pat_${Array.from({ length: 26 }, () => CROCKFORD.charAt(Math.floor(rand() * 32))).join('')}`;
  const score = (): string => (1 + Math.floor(rand() * 8) / 2).toFixed(1);
  const target = (): string =>
    rand() < 0.2
      ? `wanted-pattern-${String(Math.floor(rand() * count))}`
      : slugOf(Math.floor(rand() * count));
  const lenses = rand() < 0.1 ? [...CORE_LENSES, 'community'] : [...CORE_LENSES];
  const relationships = RELATIONSHIP_TYPES.map((type) => {
    const n = Math.floor(rand() * 4);
    if (n === 0) return `  ${type}: []`;
    const items = Array.from(
      { length: n },
      () => `    - slug: ${target()}\n      weight: ${(0.5 + rand() / 2).toFixed(2)}`,
    );
    return `  ${type}:\n${items.join('\n')}`;
  });
  const frontmatter = [
    '---',
    `id: ${id}`,
    `slug: ${slug}`,
    `title: "${title}"`,
    'aliases: []',
    `summary: >-\n  ${sentence()} ${sentence()}`,
    'context_labels:',
    ...lenses.map((lens) => `  ${lens}: "${title} for ${lens}"`),
    'ontology:',
    `  domain: ${pick(DOMAINS)}`,
    `  cross_domains: [${pick(DOMAINS)}]`,
    '  commons_domain:\n    - life',
    '  search_hints:',
    `    primary_tension: "${pick(WORDS)} vs. ${pick(WORDS)}"`,
    `    vector_keywords: [${Array.from({ length: 5 }, () => `"${pick(WORDS)}"`).join(', ')}]`,
    '  commons_assessment:',
    ...ASSESSMENT_PILLARS.map((pillar) => `    ${pillar}: ${score()}`),
    `    vitality_reasoning: >-\n      ${paragraph(2)}`,
    `    overall_score: 3.0`,
    'lifecycle:',
    `  usage_stage: ${pick(['recognition', 'design', 'application', 'operation'])}`,
    `  adoption_stage: ${pick(['early_adopters', 'growth', 'mature'])}`,
    '  status: draft',
    '  version: 0.1',
    `  confidence: ${String(1 + Math.floor(rand() * 3))}`,
    'relationships:',
    ...relationships,
    'graph_garden:',
    '  last_pruned: 2026-02-19',
    '  entities:',
    ...Array.from(
      { length: 8 },
      (_, i) =>
        `    - id: entity-${String(i)}\n      type: concept\n      label: "${words(2)}"\n      relevance: 0.8`,
    ),
    '  communities:',
    ...Array.from(
      { length: 4 },
      (_, i) =>
        `    - id: community-${String(i)}\n      label: "${words(2)}"\n      source: inferred\n      confidence: 0.8`,
    ),
    '  inferred_links:',
    ...Array.from(
      { length: 8 },
      () =>
        `    - target: ${target()}\n      type: complementary\n      confidence: 0.75\n      reason: "${sentence()}"`,
    ),
    'contributors: ["synthetic"]',
    'sources:\n  - "Generated"',
    'license: CC-BY-SA-4.0',
    'attribution: "synthetic benchmark data"',
    '---',
  ].join('\n');
  const sections = SECTION_KEYS.map((key, i) => {
    const body =
      key === 'implementation'
        ? lenses.map((lens) => `**In ${lens} contexts:** ${paragraph(6)}`).join('\n\n')
        : Array.from({ length: 3 }, () => paragraph(7)).join('\n\n');
    return `### Section ${String(i + 1)}: ${SECTION_TITLES[key]}\n\n${body}\n\n---\n`;
  });
  const text = `${frontmatter}\n\n${sentence()} ${sentence()}\n\n> [!NOTE] Confidence Rating: ★★★ (Established)\n> ${sentence()}\n\n---\n\n${sections.join('\n')}`;
  return { slug, text };
}

/** Writes `count` synthetic patterns into `dir` (emptied first). */
export async function generateLibrary(dir: string, count: number, seed = 1): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  for (let i = 0; i < count; i += 1) {
    const { slug, text } = generatePattern(i, count, seed);
    await writeFile(join(dir, `${slug}.md`), text);
  }
}
