/**
 * Text similarity between patterns, offline and deterministic: each pattern's words (see
 * {@link termCounts}) weighted by TF-IDF, pruned to its {@link TOP_TERMS} heaviest terms, compared
 * by cosine through an inverted index over those terms (only patterns that share a kept term are
 * ever scored). Used for "Similar patterns" (top {@link NEIGHBOURS}) and near-duplicate warnings.
 * Pure: plain data in and out, so term counts can be made on worker threads.
 */
import { stemmer } from 'stemmer';
import type { PatternText } from './pattern-text.ts';

/**
 * A document's terms and their weighted counts, most frequent first (then alphabetically): two
 * lists of the same length, sendable plain data (one pair per term cost the check three times
 * as much to send from its worker threads).
 */
export interface TermCounts {
  readonly terms: readonly string[];
  readonly counts: readonly number[];
}

/** Code-point order: the same everywhere, whatever the locale. */
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Terms a pattern keeps before weighting: its most frequent ones (by weighted count, then
 * alphabetically). Words a text uses once or twice rarely decide what it is about; dropping them
 * keeps the data sent between threads and the vectors small.
 */
export const FREQUENT_TERMS = 200;
/**
 * Characters of each section counted (cut back to a space): a section's opening says what it is
 * about, and counting every word of the real library's long sections (70 MB in all) took most of
 * the similarity pass's time. Measured on the real library: see README, "Near-duplicates".
 */
export const SECTION_OPENING = 1500;
/** Terms kept per pattern after TF-IDF weighting (the rest count for nothing). */
export const TOP_TERMS = 60;
/** Similar patterns listed per pattern. */
export const NEIGHBOURS = 5;
/**
 * When two patterns are near-duplicates: their texts' cosine reaches `text`, or their titles
 * overlap by `titleOverlap` (shared title words over the shorter title's) and their texts' cosine
 * reaches `textWithTitle`. Chosen on the real library (3,616 files): see README, "Near-duplicates".
 */
export const DUPLICATE_THRESHOLDS: DuplicateThresholds = {
  text: 0.6,
  titleOverlap: 0.6,
  textWithTitle: 0.4,
};

export interface DuplicateThresholds {
  readonly text: number;
  readonly titleOverlap: number;
  readonly textWithTitle: number;
}

/** Title words that say nothing about which pattern it is ("Gateway Routing Pattern"). */
const GENERIC_TITLE_WORDS: ReadonlySet<string> = new Set(
  [
    'pattern',
    'model',
    'framework',
    'system',
    'approach',
    'methodology',
    'method',
    'documented',
  ].map((word) => stemmer(word)),
);

/** How many times a field's words count, against 1 for section text. */
const FIELD_WEIGHTS = { title: 6, aliases: 3, labels: 2, keywords: 2, tension: 2 } as const;

