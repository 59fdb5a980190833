/**
 * The site's links into its repository (src/config/site.ts): a pattern's file, in the web
 * editor too, a problem report about it, a wanted pattern's draft in the new-file editor, and
 * the contributors' guide.
 */
import { SITE } from '../config/site.ts';
import { patternsDir } from '../lib/load.ts';
import { DRAFT_PLACEHOLDERS } from '../lib/draft-template.ts';
import { draftPattern } from '../lib/scaffold.ts';
import {
  editUrl,
  fileLineUrl,
  fileUrl,
  newFileUrl,
  newPatternPath,
  rawFileUrl,
  repoPatternPath,
  reportProblemUrl,
} from '../model/repo-urls.ts';
import type { LibraryModel } from '../model/types.ts';

const repo = SITE.repository;

export interface PatternRepoLinks {
  /** The pattern file's path in the repository. */
  readonly path: string;
  /** The file as the repository shows it. */
  readonly view: string;
  /** The file in the repository's web editor: "Edit this pattern". */
  readonly edit: string;
  /** A new issue about the file: "Report a problem". */
  readonly report: string;
}

/** Links made so far, by file: a pattern's base page and each of its lens pages show them. */
const linksByFile = new Map<string, PatternRepoLinks>();

/** The repository links of the pattern read from `file`. */
export function patternRepoLinks(file: string): PatternRepoLinks {
  let links = linksByFile.get(file);
  if (links === undefined) {
    const path = repoPatternPath(repo, file, patternsDir());
    links = {
      path,
      view: fileUrl(repo, path),
      edit: editUrl(repo, path),
      report: reportProblemUrl(repo, path),
    };
    linksByFile.set(file, links);
  }
  return links;
}

/** The pattern file read from `file` as written (raw text) in the repository. */
export const patternRawUrl = (file: string): string =>
  rawFileUrl(repo, repoPatternPath(repo, file, patternsDir()));

/** The repository links of pattern `slug`; undefined when the library has no such pattern. */
export function repoLinksOf(library: LibraryModel, slug: string): PatternRepoLinks | undefined {
  const file = library.bySlug.get(slug)?.file;
  return file === undefined ? undefined : patternRepoLinks(file);
}

/** Line `line` of pattern `slug`'s file in the repository; undefined when there is no such pattern. */
export function patternLineUrl(
  library: LibraryModel,
  slug: string,
  line: number,
): string | undefined {
  const links = repoLinksOf(library, slug);
  return links === undefined ? undefined : fileLineUrl(repo, links.path, line);
}

/**
 * "Write this pattern": the new-file editor with the file named. The wanted page's script adds
 * the draft (from {@link draftTemplate}) when the link is followed.
 */
export const writePatternUrl = (slug: string): string =>
  newFileUrl(repo, newPatternPath(repo, slug), '');

/** The draft of every new pattern, with placeholders for title, slug, id and date. */
export const draftTemplate = (): string => draftPattern(DRAFT_PLACEHOLDERS);

/** The contributors' guide (CONTRIBUTING.md) in the repository. */
export const contributingUrl = (): string => fileUrl(repo, 'CONTRIBUTING.md');

/** How to convert an older-format pattern: the README's section on `npm run migrate`. */
export const olderFormatGuideUrl = (): string => `${fileUrl(repo, 'README.md')}#the-older-format`;

/** Where the README says what an incomplete pattern lacks and how to complete it. */
export const incompleteGuideUrl = (): string => `${fileUrl(repo, 'README.md')}#incomplete-patterns`;
