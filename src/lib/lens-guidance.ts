/**
 * Lens guidance: splits an Implementation section into the parts meant for each context lens
 * (corporate, government, activist, tech, and any extra lens a pattern declares) and the general
 * rest. Runs at site build time only (it parses Markdown with remark).
 *
 * A top-level block starts a lens when it leads with a label naming a lens:
 * - a paragraph opening with bold or italic text that holds or is followed by a colon
 *   (`**In corporate contexts:**`, `**Corporate context**:`, `**Tech context: Matching AI**`,
 *   `**Government agencies** (under deadlines):`), a bold tag (`**[Corporate callout]**`), or a
 *   bold prepositional phrase followed by a comma or text (`**In government**, embed …`);
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
import { parseMarkdown } from './markdown.ts';

/** Implementation Markdown split by lens; `byLens` has a key only for lenses with guidance. */
export interface LensGuidance {
  readonly general: string;
  readonly byLens: Readonly<Record<string, string>>;
}

/**
 * A top-level block (or lens-list item) and the lenses it belongs to (none: general), or an
 * excerpt: sentences, a clause or a list item inside a general block that address one lens.
 * Excerpts stay in the general text too; `group` numbers the block they come from, and `prefix`
 * is the list marker to put before an excerpt from inside a list item.
 */
export interface AttributedBlock {
  readonly start: number;
  readonly end: number;
  readonly lenses: readonly string[];
  readonly excerpt?: { readonly group: number; readonly prefix: string };
}

/**
 * The lens vocabulary, the one table of words that name a lens (regular-expression alternatives):
 * the four core lenses and `community`, the extra lens the default configuration declares
 * (src/config/site.ts: neighbourhoods and local groups). Any other lens is named by its own key
 * (`academic`: academic, academics; `public-health`: public health). Every lens is found by the
 * same phrasings.
 */
const LENS_WORDS: Readonly<Record<string, string>> = {
  corporate:
    'corporate|corporations?|organi[sz]ations?|organi[sz]ational|business(?:es)?|compan(?:y|ies)|enterprises?|firms?|employers?|workplaces?|managers?|executives?',
  government:
    'governments?|governmental|public[\\s-]+(?:service|sector|servants?|agency|agencies|administration)|civil[\\s-]+(?:service|servants?)|policy[\\s-]*makers?|agency|agencies|municipal(?:ities|ity)?|civic|ministr(?:y|ies)|officials?',
  activist:
    'activis(?:ts?|m)|movements?|organi[sz]ers?|organi[sz]ing|campaigners?|campaigns?|advocacy|grassroots',
  tech: 'tech|technology|technologists?|AI|products?|platforms?|software|engineer(?:s|ing)?|developers?|startups?|open[\\s-]+source',
  community: 'communit(?:y|ies)|neighbou?rhoods?|local\\s+groups?|mutual[\\s-]+aid|residents?',
};

const PREPOSITION = /^(?:in|for|within|inside|among|across|specific(?:ally)?\s+(?:to|for))\s/i;
const GENERIC_SCOPE = /\b(?:all|any|every|each|across|most|many|some|other)\b/i;
const PLAIN_LABEL = /^([^\n:.!?,]{1,80})([:,])(?=\s|$)/;
const NUMBERING = /^(?:(?:step|phase|stage|part)\s+\d+[.):]?|\d+[.)]|\(?[a-h]\))\s+/i;
/** A step title (`Engineer the Escalation Pathways`): a verb and its object, not a lens label. */
const IMPERATIVE = /^\S+\s+(?:the|a|an|your|our|their|its|this|these)\s/i;
const CONTEXT_ARTICLE =
  /^(?:an?|the)\s+(?=.*\b(?:context|example|implementation|parallel|translation|setting)s?$)/i;
const TAG = /^\[([^\]]{1,40})\]/;
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
    // Not the end of a hyphenated word: `over-engineering` and `non-government` name no lens.
    return { lens, pattern: new RegExp(`(?<![\\w-])(?:${words})\\b`, 'i') };
  });
}

