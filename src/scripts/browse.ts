/**
 * Browse page enhancement: facet checkboxes filter the list instantly, sort
 * links re-order it in place, and the state lives in the URL query
 * (?domain=a&domain=b&status=draft&sort=score), read on load. Within a facet
 * values are OR-ed, across facets AND-ed.
 */
import { counted, formatCount } from '../lib/counts.ts';
import { browseOrder } from '../lib/text-order.ts';

const filters = document.querySelector<HTMLElement>('#facet-filters');
const list = document.querySelector<HTMLOListElement>('#pattern-list');
const count = document.querySelector<HTMLElement>('#browse-count');
const empty = document.querySelector<HTMLElement>('#no-results');
const clear = document.querySelector<HTMLButtonElement>('#clear-filters');

function items(): HTMLLIElement[] {
  return list ? [...list.querySelectorAll<HTMLLIElement>(':scope > li')] : [];
}

function checked(): Map<string, Set<string>> {
  const chosen = new Map<string, Set<string>>();
  for (const box of filters?.querySelectorAll<HTMLInputElement>('input:checked') ?? []) {
    const values = chosen.get(box.name) ?? new Set<string>();
    values.add(box.value);
    chosen.set(box.name, values);
  }
  return chosen;
}

/** Each item's title and slug, read once. */
const titles = new Map<HTMLLIElement, { title: string; slug: string }>();
function titleOf(li: HTMLLIElement): { title: string; slug: string } {
  let keys = titles.get(li);
  if (keys === undefined) {
    keys = { title: li.dataset['title'] ?? '', slug: li.querySelector('a')?.dataset['slug'] ?? '' };
    titles.set(li, keys);
  }
  return keys;
}

/** Orders the list as the build orders it (src/model/derive.ts, sortPatterns). */
function sortItems(sort: string): void {
  if (!list) return;
  const value = (li: HTMLLIElement): number => Number(li.dataset[sort] ?? -1);
  const current = items();
  const sorted = [...current].sort(browseOrder(sort, value, titleOf));
  // Moving the items lays the whole list out again: only when the order changes (not on load).
  if (sorted.some((li, index) => li !== current[index])) list.append(...sorted);
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-sort]')) {
    if (link.dataset['sort'] === sort) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

function apply(sort: string): void {
  const chosen = checked();
  let shown = 0;
  for (const li of items()) {
    const match = [...chosen].every(([name, values]) =>
      (li.dataset[name] ?? '').split(' ').some((v) => values.has(v)),
    );
    li.hidden = !match;
    if (match) shown += 1;
  }
  sortItems(sort);
  if (count) count.textContent = `${formatCount(shown)} of ${counted(items().length, 'pattern')}`;
  if (empty) empty.hidden = shown > 0;
  if (clear) clear.hidden = chosen.size === 0;
  const query = new URLSearchParams();
  for (const [name, values] of chosen) for (const v of values) query.append(name, v);
  if (sort !== 'title') query.set('sort', sort);
  const search = query.toString();
  history.replaceState(null, '', search ? `?${search}` : location.pathname);
}

if (filters && list) {
  const params = new URLSearchParams(location.search);
  const initial = document.querySelector<HTMLElement>('[data-sort]:not(a)')?.dataset['sort'];
  let sort = params.get('sort') ?? initial ?? 'title';
  // The sorts are the page's sort links (src/model/urls.ts, SORTS).
  const sorts = [...document.querySelectorAll<HTMLAnchorElement>('a[data-sort]')].map(
    (link) => link.dataset['sort'],
  );
  if (!sorts.includes(sort)) sort = 'title';
  for (const box of filters.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) {
    box.hidden = false;
    box.checked = params.getAll(box.name).includes(box.value);
    const label = filters.querySelector<HTMLLabelElement>(`label[for="${CSS.escape(box.id)}"]`);
    if (label) label.hidden = false;
    const link = label?.nextElementSibling;
    if (link instanceof HTMLAnchorElement) link.hidden = true;
  }
  filters.addEventListener('change', () => {
    apply(sort);
  });
  clear?.addEventListener('click', () => {
    for (const box of filters.querySelectorAll<HTMLInputElement>('input:checked'))
      box.checked = false;
    apply(sort);
  });
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-sort]')) {
    link.addEventListener('click', (event) => {
      event.preventDefault();
      sort = link.dataset['sort'] ?? 'title';
      apply(sort);
    });
  }
  apply(sort);
}

export {};