/** Small English stop-word list: function words that carry no topic. */
const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are as at be because been before being
  below between both but by can could did do does doing down during each either few for from further
  had has have having he her here hers him his how i if in into is it its itself just may me might
  more most must my no nor not now of off on once only or other our ours out over own same shall she
  should so some such than that the their theirs them then there these they this those through to
  too under until up upon us very via was we were what when where which while who whom why will with
  within without would you your yours`.split(/\s+/),
);

/**
 * Runs of characters that are not ASCII letters or digits, Latin-1 punctuation or general
 * punctuation (dashes, curly quotes), after lower-casing: a plain character class splits text
 * twice as fast as `\p{L}`; a piece without a letter is then dropped once per distinct piece.
 */
const SEPARATORS = /[^a-z0-9\u00c0-\u1fff\u2070-\uffff]+/;
const HAS_LETTER = /\p{L}/u;
const URL = /\bhttps?:\/\/\S+/gi;

/** Stems of the pieces seen so far ('' for a stop word or a piece without a letter). */
const stems = new Map<string, string>();

const stemOf = (piece: string): string => {
  let stem = stems.get(piece);
  if (stem === undefined) {
    const word = piece.length <= 40 && !STOP_WORDS.has(piece) && HAS_LETTER.test(piece);
    stem = word ? stemmer(piece) : '';
    stems.set(piece, stem);
  }
  return stem;
};

/** Calls `use` with each piece of a text between separators: lower case, URLs left out. */
function eachPiece(text: string, use: (piece: string) => void): void {
  for (const piece of text.replace(URL, ' ').toLowerCase().split(SEPARATORS)) {
    if (piece !== '') use(piece);
  }
}

/** Calls `use` with each normalised word of a text: lower case, URLs left out, stop words left out, stemmed. */
function eachWord(text: string, use: (word: string) => void): void {
  eachPiece(text, (piece) => {
    const stem = stemOf(piece);
    if (stem !== '') use(stem);
  });
}

/** Normalised words of a text (see {@link eachWord}). */
export function words(text: string): string[] {
  const out: string[] = [];
  eachWord(text, (word) => out.push(word));
  return out;
}

/** The first {@link SECTION_OPENING} characters of a text, cut back to a space. */
function opening(text: string): string {
  if (text.length <= SECTION_OPENING) return text;
  const space = text.lastIndexOf(' ', SECTION_OPENING);
  return text.slice(0, space > 0 ? space : SECTION_OPENING);
}

/**
 * Whether a UTF-16 code unit of lower-cased text belongs to a piece: the complement of
 * {@link SEPARATORS}, tested on char codes so that {@link termCounts} needs no regular expression.
 */
const inPiece = (code: number): boolean =>
  code >= 0x61
    ? code <= 0x7a || (code >= 0xc0 && code <= 0x1fff) || code >= 0x2070
    : code >= 0x30 && code <= 0x39;

/**
 * Every distinct piece {@link termCounts} has met, found by its characters without making a
 * string of it: an open-addressing hash table (FNV-1a over the code units, linear probing) whose
 * slots hold, side by side, a piece's hash, the number of its stem (-1: not a word, see
 * {@link stemOf}) and where its characters stand in `chars`. A text's pieces are looked up where
 * they stand, so only a piece met for the first time is copied out and stemmed (the real
 * library's 6 million pieces are 41,000 distinct ones), and a look-up reads one slot and the
 * piece's characters.
 */
const SLOT = 4;
const pieceTable = {
  /** Per slot: hash, stem number, start in `chars`, length (0: a free slot). */
  slots: new Int32Array(SLOT << 16),
  size: 0,
  chars: new Uint16Array(1 << 18),
  charsUsed: 0,
  stemIdOf: new Map<string, number>(),
  stemTexts: [] as string[],
};

/** The piece table's slot (its first index) holding `text[start, end)`, or the free slot where it goes. */
function slotOf(hash: number, text: string, start: number, end: number): number {
  const { slots, chars } = pieceTable;
  const mask = slots.length / SLOT - 1;
  const length = end - start;
  for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
    const at = slot * SLOT;
    const known = slots[at + 3] ?? 0;
    if (known === 0) return at;
    if (known !== length || slots[at] !== hash) continue;
    const from = (slots[at + 2] ?? 0) - start;
    let same = true;
    for (let i = start; i < end && same; i += 1) same = chars[from + i] === text.charCodeAt(i);
    if (same) return at;
  }
}

/** Adds the piece `text[start, end)` at the free slot `at` and returns its stem number (-1 when it is not a word). */
function addPiece(at: number, hash: number, text: string, start: number, end: number): number {
  const table = pieceTable;
  const stem = stemOf(text.slice(start, end));
  let stemId = -1;
  if (stem !== '') {
    stemId = table.stemIdOf.get(stem) ?? table.stemTexts.length;
    if (stemId === table.stemTexts.length) {
      table.stemIdOf.set(stem, stemId);
      table.stemTexts.push(stem);
    }
  }
  const length = end - start;
  if (table.charsUsed + length > table.chars.length) {
    const chars = new Uint16Array(Math.max(table.chars.length * 2, table.charsUsed + length));
    chars.set(table.chars);
    table.chars = chars;
  }
  for (let i = 0; i < length; i += 1) table.chars[table.charsUsed + i] = text.charCodeAt(start + i);
  table.slots.set([hash, stemId, table.charsUsed, length], at);
  table.charsUsed += length;
  table.size += 1;
  if (table.size * 2 * SLOT > table.slots.length) {
    // Half full: twice the slots, every piece placed again.
    const old = table.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = slots.length / SLOT - 1;
    for (let from = 0; from < old.length; from += SLOT) {
      if (old[from + 3] === 0) continue;
      let slot = (old[from] ?? 0) & mask;
      while (slots[slot * SLOT + 3] !== 0) slot = (slot + 1) & mask;
      slots.set(old.subarray(from, from + SLOT), slot * SLOT);
    }
    table.slots = slots;
  }
  return stemId;
}

/** FNV-1a's offset basis and prime (32 bits). */
const FNV_BASIS = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/**
 * Adds `weight` to the count of each word's stem in `text` (the pieces {@link eachPiece} finds,
 * stemmed by {@link stemOf}): `counts` is indexed by stem number, and `touched` lists each stem
 * number the first time its count leaves 0.
 */
function countWords(text: string, weight: number, counts: number[], touched: number[]): void {
  const lower = text.replace(URL, ' ').toLowerCase();
  const { length } = lower;
  let start = -1;
  let hash = FNV_BASIS;
  for (let i = 0; i <= length; i += 1) {
    const code = i < length ? lower.charCodeAt(i) : 0;
    if (inPiece(code)) {
      if (start === -1) {
        start = i;
        hash = FNV_BASIS;
      }
      hash = Math.imul(hash ^ code, FNV_PRIME);
      continue;
    }
    if (start === -1) continue;
    const at = slotOf(hash, lower, start, i);
    const stemId =
      pieceTable.slots[at + 3] === 0
        ? addPiece(at, hash, lower, start, i)
        : (pieceTable.slots[at + 1] ?? -1);
    start = -1;
    if (stemId === -1) continue;
    const count = counts[stemId] ?? 0;
    if (count === 0) touched.push(stemId);
    counts[stemId] = count + weight;
  }
}

/** 2²¹: the largest list {@link sortedTexts} sorts by key (far more than a pattern's terms). */
const INDEX_SPAN = 2 ** 21;

/**
 * Distinct non-empty texts in code-unit order (as `sort()` and {@link compareText} order them),
 * sorted natively by a number made of each text's first two code units and its index, so that
 * only texts that share their first two code units are compared as strings.
 */
function sortedTexts(texts: readonly string[]): readonly string[] {
  if (texts.length < 2 || texts.length >= INDEX_SPAN) return [...texts].sort();
  const keys = new Float64Array(texts.length);
  texts.forEach((text, index) => {
    const prefix = text.charCodeAt(0) * 0x10000 + (text.length > 1 ? text.charCodeAt(1) : 0);
    keys[index] = prefix * INDEX_SPAN + index;
  });
  keys.sort();
  const sorted: string[] = [];
  for (let from = 0; from < keys.length;) {
    const prefix = Math.floor((keys[from] ?? 0) / INDEX_SPAN);
    let to = from + 1;
    while (to < keys.length && Math.floor((keys[to] ?? 0) / INDEX_SPAN) === prefix) to += 1;
    const run = [];
    for (let at = from; at < to; at += 1) run.push(texts[(keys[at] ?? 0) % INDEX_SPAN] ?? '');
    sorted.push(...(run.length > 1 ? run.sort() : run));
    from = to;
  }
  return sorted;
}

/** Per-stem counts of the pattern being counted (0 outside {@link termCounts}). */
const stemCounts: number[] = [];

/** A pattern's weighted term counts: title, aliases, labels, keywords and tension above the text. */
export function termCounts(text: PatternText): TermCounts {
  const touched: number[] = [];
  const add = (value: string, weight: number): void => {
    countWords(value, weight, stemCounts, touched);
  };
  add(text.title, FIELD_WEIGHTS.title);
  for (const alias of text.aliases) add(alias, FIELD_WEIGHTS.aliases);
  for (const label of text.labels) add(label, FIELD_WEIGHTS.labels);
  for (const keyword of text.keywords) add(keyword, FIELD_WEIGHTS.keywords);
  add(text.tension, FIELD_WEIGHTS.tension);
  for (const section of text.sections) {
    add(section.title, 1);
    add(opening(section.text), 1);
  }
  // The most frequent terms, by count and then alphabetically: stems grouped by count, only the
  // groups taken sorted (natively: code-unit order, as compareText), the highest counts first.
  const byCount = new Map<number, string[]>();
  for (const stemId of touched) {
    const count = stemCounts[stemId] ?? 0;
    stemCounts[stemId] = 0;
    const stem = pieceTable.stemTexts[stemId] ?? '';
    const group = byCount.get(count);
    if (group) group.push(stem);
    else byCount.set(count, [stem]);
  }
  const terms: string[] = [];
  const counts: number[] = [];
  for (const count of Float64Array.from(byCount.keys()).sort().reverse()) {
    for (const stem of sortedTexts(byCount.get(count) ?? [])) {
      if (terms.length === FREQUENT_TERMS) return { terms, counts };
      terms.push(stem);
      counts.push(count);
    }
  }
  return { terms, counts };
}

/** One pattern's terms for {@link similarPatterns}: sendable plain data. */
export interface TermDocument extends TermCounts {
  /** What names the pattern in the results: its slug, or its file where slugs may clash. */
  readonly key: string;
  /** Normalised words of the title, each once. */
  readonly titleWords: readonly string[];
}

/** The term document of a pattern's text. */
export const termDocument = (text: PatternText, key: string = text.slug): TermDocument => ({
  key,
  titleWords: [...new Set(words(text.title))].filter((word) => !GENERIC_TITLE_WORDS.has(word)),
  ...termCounts(text),
});

/** Shared title words over the shorter title's word count (0 when a title has no word). */
export function titleOverlap(a: readonly string[], b: readonly string[]): number {
  const shorter = a.length <= b.length ? a : b;
  const longer = new Set(a.length <= b.length ? b : a);
  if (shorter.length === 0) return 0;
  return shorter.filter((word) => longer.has(word)).length / shorter.length;
}

/** A similar pattern (its document's key) and its cosine similarity (0–1, three decimals). */
export interface Neighbour {
  readonly key: string;
  readonly score: number;
}

const round = (score: number): number => Math.round(score * 1000) / 1000;

/** The value at index `k` of `values` sorted in ascending order (quickselect; reorders `values`). */
function kthSmallest(values: Float64Array, k: number): number {
  let low = 0;
  let high = values.length - 1;
  while (low < high) {
    const pivot = values[(low + high) >> 1] ?? 0;
    let i = low;
    let j = high;
    while (i <= j) {
      while ((values[i] ?? 0) < pivot) i += 1;
      while ((values[j] ?? 0) > pivot) j -= 1;
      if (i <= j) {
        const swap = values[i] ?? 0;
        values[i] = values[j] ?? 0;
        values[j] = swap;
        i += 1;
        j -= 1;
      }
    }
    if (k <= j) high = j;
    else if (k >= i) low = i;
    else break;
  }
  return values[k] ?? 0;
}

/** Pruned, L2-normalised TF-IDF vectors: per document, term ids and weights. */
function vectors(
  documents: readonly TermDocument[],
  topTerms: number,
): { ids: Int32Array[]; weights: Float64Array[]; termCount: number } {
  const termIds = new Map<string, number>();
  const frequency: number[] = [];
  const termsOf = documents.map(({ terms }) => {
    const own = new Int32Array(terms.length);
    for (let k = 0; k < terms.length; k += 1) {
      const term = terms[k] ?? '';
      let id = termIds.get(term);
      if (id === undefined) {
        id = termIds.size;
        termIds.set(term, id);
        frequency.push(0);
      }
      frequency[id] = (frequency[id] ?? 0) + 1;
      own[k] = id;
    }
    return own;
  });
  const n = documents.length;
  // Smoothed inverse document frequency of each term.
  const idf = frequency.map((count) => Math.log(1 + n / count));
  const ids: Int32Array[] = [];
  const weights: Float64Array[] = [];
  documents.forEach(({ counts }, doc) => {
    const own = termsOf[doc] ?? new Int32Array();
    // Sublinear term frequency times smoothed inverse document frequency.
    const weight = new Float64Array(own.length);
    for (let k = 0; k < own.length; k += 1) {
      weight[k] = (1 + Math.log(counts[k] ?? 0)) * (idf[own[k] ?? 0] ?? 0);
    }
    // Only the terms at or above the topTerms-th weight can be kept: they alone are sorted.
    const floor =
      weight.length > topTerms ? kthSmallest(weight.slice(), weight.length - topTerms) : -Infinity;
    const kept: number[] = [];
    for (let k = 0; k < weight.length; k += 1) if ((weight[k] ?? 0) >= floor) kept.push(k);
    kept.sort((a, b) => (weight[b] ?? 0) - (weight[a] ?? 0) || (own[a] ?? 0) - (own[b] ?? 0));
    kept.length = Math.min(kept.length, topTerms);
    let sum = 0;
    for (const k of kept) sum += (weight[k] ?? 0) * (weight[k] ?? 0);
    const norm = Math.sqrt(sum) || 1;
    const keptIds = new Int32Array(kept.length);
    const keptWeights = new Float64Array(kept.length);
    kept.forEach((k, position) => {
      keptIds[position] = own[k] ?? 0;
      keptWeights[position] = (weight[k] ?? 0) / norm;
    });
    ids.push(keptIds);
    weights.push(keptWeights);
  });
  return { ids, weights, termCount: termIds.size };
}

/**
 * The {@link NEIGHBOURS} most similar other patterns of every pattern (by cosine, then key),
 * keyed by document key; a pattern sharing no kept term with any other has none. Deterministic: the same
 * documents in any order give the same result.
 */
export function similarPatterns(
  documents: readonly TermDocument[],
  options: { neighbours?: number; topTerms?: number } = {},
): Map<string, Neighbour[]> {
  const neighbours = options.neighbours ?? NEIGHBOURS;
  const sorted = [...documents].sort((a, b) => compareText(a.key, b.key));
  const { ids, weights, termCount } = vectors(sorted, options.topTerms ?? TOP_TERMS);
  // Inverted index over kept terms, flat: term t's postings are at [start[t], start[t + 1]).
  const start = new Int32Array(termCount + 1);
  for (const terms of ids) for (const term of terms) start[term + 1] = (start[term + 1] ?? 0) + 1;
  for (let t = 0; t < termCount; t += 1) start[t + 1] = (start[t + 1] ?? 0) + (start[t] ?? 0);
  const fill = start.slice(0, termCount);
  const postingDoc = new Int32Array(start[termCount] ?? 0);
  const postingWeight = new Float64Array(postingDoc.length);
  ids.forEach((terms, doc) => {
    const own = weights[doc] ?? new Float64Array();
    terms.forEach((term, position) => {
      const at = fill[term] ?? 0;
      fill[term] = at + 1;
      postingDoc[at] = doc;
      postingWeight[at] = own[position] ?? 0;
    });
  });
  // Cosine is symmetric: each pair is scored once, from its earlier document, and offered to both
  // documents' lists. A term's postings are in document order, so the later documents of a term
  // are those after the current document's own posting (`own` moves along each term's postings).
  const ownPosting = start.slice(0, termCount);
  const scores = new Float64Array(sorted.length);
  const touched = new Int32Array(sorted.length);
  const best: Best[] = sorted.map(() => []);
  // The score (and document) a newcomer must beat to enter a full list: -Infinity until it is full.
  const floorScore = new Float64Array(sorted.length).fill(-Infinity);
  const floorDoc = new Int32Array(sorted.length);
  const offerTo = (to: number, doc: number, score: number): void => {
    const floor = floorScore[to] ?? -Infinity;
    if (score < floor || (score === floor && doc > (floorDoc[to] ?? 0))) return;
    const list = best[to] ?? [];
    offer(list, doc, score, neighbours);
    const last = list.at(-1);
    if (list.length === neighbours && last) {
      floorScore[to] = last.score;
      floorDoc[to] = last.doc;
    }
  };
  for (let doc = 0; doc < sorted.length; doc += 1) {
    let reached = 0;
    const terms = ids[doc] ?? new Int32Array();
    const own = weights[doc] ?? new Float64Array();
    for (let k = 0; k < terms.length; k += 1) {
      const term = terms[k] ?? 0;
      const weight = own[k] ?? 0;
      const end = start[term + 1] ?? 0;
      const at = ownPosting[term] ?? 0;
      ownPosting[term] = at + 1;
      for (let i = at + 1; i < end; i += 1) {
        const other = postingDoc[i] ?? doc;
        if (scores[other] === 0) touched[(reached += 1) - 1] = other;
        scores[other] = (scores[other] ?? 0) + weight * (postingWeight[i] ?? 0);
      }
    }
    for (let i = 0; i < reached; i += 1) {
      const other = touched[i] ?? 0;
      const score = scores[other] ?? 0;
      scores[other] = 0;
      offerTo(doc, other, score);
      offerTo(other, doc, score);
    }
  }
  const result = new Map<string, Neighbour[]>();
  sorted.forEach((document, doc) => {
    result.set(
      document.key,
      (best[doc] ?? []).map(({ doc: other, score }) => ({
        key: sorted[other]?.key ?? '',
        score: round(Math.min(score, 1)),
      })),
    );
  });
  return result;
}

/** A document's most similar others so far, most similar first (on equal scores, the earlier). */
type Best = { doc: number; score: number }[];

/** Puts `doc` into `best` when it is among the `size` most similar (documents are in key order). */
function offer(best: Best, doc: number, score: number, size: number): void {
  const last = best[best.length - 1];
  if (
    best.length === size &&
    last &&
    (score < last.score || (score === last.score && doc > last.doc))
  )
    return;
  const at = best.findIndex((b) => score > b.score || (score === b.score && doc < b.doc));
  best.splice(at === -1 ? best.length : at, 0, { doc, score });
  if (best.length > size) best.pop();
}

/** Two patterns whose texts are near-duplicates, the pair's keys in order. */
export interface DuplicatePair {
  readonly a: string;
  readonly b: string;
  /** Cosine similarity of their texts. */
  readonly score: number;
}

/** Every near-duplicate pair among the neighbours (see {@link DUPLICATE_THRESHOLDS}), most similar first. */
export function duplicatePairs(
  documents: readonly TermDocument[],
  neighbours: ReadonlyMap<string, readonly Neighbour[]>,
  thresholds: DuplicateThresholds = DUPLICATE_THRESHOLDS,
): DuplicatePair[] {
  const titles = new Map(documents.map((document) => [document.key, document.titleWords]));
  const duplicate = (a: string, b: string, score: number): boolean =>
    score >= thresholds.text ||
    (score >= thresholds.textWithTitle &&
      titleOverlap(titles.get(a) ?? [], titles.get(b) ?? []) >= thresholds.titleOverlap);
  const pairs = new Map<string, DuplicatePair>();
  for (const [key, list] of neighbours) {
    for (const { key: other, score } of list) {
      if (!duplicate(key, other, score)) continue;
      const [a, b] = compareText(key, other) <= 0 ? [key, other] : [other, key];
      pairs.set(`${a}\n${b}`, { a, b, score });
    }
  }
  return [...pairs.values()].sort(
    (x, y) => y.score - x.score || compareText(x.a, y.a) || compareText(x.b, y.b),
  );
}

/** Groups of patterns joined by duplicate pairs (connected components), largest first. */
export function duplicateClusters(pairs: readonly DuplicatePair[]): string[][] {
  const parent = new Map<string, string>();
  const find = (slug: string): string => {
    let root = slug;
    while (parent.get(root) !== undefined && parent.get(root) !== root)
      root = parent.get(root) ?? root;
    parent.set(slug, root);
    return root;
  };
  for (const { a, b } of pairs) {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent.set(compareText(ra, rb) < 0 ? rb : ra, compareText(ra, rb) < 0 ? ra : rb);
  }
  const groups = new Map<string, string[]>();
  for (const slug of parent.keys()) {
    const root = find(slug);
    groups.set(root, [...(groups.get(root) ?? []), slug]);
  }
  return [...groups.values()]
    .map((group) => group.sort(compareText))
    .sort((x, y) => y.length - x.length || compareText(x[0] ?? '', y[0] ?? ''));
}
