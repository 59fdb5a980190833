/**
 * Lens guidance: splits an Implementation section into the parts meant for each context lens
 * (corporate, government, activist, tech, and any extra lens a pattern declares) and the general
 * rest. Runs at site build time only (it parses Markdown with remark).
 *
 * A top-level block starts a lens when it leads with a label naming a lens:
 * - a paragraph opening with bold or italic text that holds or is followed by a colon
 *   (`**In corporate contexts:**`, `**Corporate context**:`, `**Tech context: Matching AI**`), or
 *   a bold prepositional phrase followed by a comma or text (`**In government**, embed …`);
 * - a paragraph opening with a plain label ended by a colon, or a prepositional one ended by a
 *   comma (`In government: …`, `In **tech** contexts, …`), of at most 80 characters;
 * - a heading of level 4 or deeper (`#### In tech`).
 * The label must read as a lens label, not a sentence (see {@link lensesOfLabel}); lens words:
 * {@link LENS_WORDS}. A label naming several lenses goes to each of them.
 *
 * A lens block owns the unlabeled blocks after it until the next bold/italic label (lens or not),
 * heading or thematic break; plain leads that name no lens do not end it. A list whose items all
 * lead with lens labels is split by item. Label text stays in the Markdown, which is sliced from
 * the original by node offsets so it renders like the source.
 */

import type { List, ListItem, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** Implementation Markdown split by lens; `byLens` has a key only for lenses with guidance. */
export interface LensGuidance {
  readonly general: string;
  readonly byLens: Readonly<Record<string, string>>;
}

/** A top-level block (or lens-list item) and the lenses it belongs to (none: general). */
export interface AttributedBlock {
  readonly start: number;
  readonly end: number;
  readonly lenses: readonly string[];
}

const parser = unified().use(remarkParse).use(remarkGfm).freeze();

/** Words that identify the four standard lenses; other lenses are identified by their own name. */
const LENS_WORDS: Readonly<Record<string, string>> = {
  corporate:
    'corporate|corporations?|organi[sz]ations?|organi[sz]ational|business(?:es)?|compan(?:y|ies)|enterprises?',
  government:
    'governments?|governmental|public[\\s-]+(?:service|sector)|civil[\\s-]+(?:service|servants?)|policy[\\s-]*makers?',
  activist: 'activis(?:ts?|m)|movements?|organi[sz]ers?|campaigners?',
  tech: 'tech|technology|products?|platforms?|software|engineer(?:s|ing)?|developers?',
};

const PREPOSITION = /^(?:in|for|within|inside|among|across)\s/i;
const GENERIC_SCOPE = /\b(?:all|any|every|each|across|most|many|some|other)\b/i;
const PLAIN_LABEL = /^([^\n:.!?,]{1,80})([:,])(?=\s|$)/;
const NUMBERING = /^\d+[.)]\s+/;
const DASH = /\s*[—–]\s*|\s+-\s+/;
const MAX_LABEL_LENGTH = 80;

interface LensMatcher {
  readonly lens: string;
  readonly pattern: RegExp;
}

/** A block's leading label; labels not ended by a colon must be prepositional phrases. */
interface Label {
  readonly text: string;
  readonly colon: boolean;
}

function lensMatchers(lenses: readonly string[]): LensMatcher[] {
  return lenses.map((lens) => {
    const own = lens.replace(/[^\w-]/g, '').replace(/[-_]/g, '[\\s-]+');
    const words = Object.hasOwn(LENS_WORDS, lens)
      ? LENS_WORDS[lens]
      : `${own}s?|${own.replace(/y$/, 'ies')}`;
    return { lens, pattern: new RegExp(`\\b(?:${words})\\b`, 'i') };
  });
}

/**
 * Lenses a label names, or none when it does not read as a lens label: it must be a
 * prepositional phrase of at most seven words or (colon labels only) at most four words led by a
 * lens word, not counting a leading number, parentheses and anything after a dash; it may not
 * speak of all contexts (`Across all contexts`) or contain a number (`Movement 1: …`).
 */
function lensesOfLabel(label: Label, matchers: readonly LensMatcher[]): string[] {
  const head = (label.text.replace(NUMBERING, '').split(DASH)[0] ?? '').trim();
  const words = head
    .replace(/\([^)]*\)/g, ' ')
    .trim()
    .split(/\s+/);
  const firstWord = words[0] ?? '';
  const shaped =
    (PREPOSITION.test(head) && words.length <= 7) ||
    (label.colon && words.length <= 4 && matchers.some(({ pattern }) => pattern.test(firstWord)));
  if (head.length > MAX_LABEL_LENGTH || !shaped || GENERIC_SCOPE.test(head) || /\d/.test(head)) {
    return [];
  }
  return matchers.filter(({ pattern }) => pattern.test(head)).map(({ lens }) => lens);
}

