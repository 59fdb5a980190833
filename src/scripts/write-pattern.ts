/**
 * The wanted page's "Write this pattern" links: when one is followed, the
 * new-file editor's URL gets the draft, made from the page's one template
 * with the pattern's title and slug, a fresh id and today's date. Without
 * JavaScript the link still opens the editor with the file named.
 */
import { fillDraft, freshDraftInput } from '../lib/draft-template.ts';

const list = document.querySelector<HTMLElement>('[data-draft]');
const template = list?.dataset['draft'];

function addDraft(event: Event): void {
  if (template === undefined || !(event.target instanceof Element)) return;
  const link = event.target.closest<HTMLAnchorElement>('a[data-write-slug]');
  const { writeSlug, writeTitle } = link?.dataset ?? {};
  if (!link || writeSlug === undefined || writeTitle === undefined) return;
  const url = new URL(link.href);
  url.searchParams.set('value', fillDraft(template, freshDraftInput(writeTitle, writeSlug)));
  link.href = url.href;
}

// Before the browser follows the link: a click, a middle click or the keyboard's Enter.
list?.addEventListener('click', addDraft);
list?.addEventListener('auxclick', addDraft);
list?.addEventListener('contextmenu', addDraft);
