/**
 * The table of contents of a pattern page (Toc.astro), enhanced: open on wide screens (where it
 * stands beside the text), and the link of the section being read marked `aria-current="true"`
 * as the reader scrolls (IntersectionObserver: the last section whose top has passed the upper
 * third of the window).
 */
const toc = document.querySelector<HTMLDetailsElement>('#toc');
const WIDE = '(min-width: 56rem)';

if (toc) {
  if (matchMedia(WIDE).matches) toc.open = true;
  const links = [...toc.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')];
  const targets = links.flatMap((link) => {
    const target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    return target ? [{ link, target }] : [];
  });
  const visible = new Set<Element>();
  const mark = (): void => {
    const current = targets.find(({ target }) => visible.has(target)) ?? undefined;
    for (const { link } of targets) {
      if (link === current?.link) link.setAttribute('aria-current', 'true');
      else link.removeAttribute('aria-current');
    }
  };
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (entry.isIntersecting) visible.add(entry.target);
        else visible.delete(entry.target);
      }
      mark();
    },
    { rootMargin: '0px 0px -60% 0px' },
  );
  for (const { target } of targets) observer.observe(target);
}
