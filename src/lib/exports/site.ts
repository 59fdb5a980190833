/**
 * What the data exports need from the site, passed in so the builders stay pure: the site's name
 * and description, the absolute URL of every page and export they link to, and each pattern's
 * last change. The Astro side builds it once (`src/data/exports.ts`).
 */
import { compareText } from '../site/labels.ts';
import type { LibraryModel, StoredPattern } from '../site/types.ts';

export interface ExportSite {
  readonly title: string;
  readonly description: string;
  /** Absolute URL of the home page. */
  readonly home: string;
  /** Absolute URL of a pattern's base page. */
  readonly page: (slug: string) => string;
  /** Absolute URL of a wanted (not yet written) pattern on the wanted page. */
  readonly wanted: (slug: string) => string;
  /** Absolute URL of a pattern's source file as written (`/patterns/<slug>.md`). */
  readonly markdown: (slug: string) => string;
  /** Absolute URL of a pattern's JSON (`/api/patterns/<slug>.json`). */
  readonly json: (slug: string) => string;
  /** Absolute URLs of the library-wide exports. */
  readonly patternsJson: string;
  readonly graphJson: string;
  readonly llmsFullTxt: string;
  /** When pattern `slug` last changed (ISO 8601 UTC, see `src/lib/last-changed.ts`). */
  readonly updated: (slug: string) => string;
}

/** Every pattern of the library in slug order: the order of the machine-readable exports. */
export function patternsBySlug(library: Pick<LibraryModel, 'bySlug'>): StoredPattern[] {
  return [...library.bySlug.values()].sort((a, b) => compareText(a.slug, b.slug));
}
