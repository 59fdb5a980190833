/**
 * schema.org JSON-LD for a pattern's base page (an `Article`), and its safe serialisation into a
 * `<script type="application/ld+json">` element.
 */
import { facetValueLabel } from '../../model/facets.ts';
import type { PatternPageModel } from '../../model/types.ts';
import type { ExportSite } from './export-site.ts';

/** The JSON-LD object of a pattern page (only the properties used here). */
export interface PatternJsonLd {
  readonly '@context': 'https://schema.org';
  readonly '@type': 'Article';
  readonly '@id': string;
  readonly url: string;
  readonly mainEntityOfPage: string;
  readonly headline: string;
  readonly name: string;
  readonly alternateName?: readonly string[];
  readonly description: string;
  readonly keywords?: readonly string[];
  readonly articleSection: string;
  readonly author: readonly { readonly '@type': 'Person'; readonly name: string }[];
  readonly license: string;
  readonly creditText: string;
  readonly dateModified: string;
  readonly version?: string;
  readonly creativeWorkStatus: string;
  readonly encoding: {
    readonly '@type': 'MediaObject';
    readonly encodingFormat: 'text/markdown';
    readonly contentUrl: string;
  };
  readonly isPartOf: { readonly '@type': 'WebSite'; readonly name: string; readonly url: string };
}

/** The SPDX page of a licence: schema.org wants a URL for `license`. */
const licenseUrl = (spdxId: string): string =>
  `https://spdx.org/licenses/${encodeURIComponent(spdxId)}.html`;

export function patternJsonLd(page: PatternPageModel, site: ExportSite): PatternJsonLd {
  const { slug, title, summary, domain, status } = page.summary;
  const url = site.page(slug);
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    '@id': url,
    url,
    mainEntityOfPage: url,
    headline: title,
    name: title,
    ...(page.aliases.length > 0 ? { alternateName: page.aliases } : {}),
    description: summary,
    ...(page.format === 'v7.1' && page.keywords.length > 0 ? { keywords: page.keywords } : {}),
    articleSection: facetValueLabel('domain', domain),
    author: page.provenance.contributors.map(({ name }) => ({ '@type': 'Person', name })),
    license: licenseUrl(page.provenance.license),
    creditText: page.provenance.attribution,
    dateModified: site.updated(slug),
    ...(page.version === undefined ? {} : { version: page.version }),
    creativeWorkStatus: status,
    encoding: {
      '@type': 'MediaObject',
      encodingFormat: 'text/markdown',
      contentUrl: site.markdown(slug),
    },
    isPartOf: { '@type': 'WebSite', name: site.title, url: site.home },
  };
}

/**
 * JSON for a `<script>` element: `<`, `>` and `&` become `\u003c`, `\u003e`, `\u0026` (the same
 * JSON once parsed), so no text — a title holding `</script>` or `<!--` — can end the element.
 */
export function serializeJsonLd(data: object): string {
  return JSON.stringify(data).replace(
    /[<>&]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
