/**
 * Pure helpers that derive display data from the page model, so that
 * components only display. No Astro imports: easy to test.
 */
import { FACET_KEYS, FACETS, type FacetKey } from './facets.ts';
import type {
  Facet,
  GraphPicture,
  Lens,
  LibraryModel,
  PatternPageModel,
  PatternSummary,
  SectionModel,
  V71PageModel,
  WantedPattern,
} from './types.ts';
import type { SectionKey } from '../lib/body.ts';
import { browseOrder, compareText } from '../lib/text-order.ts';
import type { SiteUrls, Sort } from './urls.ts';

/** Patterns in one browse order: title A–Z, or score / vitality highest first (then title). */
export function sortPatterns(
  patterns: readonly PatternSummary[],
  sort: Sort,
): readonly PatternSummary[] {
  const value = (p: PatternSummary): number =>
    p.format !== 'v7.1' ? -1 : ((sort === 'score' ? p.overallScore : p.vitality) ?? -1);
  return [...patterns].sort(browseOrder(sort, value, (p) => p));
}

/**
 * The facets a reader can filter the browse page by: those at least one pattern has a value for
 * (a new library may have no cross-domain yet; its facet page still says so).
 */
export const filterableFacets = (facets: readonly Facet[]): readonly Facet[] =>
  facets.filter((facet) => facet.values.length > 0);

/** Patterns that have one facet value, by title. */
export function patternsWithFacet(
  library: LibraryModel,
  key: FacetKey,
  value: string,
): readonly PatternSummary[] {
  return sortPatterns(
    library.patterns.filter((p) => FACETS[key].values(p).includes(value)),
    'title',
  );
}

/** A pattern under one lens: its context label as title (its own title when it lacks the lens). */
export interface LensEntry {
  readonly pattern: PatternSummary;
  readonly label: string;
  readonly hasLens: boolean;
}

/** The library under one lens, by context label; patterns without the lens come last. */
export function patternsUnderLens(library: LibraryModel, lens: string): readonly LensEntry[] {
  return library.patterns
    .map((pattern) => {
      const label = pattern.contextLabels.get(lens);
      return { pattern, label: label ?? pattern.title, hasLens: label !== undefined };
    })
    .sort((a, b) => Number(b.hasLens) - Number(a.hasLens) || compareText(a.label, b.label));
}

/**
 * Link target of a pattern link; under a (declared) lens, to the target's same-lens page when
 * it has one.
 */
export type PatternHref = (slug: string, exists: boolean) => string;

export function patternHref(library: LibraryModel, urls: SiteUrls, lens?: string): PatternHref {
  return (slug, exists) => {
    if (!exists) return urls.wanted(slug);
    const target = lens === undefined ? undefined : library.bySlug.get(slug);
    const hasLens =
      target?.format === 'v7.1' &&
      lens !== undefined &&
      Object.hasOwn(target.frontmatter.context_labels, lens);
    return urls.pattern(slug, hasLens ? lens : undefined);
  };
}

/**
 * Colour of each graph group (domain or relationship type) of existing nodes:
 * distinct hues (golden-angle steps) at a lightness that reads on light and
 * dark backgrounds. Groups follow `order` when given (so a group keeps its
 * colour from page to page), else text order. Map order is legend order.
 */
export function graphColours(
  picture: GraphPicture,
  order?: readonly string[],
): ReadonlyMap<string, string> {
  const present = new Set(picture.nodes.filter((n) => n.exists).map((n) => n.group));
  const groups = order ?? [...present].sort(compareText);
  const hue = (i: number): string => String(Math.round((i * 137.508) % 360));
  return new Map(
    groups.flatMap((group, i) =>
      present.has(group) ? [[group, `hsl(${hue(i)} 70% 45%)`] as const] : [],
    ),
  );
}

/** Graph edges with their end points, for drawing; edges to unknown nodes are left out. */
function graphLines(picture: GraphPicture) {
  const at = new Map(picture.nodes.map((n) => [n.slug, n]));
  return picture.edges.flatMap((edge) => {
    const from = at.get(edge.from);
    const to = at.get(edge.to);
    return from && to ? [{ ...edge, x1: from.x, y1: from.y, x2: to.x, y2: to.y }] : [];
  });
}