/**
 * Lenses a label names, or none when it does not read as a lens label: it must be a
 * prepositional phrase of at most seven words (`Specific to` counts as a preposition) or (colon
 * labels only) at most four words led by a lens word, each of its conjuncts naming a lens
 * (`Corporate & government`, not a category such as `Software & Tools`), and not a step title
 * (`Engineer the Escalation Pathways`). Not counted: a leading number or step (`Step 2`), the
 * article of a context (`A corporate example`, not `A product manager reports`), square brackets
 * (`[Corporate callout]`), parentheses, lone slashes (`Corporate / Organizational Systems`) and
 * anything after a dash. It may not speak of all contexts (`Across all contexts`) or contain a
 * number (`Movement 1: …`). The words outside parentheses name lenses, and so does a parenthesis of at
 * most four words that qualifies the label (`For organizations (corporate & government)`,
 * `Step 2 (Corporate context)`); a longer one lists examples (`For corporate commons (internal
 * knowledge bases, shared tech infrastructure)`) and names none.
 */
function lensesOfLabel(label: Label, matchers: readonly LensMatcher[]): string[] {
  const numbered = label.text.trim().replace(NUMBERING, '').replace(CONTEXT_ARTICLE, '');
  const head = (numbered.replace(TAG, '$1').split(DASH)[0] ?? '').trim();
  const outside = head.replace(/\([^)]*\)/g, ' ').trim();
  const qualifiers = [...head.matchAll(/\(([^)]*)\)/g)]
    .map((match) => match[1] ?? '')
    .filter((inside) => wordsOf(inside).length <= 4);
  if (outside === '') {
    const [only] = qualifiers;
    return only === undefined ? [] : lensesOfLabel({ text: only, colon: label.colon }, matchers);
  }
  const words = wordsOf(outside);
  const firstWord = words[0] ?? '';
  const conjuncts = outside.split(/\s+(?:&|\+|and)\s+/i);
  const shaped =
    (PREPOSITION.test(outside) && words.length <= 7) ||
    (label.colon &&
      words.length <= 4 &&
      !IMPERATIVE.test(outside) &&
      matchers.some(({ pattern }) => pattern.test(firstWord)) &&
      conjuncts.every((conjunct) => lensesNamed(conjunct, matchers).length > 0));
  if (
    outside.length > MAX_LABEL_LENGTH ||
    !shaped ||
    GENERIC_SCOPE.test(outside) ||
    /\d/.test(outside)
  ) {
    return [];
  }
  const named = new Set(
    [outside, ...qualifiers].flatMap((text) => withoutQualifiedNouns(text, matchers)),
  );
  return matchers.map(({ lens }) => lens).filter((lens) => named.has(lens));
}

/** The words of a label, not counting lone slashes, ampersands and plus signs. */
const wordsOf = (text: string): string[] =>
  text
    .trim()
    .split(/\s+/)
    .filter((word) => !/^[/&+]?$/.test(word));

/**
 * Lenses named in a label, leaving out a lens named only by a noun that another lens word
 * qualifies: `tech companies` is tech, `activist/movement organizations` activist, while
 * `corporate/product teams` and `corporate and government contexts` name two lenses.
 */
function withoutQualifiedNouns(head: string, matchers: readonly LensMatcher[]): string[] {
  const spans = matchers.flatMap(({ lens, pattern }) =>
    [...head.matchAll(new RegExp(pattern.source, 'gi'))].map((match) => ({
      lens,
      start: match.index,
      end: match.index + match[0].length,
    })),
  );
  const qualified = (span: { lens: string; start: number }): boolean =>
    spans.some(
      (other) => other.lens !== span.lens && /^\s+$/.test(head.slice(other.end, span.start)),
    );
  const named = matchers
    .map(({ lens }) => lens)
    .filter((lens) => spans.some((span) => span.lens === lens));
  const heads = named.filter((lens) =>
    spans.some((span) => span.lens === lens && !qualified(span)),
  );
  return heads.length > 0 ? heads : named;
}

/** The text of inline Markdown; images count as nothing. */
const plainText = (nodes: readonly PhrasingContent[]): string =>
  toString([...nodes], { includeImageAlt: false });

