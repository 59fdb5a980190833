/**
 * The lens as a reading mode (progressive enhancement, on every page): once a reader has chosen
 * a lens (a lens page or `/lenses/<lens>/` remembers it, see LensMemory.astro), the header shows
 * it with a button that forgets it, and every pattern link that carries `data-slug` opens the
 * pattern's page under that lens when the pattern has it — known from the link's
 * `data-lenses` (lens keys) or a `data-label-<lens>` attribute, whose value (the pattern's
 * context label) then becomes the link text, its title following. The lens page's URL comes
 * from the template the page carries (`<body data-lens-url>`, made by the URL scheme).
 * Without JavaScript, or with storage refused, links stay as built.
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

function forget(): void {
  try {
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage refused: nothing was remembered.
  }
  location.reload();
}

/** Shows the active lens in the header; false when the page knows no lens of that key. */
function showLens(lens: string): boolean {
  const control = document.querySelector<HTMLElement>('#lens-mode');
  const name = control?.querySelector<HTMLElement>(`[data-lens="${CSS.escape(lens)}"]`);
  if (!control || !name) return false;
  name.hidden = false;
  control.hidden = false;
  control.querySelector('#lens-clear')?.addEventListener('click', forget);
  return true;
}

function rewriteLinks(lens: string, template: string): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-slug]')) {
    const slug = link.dataset['slug'] ?? '';
    const label = link.getAttribute(`data-label-${lens}`);
    const has = label !== null || (link.dataset['lenses'] ?? '').split(' ').includes(lens);
    if (slug === '' || !has) continue;
    link.href = fillLensUrl(template, slug, lens);
    if (label !== null && label !== '') {
      const title = document.createElement('span');
      title.className = 'lens-of muted';
      title.textContent = ` · ${link.textContent.trim()}`;
      link.textContent = label;
      link.after(title);
    }
  }
}

const lens = rememberedLens();
const template = document.body.dataset['lensUrl'];
if (lens !== '' && showLens(lens) && template !== undefined) rewriteLinks(lens, template);
