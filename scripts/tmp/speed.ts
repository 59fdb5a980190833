import { readdirSync } from 'node:fs';
import { readSiteFileUnrendered } from '../../src/model/load-site.ts';
import { renderBody } from '../../src/model/rendered.ts';
const dir = '/work/real/ok/';
const files = readdirSync(dir).filter((_, i) => i % 4 === 0);
const stored = files.flatMap((f) => { const p = readSiteFileUnrendered(dir + f).pattern; return p ? [p.stored] : []; });
const t0 = performance.now();
for (const s of stored) renderBody(s);
console.log('probe ms per pattern', ((performance.now() - t0) / stored.length).toFixed(2));