/**
 * Label of a bold/italic lead: `**Label:**`, `**Label: Title**`, `**Label**:`,
 * `**Label** (detail):`, a tag `**[Label]**`, or a prepositional `**In government**, …`; other
 * bold leads (`**Map the system.**`) are no label.
 */
function emphasisLabel(children: readonly PhrasingContent[]): Label | undefined {
  const [lead, next] = children;
  if (lead?.type !== 'strong' && lead?.type !== 'emphasis') return undefined;
  const text = plainText(lead.children).trim();
  const after = next?.type === 'text' ? next.value : '';
  const colon = text.indexOf(':');
  if (colon > 0) return { text: text.slice(0, colon), colon: true };
  if (/^(?:\s*\([^)]*\))?\s*:/.test(after) || TAG.test(text)) return { text, colon: true };
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
      const [lead] = block.children;
      if (lead?.type === 'strong' || lead?.type === 'emphasis') return [];
      const plain = plainLabel(block.children);
      if (plain !== undefined && NEUTRAL_LEAD.test(plain.text)) return [];
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

/** A sentence or clause of a paragraph: its plain text and its source offsets. */
interface Sentence {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** The text of the bold or italic phrase the sentence opens with, if it opens with one. */
  readonly lead?: string;
}

const SENTENCE_END =
  /[.!?…]["'”’)]*\s+(?=["'“‘(*_[]?[A-Z0-9])|;\s+(?=(?:in|for|within|among|at)\s)|\s+(?=\([a-h]\)\s)/g;
const LEAD_PREPOSITION =
  /^(?:(?:in|for|within|inside|among|at|on)\s+(?:the\s+|a\s+|an\s+)?[^,:;.!?()—–]{1,60}?)(?:\s*\([^)]*\))?\s*(?=[,:—–])/i;
const LEAD_LABEL = /^([^,:;.!?()]{1,40}?)(?:\s*\([^)]*\))?\s*:\s/;
const LEAD_SUBJECT =
  /^(?:(an?|each|every|the|your|our)\s+)?((?:[\w/-]+\s+){0,2}[\w/-]+)\s+(?:might|could|can|should|would|may|will|must|needs?\s+to)\b/i;
