/**
 * Internal link checker of a built site: every `href`, `src` and form
 * `action` that stays on the site must name a file of the build, and every
 * `#fragment` an element of the target page with that `id` (or an `<a name>`).
 * Directory URLs need their trailing slash (the site is built with
 * `trailingSlash: 'always'`; without it a host answers with a redirect, or 404).
 *
 * {@link findBrokenLinks} is pure (pages in, problems out); {@link checkSiteLinks}
 * reads a build folder. `npm run check:links [dir]` runs it on `dist/`.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { htmlElements } from './html-elements.ts';

export interface BrokenLink {
  /** The page holding the link, as a site path (`/patterns/x/`). */
  readonly page: string;
  /** The link as written. */
  readonly href: string;
  readonly reason: string;
}

export interface SiteFiles {
  /** Every file of the build as a site path (`/patterns/x/index.html`, `/pagefind/shards.json`). */
  readonly files: ReadonlySet<string>;
  /** HTML of every page, by its file's site path. */
  readonly pages: ReadonlyMap<string, string>;
}

export interface LinkOptions {
  /** Path prefix the site is served under (Astro's `base`); default `/`. */
  readonly base?: string;
  /** Absolute URLs under this origin (Astro's `site`, e.g. in canonical links) count as internal. */
  readonly origin?: string;
}

/** Attributes holding a URL, by element. */
const URL_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  script: ['src'],
  img: ['src'],
  source: ['src'],
  iframe: ['src'],
  form: ['action'],
};
/** Fragments every page has: the top of the document. */
const TOP = new Set(['', 'top']);
const LOCAL = 'http://site.invalid';

/** Percent-decoded text; undefined when the encoding is malformed. */
function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** The URL a page file is served at: `/a/index.html` → `/a/`. */
const pageUrl = (file: string): string => file.replace(/(^|\/)index\.html$/, '$1');

/** Ids (and `<a name>`s) of every page, parsed once each. */
function anchorsOf(html: string): Set<string> {
  const anchors = new Set<string>();
  for (const element of htmlElements(html)) {
    const id = element.attrs.get('id');
    if (id !== undefined) anchors.add(id);
    const name = element.tag === 'a' ? element.attrs.get('name') : undefined;
    if (name !== undefined) anchors.add(name);
  }
  return anchors;
}

/** Every broken internal link of the site, in page order. */
export function findBrokenLinks(site: SiteFiles, options: LinkOptions = {}): BrokenLink[] {
  const base = options.base ?? '/';
  const anchors = new Map<string, Set<string>>();
  const anchorsAt = (file: string): Set<string> => {
    let found = anchors.get(file);
    if (found === undefined) {
      found = anchorsOf(site.pages.get(file) ?? '');
      anchors.set(file, found);
    }
    return found;
  };

  const problem = (target: URL): string | undefined => {
    if (!target.pathname.startsWith(base)) return `outside the site’s base path ${base}`;
    const decoded = decode(target.pathname.slice(base.length));
    const fragment = decode(target.hash.slice(1));
    if (decoded === undefined || fragment === undefined) return 'malformed percent-encoding';
    const path = `/${decoded}`;
    const file = path.endsWith('/') ? `${path}index.html` : path;
    if (!site.files.has(file)) {
      if (site.files.has(`${path}/index.html`)) return 'directory link without its trailing slash';
      return 'no such file';
    }
    if (target.hash === '' || !file.endsWith('.html')) return undefined;
    if (TOP.has(fragment.toLowerCase()) || anchorsAt(file).has(fragment)) return undefined;
    return `no element with id "${fragment}"`;
  };

  const broken: BrokenLink[] = [];
  for (const [file, html] of site.pages) {
    const page = pageUrl(file);
    const self = new URL(`${base.replace(/\/$/, '')}${page}`, LOCAL);
    for (const element of htmlElements(html)) {
      for (const attribute of URL_ATTRIBUTES[element.tag] ?? []) {
        const href = element.attrs.get(attribute);
        if (href === undefined) continue;
        let target: URL;
        try {
          target = new URL(href, self);
        } catch {
          broken.push({ page, href, reason: 'not a URL' });
          continue;
        }
        if (options.origin !== undefined && target.origin === new URL(options.origin).origin) {
          target = new URL(`${target.pathname}${target.search}${target.hash}`, LOCAL);
        }
        if (target.origin !== LOCAL) continue;
        const reason = problem(target);
        if (reason !== undefined) broken.push({ page, href, reason });
      }
    }
  }
  return broken;
}

/** Reads the build in `dir` and checks it with {@link findBrokenLinks}. */
export async function checkSiteLinks(
  dir: string,
  options: LinkOptions = {},
): Promise<BrokenLink[]> {
  const files = new Set<string>();
  const pages = new Map<string, string>();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const file = `/${relative(dir, path).split(sep).join('/')}`;
    files.add(file);
    if (file.endsWith('.html')) pages.set(file, await readFile(path, 'utf8'));
  }
  return findBrokenLinks(
    { files, pages: new Map([...pages].sort(([a], [b]) => a.localeCompare(b))) },
    options,
  );
}
