/**
 * The site's configuration, in one typed place: name and description, where it is published,
 * the repository its pattern files live in, and the lenses' order and display names.
 *
 * Deployments override three values from the environment, so a fork or a GitHub Pages project
 * site needs no code change: `SITE_URL` (canonical origin), `BASE_PATH` (path prefix such as
 * `/patterns/`) and `REPOSITORY_URL` (the repository that "Edit this pattern" links open).
 * Read at build time only (astro.config.mjs and the pages); never shipped to the browser.
 */

/** A lens the site names and orders; lenses not listed here come after, title-cased from their key. */
export interface LensConfig {
  readonly key: string;
  readonly name: string;
}

export interface SiteConfig {
  /** Site name: the home page title and the suffix of every other page title. */
  readonly title: string;
  /** Description of the whole site (home page). */
  readonly description: string;
  /** Canonical origin of the deployed site (absolute URLs, canonical links). */
  readonly url: string;
  /** Path prefix the site is served under, ending with `/`: `/` or e.g. `/patterns/`. */
  readonly base: string;
  readonly repository: {
    /** Web address of the repository (GitHub), without a trailing slash. */
    readonly url: string;
    /** Branch that edits and new patterns are proposed against. */
    readonly branch: string;
    /** Folder of the pattern files inside the repository. */
    readonly patternsPath: string;
  };
  /** Lenses in display order, with their display names. */
  readonly lenses: readonly LensConfig[];
}

/** An environment variable; unset when empty. */
function env(name: string): string | undefined {
  const value = process.env[name];
  return value === '' ? undefined : value;
}

export const SITE: SiteConfig = {
  title: 'Pattern Library',
  description:
    'A library of patterns for the commons: how people organise, govern and create value together, read through the lens of your context.',
  url: env('SITE_URL') ?? 'http://localhost:4321',
  base: env('BASE_PATH') ?? '/',
  repository: {
    url: (env('REPOSITORY_URL') ?? 'https://github.com/commons-os/pattern-library').replace(
      /\/+$/,
      '',
    ),
    branch: 'main',
    patternsPath: 'patterns',
  },
  lenses: [
    { key: 'corporate', name: 'Corporate' },
    { key: 'government', name: 'Government' },
    { key: 'activist', name: 'Activist' },
    { key: 'tech', name: 'Tech' },
  ],
};
