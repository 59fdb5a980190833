/**
 * Deterministic generator of synthetic pattern libraries shaped like the real
 * one: v7.1 front matter with all seven groups, ~26 KB per file (the real
 * library averages 95 MB / 3,616 files), eight sections with per-lens
 * implementation paragraphs, Problem and Solution opening with the core
 * conflict and "Therefore, …", text with a natural word distribution (see
 * VOCABULARY), relationships among the generated patterns and ~20 % of
 * targets dangling ("wanted"); optionally mixed with older-format files
 * ({@link generateOlderPattern}) as the real library is. Same arguments → same bytes.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CORE_LENSES } from '../../schema/context-labels.ts';
import { ASSESSMENT_PILLARS } from '../../schema/ontology.ts';
import { RELATIONSHIP_TYPES } from '../../schema/relationships.ts';
import { SECTION_TITLES, SECTION_KEYS } from '../../src/lib/body.ts';

/**
 * The text's vocabulary, most frequent first, drawn with Zipf's law (the
 * chance of the word of rank r is proportional to 1/r), as in natural text:
 * function words, then the library's own vocabulary, then a long tail of
 * made-up words. The shape matters to search: a word's index chunk grows
 * with the number of patterns that hold it. Measured on the sample's 239
 * v7.1 files, a search record holds ~140 words of ~3,700 kinds, and words
 * such as "commons", "feedback" and "stewardship" are in 20 %, 10 % and 5 %
 * of the records; this vocabulary gives about the same.
 */
const FUNCTION_WORDS = (
  'the of and to a in is that for as with it be on by this are from or not its their when ' +
  'which can more than what where how each'
).split(' ');
const LIBRARY_WORDS = (
  'commons stewardship peer contribution governance value resilience autonomy ownership trust ' +
  'knowledge network purpose covenant consent voice practice system living pattern community ' +
  'movement platform public service product team boundary feedback vitality renewal care shared ' +
  'capacity learning adaptive emergent rhythm signal decision authority legitimacy circulation'
).split(' ');
const SYLLABLES = (
  'ba be bi bo bu da de di do du fa fe fi fo ka ke ki ko ku la le li lo lu ma me mi mo mu na ' +
  'ne ni no nu pa pe pi po ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo za ze zi'
).split(' ');
const TAIL_WORDS = 12_000;
/** Made-up word number `n` (two to four syllables, each one distinct). */
const madeUp = (n: number): string => {
  let word = '';
  for (let rest = n + SYLLABLES.length; rest > 0; rest = Math.floor(rest / SYLLABLES.length)) {
    word += SYLLABLES[rest % SYLLABLES.length] ?? '';
  }
  return `${word}n`;
};
const VOCABULARY = [
  ...FUNCTION_WORDS,
  ...LIBRARY_WORDS,
  ...Array.from({ length: TAIL_WORDS }, (_, n) => madeUp(n)),
];
/** Cumulative Zipf weights over VOCABULARY (rank r weighs 1/r). */
const CUMULATIVE = VOCABULARY.reduce<number[]>((sums, _, r) => {
  sums.push((sums[r - 1] ?? 0) + 1 / (r + 1));
  return sums;
}, []);
/** Rank of the first content word: titles, labels and keywords skip function words. */
const CONTENT = FUNCTION_WORDS.length;
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

/** Text drawn from `rand`: words by Zipf's law, Title Case runs, sentences, paragraphs. */
function writer(rand: () => number) {
  /** A word by Zipf's law, at rank `from` or beyond. */
  const word = (from = 0): string => {
    const low = CUMULATIVE[from - 1] ?? 0;
    const x = low + rand() * ((CUMULATIVE.at(-1) ?? 0) - low);
    let [lo, hi] = [from, CUMULATIVE.length - 1];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((CUMULATIVE[mid] ?? 0) < x) lo = mid + 1;
      else hi = mid;
    }
    return VOCABULARY[lo] ?? '';
  };
  const words = (n: number, from = 0): string =>
    Array.from({ length: n }, () => word(from)).join(' ');
  const capitalised = (n: number): string =>
    words(n, CONTENT).replace(
      /(^|\s)(\w)/g,
      (_, space: string, c: string) => space + c.toUpperCase(),
    );
  const sentence = (): string => {
    const s = words(8 + Math.floor(rand() * 14));
    return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
  };
  const paragraph = (n = 5): string => Array.from({ length: n }, sentence).join(' ');
  return { word, words, capitalised, sentence, paragraph };
}

const slugOf = (i: number): string => `synthetic-pattern-${String(i).padStart(5, '0')}`;

/** Share of the real library in the older format (1,555 of its 3,616 files). */
export const OLDER_SHARE = 0.43;

/** Whether pattern `index` of a mixed library is in the older format (evenly spread). */
const isOlder = (index: number, olderShare: number): boolean =>
  Math.floor((index + 1) * olderShare) > Math.floor(index * olderShare);

/** The older format's sections, as the real files number them (`## 1. Overview` …). */
const OLDER_SECTIONS = [
  'Overview',
  'Core Principles',
  'Key Practices',
  'Application Context',
  'Implementation',
  'Evidence & Impact',
  'Cognitive Era Considerations',
  'Commons Alignment Assessment (v2.0)',
  'Resources & References',
];

