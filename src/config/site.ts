/**
 * The site's configuration, in one typed place: name, tagline and home introduction, footer,
 * logo, favicon and accent colours, where it is published, the repository its pattern files
 * live in, the lenses (order, display names, what each is for) and CONTRIBUTING's covenant and
 * licence wording.
 *
 * A library makes the site its own without editing code: `pattern-library.config.json` at the
 * repository root (or the file `SITE_CONFIG` names) overrides any of {@link DEFAULTS}; it is
 * validated at build with messages naming the file, the field and what is expected
 * (src/config/config-file.ts). Deployments then override three values from the environment:
 * `SITE_URL` (canonical origin), `BASE_PATH` (path prefix such as `/patterns/`) and
 * `REPOSITORY_URL` (the repository "Edit this pattern" links open); with no repository set
 * anywhere, it is `git remote get-url origin` as a web address.
 * Read at build time only (astro.config.mjs and the pages); never shipped to the browser.
 */
import { gitOrigin, readConfigFile, type ConfigFile } from './config-file.ts';

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
  /** One line under the home page heading. */
  readonly tagline: string;
  /** Description of the whole site (home page meta description, exports). */
  readonly description: string;
  /** The home page heading. */
  readonly heading: string;
  /** The home page introduction, one plain-text string per paragraph. */
  readonly introduction: readonly string[];
  /** The footer text (plain text). */
  readonly footer: string;
  /** Logo before the site name in the header: a file in public/, or none. */
  readonly logo: string | undefined;
  /** Favicon: a file in public/ (SVG). */
  readonly favicon: string;
  /** Accent colour in the light and dark themes (#rgb or #rrggbb). */
  readonly colours: { readonly accent: string; readonly accentDark: string };
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
  /**
   * Whether the site also publishes each pattern file as written (`/patterns/<slug>.md`). When
   * it does not, links to a pattern's Markdown (llms.txt, the JSON's `markdown_url`, JSON-LD)
   * point to the file in the repository, at the configured branch: the text is published once.
   */
  readonly publishMarkdown: boolean;
  /** The lenses that get pages and listings, in display order ({@link LENSES}). */
  readonly lenses: readonly LensConfig[];
  /** CONTRIBUTING.md's community covenant and licence wording (Markdown). */
  readonly contributing: { readonly covenant: string; readonly licence: string };
}

/** This library's settings: what a fork's configuration file replaces. */
export const DEFAULTS: SiteConfig = {
  title: 'Pattern Library',
  tagline: 'Patterns for the commons, read through the lens of your context.',
  description:
    'A library of patterns for the commons: how people organise, govern and create value together, read through the lens of your context.',
  heading: 'A pattern library for the commons',
  introduction: [
    'Each pattern names a recurring problem in how people organise, govern and create value together, and a way to resolve it — with its context, consequences, known uses and a commons assessment. Every pattern speaks to several contexts: read it through the lens that fits yours.',
  ],
  footer:
    'A library of patterns for the commons. Each pattern names its contributors, sources and licence.',
  logo: undefined,
  favicon: 'favicon.svg',
  colours: { accent: '#1a56a8', accentDark: '#8fb8f2' },
  url: 'http://localhost:4321',
  base: '/',
  repository: {
    url: 'https://github.com/commons-os/pattern-library',
    branch: 'main',
    patternsPath: 'patterns',
  },
  publishMarkdown: false,
  lenses: LENSES,
  contributing: {
    covenant: [
      'There is no Contributor License Agreement to sign. Instead, everyone who contributes — the',
      'maintainers included — keeps this covenant:',
      '',
      "- **Your words stay yours, and everyone's.** Your name goes into the pattern's `contributors`.",
      "  Your text is shared under the pattern's own licence (CC BY-SA 4.0 unless the file says",
      '  otherwise), nothing more: nobody, maintainers included, gets more rights to it than anyone',
      '  else.',
      '- **Every voice is heard.** Anyone may propose a pattern, comment on one and review a pull',
      '  request. Decisions are explained in writing, on the pull request, with reasons rather than',
      '  rank.',
      "- **We tend the commons together.** We cite our sources, credit other people's work, criticise",
      '  text rather than people, and assume good faith.',
      '- **You can always fork.** The patterns are openly licensed; if the library goes a way you',
      '  cannot follow, you may take them with you.',
    ].join('\n'),
    licence:
      "Pattern text is published under the licence each file names in `license` (CC BY-SA 4.0 unless the file says otherwise); the site's code is MIT-licensed (see LICENSE).",
  },
};

/** The environment variables the configuration reads; unset when empty. */
export interface SiteEnvironment {
  readonly SITE_URL?: string | undefined;
  readonly BASE_PATH?: string | undefined;
  readonly REPOSITORY_URL?: string | undefined;
}

/**
 * The configuration: `defaults`, then the configuration `file`, then the environment; the
 * repository is `origin` (from git) when neither the file nor the environment sets it.
 */
export function resolveSiteConfig(
  defaults: SiteConfig,
  file: ConfigFile,
  env: SiteEnvironment,
  origin: () => string | undefined,
): SiteConfig {
  const set = (value: string | undefined): string | undefined => (value === '' ? undefined : value);
  const repositoryUrl =
    set(env.REPOSITORY_URL) ?? file.repository?.url ?? origin() ?? defaults.repository.url;
  return {
    title: file.title ?? defaults.title,
    tagline: file.tagline ?? defaults.tagline,
    description: file.description ?? defaults.description,
    heading: file.heading ?? defaults.heading,
    introduction: file.introduction ?? defaults.introduction,
    footer: file.footer ?? defaults.footer,
    favicon: file.favicon ?? defaults.favicon,
    lenses: file.lenses ?? defaults.lenses,
    publishMarkdown: file.publishMarkdown ?? defaults.publishMarkdown,
    logo: file.logo ?? defaults.logo,
    colours: {
      accent: file.colours?.accent ?? defaults.colours.accent,
      accentDark: file.colours?.accentDark ?? defaults.colours.accentDark,
    },
    url: set(env.SITE_URL) ?? file.url ?? defaults.url,
    base: set(env.BASE_PATH) ?? file.base ?? defaults.base,
    repository: {
      url: repositoryUrl.replace(/\/+$/, ''),
      branch: file.repository?.branch ?? defaults.repository.branch,
      patternsPath: file.repository?.patternsPath ?? defaults.repository.patternsPath,
    },
    contributing: {
      covenant: file.contributing?.covenant ?? defaults.contributing.covenant,
      licence: file.contributing?.licence ?? defaults.contributing.licence,
    },
  };
}

export const SITE: SiteConfig = resolveSiteConfig(
  DEFAULTS,
  readConfigFile(),
  process.env,
  gitOrigin,
);
