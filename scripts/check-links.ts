/**
 * `npm run check:links [dir]` — every internal link and `#anchor` of a built
 * site (default `dist/`, or `BUILD_OUT_DIR`) resolves. One line per broken
 * link, exit code 1 when there is one. Base path and origin come from
 * `BASE_PATH` and `SITE_URL`, as for the build.
 */
import { resolve } from 'node:path';
import { SITE } from '../src/config/site.ts';
import { checkSiteLinks } from './lib/link-checker.ts';

const dir = resolve(process.argv[2] ?? process.env['BUILD_OUT_DIR'] ?? 'dist');
const broken = await checkSiteLinks(dir, { base: SITE.base, origin: SITE.url });
for (const { page, href, reason } of broken) console.log(`${page}: ${href}: ${reason}`);
console.log(`${dir}: ${String(broken.length)} broken internal link(s)`);
if (broken.length > 0) process.exitCode = 1;
