/**
 * The pattern titles closest to a query by spelling, offered when a search
 * finds nothing: each query word is matched to the nearest word of a title
 * (Levenshtein distance, relative to the word's length); a title's distance
 * is the mean over the query's words, and only titles whose words are all
 * within a third of their length of a title word are offered.
 */
import { distance } from 'fastest-levenshtein';

const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** How far `word` is from the nearest of `candidates`, as a share of its length (0 = same). */
function nearest(word: string, candidates: readonly string[]): number {
  let best = 1;
  for (const candidate of candidates) {
    // A title word that begins with the query word is as good as equal (typing is unfinished).
    const d = candidate.startsWith(word) ? 0 : distance(word, candidate) / Math.max(word.length, 1);
    if (d < best) best = d;
  }
  return best;
}

/** Up to `count` of `titles` (with their keys) nearest to `query`, nearest first. */
export function closestTitles<T extends readonly [string, string]>(
  query: string,
  titles: readonly T[],
  count = 5,
): T[] {
  const wanted = words(query);
  if (wanted.length === 0) return [];
  return titles
    .map((entry) => {
      const candidates = words(entry[1]);
      const distances = wanted.map((word) => nearest(word, candidates));
      return {
        entry,
        worst: Math.max(...distances),
        mean: distances.reduce((a, b) => a + b) / distances.length,
      };
    })
    .filter(({ worst }) => worst <= 1 / 3)
    .sort((a, b) => a.mean - b.mean)
    .slice(0, count)
    .map(({ entry }) => entry);
}
