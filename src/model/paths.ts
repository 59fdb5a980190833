/**
 * The site's paths below its base path (no leading slash): the part of the URL scheme that the
 * build's file writers share with the pages. Pure, with no Astro or Vite import;
 * src/model/urls.ts puts the base in front for the pages.
 */

/** One path segment from a slug or key (kebab-case already; encoded all the same). */
export const segment = (value: string): string => encodeURIComponent(value);

/** A pattern's base page, or its page under one lens. */
export const patternPath = (slug: string, lens?: string): string =>
  `patterns/${segment(slug)}/${lens === undefined ? '' : `${segment(lens)}/`}`;

/** A pattern's source file as written. */
export const patternMarkdownPath = (slug: string): string => `patterns/${segment(slug)}.md`;

/** A pattern's data as JSON. */
export const patternJsonPath = (slug: string): string => `api/patterns/${segment(slug)}.json`;

/** The wanted page, and one wanted (not yet written) pattern on it. */
export const WANTED_PATH = 'wanted/';
export const wantedPath = (slug: string): string => `${WANTED_PATH}#${segment(slug)}`;

/** Library-wide data exports (see README, "Data exports"). */
export const PATTERNS_JSON_PATH = 'api/patterns.json';
export const GRAPH_JSON_PATH = 'api/graph.json';
export const LLMS_FULL_TXT_PATH = 'llms-full.txt';
