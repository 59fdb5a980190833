/**
 * The site's patterns in memory, changed one file at a time (the dev server's watcher), and the
 * library model made from them. A change re-reads only its own file; the model's indexes
 * (summaries, backlinks, facets, wanted patterns, lenses, graph, contributors) are then made
 * again from the patterns in memory, in file order as a whole load gives them, so the model is
 * the one a whole load of the same files would make. Similar patterns need the whole library:
 * a changed pattern keeps the ones of its last whole load (none when it is new).
 */
import { SITE } from '../config/site.ts';
import { buildLibraryModel } from './library-model.ts';
import type { ReadPattern, SitePattern } from './load-site.ts';
import type { Lens, LibraryModel } from './types.ts';

/** File order: the order in which a whole load lists patterns (src/lib/load.ts sorts paths). */
const byFile = (a: SitePattern, b: SitePattern): number =>
  a.stored.file < b.stored.file ? -1 : a.stored.file > b.stored.file ? 1 : 0;

export class LiveLibrary {
  readonly #patterns = new Map<string, SitePattern>();
  readonly #declared: readonly Lens[];
  #generation = 0;
  #model: { readonly generation: number; readonly model: LibraryModel } | undefined;

  /** The patterns of a whole load, under the lenses the site declares. */
  constructor(patterns: readonly SitePattern[], declared: readonly Lens[] = SITE.lenses) {
    this.#declared = declared;
    for (const pattern of patterns) this.#patterns.set(pattern.stored.slug, pattern);
  }

  /** Counts changes: anything made from the patterns at another generation is stale. */
  get generation(): number {
    return this.#generation;
  }

  /** Pattern `slug`, when the library has it. */
  get(slug: string): SitePattern | undefined {
    return this.#patterns.get(slug);
  }

  /** Every pattern, in file order. */
  patterns(): SitePattern[] {
    return [...this.#patterns.values()].sort(byFile);
  }

  /** The slug of the pattern read from `file`, when there is one. */
  slugOf(file: string): string | undefined {
    for (const [slug, pattern] of this.#patterns) if (pattern.stored.file === file) return slug;
    return undefined;
  }

  /**
   * Puts a pattern read again from its file in place of the one of the same slug (or adds it),
   * with that one's similar patterns.
   */
  set(pattern: ReadPattern): void {
    const { slug } = pattern.stored;
    this.#patterns.set(slug, withSimilar(pattern, this.#patterns.get(slug)?.similar ?? []));
    this.#generation += 1;
  }

  /** Leaves out pattern `slug` (its file was removed, renamed or became invalid). */
  delete(slug: string): void {
    if (this.#patterns.delete(slug)) this.#generation += 1;
  }

  /** The library model of the patterns as they are now, made once per generation. */
  model(): LibraryModel {
    if (this.#model?.generation !== this.#generation) {
      const patterns = this.patterns();
      this.#model = {
        generation: this.#generation,
        model: buildLibraryModel(
          patterns.map(({ stored }) => stored),
          this.#declared,
          new Map(patterns.map(({ stored, similar }) => [stored.slug, similar])),
        ),
      };
    }
    return this.#model.model;
  }
}

/**
 * `pattern` with its similar patterns; its `rendered` and `searchDocument` read through, not
 * copied (see renderedLater).
 */
function withSimilar(pattern: ReadPattern, similar: SitePattern['similar']): SitePattern {
  return {
    stored: pattern.stored,
    digest: pattern.digest,
    similar,
    get rendered() {
      return pattern.rendered;
    },
    get searchDocument() {
      return pattern.searchDocument;
    },
  };
}
