/**
 * `/api/graph.json`: the library as a graph. Nodes are the patterns plus every link target that
 * has no file (`wanted` when a curated relationship names it, `suggested` when only the graph
 * garden does); human-curated edges and machine-suggested ones are kept in separate lists, each
 * as written in the frontmatter (self-links and repeats included), and the text-similarity edges
 * (each pattern to its most similar others) in a third.
 */
import { titleFromSlug } from '../../model/labels.ts';
import { compareText } from '../text-order.ts';
import { curatedLinks, domainOf } from '../../model/stored.ts';
import type { LibraryModel } from '../../model/types.ts';
import { EXPORT_VERSION, type GraphExport, type GraphNode } from './shapes.ts';
import { patternsBySlug, type ExportSite } from './export-site.ts';

type Edges = GraphExport['edges'];

export function graphExport(
  library: Pick<LibraryModel, 'bySlug' | 'byId' | 'wanted' | 'similar'>,
  site: ExportSite,
): GraphExport {
  const patterns = patternsBySlug(library);
  const curated: Edges['curated'] = patterns.flatMap((pattern) =>
    curatedLinks(pattern, library.byId).map(({ type, slug, weight, description }) => ({
      source: pattern.slug,
      target: slug,
      type,
      ...(weight === undefined ? {} : { weight }),
      ...(description === undefined ? {} : { description }),
    })),
  );
  const suggested: Edges['suggested'] = patterns.flatMap((pattern) =>
    (pattern.format === 'v7.1' ? pattern.frontmatter.graph_garden.inferred_links : []).map(
      ({ target, type, confidence, reason }) => ({
        source: pattern.slug,
        target,
        type,
        confidence,
        reason,
      }),
    ),
  );
  const wanted = new Set(library.wanted.map(({ slug }) => slug));
  const suggestedOnly = new Set(
    suggested
      .map(({ target }) => target)
      .filter((slug) => !library.bySlug.has(slug) && !wanted.has(slug)),
  );
  const nodes: GraphNode[] = [
    ...patterns.map((pattern): GraphNode => ({
      kind: 'pattern',
      slug: pattern.slug,
      title: pattern.frontmatter.title,
      domain: domainOf(pattern),
      url: site.page(pattern.slug),
    })),
    ...library.wanted.map(({ slug, title }): GraphNode => ({
      kind: 'wanted',
      slug,
      title,
      url: site.wanted(slug),
    })),
    ...[...suggestedOnly].map((slug): GraphNode => ({
      kind: 'suggested',
      slug,
      title: titleFromSlug(slug),
    })),
  ];
  return {
    version: EXPORT_VERSION,
    nodes: nodes.sort((a, b) => compareText(a.slug, b.slug)),
    edges: {
      curated,
      suggested,
      similar: patterns.flatMap(({ slug }) =>
        (library.similar.get(slug) ?? []).map(({ slug: target, score }) => ({
          source: slug,
          target,
          score,
        })),
      ),
    },
  };
}
