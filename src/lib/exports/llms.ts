/**
 * `/llms.txt`, after the llmstxt.org convention: a Markdown file with the site's title, a
 * one-line summary in a blockquote, and lists of links; here one link per pattern to its source
 * file as written, and the data exports under "Optional" (what a reader with little room may
 * skip). There is no `/llms-full.txt`: the whole library's text in one file (about 60 MB for the
 * real library) fits no model's context and would add the library's text once more to the
 * published site; each pattern's Markdown is one link away.
 */
import type { LibraryModel } from '../../model/types.ts';
import type { ExportSite } from './export-site.ts';

/** Text on one line, runs of white space as one space (for list items and headings). */
const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Link text with the characters that would end or break a Markdown link escaped. */
const linkText = (text: string): string => oneLine(text).replace(/[\\[\]]/g, '\\$&');

const link = (text: string, url: string, note?: string): string =>
  `- [${linkText(text)}](${url})${note === undefined ? '' : `: ${oneLine(note)}`}`;

/** The head: title and summary. */
const head = (site: ExportSite): string =>
  `# ${oneLine(site.title)}\n\n> ${oneLine(site.description)}`;

export function llmsTxt(library: Pick<LibraryModel, 'patterns'>, site: ExportSite): string {
  return (
    [
      head(site),
      `${String(library.patterns.length)} patterns. Each link below is a pattern's source file ` +
        'as written: YAML frontmatter, then a summary and eight sections (Context, Problem, ' +
        'Solution, Implementation, Consequences, Known Uses, Cognitive Era, Vitality).',
      '## Patterns',
      library.patterns
        .map(({ slug, title, summary }) => link(title, site.markdown(slug), summary))
        .join('\n'),
      '## Optional',
      [
        link(
          'All patterns as JSON',
          site.patternsJson,
          'one entry per pattern, with links to each pattern’s full JSON',
        ),
        link(
          'The relationship graph as JSON',
          site.graphJson,
          'curated and machine-suggested links apart',
        ),
      ].join('\n'),
    ].join('\n\n') + '\n'
  );
}
