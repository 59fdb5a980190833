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
import { relationshipRank } from './labels.ts';
import { byTitle, compareText } from '../lib/text-order.ts';
import { curatedLinks, domainOf, slugsById, titleOf } from './stored.ts';
import type { GraphPicture, LibraryModel, PatternSummary, StoredPattern } from './types.ts';

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

/** A node of a ring picture: a domain (overview) or a pattern (one domain's graph). */
export interface RingNode {
  readonly key: string;
  readonly label: string;
  /** The label as drawn: long ones cut (the link's accessible name keeps the whole). */
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly r: number;
  /** Label position, anchor and rotation (degrees) so it reads outward from the ring. */
  readonly labelX: number;
  readonly labelY: number;
  readonly anchor: 'start' | 'end';
  readonly rotate: number;
  /** Patterns in the domain (overview), or links leaving the domain (a domain's graph). */
  readonly count: number;
}

/** A chord between two nodes: an SVG path bending through the centre, and its weight. */
export interface RingEdge {
  readonly from: string;
  readonly to: string;
  readonly weight: number;
  readonly path: string;
}

export interface RingPicture {
  /** Side of the square picture (labels included). */
  readonly size: number;
  readonly nodes: readonly RingNode[];
  readonly edges: readonly RingEdge[];
}

/** Least ring spacing per node and the ring's least radius. */
const RING_STEP = 16;
const RING_MIN_RADIUS = 140;
/** Font size of ring labels (user units), an average glyph's width as its share, and the longest label drawn in full. */
export const RING_LABEL_FONT = 12;
const GLYPH_SHARE = 0.6;
const RING_LABEL_MAX = 48;

