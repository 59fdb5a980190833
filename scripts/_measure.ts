import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { splitLensGuidance } from '../src/lib/lens-guidance.ts';
import { expectedUnits, implementationOf, unitsOf, type LensLabels } from '../tests/helpers/lens-units.ts';
const LABELS = 'tests/fixtures/lens-labels';
const per = new Map<string, number[]>();
const verbose = process.argv[2];
for (const name of readdirSync(LABELS).filter((n) => n.endsWith('.json')).sort()) {
  const labels = JSON.parse(readFileSync(path.join(LABELS, name), 'utf8')) as LensLabels;
  const { lenses, markdown } = implementationOf(path.join(LABELS, labels.file));
  const units = unitsOf(markdown);
  const expected = expectedUnits(units, labels);
  const { byLens } = splitLensGuidance(markdown, lenses);
  for (const lens of lenses) {
    const found = new Set(unitsOf(byLens[lens] ?? ''));
    const wanted = expected.get(lens) ?? new Set<number>();
    const c = per.get(lens) ?? [0, 0, 0];
    units.forEach((u, i) => {
      const hit = found.has(u);
      if (hit && wanted.has(i)) c[0]! += 1;
      else if (hit) { c[1]! += 1; if (verbose) console.log(`FP ${name} ${lens}: ${u.slice(0, 90)}`); }
      else if (wanted.has(i)) { c[2]! += 1; if (verbose) console.log(`FN ${name} ${lens}: ${u.slice(0, 90)}`); }
    });
    per.set(lens, c);
  }
}
let t = [0, 0, 0];
for (const [lens, [tp, fp, fn]] of per) {
  console.log(`${lens}: P=${(tp! / (tp! + fp! || 1)).toFixed(3)} R=${(tp! / (tp! + fn! || 1)).toFixed(3)} tp=${tp} fp=${fp} fn=${fn}`);
  t = [t[0]! + tp!, t[1]! + fp!, t[2]! + fn!];
}
console.log(`all: P=${(t[0]! / (t[0]! + t[1]!)).toFixed(3)} R=${(t[0]! / (t[0]! + t[2]!)).toFixed(3)} tp=${t[0]} fp=${t[1]} fn=${t[2]}`);
