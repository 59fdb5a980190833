/**
 * `/llms.txt` and `/llms-full.txt`, after the llmstxt.org convention: a Markdown file with the
 * site's title, a one-line summary in a blockquote, and lists of links; here one link per
 * pattern to its source file as written, and the data exports under "Optional" (what a reader
 * with little room may skip). `/llms-full.txt` holds every pattern's text in one file: its
 * title, page, summary and sections as written, made in one pass over the stored patterns.
 */
import { summaryOf } from '../../model/stored.ts';
import type { LibraryModel, StoredPattern } from '../../model/types.ts';
import { patternsBySlug, type ExportSite } from './export-site.ts';

/** Text on one line, runs of white space as one space (for list items and headings). */
const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Link text with the characters that would end or break a Markdown link escaped. */
const linkText = (text: string): string => oneLine(text).replace(/[\\[\]]/g, '\\$&');

const link = (text: string, url: string, note?: string): string =>
  `- [${linkText(text)}](${url})${note === undefined ? '' : `: ${oneLine(note)}`}`;

/** The head of both files: title and summary. */
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
        link('Every pattern’s text in one file', site.llmsFullTxt),
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

/** One pattern's text: title, page, summary, then its sections as written, in file order. */
function patternText(pattern: StoredPattern, site: ExportSite): string {
  const head = [
    `# ${oneLine(pattern.frontmatter.title)}`,
    `Page: ${site.page(pattern.slug)}`,
    summaryOf(pattern),
  ];
  if (pattern.format === 'older') {
    return [
      ...head,
      '(Older format: shown as written.)',
      ...pattern.body.sections.map(({ title, markdown }) => `## ${oneLine(title)}\n\n${markdown}`),
    ].join('\n\n');
  }
  const { body } = pattern;
  return [
    ...head,
    ...body.sections.map(({ title, markdown }) => `## ${title}\n\n${markdown}`),
    ...body.extras.map(({ heading, markdown }) => `## ${oneLine(heading)}\n\n${markdown}`),
  ].join('\n\n');
}

/**
 * The parts of `/llms-full.txt` in order (head, then each pattern in slug order), so the endpoint
 * can stream them: with thousands of patterns the whole text is a hundred megabytes.
 */
export function* llmsFullTxt(
  library: Pick<LibraryModel, 'bySlug'>,
  site: ExportSite,
): Generator<string> {
  yield `${head(site)}\n`;
  for (const pattern of patternsBySlug(library)) yield `\n${patternText(pattern, site)}\n`;
}
