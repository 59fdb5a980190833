/**
 * Text similarity between patterns, offline and deterministic: each pattern's words (see
 * {@link termCounts}) weighted by TF-IDF, pruned to its {@link TOP_TERMS} heaviest terms, compared
 * by cosine through an inverted index over those terms (only patterns that share a kept term are
 * ever scored). Used for "Similar patterns" (top {@link NEIGHBOURS}) and near-duplicate warnings.
 * Pure: plain data in and out, so term counts can be made on worker threads.
 */
import { stemmer } from 'stemmer';
import type { PatternText } from './pattern-text.ts';

/** A document's terms and their weighted counts, as sendable plain data (most frequent first). */
export type TermCounts = readonly (readonly [string, number])[];

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

/** A pattern's weighted term counts: title, aliases, labels, keywords and tension above the text. */
export function termCounts(text: PatternText): TermCounts {
  // Pieces are counted first and each distinct one stemmed once: a pattern's own small map is
  // faster to update than the library-wide stem cache is to read.
  const pieces = new Map<string, number>();
  const add = (value: string, weight: number): void => {
    eachPiece(value, (piece) => pieces.set(piece, (pieces.get(piece) ?? 0) + weight));
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
  const counts = new Map<string, number>();
  for (const [piece, count] of pieces) {
    const stem = stemOf(piece);
    if (stem !== '') counts.set(stem, (counts.get(stem) ?? 0) + count);
  }
  let entries = [...counts];
  if (entries.length > FREQUENT_TERMS) {
    // Only the terms at or above the FREQUENT_TERMS-th count are sorted in full.
    const cut = entries.map(([, count]) => count).sort((a, b) => b - a)[FREQUENT_TERMS - 1] ?? 0;
    entries = entries.filter(([, count]) => count >= cut);
  }
  return entries
    .sort(([a, countA], [b, countB]) => countB - countA || compareText(a, b))
    .slice(0, FREQUENT_TERMS);
}

/** One pattern's terms for {@link similarPatterns}: sendable plain data. */
export interface TermDocument {
  /** What names the pattern in the results: its slug, or its file where slugs may clash. */
  readonly key: string;
  /** Normalised words of the title, each once. */
  readonly titleWords: readonly string[];
  readonly terms: TermCounts;
}

/** The term document of a pattern's text. */
export const termDocument = (text: PatternText, key: string = text.slug): TermDocument => ({
  key,
  titleWords: [...new Set(words(text.title))].filter((word) => !GENERIC_TITLE_WORDS.has(word)),
  terms: termCounts(text),
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

/** Pruned, L2-normalised TF-IDF vectors: per document, term ids and weights. */
function vectors(
  documents: readonly TermDocument[],
  topTerms: number,
): { ids: Int32Array[]; weights: Float64Array[]; termCount: number } {
  const termIds = new Map<string, number>();
  const frequency: number[] = [];
  for (const { terms } of documents) {
    for (const [term] of terms) {
      let id = termIds.get(term);
      if (id === undefined) {
        id = termIds.size;
        termIds.set(term, id);
        frequency.push(0);
      }
      frequency[id] = (frequency[id] ?? 0) + 1;
    }
  }
  const n = documents.length;
  const ids: Int32Array[] = [];
  const weights: Float64Array[] = [];
  for (const { terms } of documents) {
    const weighted = terms.map(([term, count]) => {
      const id = termIds.get(term) ?? 0;
      // Sublinear term frequency times smoothed inverse document frequency.
      return { id, weight: (1 + Math.log(count)) * Math.log(1 + n / (frequency[id] ?? 1)) };
    });
    weighted.sort((a, b) => b.weight - a.weight || a.id - b.id);
    const kept = weighted.slice(0, topTerms);
    const norm = Math.sqrt(kept.reduce((sum, { weight }) => sum + weight * weight, 0)) || 1;
    ids.push(Int32Array.from(kept, ({ id }) => id));
    weights.push(Float64Array.from(kept, ({ weight }) => weight / norm));
  }
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
      offer(best[doc] ?? [], other, score, neighbours);
      offer(best[other] ?? [], doc, score, neighbours);
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