/** The text of inline Markdown; images count as nothing. */
const plainText = (nodes: readonly PhrasingContent[]): string =>
  toString([...nodes], { includeImageAlt: false });

/**
 * Label of a bold/italic lead: `**Label:**`, `**Label: Title**`, `**Label**:`, or a
 * prepositional `**In government**, …`; other bold leads (`**Map the system.**`) are no label.
 */
function emphasisLabel(children: readonly PhrasingContent[]): Label | undefined {
  const [lead, next] = children;
  if (lead?.type !== 'strong' && lead?.type !== 'emphasis') return undefined;
  const text = plainText(lead.children).trim();
  const after = next?.type === 'text' ? next.value : '';
  const colon = text.indexOf(':');
  if (colon > 0) return { text: text.slice(0, colon), colon: true };
  if (after.startsWith(':')) return { text, colon: true };
  return PREPOSITION.test(text) && /^(?:,|\s|$)/.test(after) ? { text, colon: false } : undefined;
}

/** Label of a plain lead (`In government: …`, `In **tech** contexts, …`). */
function plainLabel(children: readonly PhrasingContent[]): Label | undefined {
  const match = PLAIN_LABEL.exec(plainText(children));
  return match?.[1] === undefined ? undefined : { text: match[1], colon: match[2] === ':' };
}

/**
 * How a block affects lens ownership: the lenses it starts (empty: back to general), or
 * undefined when it is an ordinary block that continues the current owner. Bold/italic labels,
 * headings and rules always end the current owner; plain leads only when they name a lens.
 */
function blockLenses(block: RootContent, matchers: readonly LensMatcher[]): string[] | undefined {
  switch (block.type) {
    case 'heading':
      return block.depth >= 4
        ? lensesOfLabel({ text: plainText(block.children), colon: true }, matchers)
        : [];
    case 'thematicBreak':
      return [];
    case 'paragraph': {
      const label = emphasisLabel(block.children);
      if (label !== undefined) return lensesOfLabel(label, matchers);
      const plain = plainLabel(block.children);
      const lenses = plain === undefined ? [] : lensesOfLabel(plain, matchers);
      return lenses.length > 0 ? lenses : undefined;
    }
    default:
      return undefined;
  }
}

function itemLenses(item: ListItem, matchers: readonly LensMatcher[]): string[] {
  const [first] = item.children;
  return first === undefined ? [] : (blockLenses(first, matchers) ?? []);
}

function isLensList(list: List, matchers: readonly LensMatcher[]): boolean {
  return list.children.every((item) => itemLenses(item, matchers).length > 0);
}

function span(node: RootContent): { start: number; end: number } {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) throw new Error('remark node without offsets');
  return { start, end };
}

/**
 * Top-level blocks of `markdown` with the lenses each belongs to, in document order. `tree` is
 * the Markdown already parsed with remark-parse and remark-gfm, when the caller has it.
 */
export function attributeBlocks(
  markdown: string,
  lenses: readonly string[],
  tree: Root = parser.parse(markdown),
): AttributedBlock[] {
  const matchers = lensMatchers(lenses);
  const blocks: AttributedBlock[] = [];
  let owner: readonly string[] = [];
  for (const block of tree.children) {
    if (block.type === 'list' && isLensList(block, matchers)) {
      for (const item of block.children) {
        blocks.push({ ...span(item), lenses: itemLenses(item, matchers) });
      }
      owner = [];
      continue;
    }
    owner = blockLenses(block, matchers) ?? owner;
    blocks.push({ ...span(block), lenses: owner });
  }
  return blocks;
}

/** Markdown of the selected blocks; adjacent ones are sliced together to keep their spacing. */
function collect(
  markdown: string,
  blocks: readonly AttributedBlock[],
  selected: (block: AttributedBlock) => boolean,
): string {
  const runs: { start: number; end: number }[] = [];
  let adjacent = false;
  for (const block of blocks) {
    const last = runs[runs.length - 1];
    if (!selected(block)) adjacent = false;
    else if (adjacent && last !== undefined) last.end = block.end;
    else {
      runs.push({ start: block.start, end: block.end });
      adjacent = true;
    }
  }
  return runs.map((run) => markdown.slice(run.start, run.end)).join('\n\n');
}

/** Splits Implementation Markdown (parsed as `tree`, when given) into general and per-lens guidance. */
export function splitLensGuidance(
  implementationMarkdown: string,
  lenses: readonly string[],
  tree?: Root,
): LensGuidance {
  const blocks = attributeBlocks(implementationMarkdown, lenses, tree);
  const byLens = lenses
    .map((lens) => {
      const markdown = collect(implementationMarkdown, blocks, (block) =>
        block.lenses.includes(lens),
      );
      return [lens, markdown] as const;
    })
    .filter(([, markdown]) => markdown !== '');
  return {
    general: collect(implementationMarkdown, blocks, (block) => block.lenses.length === 0),
    byLens: Object.fromEntries(byLens),
  };
}