/** Where a node's text label goes: away from the picture's centre, so ring labels fan out. */
function labelPosition(
  picture: GraphPicture,
  node: { readonly x: number; readonly y: number },
  radius: number,
): { x: number; y: number; anchor: 'start' | 'middle' | 'end' } {
  const dx = node.x - picture.width / 2;
  const dy = node.y - picture.height / 2;
  const gap = radius + 4;
  if (Math.abs(dx) < picture.width * 0.05) {
    return { x: node.x, y: node.y + (dy < 0 ? -gap : gap + 8), anchor: 'middle' };
  }
  return { x: node.x + (dx > 0 ? gap : -gap), y: node.y + 4, anchor: dx > 0 ? 'start' : 'end' };
}

/** Font size (user units) of cluster labels in the library graph. */
const CLUSTER_FONT = 11;

/**
 * A cluster label as the lines that fit above its circle (one line, else two
 * split at a word); no lines when even two do not fit (the cluster still has
 * a tooltip and the legend names its colour).
 */
function clusterLabelLines(label: string, radius: number): readonly string[] {
  const room = 2 * radius + 24;
  const fits = (line: string): boolean => line.length * CLUSTER_FONT * 0.56 <= room;
  if (fits(label)) return [label];
  const words = label.split(' ');
  for (let cut = Math.ceil(words.length / 2); cut > 0 && cut < words.length; cut -= 1) {
    const lines = [words.slice(0, cut).join(' '), words.slice(cut).join(' ')];
    if (lines.every(fits)) return lines;
  }
  return [];
}

/** A graph picture ready to draw: view box, node radius, edges, labelled clusters and nodes. */
export function graphDrawing(picture: GraphPicture, labels: boolean) {
  const radius = labels ? 7 : 5;
  /** Room beside a labelled picture for the labels of its outermost nodes. */
  const pad = labels ? picture.width * 0.35 : 0;
  return {
    viewBox: `${String(-pad)} 0 ${String(picture.width + 2 * pad)} ${String(picture.height)}`,
    radius,
    lines: graphLines(picture),
    clusters: picture.clusters.map((c) => {
      const lines = clusterLabelLines(c.label, c.radius);
      return {
        ...c,
        lines: lines.map((text, index) => ({
          text,
          dy: index === 0 ? (1 - lines.length) * CLUSTER_FONT : CLUSTER_FONT,
        })),
      };
    }),
    nodes: picture.nodes.map((n) => ({ ...n, label: labelPosition(picture, n, radius) })),
  };
}

/** How many distinct patterns link to a wanted pattern (one may link with several types). */
export const referrerCount = (wanted: WantedPattern): number =>
  new Set(wanted.referencedBy.map((r) => r.slug)).size;

/** A block of a pattern page outside the sections: its anchor and heading. */
export interface PageBlock {
  readonly id: string;
  readonly title: string;
}

/** The blocks after the sections on a pattern's base page, in page order. */
export const DETAIL_BLOCKS: readonly PageBlock[] = [
  { id: 'assessment', title: 'Commons assessment' },
  { id: 'relationships', title: 'Related patterns' },
  { id: 'backlinks', title: 'Linked from' },
  { id: 'similar-patterns', title: 'Similar patterns' },
  { id: 'neighbourhood', title: 'Neighbourhood' },
  { id: 'graph-garden', title: 'Graph garden' },
  { id: 'provenance', title: 'Provenance' },
];

/** An older-format page's blocks after its sections: it has no assessment or graph garden. */
export const OLDER_DETAIL_BLOCKS: readonly PageBlock[] = DETAIL_BLOCKS.filter(
  ({ id }) => id !== 'assessment' && id !== 'graph-garden',
);

/** Heading of a lens page's own implementation guidance. */
export const lensGuidanceTitle = (lens: Lens): string => `Implementation for ${lens.name}`;

/** Heading of a lens page's known uses labelled with its lens. */
export const lensKnownUsesTitle = (lens: Lens): string => `Known uses in ${lens.name}`;

