/**
 * Dev only: a pattern whose file is invalid now is shown at its address as the list of its
 * errors (HTTP 500), not as its last valid page, until the file is fixed. In a build no file is
 * ever invalid here (the build fails or skips it), so this passes every request through.
 */
import { defineMiddleware } from 'astro:middleware';
import { invalidPatternPage } from './astro/invalid-pattern-page.ts';
import { invalidPattern } from './astro/pattern-loader.ts';
import { SITE } from './config/site.ts';

const PATTERN_PAGE = /^patterns\/([^/]+)\//;

export const onRequest = defineMiddleware(async (context, next) => {
  if (!import.meta.env.DEV) return next();
  const path = decodeURIComponent(context.url.pathname).slice(SITE.base.length);
  const slug = PATTERN_PAGE.exec(path)?.[1];
  const invalid = slug === undefined ? undefined : await invalidPattern(slug);
  if (invalid === undefined) return next();
  return new Response(invalidPatternPage(invalid.file, invalid.errors), {
    status: 500,
    headers: { 'content-type': 'text/html; charset=utf-8' },
  });
});
