/**
 * The lens as a reading mode (progressive enhancement, on every page): once a reader has chosen
 * a lens (a lens page or `/lenses/<lens>/` remembers it, see LensMemory.astro), the header shows
 * it with a button that forgets it, and every pattern link that carries `data-slug` opens the
 * pattern's page under that lens when the pattern has it. Which patterns have it, and their
 * context labels, come from the lens's labels file (`/api/lenses/<lens>.json`, fetched once
 * and cached: measured on the 240-pattern sample, labels for every lens as attributes made the
 * browse page 35 % heavier compressed). A link marked `data-labelled` (lists) shows the label,
 * the title following. Both URLs come from templates the page carries (`<body data-lens-url>`,
 * `<body data-lens-labels>`, made by the URL scheme). Without JavaScript, or with storage
 * refused, links stay as built.
 */
import { fillLensUrl } from '../model/url-template.ts';

const STORAGE_KEY = 'lens';

function rememberedLens(): string {
  const onPage = document.querySelector<HTMLElement>('#lens-memory')?.dataset['lens'] ?? '';
  if (onPage !== '') return onPage;
  try {
    return localStorage.getItem(STORAGE_KEY) ?? '';
  } catch {
    return '';
  }
}

/** Forgets the lens; a page of that lens (which would remember it again) gives way to its lens-free page. */
function forget(): void {
  try {
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage refused: nothing was remembered.
  }
  const onPage = document.querySelector<HTMLElement>('#lens-memory')?.dataset['lens'] ?? '';
  const lensFree = document.querySelector<HTMLAnchorElement>('a[data-lens-link=""]');
  if (onPage !== '' && lensFree) location.assign(lensFree.href);
  else location.reload();
}

/** The lens names the header carries (`data-names`: key → name). */
function lensNames(control: HTMLElement): Record<string, string> {
  try {
    return JSON.parse(control.dataset['names'] ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
}

/**
 * Shows the active lens in the header, as a link to its listing (`data-listing`, a URL template);
 * false when the site declares no lens of that key.
 */
function showLens(lens: string): boolean {
  const control = document.querySelector<HTMLElement>('#lens-mode');
  const names = control ? lensNames(control) : {};
  const name = Object.hasOwn(names, lens) ? names[lens] : undefined;
  if (!control || name === undefined) return false;
  const link = document.createElement('a');
  link.href = fillLensUrl(control.dataset['listing'] ?? '', '', lens);
  link.textContent = name;
  control.querySelector('#lens-clear')?.before(link);
  control.hidden = false;
  control.querySelector('#lens-clear')?.addEventListener('click', forget);
  return true;
}

/** Fetches the lens's labels (`{ slug: label }`, cached by the browser); none on failure. */
async function labelsOf(lens: string, template: string): Promise<Record<string, string>> {
  try {
    const response = await fetch(fillLensUrl(template, '', lens));
    return response.ok ? ((await response.json()) as Record<string, string>) : {};
  } catch {
    return {};
  }
}

function rewriteLinks(lens: string, template: string, labels: Record<string, string>): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-slug]')) {
    const slug = link.dataset['slug'] ?? '';
    const label = Object.hasOwn(labels, slug) ? labels[slug] : undefined;
    if (label === undefined) continue;
    // setAttribute: a link in SVG (the graphs) has a read-only `href`.
    link.setAttribute('href', fillLensUrl(template, slug, lens));
    if (link.hasAttribute('data-labelled') && label !== '') {
      const title = document.createElement('span');
      title.className = 'lens-of muted';
      title.textContent = ` · ${link.textContent.trim()}`;
      link.textContent = label;
      link.after(title);
    }
  }
}

const lens = rememberedLens();
const { lensUrl, lensLabels } = document.body.dataset;
const links = document.querySelector('a[data-slug]') !== null;
if (lens !== '' && showLens(lens) && links && lensUrl && lensLabels) {
  void labelsOf(lens, lensLabels).then((labels) => {
    rewriteLinks(lens, lensUrl, labels);
  });
}
