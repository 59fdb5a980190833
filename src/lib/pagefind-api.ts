/**
 * The shapes shared by the search index's writer and its readers: the shard
 * manifest the build writes, and the part of Pagefind's browser API
 * (`pagefind/<shard>/pagefind.js`) the search page and the search benchmark use.
 */

/** `pagefind/shards.json`: what the search page needs to load every shard. */
export interface ShardManifest {
  /** Shard folders under `pagefind/`, in order; the first is the primary index. */
  readonly shards: readonly string[];
  /** Number of indexed patterns. */
  readonly records: number;
}

/** `pagefind/titles.json`: each pattern's slug and title, in index order. */
export type TitleList = [slug: string, title: string][];

/** One search result; its data (URL and metadata) is fetched on demand. */
export interface PagefindResult {
  readonly id: string;
  data(): Promise<PagefindResultData>;
}

/** A result's data: URL, metadata, and the indexed text with the positions of matched words. */
export interface PagefindResultData {
  readonly url: string;
  readonly meta: Readonly<Record<string, string | undefined>>;
  /** The record's text, words separated by white space. */
  readonly content: string;
  /** Positions (word indexes in `content`) of the words that matched. */
  readonly locations: readonly number[];
}

/** Pagefind's browser module. */
export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  mergeIndex(path: string, options?: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  /** Loads the index chunks of `term` ahead of a search. */
  preload(term: string, options?: Record<string, unknown>): Promise<void>;
  search(
    term: string | null,
    options?: { filters?: Record<string, string> },
  ): Promise<{ results: readonly PagefindResult[] }>;
}
