/**
 * Radar chart of the eight commons-assessment pillars, laid out at build time: axes clockwise
 * from the top (in ASSESSMENT_PILLARS order), grid rings at scores 1–5, the score polygon and a
 * label position per axis. Coordinates are rounded to two decimals so builds are byte-identical.
 */
import { ASSESSMENT_PILLARS, type AssessmentPillar } from '../../schema/ontology.ts';
import type { PatternFrontmatter } from '../../schema/pattern.ts';
import { clockwiseFromTop, polar, round2 } from './geometry.ts';
import { pillarLabel } from './labels.ts';
import type { RadarChart } from './types.ts';

type Assessment = PatternFrontmatter['ontology']['commons_assessment'];

const MAX_SCORE = 5;
/** Outer ring radius as a share of the size; labels sit just outside it (see the viewBox). */
const RADIUS_SHARE = 0.36;
/** Distance of a label beyond the outer ring, as a share of the size. */
const LABEL_GAP_SHARE = 0.05;
/** Font size (SVG user units) the viewBox leaves room for. */
export const RADAR_LABEL_FONT_SIZE = 12;
/** Estimated average glyph width, as a share of the font size. */
const GLYPH_WIDTH_SHARE = 0.6;

/** A pillar's score, label and key, in display order (score undefined when not given). */
export function pillarScores(
  assessment: Assessment,
): { pillar: AssessmentPillar; label: string; score: number | undefined }[] {
  return ASSESSMENT_PILLARS.map((pillar) => ({
    pillar,
    label: pillarLabel(pillar),
    score: assessment[pillar],
  }));
}

/** The eight pillar scores in display order, or undefined when any is missing. */
export function completeScores(assessment: Assessment): number[] | undefined {
  const scores = ASSESSMENT_PILLARS.map((pillar) => assessment[pillar]);
  return scores.every((score) => score !== undefined) ? scores : undefined;
}

type Axis = RadarChart['axes'][number];

const anchorOf = (dx: number): Axis['anchor'] =>
  Math.abs(dx) < 0.01 ? 'middle' : dx > 0 ? 'start' : 'end';

/** A viewBox holding the size×size square and every label's estimated box. */
function viewBoxOf(size: number, axes: readonly Axis[]): string {
  const half = RADAR_LABEL_FONT_SIZE / 2;
  const boxes = axes.map(({ label, labelX, labelY, anchor }) => {
    const width = label.length * RADAR_LABEL_FONT_SIZE * GLYPH_WIDTH_SHARE;
    const left =
      anchor === 'start' ? labelX : anchor === 'end' ? labelX - width : labelX - width / 2;
    return { left, right: left + width, top: labelY - half, bottom: labelY + half };
  });
  const left = Math.min(0, ...boxes.map((box) => box.left));
  const top = Math.min(0, ...boxes.map((box) => box.top));
  const right = Math.max(size, ...boxes.map((box) => box.right));
  const bottom = Math.max(size, ...boxes.map((box) => box.bottom));
  return [left, top, right - left, bottom - top].map((value) => round2(value)).join(' ');
}

/**
 * The radar chart of an assessment in a `size`×`size` square; labels are meant to be drawn with
 * `text-anchor` = anchor and `dominant-baseline: middle`.
 */
export function radarChart(assessment: Assessment, size = 240): RadarChart {
  const centre = size / 2;
  const radius = size * RADIUS_SHARE;
  const count = ASSESSMENT_PILLARS.length;
  const point = (index: number, distance: number): { x: number; y: number } =>
    polar(centre, centre, clockwiseFromTop(index, count), distance);
  const points = (distances: readonly number[]): string =>
    distances
      .map((distance, index) => {
        const { x, y } = point(index, distance);
        return `${x},${y}`;
      })
      .join(' ');
  const scores = pillarScores(assessment);
  const complete = completeScores(assessment);
  const rings = Array.from({ length: MAX_SCORE }, (_, ring) =>
    points(scores.map(() => (radius * (ring + 1)) / MAX_SCORE)),
  );
  const axes = scores.map(({ pillar, label, score }, index): Axis => {
    const end = point(index, radius);
    const labelAt = point(index, radius + size * LABEL_GAP_SHARE);
    return {
      pillar,
      label,
      score,
      ...end,
      labelX: labelAt.x,
      labelY: labelAt.y,
      anchor: anchorOf(Math.cos(clockwiseFromTop(index, count))),
    };
  });
  return {
    size,
    viewBox: viewBoxOf(size, axes),
    polygon: complete && points(complete.map((score) => (radius * score) / MAX_SCORE)),
    rings,
    axes,
  };
}