/** A ring label: at most {@link RING_LABEL_MAX} characters, cut at a word with an ellipsis. */
export function ringLabel(text: string): string {
  if (text.length <= RING_LABEL_MAX) return text;
  const cut = text.slice(0, RING_LABEL_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > RING_LABEL_MAX / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * Nodes on a ring, clockwise from the top in the given order, each with a radius and a label
 * reading outward (rotated along its spoke, flipped on the left half so it is never upside down);
 * the picture keeps room around the ring for the longest label.
 */
function ring(items: readonly { key: string; label: string; r: number; count: number }[]): {
  size: number;
  centre: number;
  nodes: RingNode[];
} {
  // Room on the ring for every node side by side: a step each, or its own width when larger.
  const around = items.reduce((sum, { r }) => sum + Math.max(RING_STEP, 2 * r + 4), 0);
  const radius = Math.max(RING_MIN_RADIUS, around / (2 * Math.PI));
  const longest = Math.max(0, ...items.map(({ label }) => ringLabel(label).length));
  const biggest = Math.max(0, ...items.map(({ r }) => r));
  const room = longest * RING_LABEL_FONT * GLYPH_SHARE + biggest + 16;
  const centre = round2(radius + room);
  const nodes = items.map((item, index) => {
    const angle = clockwiseFromTop(index, items.length);
    const at = polar(centre, centre, angle, radius);
    const label = polar(centre, centre, angle, radius + item.r + 6);
    const degrees = (angle * 180) / Math.PI;
    const left = Math.cos(angle) < -1e-9;
    return {
      ...item,
      text: ringLabel(item.label),
      ...at,
      labelX: label.x,
      labelY: label.y,
      anchor: left ? ('end' as const) : ('start' as const),
      rotate: round2(left ? degrees + 180 : degrees),
    };
  });
  return { size: round2(2 * centre), centre, nodes };
}

/** A chord from one node to another, bent towards the centre (strongly for far-apart nodes). */
function chord(a: { x: number; y: number }, b: { x: number; y: number }, centre: number): string {
  const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  const control = { x: round2((mid.x + centre) / 2), y: round2((mid.y + centre) / 2) };
  return `M${String(a.x)} ${String(a.y)}Q${String(control.x)} ${String(control.y)} ${String(b.x)} ${String(b.y)}`;
}

/** Undirected link counts between groups of existing patterns (self-pairs left out). */
function pairCounts(
  edges: readonly GraphEdge[],
  groupOf: (slug: string) => string | undefined,
): Map<string, { from: string; to: string; weight: number }> {
  const pairs = new Map<string, { from: string; to: string; weight: number }>();
  for (const edge of edges) {
    const a = groupOf(edge.from);
    const b = groupOf(edge.to);
    if (a === undefined || b === undefined || a === b) continue;
    const [from, to] = compareText(a, b) <= 0 ? [a, b] : [b, a];
    const key = `${from}\n${to}`;
    const pair = pairs.get(key) ?? { from, to, weight: 0 };
    pairs.set(key, { ...pair, weight: pair.weight + 1 });
  }
  return pairs;
}

/** Node radius for a count: area proportional to it, between 4 and 28. */
const sizeFor = (count: number, largest: number): number =>
  round2(4 + 24 * Math.sqrt(count / Math.max(1, largest)));

const edgesOf = (
  pairs: Map<string, { from: string; to: string; weight: number }>,
  at: ReadonlyMap<string, RingNode>,
  centre: number,
): RingEdge[] =>
  [...pairs.values()]
    .sort((a, b) => b.weight - a.weight || compareText(a.from, b.from) || compareText(a.to, b.to))
    .flatMap(({ from, to, weight }) => {
      const a = at.get(from);
      const b = at.get(to);
      return a && b ? [{ from, to, weight, path: chord(a, b, centre) }] : [];
    });

/**
 * The library's domains on a ring, largest first: each sized by its number of patterns, chords
 * weighted by the curated links between their patterns.
 */
export function domainOverview(library: LibraryModel): RingPicture {
  const patterns = [...library.bySlug.values()];
  const domainBySlug = new Map(patterns.map((p) => [p.slug, domainOf(p)]));
  const counts = new Map<string, number>();
  for (const domain of domainBySlug.values()) counts.set(domain, (counts.get(domain) ?? 0) + 1);
  const largest = Math.max(0, ...counts.values());
  const items = [...counts]
    .sort(([a, ca], [b, cb]) => cb - ca || compareText(a, b))
    .map(([key, count]) => ({
      key,
      label: facetValueLabel('domain', key),
      r: sizeFor(count, largest),
      count,
    }));
  const { size, centre, nodes } = ring(items);
  const at = new Map(nodes.map((n) => [n.key, n]));
  const pairs = pairCounts(library.graph.edges, (slug) => domainBySlug.get(slug));
  return { size, nodes, edges: edgesOf(pairs, at, centre) };
}

/** A pattern and how many other patterns it is linked with. */
export interface Connected {
  readonly pattern: PatternSummary;
  readonly links: number;
}

/**
 * The `size` patterns of `patterns` with the most other patterns linked to them by `edges` (the
 * curated links between existing patterns), in either direction, each neighbour once; most first
 * (ties: title), none without a link.
 */
export function mostConnected(
  edges: readonly { readonly from: string; readonly to: string }[],
  patterns: readonly PatternSummary[],
  size: number,
): readonly Connected[] {
  const neighbours = new Map<string, Set<string>>();
  const add = (from: string, to: string): void => {
    const set = neighbours.get(from) ?? new Set<string>();
    set.add(to);
    neighbours.set(from, set);
  };
  for (const { from, to } of edges) {
    add(from, to);
    add(to, from);
  }
  return patterns
    .map((pattern) => ({ pattern, links: neighbours.get(pattern.slug)?.size ?? 0 }))
    .filter(({ links }) => links > 0)
    .sort((a, b) => b.links - a.links || byTitle(a.pattern, b.pattern))
    .slice(0, size);
}

/** Patterns a domain's graph lists as its most connected. */
export const DOMAIN_CONNECTED = 10;

/** One domain's patterns on a ring (by title), their links inside the domain, and the links leaving it. */
export interface DomainGraph extends RingPicture {
  readonly domain: string;
  /**
   * Its patterns most linked with others of the domain (at most {@link DOMAIN_CONNECTED}): where
   * to start reading, and a list a phone can read when the ring is too large to.
   */
  readonly connected: readonly Connected[];
  /** Links from or to the domain's patterns, by other domain, most first. */
  readonly leaving: readonly {
    readonly domain: string;
    readonly label: string;
    readonly links: number;
  }[];
}

/** One domain's graph; the library's links come from its graph, drawn once per library. */
export function domainGraph(library: LibraryModel, domain: string): DomainGraph {
  const patterns = [...library.bySlug.values()];
  const domainBySlug = new Map(patterns.map((p) => [p.slug, domainOf(p)]));
  const members = patterns
    .filter((p) => domainOf(p) === domain)
    .sort(
      (a, b) =>
        compareText(a.frontmatter.title, b.frontmatter.title) || compareText(a.slug, b.slug),
    );
  const inside = new Set(members.map(({ slug }) => slug));
  const edges = library.graph.edges;
  const out = new Map<string, number>();
  const leaving = new Map<string, number>();
  for (const { from, to } of edges) {
    if (inside.has(from) === inside.has(to)) continue;
    const [own, other] = inside.has(from) ? [from, to] : [to, from];
    out.set(own, (out.get(own) ?? 0) + 1);
    const otherDomain = domainBySlug.get(other) ?? '';
    leaving.set(otherDomain, (leaving.get(otherDomain) ?? 0) + 1);
  }
  const { size, centre, nodes } = ring(
    members.map((p) => ({
      key: p.slug,
      label: p.frontmatter.title,
      r: 5,
      count: out.get(p.slug) ?? 0,
    })),
  );
  const at = new Map(nodes.map((n) => [n.key, n]));
  const within = edges.filter(({ from, to }) => inside.has(from) && inside.has(to));
  const pairs = pairCounts(within, (slug) => slug);
  return {
    domain,
    size,
    nodes,
    edges: edgesOf(pairs, at, centre),
    connected: mostConnected(
      within,
      library.patterns.filter(({ slug }) => inside.has(slug)),
      DOMAIN_CONNECTED,
    ),
    leaving: [...leaving]
      .sort(([a, x], [b, y]) => y - x || compareText(a, b))
      .map(([key, links]) => ({ domain: key, label: facetValueLabel('domain', key), links })),
  };
}
