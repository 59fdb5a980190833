/**
 * Precision and recall of lens guidance on a hand-labelled set: the 45 v7.1 files of
 * tests/fixtures/real-library, each labelled in tests/fixtures/lens-labels/<slug>.json by reading
 * its Implementation section (see tests/fixtures/lens-labels/README.md).
 *
 * Unit: a sentence or semicolon clause of Implementation ({@link unitsOf}) for one declared
 * lens. A (unit, lens) pair is expected when the labels list the unit for the lens, and found
 * when the unit is among the units of that lens's guidance Markdown.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitLensGuidance } from '../src/lib/lens-guidance.ts';
import { expectedUnits, implementationOf, unitsOf, type LensLabels } from './helpers/lens-units.ts';

const LABELS = path.join(import.meta.dirname, 'fixtures/lens-labels');

interface Counts {
  truePositive: number;
  falsePositive: number;
  falseNegative: number;
}

const labelled = readdirSync(LABELS)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => JSON.parse(readFileSync(path.join(LABELS, name), 'utf8')) as LensLabels);

/** Counts per lens over the whole labelled set. */
function measure(): Map<string, Counts> {
  const perLens = new Map<string, Counts>();
  for (const labels of labelled) {
    const { lenses, markdown } = implementationOf(path.join(LABELS, labels.file));
    const units = unitsOf(markdown);
    const expected = expectedUnits(units, labels);
    const { byLens } = splitLensGuidance(markdown, lenses);
    for (const lens of lenses) {
      const found = new Set(unitsOf(byLens[lens] ?? ''));
      const wanted = expected.get(lens) ?? new Set<number>();
      const counts = perLens.get(lens) ?? { truePositive: 0, falsePositive: 0, falseNegative: 0 };
      units.forEach((unit, index) => {
        const hit = found.has(unit);
        if (hit && wanted.has(index)) counts.truePositive += 1;
        else if (hit) counts.falsePositive += 1;
        else if (wanted.has(index)) counts.falseNegative += 1;
      });
      perLens.set(lens, counts);
    }
  }
  return perLens;
}

const ratio = (part: number, whole: number): number => (whole === 0 ? 1 : part / whole);

describe('lens guidance on the hand-labelled real files', () => {
  const perLens = measure();
  const total = [...perLens.values()].reduce(
    (sum, counts) => ({
      truePositive: sum.truePositive + counts.truePositive,
      falsePositive: sum.falsePositive + counts.falsePositive,
      falseNegative: sum.falseNegative + counts.falseNegative,
    }),
    { truePositive: 0, falsePositive: 0, falseNegative: 0 },
  );

  it('labels at least 40 real files', () => {
    expect(labelled.length).toBeGreaterThanOrEqual(40);
  });

  it('attributes sentences to the right lens with precision of at least 0.95', () => {
    expect(
      ratio(total.truePositive, total.truePositive + total.falsePositive),
    ).toBeGreaterThanOrEqual(0.95);
  });

  it('finds at least 0.9 of the labelled sentences (recall)', () => {
    expect(
      ratio(total.truePositive, total.truePositive + total.falseNegative),
    ).toBeGreaterThanOrEqual(0.9);
  });

  it.each(['corporate', 'government', 'activist', 'tech'])(
    'keeps precision ≥ 0.9 and recall ≥ 0.85 for the %s lens alone',
    (lens) => {
      const counts = perLens.get(lens) ?? { truePositive: 0, falsePositive: 0, falseNegative: 0 };
      expect(
        ratio(counts.truePositive, counts.truePositive + counts.falsePositive),
      ).toBeGreaterThanOrEqual(0.9);
      expect(
        ratio(counts.truePositive, counts.truePositive + counts.falseNegative),
      ).toBeGreaterThanOrEqual(0.85);
    },
  );
});
