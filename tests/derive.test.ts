import { describe, expect, it } from 'vitest';
import { graphColours, graphDrawing } from '../src/model/derive.ts';
import type { GraphPicture } from '../src/model/types.ts';

const node = (slug: string, x: number, y: number, exists = true, group = 'governance') => ({
  slug,
  title: slug.replace(/-/g, ' '),
  x,
  y,
  exists,
  group,
});

const picture: GraphPicture = {
  width: 400,
  height: 300,
  nodes: [
    node('centre', 200, 150, true, 'centre'),
    node('east', 350, 150),
    node('north', 200, 20),
    node('missing', 50, 150, false),
  ],
  edges: [
    { from: 'centre', to: 'east', type: 'enables', weight: 0.8 },
    { from: 'centre', to: 'missing', type: 'requires', weight: undefined },
    { from: 'centre', to: 'not-drawn', type: 'complementary', weight: 0.5 },
  ],
  clusters: [
    { group: 'governance', label: 'Governance', x: 200, y: 150, radius: 100 },
    { group: 'long', label: 'Very long cluster label words', x: 200, y: 150, radius: 50 },
    { group: 'huge', label: 'Unsplittablelabelthatisfartoolong', x: 0, y: 0, radius: 5 },
  ],
  omitted: 0,
};

describe('graph drawing', () => {
  it('draws only the edges whose two ends are in the picture', () => {
    const { lines } = graphDrawing(picture, false);
    expect(lines.map((l) => [l.to, l.x1, l.y1, l.x2, l.y2])).toEqual([
      ['east', 200, 150, 350, 150],
      ['missing', 200, 150, 50, 150],
    ]);
  });

  it('widens the view box and the nodes of a labelled picture', () => {
    expect(graphDrawing(picture, false)).toMatchObject({ viewBox: '0 0 400 300', radius: 5 });
    expect(graphDrawing(picture, true)).toMatchObject({ viewBox: '-140 0 680 300', radius: 7 });
  });

  it('puts node labels away from the centre of the picture', () => {
    const labels = Object.fromEntries(
      graphDrawing(picture, true).nodes.map((n) => [n.slug, n.label]),
    );
    expect(labels).toEqual({
      centre: { x: 200, y: 169, anchor: 'middle' },
      east: { x: 361, y: 154, anchor: 'start' },
      north: { x: 200, y: 9, anchor: 'middle' },
      missing: { x: 39, y: 154, anchor: 'end' },
    });
  });

  it('splits a long cluster label over two lines and drops one that never fits', () => {
    const clusters = graphDrawing(picture, false).clusters.map((c) => c.lines);
    expect(clusters).toEqual([
      [{ text: 'Governance', dy: 0 }],
      [
        { text: 'Very long cluster', dy: -11 },
        { text: 'label words', dy: 11 },
      ],
      [],
    ]);
  });

  it('colours the groups of existing nodes only, in the order given', () => {
    expect([...graphColours(picture, ['centre', 'absent', 'governance'])]).toEqual([
      ['centre', 'hsl(0 70% 45%)'],
      ['governance', 'hsl(275 70% 45%)'],
    ]);
  });
});
