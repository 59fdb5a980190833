/** Plane geometry for build-time pictures; coordinates rounded so builds are byte-identical. */

/** Rounds to two decimals, without negative zero. */
export const round2 = (value: number): number => Math.round(value * 100) / 100 || 0;

/** Angle of step `index` of `count` around a circle, clockwise from straight up (SVG y points down). */
export const clockwiseFromTop = (index: number, count: number): number =>
  -Math.PI / 2 + (2 * Math.PI * index) / count;

/** The point at `distance` from (x, y) in direction `angle` (radians), rounded to two decimals. */
export function polar(
  x: number,
  y: number,
  angle: number,
  distance: number,
): { x: number; y: number } {
  return {
    x: round2(x + Math.cos(angle) * distance),
    y: round2(y + Math.sin(angle) * distance),
  };
}
