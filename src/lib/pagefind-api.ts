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

/** One search result; its data (URL and metadata) is fetched on demand. */
export interface PagefindResult {
  readonly id: string;
  data(): Promise<{ url: string; meta: Readonly<Record<string, string | undefined>> }>;
}

/** Pagefind's browser module. */
export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  mergeIndex(path: string, options?: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(
    term: string | null,
    options?: { filters?: Record<string, string> },
  ): Promise<{ results: readonly PagefindResult[] }>;
}
