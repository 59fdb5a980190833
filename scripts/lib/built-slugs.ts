/** The slugs of the pattern pages a built site holds (sort pages such as `by-score/` left out). */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { RESERVED_PATTERN_SLUGS } from '../../src/lib/reserved.ts';
import { PATHS, patternPage } from '../../src/model/urls.ts';

export async function builtSlugs(site: string): Promise<string[]> {
  const entries = await readdir(join(site, PATHS.browse), { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => patternPage(`${PATHS.browse}${entry.name}/`)?.slug ?? [])
    .filter((slug) => !RESERVED_PATTERN_SLUGS.has(slug))
    .sort();
}
