/**
 * Collapsible panels that stand open beside the content on wide screens (the table of contents,
 * browse filters): every `details[data-open-wide]` is opened from 56rem up, the width from which
 * the layouts put them in a side column. Without JavaScript they stay closed, one click away.
 */
const WIDE = '(min-width: 56rem)';

if (matchMedia(WIDE).matches) {
  for (const panel of document.querySelectorAll<HTMLDetailsElement>('details[data-open-wide]')) {
    panel.open = true;
  }
}
