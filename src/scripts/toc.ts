/**
 * The table of contents of a pattern page (Toc.astro), enhanced: the link of the section being
 * read is marked `aria-current="true"` as the reader scrolls (IntersectionObserver: the first
 * section, in contents order, with a part in the upper 40 % of the window).
 */
const toc = document.querySelector<HTMLDetailsElement>('#toc');

if (toc) {
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
