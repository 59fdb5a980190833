/**
 * The search dialog, loaded by the header on first use ({@link warm}, {@link openSearch}). It
 * builds the dialog itself (styles: src/styles/search-dialog.css), from the URLs the header's
 * search form carries, so that no page carries its markup. Without JavaScript it never opens: the
 * header's form submits to `/search/`.
 *
 * Results as you type: a query is searched at once when no search is running,
 * and while one runs only the latest text waits for it (no queue, no stale
 * list). Each result shows its title (the remembered lens's context label
 * when the pattern has that lens, linking to its page under the lens), its
 * summary and an excerpt around the matched words (src/lib/excerpt.ts). All of
 * it is put into the page as text nodes and `<mark>` elements, never as HTML:
 * titles and text come from untrusted pattern files.
 *
 * The input is a combobox over the listbox of results: arrows move the active
 * option (`aria-activedescendant`), Enter opens it (or, with none active,
 * submits to the full results page), Escape closes the dialog and focus
 * returns to what opened it. The status line, a live region, announces the
 * count. A query that finds nothing offers the closest titles by spelling
 * (`titles.json`, fetched then) and browsing.
 */
import { closestTitles } from '../lib/closest-titles.ts';
import { counted } from '../lib/counts.ts';
import { excerpt } from '../lib/excerpt.ts';
import type { Pagefind, PagefindResultData, TitleList } from '../lib/pagefind-api.ts';
import '../styles/search-dialog.css';
import '../styles/search-query.css';
import {
  loadPagefind,
  patternUrl,
  resultUrl,
  searchUrls,
  type SearchUrls,
} from './pagefind-client.ts';

/** Results listed in the dialog; the full results page has them all. */
const SHOWN = 8;

/** An element with its attributes and children. */
function make<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Readonly<Record<string, string>> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

/** The header's search form: its action and data attributes are the URLs the dialog uses. */
const header = document.querySelector<HTMLFormElement>('form[data-manifest]');
const searchPage = header?.getAttribute('action') ?? '';
const urls = header ? searchUrls(header) : undefined;

// The field is a combobox over the listbox of results.
const input = make('input', {
  id: 'search-dialog-q',
  type: 'search',
  name: 'q',
  autocomplete: 'off',
  spellcheck: 'false',
  role: 'combobox',
  'aria-autocomplete': 'list',
  'aria-expanded': 'false',
  'aria-controls': 'search-dialog-results',
});
const statusLine = make('p', {
  id: 'search-dialog-status',
  class: 'status',
  role: 'status',
  'aria-live': 'polite',
  'aria-atomic': 'true',
});
const list = make('ul', {
  id: 'search-dialog-results',
  class: 'results',
  role: 'listbox',
  'aria-label': 'Results',
  hidden: '',
});
const closestList = make('ul');
const closest = make(
  'div',
  { id: 'search-dialog-closest', class: 'closest', hidden: '' },
  make('p', {}, 'Closest titles:'),
  closestList,
);
const all = make('a', { id: 'search-dialog-all', href: searchPage }, 'All results, with filters');
const close = make('button', { type: 'button' }, 'Close');
const dialog = make(
  'dialog',
  { id: 'search-dialog', class: 'search-dialog', 'aria-labelledby': 'search-dialog-label' },
  make(
    'form',
    { role: 'search', action: searchPage, method: 'get' },
    make(
      'div',
      { class: 'search-query' },
      make('label', { for: input.id, id: 'search-dialog-label' }, 'Search patterns'),
      input,
      make('button', { type: 'submit' }, 'All results'),
      close,
    ),
  ),
  statusLine,
  list,
  closest,
  make(
    'p',
    { class: 'links' },
    all,
    make('a', { href: header?.dataset['browse'] ?? '' }, 'Browse all patterns'),
  ),
);
document.body.append(dialog);

let pagefind: Promise<Pagefind> | undefined;
/** Whether the engine and index have loaded. */
let ready = false;
let titles: Promise<TitleList> | undefined;
let opener: HTMLElement | null = null;
/** The option shown as active, -1 for none. */
let active = -1;
/** The text being searched, and the latest text waiting for it. */
let running: string | undefined;
let waiting: string | undefined;

/** The lens the reader chose last (src/components/LensMemory.astro), or ''. */
function rememberedLens(): string {
  try {
    return localStorage.getItem('lens') ?? '';
  } catch {
    return '';
  }
}

/** Starts loading the search engine and the index (on first focus of the header's field). */
export function warm(): void {
  if (!urls) return;
  pagefind ??= loadPagefind(urls, { excerptLength: 0 });
  pagefind.then(
    () => (ready = true),
    () => undefined,
  );
}

/** Makes option `index` the active one (-1: none). */
function setActive(index: number): void {
  const options = [...list.children];
  active = index >= 0 && index < options.length ? index : -1;
  options.forEach((option, i) => {
    option.setAttribute('aria-selected', String(i === active));
  });
  const current = options[active];
  if (current) {
    input.setAttribute('aria-activedescendant', current.id);
    current.scrollIntoView({ block: 'nearest' });
  } else input.removeAttribute('aria-activedescendant');
}