/**
 * A pattern in the older format, shaped like the real ones (~24 KB: 37 MB in 1,555 files):
 * `classification` and top-level relationship lists, a `# Title` line and nine numbered
 * sections at `##`, the assessment at `###` as many real files have it.
 */
export function generateOlderPattern(
  index: number,
  count: number,
  seed = 1,
): { slug: string; text: string } {
  const rand = random(seed * 1_000_003 + index);
  const { capitalised, paragraph } = writer(rand);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const slug = slugOf(index);
  const title = capitalised(2 + Math.floor(rand() * 2));
  const id = `pat_${Array.from({ length: 26 }, () => CROCKFORD.charAt(Math.floor(rand() * 32))).join('')}`;
  const related = Array.from({ length: Math.floor(rand() * 6) }, () =>
    slugOf(Math.floor(rand() * count)),
  );
  const frontmatter = [
    '---',
    `id: ${id}`,
    `slug: ${slug}`,
    `title: "${title}"`,
    'aliases: []',
    'version: 1.0',
    'created: 2026-01-28 00:00:00+00:00',
    'modified: 2026-01-28 00:00:00+00:00',
    'classification:',
    '  universality: domain',
    `  domain: ${pick(['operations', 'governance', 'technology', 'economics'])}`,
    '  category:\n  - framework',
    '  era: []',
    '  origin: []',
    '  status: draft',
    `  commons_alignment: ${String(1 + Math.floor(rand() * 5))}`,
    '  commons_domain:\n  - business',
    'generalizes_from: []',
    'specializes_to: []',
    'enables: []',
    'requires: []',
    related.length === 0 ? 'related: []' : `related:\n${related.map((r) => `- ${r}`).join('\n')}`,
    'contributors:\n- synthetic',
    'sources: []',
    'license: CC-BY-SA-4.0',
    'attribution: synthetic benchmark data',
    '---',
  ].join('\n');
  const sections = OLDER_SECTIONS.map((heading, i) => {
    const level = heading.startsWith('Commons') ? '###' : '##';
    const body = Array.from({ length: 4 }, () => paragraph(7)).join('\n\n');
    return `${level} ${String(i + 1)}. ${heading}\n\n${body}\n`;
  });
  return { slug, text: `${frontmatter}\n\n# ${title}\n\n${sections.join('\n')}` };
}

export function generatePattern(
  index: number,
  count: number,
  seed = 1,
): { slug: string; text: string } {
  const rand = random(seed * 1_000_003 + index);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const { word, words, capitalised, sentence, paragraph } = writer(rand);
  const slug = slugOf(index);
  const title = capitalised(2 + Math.floor(rand() * 2));
  const id = `pat_${Array.from({ length: 26 }, () => CROCKFORD.charAt(Math.floor(rand() * 32))).join('')}`;
  const score = (): string => (1 + Math.floor(rand() * 8) / 2).toFixed(1);
  const target = (): string =>
    rand() < 0.2
      ? `wanted-pattern-${String(Math.floor(rand() * count))}`
      : slugOf(Math.floor(rand() * count));
  const tension = `${capitalised(1)} vs. ${capitalised(1)}`;
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
    ...lenses.map((lens) => `  ${lens}: "${capitalised(4)}"`),
    'ontology:',
    `  domain: ${pick(DOMAINS)}`,
    `  cross_domains: [${pick(DOMAINS)}]`,
    '  commons_domain:\n    - life',
    '  search_hints:',
    `    primary_tension: "${tension}"`,
    `    vector_keywords: [${Array.from({ length: 5 }, () => `"${word(CONTENT)}"`).join(', ')}]`,
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
    // Problem and Solution open as in the real library: the core conflict, then "Therefore, …".
    const opening =
      key === 'problem'
        ? `> **The core conflict is ${tension}.**\n\n`
        : key === 'solution'
          ? `> **Therefore, ${`${sentence()} ${sentence()}`.toLowerCase()}**\n\n`
          : '';
    const body =
      key === 'implementation'
        ? lenses.map((lens) => `**In ${lens} contexts:** ${paragraph(6)}`).join('\n\n')
        : opening + Array.from({ length: 4 }, () => paragraph(8)).join('\n\n');
    return `### Section ${String(i + 1)}: ${SECTION_TITLES[key]}\n\n${body}\n\n---\n`;
  });
  const text = `${frontmatter}\n\n${sentence()} ${sentence()}\n\n> [!NOTE] Confidence Rating: ★★★ (Established)\n> ${sentence()}\n\n---\n\n${sections.join('\n')}`;
  return { slug, text };
}

/**
 * Writes `count` synthetic patterns into `dir` (emptied first); `olderShare` of them, spread
 * evenly, in the older format ({@link OLDER_SHARE} mixes them as the real library does).
 */
export async function generateLibrary(
  dir: string,
  count: number,
  seed = 1,
  olderShare = 0,
): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  for (let i = 0; i < count; i += 1) {
    const generate = isOlder(i, olderShare) ? generateOlderPattern : generatePattern;
    const { slug, text } = generate(i, count, seed);
    await writeFile(join(dir, `${slug}.md`), text);
  }
}
