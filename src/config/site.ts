/**
 * The site's configuration, in one typed place: name and description, where it is published,
 * the repository its pattern files live in, and the lenses it declares.
 *
 * Deployments override three values from the environment, so a fork or a GitHub Pages project
 * site needs no code change: `SITE_URL` (canonical origin), `BASE_PATH` (path prefix such as
 * `/patterns/`) and `REPOSITORY_URL` (the repository that "Edit this pattern" links open).
 * Read at build time only (astro.config.mjs and the pages); never shipped to the browser.
 */

/**
 * A lens the site declares: each pattern with a context label for it gets a page under it
 * (`/patterns/<slug>/<lens>/`), and the library a listing (`/lenses/<lens>/`). A file's label
 * under any other lens is shown on its pattern page only (and `npm run check` warns).
 */
export interface LensConfig {
  /** The key in `context_labels` (kebab-case, at most 40 characters). */
  readonly key: string;
  /** Display name. */
  readonly name: string;
  /** Who the lens is for, one sentence (the lens listings). */
  readonly description: string;
}

/** The lenses the site declares, in display order: the four core lenses and `community`. */
export const LENSES: readonly LensConfig[] = [
  { key: 'corporate', name: 'Corporate', description: 'For organisations and companies.' },
  { key: 'government', name: 'Government', description: 'For public service.' },
  { key: 'activist', name: 'Activist', description: 'For movements and activists.' },
  { key: 'tech', name: 'Tech', description: 'For products and platforms.' },
  {
    key: 'community',
    name: 'Community',
    description: 'For neighbourhoods, cooperatives and local groups.',
  },
];

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
  /** The lenses that get pages and listings, in display order ({@link LENSES}). */
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
  lenses: LENSES,
};
