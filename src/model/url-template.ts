/**
 * Placeholders of the URL templates pages carry (`siteUrls(base).pattern(LENS_URL_TEMPLATE.slug,
 * LENS_URL_TEMPLATE.lens)` on `<body data-lens-url>`, `lensLabelsJson(LENS_URL_TEMPLATE.lens)` on
 * `<body data-lens-labels>`): a browser script
 * fills in a slug and a lens key without knowing the URL scheme. `pattern()` encodes its
 * segments, so the template holds the encoded placeholders. No imports: browser scripts use it.
 */
export const LENS_URL_TEMPLATE = { slug: '{slug}', lens: '{lens}' } as const;

export const LENS_URL_PLACEHOLDERS = {
  slug: encodeURIComponent(LENS_URL_TEMPLATE.slug),
  lens: encodeURIComponent(LENS_URL_TEMPLATE.lens),
} as const;

/**
 * A URL from a template made with the placeholders above: the lens page of `slug` under `lens`
 * (`pattern()`), or with no slug in the template, a lens's own URL (`lensLabelsJson()`).
 */
export const fillLensUrl = (template: string, slug: string, lens: string): string =>
  template
    .replace(LENS_URL_PLACEHOLDERS.slug, encodeURIComponent(slug))
    .replace(LENS_URL_PLACEHOLDERS.lens, encodeURIComponent(lens));