const FREQUENCY = '(?:often|usually|typically|rarely|frequently|sometimes|routinely|tend\\s+to)';
const LEAD_ACTOR = new RegExp(
  `^(?:an?\\s+)((?:[\\w/-]+\\s+){0,2}?[\\w/-]+)\\s+(?:${FREQUENCY}\\s+)?(?!(?:is|was|has|does\\s+not)\\b)[a-z]+[^s\\W]s\\b`,
  'i',
);
const LEAD_ACTORS = new RegExp(
  `^((?:[\\w/-]+\\s+){0,2}[\\w/-]+s)\\s+(?:${FREQUENCY}\\b|(?!(?:and|or|nor|but|who|that|which|whose|of|in|on|at|for|with|from|to|into|by|as|than|are|were|is|was|have|has|had|do|does|did|be|been|the|a|an|this|these|their|its|not)\\b)[a-z]+\\b)`,
  'i',
);
const LEAD_CONDITION =
  /^if\s+you(?:['’]re|\s+are|\s+work|\s+lead|\s+run)?\s+(?:in|at|for|within|inside|an?|the)?\s*((?:an?\s+|the\s+)?[^,:;.!?]{1,40}?)\s*,/i;
const NEUTRAL_LEAD =
  /^(?:across|regardless|whatever|whichever|everywhere|universally|in\s+(?:all|any|every|each|both|either|every)\b)/i;
const GENERALISING_LEAD = /^(?:(?:but|yet|and)\s+)?(?:most|many|other|all)\s/i;
const PARENTHETICAL = /\((?=(?:for|in)\s[^:)]{1,60}:\s)([^()]*)\)/gi;

/**
 * The lens a sentence opens with, and whether the sentences after it continue it: a context
 * (`In corporate settings, …`) opens a passage; an example of one actor doing something
 * (`A corporate team does a 90-minute simulated outage.`) is that sentence alone.
 */
interface SentenceLens {
  readonly lens: string;
  readonly continues: boolean;
}

/** Lenses named in `text` (not the label shape, only the vocabulary). */
const lensesNamed = (text: string, matchers: readonly LensMatcher[]): string[] =>
  matchers.filter(({ pattern }) => pattern.test(text)).map(({ lens }) => lens);

/**
 * The one lens a sentence opens with, if it opens with a lens context: a prepositional lead
 * (`In corporate settings, …`, `For activists: …`), a short label (`Government context: …`), a
 * tag (`[Government] Include …`), a subject with a modal verb (`A corporate leader might …`) or
 * in bold (`**Corporate professionals** filing a claim …`: `lead` is the bold text), or a
 * condition (`If you work in government, …`); or with one lens's actor doing something (`A
 * corporate team does …`, `Activists use …`, `Tech teams often …`), which does not continue past
 * the sentence. A leading number or letter (`3.`, `(a)`) is skipped. A lead naming several
 * lenses, or followed by a clause naming another lens (`In corporate teams, government agencies
 * and activist networks, …`), opens with none, and so does an actor in a sentence that names
 * another lens.
 */
export function sentenceLens(
  text: string,
  matchers: readonly LensMatcher[],
  lead?: string,
): SentenceLens | undefined {
  const sentence = text.replace(/^[\s*_"“(]+/, '').replace(NUMBERING, '');
  if (NEUTRAL_LEAD.test(sentence)) return undefined;
  const candidates: [string, 'preposition' | 'label' | 'subject' | 'actor'][] = [];
  const tag = TAG.exec(sentence);
  if (tag !== null) candidates.push([tag[0], 'label']);
  if (
    lead !== undefined &&
    wordsOf(lead).length <= 3 &&
    sentence.startsWith(lead) &&
    /^\s+[a-z]/.test(sentence.slice(lead.length))
  ) {
    candidates.push([lead, 'subject']);
  }
  const preposition = LEAD_PREPOSITION.exec(sentence);
  if (preposition !== null) candidates.push([preposition[0], 'preposition']);
  const label = LEAD_LABEL.exec(sentence);
  if (label?.[1] !== undefined) candidates.push([label[1], 'label']);
  const subject = LEAD_SUBJECT.exec(sentence);
  // `The corporate professional might …` is a lens's actor; `The community should …` is the
  // pattern's own group, whatever lens its noun names.
  const definite = /^(?:the|your|our)$/i.test(subject?.[1] ?? '');
  if (subject?.[2] !== undefined && (!definite || wordsOf(subject[2]).length > 1)) {
    candidates.push([subject[2], 'subject']);
  }
  for (const actor of [LEAD_ACTOR.exec(sentence), LEAD_ACTORS.exec(sentence)]) {
    if (actor?.[1] !== undefined) candidates.push([actor[1], 'actor']);
  }
  const condition = LEAD_CONDITION.exec(sentence);
  if (condition?.[1] !== undefined) candidates.push([`in ${condition[1]}`, 'preposition']);
  for (const [lead, kind] of candidates) {
    const named =
      kind === 'preposition'
        ? lensesOfLabel({ text: lead, colon: false }, matchers)
        : kind === 'label'
          ? lensesOfLabel({ text: lead, colon: true }, matchers)
          : leadingLenses(lead, matchers);
    if (named[0] === undefined || named.length !== 1) continue;
    // An example names one actor only: `A tech lead documents it; a corporate team publishes it.`
    if (kind === 'actor' && lensesNamed(sentence, matchers).length > 1) continue;
    const rest = sentence.slice(lead.length);
    const listed = /^\s*,\s*((?:\S+\s+){0,2}\S+)/.exec(rest)?.[1] ?? '';
    if (lensesNamed(listed, matchers).some((other) => other !== named[0])) return undefined;
    return { lens: named[0], continues: kind !== 'actor' };
  }
  return undefined;
}

/** Lenses of a subject phrase whose first word is a lens word (`corporate leader`). */
function leadingLenses(subject: string, matchers: readonly LensMatcher[]): string[] {
  const [first = ''] = subject.split(/\s+/);
  if (GENERIC_SCOPE.test(subject)) return [];
  return matchers.some(({ pattern }) => pattern.test(first)) ? lensesNamed(subject, matchers) : [];
}

/**
 * The sentences of a paragraph (and semicolon clauses that open with a preposition), with source
 * offsets. Boundaries fall only in top-level text whose source reads as its value, or between
 * inline nodes, so a slice never cuts through emphasis, a link or code.
 */
function sentencesOf(children: readonly PhrasingContent[], markdown: string): Sentence[] {
  let text = '';
  const toSource: (number | undefined)[] = [];
  const leads = new Map<number, string>();
  for (const child of children) {
    const { start, end } = span(child);
    const value = plainText([child]);
    if (child.type === 'strong' || child.type === 'emphasis') leads.set(text.length, value);
    const exact = child.type === 'text' && markdown.slice(start, end) === value;
    for (let index = 0; index < value.length; index += 1) {
      toSource.push(exact || index === 0 ? start + index : undefined);
    }
    text += value;
  }
  const last = children[children.length - 1];
  const paragraphEnd = last === undefined ? 0 : span(last).end;
  const sentences: Sentence[] = [];
  let from = 0;
  const push = (to: number): void => {
    const start = toSource[from];
    const end = to < toSource.length ? toSource[to] : paragraphEnd;
    if (start === undefined || end === undefined) return;
    const source = markdown.slice(start, end).trimEnd();
    const lead = leads.get(from);
    sentences.push({
      text: text.slice(from, to).trim(),
      start,
      end: start + source.length,
      ...(lead === undefined ? {} : { lead }),
    });
    from = to;
  };
  for (const match of text.matchAll(SENTENCE_END)) {
    const to = match.index + match[0].length;
    if (toSource[to] !== undefined && (match[0].startsWith(';') || toSource[to - 1] !== undefined))
      push(to);
  }
  push(text.length);
  return sentences;
}

/** Parenthetical lens asides in source text: `(For corporate teams: … For activists: …)`. */
function asides(
  range: { start: number; end: number },
  markdown: string,
  matchers: readonly LensMatcher[],
): AttributedBlock[] {
  const found: AttributedBlock[] = [];
  for (const match of markdown.slice(range.start, range.end).matchAll(PARENTHETICAL)) {
    let at = range.start + match.index + 1;
    for (const part of (match[1] ?? '').split(/(?<=[.!?;]\s+)(?=(?:for|in)\s)/i)) {
      const lens = sentenceLens(part, matchers)?.lens;
      if (lens !== undefined) {
        found.push({ start: at, end: at + part.trimEnd().length, lenses: [lens] });
      }
      at += part.length;
    }
  }
  return found;
}

/**
 * Excerpts of one general paragraph: each sentence opening with a lens context, with the
 * sentences after it that continue it (until a sentence opening with another context, naming
 * several lenses or opening neutrally such as `Across contexts` or `But most teams`), each
 * example of one lens's actor alone, and parenthetical asides.
 */
function paragraphExcerpts(
  children: readonly PhrasingContent[],
  markdown: string,
  matchers: readonly LensMatcher[],
  excerpt: { group: number; prefix: string },
): AttributedBlock[] {
  const first = children[0];
  const last = children[children.length - 1];
  if (first === undefined || last === undefined) return [];
  const found = asides({ start: span(first).start, end: span(last).end }, markdown, matchers).map(
    (aside) => ({ ...aside, excerpt }),
  );
  const inAside = (offset: number): boolean =>
    found.some((aside) => offset >= aside.start - 1 && offset < aside.end + 1);
  let owner: string | undefined;
  let continues = true;
  for (const sentence of sentencesOf(children, markdown)) {
    const opening = inAside(sentence.start)
      ? undefined
      : sentenceLens(sentence.text, matchers, sentence.lead);
    if (!continues) owner = undefined;
    if (opening !== undefined) ({ lens: owner, continues } = opening);
    else if (
      inAside(sentence.start) ||
      NEUTRAL_LEAD.test(sentence.text) ||
      GENERALISING_LEAD.test(sentence.text) ||
      lensesNamed(sentence.text, matchers).some((lens) => lens !== owner)
    )
      owner = undefined;
    if (owner !== undefined) {
      found.push({ start: sentence.start, end: sentence.end, lenses: [owner], excerpt });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * Excerpts of a general top-level block: its paragraphs' sentences, its lens-led list items, and
 * so on down nested lists. Items number their groups inside the block's: `group` plus a fraction
 * of `width`, the part of the numbering the block may use.
 */
function blockExcerpts(
  block: RootContent,
  markdown: string,
  matchers: readonly LensMatcher[],
  group: number,
  width = 1,
): AttributedBlock[] {
  if (block.type === 'paragraph') {
    return paragraphExcerpts(block.children, markdown, matchers, { group, prefix: '' });
  }
  if (block.type !== 'list') return [];
  const itemWidth = width / (block.children.length + 1);
  return block.children.flatMap((item, index) => {
    const lenses = itemLenses(item, matchers);
    const { start } = span(item);
    const itemGroup = group + (index + 1) * itemWidth;
    if (lenses.length === 1) {
      return [{ ...span(item), lenses, excerpt: { group: itemGroup, prefix: '' } }];
    }
    if (lenses.length > 1) return [];
    const first = item.children[0];
    const prefix = first === undefined ? '' : markdown.slice(start, span(first).start);
    return item.children.flatMap((child) =>
      child.type === 'paragraph'
        ? paragraphExcerpts(child.children, markdown, matchers, {
            group: itemGroup,
            prefix: prefix.replace(/\s+$/, ' '),
          })
        : blockExcerpts(child, markdown, matchers, itemGroup, itemWidth),
    );
  });
}

/**
 * Top-level blocks of `markdown` with the lenses each belongs to, in document order, each general
 * block followed by its excerpts. `tree` is the Markdown already parsed with remark-parse and
 * remark-gfm, when the caller has it.
 */
export function attributeBlocks(
  markdown: string,
  lenses: readonly string[],
  tree: Root = parseMarkdown(markdown),
): AttributedBlock[] {
  const matchers = lensMatchers(lenses);
  const blocks: AttributedBlock[] = [];
  let owner: readonly string[] = [];
  tree.children.forEach((block, group) => {
    if (block.type === 'list' && isLensList(block, matchers)) {
      for (const item of block.children) {
        blocks.push({ ...span(item), lenses: itemLenses(item, matchers) });
      }
      owner = [];
      return;
    }
    const own = blockLenses(block, matchers);
    owner = own ?? owner;
    const excerpts = blockExcerpts(block, markdown, matchers, group);
    // A labelled paragraph that goes on to address other lenses is split by its sentences.
    const mixed =
      own !== undefined &&
      block.type === 'paragraph' &&
      excerpts.some((excerpt) => excerpt.lenses.some((lens) => !own.includes(lens)));
    if (mixed) owner = [];
    blocks.push({ ...span(block), lenses: owner });
    if (owner.length === 0) blocks.push(...excerpts);
  });
  return blocks;
}

/**
 * Markdown of the selected blocks and excerpts: adjacent blocks are sliced together to keep their
 * spacing, and consecutive excerpts of one block are joined into one paragraph.
 */
function collect(
  markdown: string,
  blocks: readonly AttributedBlock[],
  selected: (block: AttributedBlock) => boolean,
): string {
  const runs: { start: number; end: number; prefix: string; group: number | undefined }[] = [];
  let adjacent = false;
  for (const block of blocks) {
    const last = runs[runs.length - 1];
    const group = block.excerpt?.group;
    const joins =
      adjacent &&
      last !== undefined &&
      last.group === group &&
      (group === undefined || markdown.slice(last.end, block.start).trim() === '');
    if (!selected(block)) adjacent = false;
    else if (joins) last.end = block.end;
    else {
      runs.push({ start: block.start, end: block.end, prefix: block.excerpt?.prefix ?? '', group });
      adjacent = true;
    }
  }
  return runs.map((run) => run.prefix + markdown.slice(run.start, run.end)).join('\n\n');
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
    general: collect(
      implementationMarkdown,
      blocks,
      (block) => block.excerpt === undefined && block.lenses.length === 0,
    ),
    byLens: Object.fromEntries(byLens),
  };
}

/**
 * The label of a Known Uses entry: the bold or italic lead of a paragraph or list item, or a
 * heading's text; undefined for other blocks, which continue the entry before them.
 */
function entryLabel(block: RootContent | ListItem): string | undefined {
  if (block.type === 'heading') return plainText(block.children);
  if (block.type === 'listItem') {
    const [first] = block.children;
    return first === undefined ? undefined : entryLabel(first);
  }
  if (block.type !== 'paragraph') return undefined;
  const [lead] = block.children;
  return lead?.type === 'strong' || lead?.type === 'emphasis'
    ? plainText(lead.children)
    : undefined;
}

/**
 * The one lens a Known Uses label names (`Government agency redesign (US federal context)`,
 * `Tech engineering culture change (large FAANG company)`, `Case 1: Pixar (Corporate)`): by the
 * words outside parentheses, or if those name none, by those inside; a label naming several
 * lenses (outside, or inside: `(corporate + tech context)`), or longer than a label, names none.
 */
function entryLens(label: string, matchers: readonly LensMatcher[]): string | undefined {
  if (label.length > MAX_LABEL_LENGTH + 40) return undefined;
  const inside = [...label.matchAll(/\(([^)]*)\)/g)].map((match) => match[1] ?? '').join(' ');
  const outside = withoutQualifiedNouns(label.replace(/\([^)]*\)/g, ' '), matchers);
  const qualifier = withoutQualifiedNouns(inside, matchers);
  if (qualifier.length > 1) return undefined;
  const named = outside.length > 0 ? outside : qualifier;
  return named.length === 1 ? named[0] : undefined;
}

/**
 * Known Uses entries whose label names one lens, as Markdown per lens (keys in lens order, only
 * lenses with entries). An entry is a labelled paragraph with the unlabelled blocks after it, a
 * labelled list item, or a heading with the blocks up to the next heading.
 */
export function lensKnownUses(
  knownUsesMarkdown: string,
  lenses: readonly string[],
  tree: Root = parseMarkdown(knownUsesMarkdown),
): Readonly<Record<string, string>> {
  const matchers = lensMatchers(lenses);
  const entries: AttributedBlock[] = [];
  let owner: readonly string[] = [];
  for (const block of tree.children) {
    if (block.type === 'list') {
      for (const item of block.children) {
        const label = entryLabel(item);
        const lens = label === undefined ? undefined : entryLens(label, matchers);
        entries.push({ ...span(item), lenses: lens === undefined ? owner : [lens] });
      }
      continue;
    }
    const label = entryLabel(block);
    if (label !== undefined) {
      const lens = entryLens(label, matchers);
      owner = lens === undefined ? [] : [lens];
    }
    entries.push({ ...span(block), lenses: owner });
  }
  const byLens = lenses
    .map(
      (lens) =>
        [lens, collect(knownUsesMarkdown, entries, (e) => e.lenses.includes(lens))] as const,
    )
    .filter(([, markdown]) => markdown !== '');
  return Object.fromEntries(byLens);
}

/**
 * The lenses the opening of a guidance Markdown names: its first block's lens label, or else the
 * lens its first sentence opens with (none when it opens with neither). Lets a report check that
 * a lens page's guidance does not lead with another lens's.
 */
export function openingLenses(markdown: string, lenses: readonly string[]): string[] {
  const matchers = lensMatchers(lenses);
  const [first] = parseMarkdown(markdown).children;
  const block = first?.type === 'list' ? first.children[0]?.children[0] : first;
  if (block === undefined) return [];
  const labelled = blockLenses(block, matchers);
  if (labelled !== undefined && labelled.length > 0) return labelled;
  if (block.type !== 'paragraph') return [];
  const [sentence] = sentencesOf(block.children, markdown);
  const opening =
    sentence === undefined ? undefined : sentenceLens(sentence.text, matchers, sentence.lead);
  return opening === undefined ? [] : [opening.lens];
}
