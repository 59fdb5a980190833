/**
 * Node-link pictures of the human-curated graph, laid out at build time (no physics, no
 * randomness: the same library always gives the same picture).
 *
 * - {@link neighbourhoodGraph}: one pattern in the centre, the patterns it links to and the ones
 *   linking to it on a ring, strongest {@link NEIGHBOURHOOD_CAP} first. Wanted targets are shown
 *   (`exists: false`); edges all touch the centre.
 * - {@link libraryGraph}: every pattern, grouped by domain. Each domain is a cluster whose nodes
 *   sit on a sunflower spiral (best-connected in the middle); clusters, largest first, are packed
 *   in rows. Edges join existing patterns only: wanted targets are left out of the library graph.
 *
 * Self-links are never drawn; an edge repeated with the same type is drawn once.
 */
import { clockwiseFromTop, polar, round2 } from './geometry.ts';
import { facetValueLabel } from './facets.ts';
import { compareText, relationshipRank } from './labels.ts';
import { curatedLinks, domainOf, slugsById, titleOf } from './stored.ts';
import type { GraphPicture, LibraryModel, StoredPattern } from './types.ts';

type GraphNode = GraphPicture['nodes'][number];
type GraphEdge = GraphPicture['edges'][number];

/** Most neighbours a neighbourhood graph shows. */
export const NEIGHBOURHOOD_CAP = 24;
/** Group of the centre node of a neighbourhood graph. */
export const CENTRE_GROUP = 'centre';

const NEIGHBOURHOOD_SIZE = 480;
/** Radius of the neighbours' ring as a share of the size. */
const RING_SHARE = 0.38;
/** Above this many neighbours every other node moves to an inner ring, to leave room for labels. */
const SINGLE_RING_MAX = 12;
const INNER_RING_SHARE = 0.72;

/** Distance unit between nodes of a cluster's spiral. */
const SPIRAL_STEP = 10;
/** Room around a cluster's outermost node, and between clusters (for the cluster label). */
const CLUSTER_PADDING = 10;
const CLUSTER_GAP = 28;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

const strength = (weight: number | undefined): number => weight ?? 0;

