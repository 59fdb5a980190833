/**
 * The search page's behaviour: reads `?q=` and the filters from the URL (on
 * load, after an in-page search, on back and forward), loads the sharded
 * Pagefind index (src/scripts/pagefind-client.ts), and lists results with title, summary and score.
 * With a lens chosen, results link to the pattern's page under that lens.
 *
 * Every URL comes from the page (the form's data attributes, written from the
 * URL scheme in src/model/urls.ts) or from the index; none is spelled here.
 * Everything from the index is put into the page as text (never as HTML):
 * titles and summaries come from untrusted pattern files.
 */

import { counted, formatCount } from '../lib/counts.ts';
import type { Pagefind, PagefindResult, PagefindResultData } from '../lib/pagefind-api.ts';
import { loadPagefind, resultUrl, searchUrls } from './pagefind-client.ts';

const PAGE_SIZE = 10;

const form = document.querySelector<HTMLFormElement>('#search-form');
/** Filter selects: `name` is both the query parameter and the Pagefind filter. */
const selects = [...(form?.querySelectorAll<HTMLSelectElement>('select') ?? [])];
const statusLine = document.querySelector<HTMLElement>('#search-status');
const list = document.querySelector<HTMLOListElement>('#search-results');
const more = document.querySelector<HTMLButtonElement>('#search-more');

let pagefind: Promise<Pagefind> | undefined;

function renderResult(data: PagefindResultData, lens: string): HTMLLIElement {
  const item = document.createElement('li');
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = resultUrl(data.url, lens, searchUrls(form ?? document.body));
  link.textContent = data.meta['title'] ?? data.url;
  heading.append(link);
  item.append(heading);
  const summary = data.meta['summary'];
  if (summary) {
    const p = document.createElement('p');
    p.textContent = summary;
    item.append(p);
  }
  const score = data.meta['score'];
  if (score) {
    const p = document.createElement('p');
    p.className = 'score';
    p.textContent = `Overall score ${score} / 5`;
    item.append(p);
  }
  return item;
}

function setStatus(text: string): void {
  if (statusLine) statusLine.textContent = text;
}

/** Counts runs: a run whose search was overtaken by a newer one (typing fast, back button) stops. */
let latest = 0;

async function run(): Promise<void> {
  if (!form || !list || !more) return;
  const current = ++latest;
  const params = new URLSearchParams(window.location.search);
  const query = (params.get('q') ?? '').trim();
  const filters: Record<string, string> = {};
  for (const select of selects) {
    const value = params.get(select.name) ?? '';
    select.value = value;
    if (value !== '') filters[select.name] = value;
  }
  // A chosen filter is shown, even where the filters start closed (phones).
  const panel = form.querySelector('details');
  if (panel && Object.keys(filters).length > 0) panel.open = true;
  const input = form.elements.namedItem('q');
  if (input instanceof HTMLInputElement) input.value = query;
  if (query === '' && Object.keys(filters).length === 0) {
    list.replaceChildren();
    more.hidden = true;
    setStatus('Type words to search the patterns, or choose a filter.');
    return;
  }
  setStatus('Searching…');
  let results: readonly PagefindResult[];
  try {
    pagefind ??= loadPagefind(searchUrls(form), { excerptLength: 0 });
    ({ results } = await (await pagefind).search(query === '' ? null : query, { filters }));
  } catch (error) {
    setStatus(`Search is unavailable: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  if (current !== latest) return;
  const lens = params.get('lens') ?? '';
  const described = query === '' ? 'matching the filters' : `for “${query}”`;
  const count = `${counted(results.length, 'pattern')} ${described}`;
  let shown = 0;
  const showMore = async (): Promise<void> => {
    const page = results.slice(shown, shown + PAGE_SIZE);
    const data = await Promise.all(page.map((result) => result.data()));
    if (current !== latest) return;
    list.append(...data.map((entry) => renderResult(entry, lens)));
    shown += page.length;
    more.hidden = shown >= results.length;
    setStatus(shown < results.length ? `${count}, showing ${formatCount(shown)}` : count);
  };
  list.replaceChildren();
  more.onclick = () => {
    const first = shown;
    void showMore().then(() => {
      list.querySelectorAll('a')[first]?.focus();
    });
  };
  await showMore();
}

// A changed filter submits the form, so the URL always describes the results (shareable, back button).
for (const select of selects) {
  select.addEventListener('change', () => {
    form?.requestSubmit();
  });
}
// Submitting searches in place: the URL changes (pushState) but the page, and the search
// engine it has loaded, stay; only new index chunks are fetched. Back and forward re-run.
form?.addEventListener('submit', (event) => {
  event.preventDefault();
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    if (typeof value === 'string' && value.trim() !== '') params.append(name, value.trim());
  }
  history.pushState(null, '', `${window.location.pathname}?${params.toString()}`);
  void run();
});
window.addEventListener('popstate', () => {
  void run();
});
void run();
