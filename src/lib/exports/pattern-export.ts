/**
 * `/api/patterns/<slug>.json`: a pattern's normalised frontmatter, its sections as written and
 * rendered, its lens guidance and its similar patterns. The Markdown comes from the stored pattern, the HTML from its
 * rendered body (rendered once, for the pages too), so nothing is parsed or rendered twice; the
 * sections' titles and ids are the page's own.
 */
import { extraSections, sectionModels } from '../../model/pattern-page.ts';
import type { RenderedBody } from '../../model/rendered.ts';
import type { StoredPattern } from '../../model/types.ts';
import { EXPORT_VERSION, type PatternExport } from './shapes.ts';
import type { ExportSite } from './export-site.ts';

export function patternExport(
  pattern: StoredPattern,
  rendered: RenderedBody,
  site: ExportSite,
  similar: readonly { readonly slug: string; readonly score: number }[],
): PatternExport {
  const { slug, frontmatter, body } = pattern;
  const written = new Map(body.sections.map((section) => [section.key, section]));
  return {
    version: EXPORT_VERSION,
    slug,
    url: site.page(slug),
    markdown_url: site.markdown(slug),
    updated: site.updated(slug),
    frontmatter,
    sections: sectionModels(rendered).map(({ key, title, html }) => ({
      key,
      title,
      heading: written.get(key)?.heading ?? title,
      markdown: written.get(key)?.markdown ?? '',
      html,
    })),
    // The extra sections are the body's, in the same order.
    extra_sections: extraSections(body, rendered).map(({ id, title, html }, index) => ({
      id,
      title,
      markdown: body.extras[index]?.markdown ?? '',
      html,
    })),
    lens_guidance: {
      general: rendered.lensGuidance.general,
      by_lens: rendered.lensGuidance.byLens,
    },
    similar: similar.map(({ slug: other, score }) => ({ slug: other, score })),
  };
}