/**
 * The sections a lens page shows, after its lens's guidance, by their opening statement (the
 * core conflict; its resolution, "Therefore, …"), each with a link to the whole section. A lens
 * page is a reading mode, not a copy: the rest of these sections, the other sections, the other
 * lenses' guidance and the detail blocks are on the base page, one link each.
 */
export const LENS_PAGE_SECTIONS: readonly SectionKey[] = ['problem', 'solution'];

/** What a lens page shows (by statement) and what it links to on the base page, in page order. */
export function lensPageParts(page: V71PageModel): {
  readonly shown: readonly SectionModel[];
  readonly linked: readonly PageBlock[];
} {
  const block = ({ id, title }: PageBlock): PageBlock => ({ id, title });
  return {
    shown: page.sections.filter(({ key }) => LENS_PAGE_SECTIONS.includes(key)),
    linked: [
      ...page.sections.filter(({ key }) => !LENS_PAGE_SECTIONS.includes(key)).map(block),
      ...page.extras.map(block),
      { id: 'facts', title: 'Facts' },
      ...DETAIL_BLOCKS.filter(({ id }) => id !== 'relationships'),
    ],
  };
}

/**
 * Table of contents of a pattern page. A lens page leads with its lens's
 * guidance and, after the sections it shows, carries the related patterns and
 * its links into the base page ("more").
 */
export function patternToc(page: PatternPageModel, lens: Lens | undefined): readonly PageBlock[] {
  if (page.format !== 'v7.1') {
    const sections = page.sections.map(({ id, title }) => ({ id, title }));
    return [{ id: 'summary', title: 'Summary' }, ...sections, ...OLDER_DETAIL_BLOCKS];
  }
  if (lens === undefined) {
    return [
      { id: 'summary', title: 'Summary' },
      ...page.sections.map(({ id, title }) => ({ id, title })),
      ...page.extras.map(({ id, title }) => ({ id, title })),
      ...DETAIL_BLOCKS,
    ];
  }
  return [
    { id: 'summary', title: 'Summary' },
    { id: 'lens-guidance', title: lensGuidanceTitle(lens) },
    ...(!page.lensKnownUses.has(lens.key)
      ? []
      : [{ id: 'lens-known-uses', title: lensKnownUsesTitle(lens) }]),
    ...lensPageParts(page).shown.map(({ id, title }) => ({ id, title })),
    { id: 'relationships', title: 'Related patterns' },
    { id: 'more', title: 'The rest of this pattern' },
  ];
}

/**
 * Data attributes of a pattern link that the lens-mode script (src/scripts/lens-mode.ts) reads:
 * the slug; `labelled` links (in lists) also take the pattern's context label as their text.
 */
export type LensLinkData = Readonly<Record<string, string>>;

export const lensLinkData = (slug: string, labelled = false): LensLinkData =>
  labelled ? { 'data-slug': slug, 'data-labelled': '' } : { 'data-slug': slug };

/** Lens data of a link to `slug` (none for a wanted pattern: it has no page, let alone a lens). */
export type LensDataOf = (slug: string) => LensLinkData;

export function lensDataOf(library: Pick<LibraryModel, 'bySlug'>): LensDataOf {
  return (slug) => (library.bySlug.has(slug) ? lensLinkData(slug) : {});
}

/** Every pattern's context label under `lens`, by slug (slug order); patterns without it left out. */
export function lensLabels(
  library: Pick<LibraryModel, 'patterns'>,
  lens: string,
): Readonly<Record<string, string>> {
  return Object.fromEntries(
    library.patterns
      .flatMap(({ slug, contextLabels }): [string, string][] => {
        const label = contextLabels.get(lens);
        return label === undefined ? [] : [[slug, label]];
      })
      .sort(([a], [b]) => compareText(a, b)),
  );
}

/** A pattern's facet values for its facts column: every facet it has a value of, in facet order. */
export function patternFacets(
  pattern: PatternSummary,
): readonly { key: FacetKey; label: string; values: { value: string; label: string }[] }[] {
  return FACET_KEYS.flatMap((key) => {
    const { label, values, valueLabel } = FACETS[key];
    const list = values(pattern);
    return list.length === 0
      ? []
      : [{ key, label, values: list.map((value) => ({ value, label: valueLabel(value) })) }];
  });
}
