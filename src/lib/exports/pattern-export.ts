/**
 * `/api/patterns/<slug>.json`: a pattern's normalised frontmatter, where each section stands in
 * its Markdown file (lines of `markdown_url`, the file as written: the text is published once),
 * its lens guidance as written and its similar patterns. The lens split comes from the rendered
 * body (split once, for the pages too), so nothing is parsed twice; the sections' titles and ids
 * are the page's own.
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
    const range = lineRanges(pattern.body.sections);
    const sections = pattern.body.sections.map(({ id, title, heading, line }) => ({
      id,
      title,
      heading,
      lines: range(line),
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
  const range = lineRanges([...body.sections, ...body.extras]);
  return {
    ...common,
    format: 'v7.1',
    frontmatter,
    sections: [...body.sections]
      .sort((a, b) => SECTION_KEYS.indexOf(a.key) - SECTION_KEYS.indexOf(b.key))
      .map(({ key, heading, line }) => ({
        key,
        title: SECTION_TITLES[key],
        heading,
        lines: range(line),
      })),
    extra_sections: body.extras.map(({ id, heading, line }) => ({
      id,
      title: heading,
      lines: range(line),
    })),
    lens_guidance: {
      general: rendered.lensGuidanceMarkdown.general,
      by_lens: rendered.lensGuidanceMarkdown.byLens,
    },
  };
}

/**
 * The lines of each section, from the heading lines of every section of a file: a section runs
 * to the line before the next heading, the last one to the end of the file (`end: null`).
 */
function lineRanges(
  sections: readonly { readonly line: number }[],
): (line: number) => { start: number; end: number | null } {
  const starts = [...new Set(sections.map(({ line }) => line))].sort((a, b) => a - b);
  return (line) => {
    const next = starts.find((start) => start > line);
    return { start: line, end: next === undefined ? null : next - 1 };
  };
}