function option(
  data: PagefindResultData,
  index: number,
  lens: string,
  where: SearchUrls,
): HTMLLIElement {
  const item = document.createElement('li');
  item.id = `search-dialog-option-${String(index)}`;
  item.setAttribute('role', 'option');
  item.setAttribute('aria-selected', 'false');
  const label = lens === '' ? undefined : data.meta[`label-${lens}`];
  item.dataset['href'] = resultUrl(data.url, label === undefined ? '' : lens, where);
  const title = document.createElement('span');
  title.className = 'title';
  title.textContent = label ?? data.meta['title'] ?? data.url;
  const summary = document.createElement('span');
  summary.className = 'summary';
  summary.textContent = data.meta['summary'] ?? '';
  const text = document.createElement('span');
  text.className = 'excerpt';
  for (const run of excerpt(data.content, data.locations)) {
    if (run.marked) {
      const mark = document.createElement('mark');
      mark.textContent = run.text;
      text.append(mark);
    } else text.append(run.text);
  }
  item.append(title, summary, text);
  return item;
}

function show(items: readonly HTMLElement[], status: string): void {
  list.replaceChildren(...items);
  list.hidden = items.length === 0;
  input.setAttribute('aria-expanded', String(items.length > 0));
  setActive(-1);
  if (statusLine.textContent !== status) statusLine.textContent = status;
}

/** Offers the titles closest to `query` and browsing, when it found nothing. */
async function offerClosest(query: string): Promise<void> {
  const titlesUrl = header?.dataset['titles'];
  if (!urls || !titlesUrl) return;
  titles ??= fetch(titlesUrl).then(async (response) =>
    response.ok ? ((await response.json()) as TitleList) : [],
  );
  const found = closestTitles(query, await titles);
  if (input.value.trim() !== query) return;
  closestList.replaceChildren(
    ...found.map(([slug, title]) => {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = patternUrl(slug, '', urls);
      link.textContent = title;
      item.append(link);
      return item;
    }),
  );
  closest.hidden = found.length === 0;
}

async function search(query: string): Promise<void> {
  all.href = query === '' ? searchPage : `${searchPage}?q=${encodeURIComponent(query)}`;
  closest.hidden = true;
  closestList.replaceChildren();
  if (query === '' || !pagefind || !urls) {
    show([], query === '' ? 'Type words to search the patterns.' : '');
    return;
  }
  if (!ready) statusLine.textContent = 'Loading the search index…';
  const { results } = await (await pagefind).search(query);
  const data = await Promise.all(results.slice(0, SHOWN).map((result) => result.data()));
  const lens = rememberedLens();
  const count = results.length;
  const described = `${counted(count, 'pattern')} for “${query}”`;
  show(
    data.map((entry, i) => option(entry, i, lens, urls)),
    count === 0
      ? `No patterns for “${query}”.`
      : count > SHOWN
        ? `${described}, showing ${String(SHOWN)}`
        : described,
  );
  if (count === 0) await offerClosest(query);
}

/** Searches the input's text now, or after the running search (only the latest text waits). */
function schedule(): void {
  const query = input.value.trim();
  if (running !== undefined) {
    waiting = query;
    return;
  }
  running = query;
  search(query)
    .catch((error: unknown) => {
      show([], `Search is unavailable: ${error instanceof Error ? error.message : String(error)}`);
    })
    .finally(() => {
      running = undefined;
      const next = waiting;
      waiting = undefined;
      if (next !== undefined && next !== query) schedule();
    });
}

function openActive(): boolean {
  const href = list.children[active]?.getAttribute('data-href');
  if (!href) return false;
  window.location.assign(href);
  return true;
}

/** Opens the dialog with `text` in its field; focus returns to `from` when it closes. */
export function openSearch(from: HTMLElement | null, text: string): void {
  if (dialog.open) return;
  opener = from;
  warm();
  input.value = text;
  dialog.showModal();
  input.focus();
  schedule();
}

input.addEventListener('input', schedule);
input.addEventListener('keydown', (event) => {
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    // From none, down goes to the first and up to the last; both wrap around.
    const count = list.children.length;
    const step = event.key === 'ArrowDown' ? 1 : -1;
    if (active === -1) setActive(step > 0 ? 0 : count - 1);
    else setActive((active + step + count) % count);
  } else if (event.key === 'Enter' && openActive()) event.preventDefault();
  else if (event.key === 'Escape') {
    // Closes at once (a search field's own Escape would only clear it).
    event.preventDefault();
    dialog.close();
  }
});
list.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target.closest('[role="option"]') : null;
  if (target) {
    setActive([...list.children].indexOf(target));
    openActive();
  }
});
close.addEventListener('click', () => {
  dialog.close();
});
// A click on the backdrop (outside the dialog's box) closes it.
dialog.addEventListener('click', (event) => {
  if (event.target === dialog) dialog.close();
});
dialog.addEventListener('close', () => {
  opener?.focus();
});