/** Edges without repeats of the same (from, to, type), in first-seen order. */
function uniqueEdges(edges: readonly GraphEdge[]): GraphEdge[] {
  const seen = new Set<string>();
  return edges.filter((edge) => {
    const key = `${edge.from}\n${edge.to}\n${edge.type}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** An edge of the neighbourhood and the neighbour it reaches. */
interface Spoke extends GraphEdge {
  readonly neighbour: string;
}

function spokes(
  pattern: StoredPattern,
  library: Pick<LibraryModel, 'backlinks' | 'byId'>,
): Spoke[] {
  const outgoing = curatedLinks(pattern, library.byId).map(({ type, slug, weight }) => ({
    from: pattern.slug,
    to: slug,
    type,
    weight,
    neighbour: slug,
  }));
  const incoming = (library.backlinks.get(pattern.slug) ?? []).flatMap(({ type, links }) =>
    links.map(({ slug, weight }) => ({
      from: slug,
      to: pattern.slug,
      type,
      weight,
      neighbour: slug,
    })),
  );
  return [...outgoing, ...incoming].filter((spoke) => spoke.neighbour !== pattern.slug);
}

/** The strongest spoke per neighbour, strongest first (ties: slug). */
function strongestSpokes(all: readonly Spoke[]): Spoke[] {
  const best = new Map<string, Spoke>();
  for (const spoke of all) {
    const current = best.get(spoke.neighbour);
    if (current === undefined || strength(spoke.weight) > strength(current.weight)) {
      best.set(spoke.neighbour, spoke);
    }
  }
  return [...best.values()].sort(
    (a, b) => strength(b.weight) - strength(a.weight) || compareText(a.neighbour, b.neighbour),
  );
}

/** Neighbours on a ring around (centre, centre), in the given order; alternate ones inside when crowded. */
function ringNodes(
  shown: readonly (Spoke & { readonly title: string })[],
  bySlug: LibraryModel['bySlug'],
  centre: number,
): GraphNode[] {
  const radius = NEIGHBOURHOOD_SIZE * RING_SHARE;
  const crowded = shown.length > SINGLE_RING_MAX;
  return shown.map(({ neighbour, title, type }, index) => ({
    slug: neighbour,
    title,
    ...polar(
      centre,
      centre,
      clockwiseFromTop(index, shown.length),
      crowded && index % 2 === 1 ? radius * INNER_RING_SHARE : radius,
    ),
    exists: bySlug.has(neighbour),
    group: type,
  }));
}

/**
 * A pattern's neighbourhood: the pattern in the centre and up to {@link NEIGHBOURHOOD_CAP}
 * neighbours (outgoing links and backlinks, strongest first) on a ring grouped by the type of
 * their strongest link; `omitted` counts the neighbours left out.
 */
export function neighbourhoodGraph(
  pattern: StoredPattern,
  library: Pick<LibraryModel, 'bySlug' | 'backlinks' | 'byId'>,
): GraphPicture {
  const all = spokes(pattern, library);
  const ranked = strongestSpokes(all);
  const shown = ranked.slice(0, NEIGHBOURHOOD_CAP).map((spoke) => ({
    ...spoke,
    title: titleOf(library.bySlug, spoke.neighbour),
  }));
  shown.sort(
    (a, b) =>
      relationshipRank(a.type) - relationshipRank(b.type) ||
      compareText(a.title, b.title) ||
      compareText(a.neighbour, b.neighbour),
  );
  const centre = NEIGHBOURHOOD_SIZE / 2;
  const kept = new Set(shown.map(({ neighbour }) => neighbour));
  return {
    width: NEIGHBOURHOOD_SIZE,
    height: NEIGHBOURHOOD_SIZE,
    nodes: [
      {
        slug: pattern.slug,
        title: pattern.frontmatter.title,
        x: centre,
        y: centre,
        exists: true,
        group: CENTRE_GROUP,
      },
      ...ringNodes(shown, library.bySlug, centre),
    ],
    edges: uniqueEdges(
      all
        .filter(({ neighbour }) => kept.has(neighbour))
        .map(({ from, to, type, weight }) => ({ from, to, type, weight })),
    ),
    clusters: [],
    omitted: ranked.length - shown.length,
  };
}

/** Edges between existing patterns, no self-links, in slug order of their source. */
function libraryEdges(patterns: readonly StoredPattern[]): GraphEdge[] {
  const slugs = new Set(patterns.map(({ slug }) => slug));
  const byId = slugsById(patterns);
  return uniqueEdges(
    patterns.flatMap((pattern) =>
      curatedLinks(pattern, byId)
        .filter(({ slug }) => slug !== pattern.slug && slugs.has(slug))
        .map(({ type, slug, weight }) => ({ from: pattern.slug, to: slug, type, weight })),
    ),
  );
}

function degrees(edges: readonly GraphEdge[]): Map<string, number> {
  const degree = new Map<string, number>();
  for (const { from, to } of edges) {
    degree.set(from, (degree.get(from) ?? 0) + 1);
    degree.set(to, (degree.get(to) ?? 0) + 1);
  }
  return degree;
}

/** Radius of the circle holding `count` nodes on the spiral. */
const spiralRadius = (count: number): number => SPIRAL_STEP * Math.sqrt(count) + CLUSTER_PADDING;

/** Node `index` of a spiral around (x, y): evenly spread, the first in the middle. */
function spiralPoint(x: number, y: number, index: number): { x: number; y: number } {
  return polar(x, y, index * GOLDEN_ANGLE, SPIRAL_STEP * Math.sqrt(index + 0.5));
}

/** Places circles (largest first) left to right in rows about as wide as the total is tall. */
function packRows<T extends { readonly radius: number }>(
  circles: readonly T[],
): { placed: (T & { x: number; y: number })[]; width: number; height: number } {
  const cell = (radius: number): number => 2 * radius + CLUSTER_GAP;
  const rowWidth = Math.sqrt(circles.reduce((sum, { radius }) => sum + cell(radius) ** 2, 0));
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  let width = 0;
  const placed = circles.map((circle) => {
    const size = cell(circle.radius);
    if (x > 0 && x + size > rowWidth) {
      y += rowHeight;
      x = 0;
      rowHeight = 0;
    }
    rowHeight = Math.max(rowHeight, size);
    const centre = { x: round2(x + size / 2), y: round2(y + rowHeight / 2) };
    x += size;
    width = Math.max(width, x);
    return { ...circle, ...centre };
  });
  return { placed, width: round2(width), height: round2(y + rowHeight) };
}

/**
 * The whole curated graph: one cluster per domain, nodes of a cluster on a spiral with the
 * best-connected in the middle, clusters packed in rows; O(n log n + edges).
 */
export function libraryGraph(patterns: readonly StoredPattern[]): GraphPicture {
  const sorted = [...patterns].sort((a, b) => compareText(a.slug, b.slug));
  const edges = libraryEdges(sorted);
  const degree = degrees(edges);
  const byDegree = (a: StoredPattern, b: StoredPattern): number =>
    (degree.get(b.slug) ?? 0) - (degree.get(a.slug) ?? 0) || compareText(a.slug, b.slug);
  const domains = [...Map.groupBy(sorted, domainOf)]
    .map(([domain, members]) => ({
      domain,
      members: members.sort(byDegree),
      radius: round2(spiralRadius(members.length)),
    }))
    .sort((a, b) => b.members.length - a.members.length || compareText(a.domain, b.domain));
  const { placed, width, height } = packRows(domains);
  return {
    width,
    height,
    nodes: placed.flatMap(({ domain, members, x, y }) =>
      members.map((pattern, index) => ({
        slug: pattern.slug,
        title: pattern.frontmatter.title,
        ...spiralPoint(x, y, index),
        exists: true,
        group: domain,
      })),
    ),
    edges,
    clusters: placed.map(({ domain, x, y, radius }) => ({
      group: domain,
      label: facetValueLabel('domain', domain),
      x,
      y,
      radius,
    })),
    omitted: 0,
  };
}
