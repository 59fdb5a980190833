/**
 * `/api/patterns/<slug>.json`: a pattern's normalised frontmatter, its sections as written and
 * rendered, and its lens guidance. The Markdown comes from the stored pattern, the HTML from the
 * page model (rendered once for the page), so nothing is parsed or rendered twice.
 */
import type { PatternPageModel, StoredPattern } from '../site/types.ts';
import { EXPORT_VERSION, type PatternExport } from './shapes.ts';
import type { ExportSite } from './site.ts';

export function patternExport(
  pattern: StoredPattern,
  page: PatternPageModel,
  site: ExportSite,
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
    sections: page.sections.map(({ key, title, html }) => ({
      key,
      title,
      heading: written.get(key)?.heading ?? title,
      markdown: written.get(key)?.markdown ?? '',
      html,
    })),
    // The page model's extra sections are the body's, in the same order.
    extra_sections: page.extras.map(({ id, title, html }, index) => ({
      id,
      title,
      markdown: body.extras[index]?.markdown ?? '',
      html,
    })),
    lens_guidance: { general: page.lensGuidance.general, by_lens: page.lensGuidance.byLens },
  };
}
