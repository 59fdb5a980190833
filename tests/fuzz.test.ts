import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkProperty, mutatedPattern } from '../scripts/lib/fuzz.ts';

/** Short run; `npm run bench:fuzz` runs many more (fast-check prints the seed of a failure). */
const RUNS = 300;

describe('fuzzing the reference pattern and an older-format file', () => {
  it('never breaks the check, and every file it accepts renders into valid outputs', async () => {
    const outcomes = { accepted: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(mutatedPattern, async (text) => {
        outcomes[await checkProperty(text)] += 1;
      }),
      { numRuns: RUNS },
    );
    // Both sides of the property were exercised.
    expect(outcomes.accepted).toBeGreaterThan(RUNS / 10);
    expect(outcomes.refused).toBeGreaterThan(RUNS / 10);
  }, 120_000);
});
