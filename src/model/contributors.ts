/**
 * Contributors: every person or organisation a pattern names in `contributors` (v7.1: handles or
 * names; the older format: handles or {name, role}), with their patterns and roles. Names are
 * untrusted text: one contributor is every spelling with the same slug (github-slugger: case,
 * width, spacing and punctuation aside, so the real library's "Commons OS" and "commons-os" are
 * one page), shown as its most frequent spelling. A name with no letter or digit has no slug: it
 * is its own contributor, as written but for case and spacing. The URL segment is the slug cut
 * to 50 characters, claimed in the code-point order of the contributors' keys, so a collision
 * (two long names alike in their first 50, or two names without a slug, which become
 * `contributor`) takes `-1`, `-2`, … the same way in every build.
 */
import GithubSlugger, { slug as slugOfText } from 'github-slugger';
import { byTitle, compareText } from '../lib/text-order.ts';
import type { StoredPattern } from './types.ts';

/** One pattern a contributor is named in, with the roles given there (older format only). */
export interface ContributorCredit {
  readonly slug: string;
  readonly title: string;
  readonly roles: readonly string[];
}

export interface Contributor {
  /** The name as most patterns spell it. */
  readonly name: string;
  /** URL segment of the contributor's page (unique). */
  readonly slug: string;
  /** Their patterns, by title. */
  readonly patterns: readonly ContributorCredit[];
}

/** A name as a pattern writes it, with the contributor page it belongs to. */
export interface NamedContributor {
  readonly name: string;
  readonly role: string | undefined;
  readonly slug: string;
}

export interface ContributorIndex {
  /** Every contributor, most patterns first, then by name. */
  readonly list: readonly Contributor[];
  /** The contributor page slug of a name as written. */
  readonly slugOf: (name: string) => string;
}

/** Stem of the slug of a name with no letter or digit. */
const UNNAMED = 'contributor';
/** Longest slug stem in characters (a URL segment is a folder name: at most 255 bytes). */
const MAX_STEM = 50;

/** What makes two spellings one contributor: their slug, else (no letter or digit) the text. */
function keyOf(name: string): string {
  const shown = spelling(name.normalize('NFKC'));
  return slugOfText(shown) || `${UNNAMED}:${shown.toLowerCase()}`;
}

/** A name as shown: without surrounding space, inner runs of space as one. */
const spelling = (name: string): string => name.trim().replace(/\s+/g, ' ');

/** Code-point order: which of two contributors claims a slug first, on every machine. */
const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The names (and roles) a pattern gives, in either format. */
export function namedContributors(
  pattern: StoredPattern,
): { readonly name: string; readonly role: string | undefined }[] {
  return pattern.format === 'older'
    ? pattern.model.contributors.map(({ name, role }) => ({ name, role }))
    : pattern.frontmatter.contributors.map((name) => ({ name, role: undefined }));
}

interface Tally {
  readonly spellings: Map<string, number>;
  readonly patterns: Map<string, { title: string; roles: Set<string> }>;
}

/** The most frequent spelling, ties broken by text order. */
const mostFrequent = (spellings: ReadonlyMap<string, number>): string =>
  [...spellings].sort(([a, m], [b, n]) => n - m || compareText(a, b))[0]?.[0] ?? '';

/** Every contributor of the library and their patterns. */
export function contributorIndex(patterns: readonly StoredPattern[]): ContributorIndex {
  const tallies = new Map<string, Tally>();
  for (const pattern of patterns) {
    for (const { name, role } of namedContributors(pattern)) {
      const key = keyOf(name);
      const tally: Tally = tallies.get(key) ?? { spellings: new Map(), patterns: new Map() };
      tallies.set(key, tally);
      const shown = spelling(name);
      tally.spellings.set(shown, (tally.spellings.get(shown) ?? 0) + 1);
      const credit = tally.patterns.get(pattern.slug) ?? {
        title: pattern.frontmatter.title,
        roles: new Set<string>(),
      };
      tally.patterns.set(pattern.slug, credit);
      if (role !== undefined) credit.roles.add(role);
    }
  }
  const slugger = new GithubSlugger();
  const slugs = new Map<string, string>();
  const list = [...tallies.keys()].sort(byCodePoint).map((key): Contributor => {
    const tally = tallies.get(key);
    if (tally === undefined) throw new Error(`no contributor "${key}"`);
    const name = mostFrequent(tally.spellings);
    const stem = key.startsWith(`${UNNAMED}:`)
      ? UNNAMED
      : key.slice(0, MAX_STEM).replace(/^-+|-+$/g, '') || UNNAMED;
    const slug = slugger.slug(stem);
    slugs.set(key, slug);
    return {
      name,
      slug,
      patterns: [...tally.patterns]
        .map(([slug, { title, roles }]) => ({ slug, title, roles: [...roles].sort(compareText) }))
        .sort(byTitle),
    };
  });
  return {
    list: list.sort((a, b) => b.patterns.length - a.patterns.length || compareText(a.name, b.name)),
    slugOf: (name) => {
      const slug = slugs.get(keyOf(name));
      if (slug === undefined) throw new Error(`no contributor "${name}" in the library`);
      return slug;
    },
  };
}
