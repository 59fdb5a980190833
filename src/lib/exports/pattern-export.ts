/**
 * `/api/patterns/<slug>.json`: a pattern's normalised frontmatter, its sections as written
 * (Markdown, the data; the HTML is the page's), its lens guidance as written and its similar
 * patterns. The lens split comes from the rendered body (split once, for the pages too), so
 * nothing is parsed twice; the sections' titles and ids are the page's own.
 */
import { SECTION_KEYS, SECTION_TITLES } from '../body.ts';
import type { RenderedBody } from '../../model/rendered.ts';
import type { StoredPattern } from '../../model/types.ts';
import { EXPORT_VERSION, type PatternExport } from './shapes.ts';
import type { ExportSite } from './export-site.ts';

export function patternExport(
  pattern: StoredPattern,
  rendered: Pick<RenderedBody, 'lensGuidanceMarkdown'>,
  site: ExportSite,
  similar: readonly { readonly slug: string; readonly score: number }[],
): PatternExport {
  const { slug } = pattern;
  const common = {
    version: EXPORT_VERSION,
    slug,
    url: site.page(slug),
    markdown_url: site.markdown(slug),
    updated: site.updated(slug),
    similar: similar.map(({ slug: other, score }) => ({ slug: other, score })),
  };
  if (pattern.format !== 'v7.1') {
    const sections = pattern.body.sections.map(({ id, title, heading, markdown }) => ({
      id,
      title,
      heading,
      markdown,
    }));
    return pattern.format === 'older'
      ? { ...common, format: 'older', frontmatter: pattern.frontmatter, sections }
      : {
          ...common,
          format: 'incomplete',
          frontmatter: pattern.frontmatter,
          incomplete: [...pattern.model.incomplete],
          sections,
        };
  }
  const { frontmatter, body } = pattern;
  return {
    ...common,
    format: 'v7.1',
    frontmatter,
    sections: [...body.sections]
      .sort((a, b) => SECTION_KEYS.indexOf(a.key) - SECTION_KEYS.indexOf(b.key))
      .map(({ key, heading, markdown }) => ({
        key,
        title: SECTION_TITLES[key],
        heading,
        markdown,
      })),
    extra_sections: body.extras.map(({ id, heading, markdown }) => ({
      id,
      title: heading,
      markdown,
    })),
    lens_guidance: {
      general: rendered.lensGuidanceMarkdown.general,
      by_lens: rendered.lensGuidanceMarkdown.byLens,
    },
  };
}
