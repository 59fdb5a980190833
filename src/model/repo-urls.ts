/**
 * Links into the repository the pattern files live in (GitHub): a pattern's file in the web
 * editor, a problem report about it, and the new-file editor prefilled with a new pattern.
 * Pure string functions of the repository's configuration (src/config/site.ts).
 */
import { relative, sep } from 'node:path';
import type { SiteConfig } from '../config/site.ts';

export type Repository = SiteConfig['repository'];

/** Issue form for problem reports (.github/ISSUE_TEMPLATE/), and its field naming the file. */
export const REPORT_TEMPLATE = 'report-a-problem.yml';
export const REPORT_FILE_FIELD = 'pattern';

/** A repository path with each segment percent-encoded, slashes kept. */
const encodePath = (path: string): string => path.split('/').map(encodeURIComponent).join('/');

/**
 * Repository path of a pattern file read from the local folder `localDir`: the file's place
 * below that folder, under the repository's pattern folder.
 */
export function repoPatternPath(repo: Repository, file: string, localDir: string): string {
  return [repo.patternsPath, ...relative(localDir, file).split(sep)].join('/');
}

/** Repository path of a new pattern's file. */
export const newPatternPath = (repo: Repository, slug: string): string =>
  `${repo.patternsPath}/${slug}.md`;

/** The file at `path` as the repository shows it. */
export const fileUrl = (repo: Repository, path: string): string =>
  `${repo.url}/blob/${encodePath(repo.branch)}/${encodePath(path)}`;

/** Line `line` of the file at `path` as the repository shows its text (not rendered). */
export const fileLineUrl = (repo: Repository, path: string, line: number): string =>
  `${fileUrl(repo, path)}?plain=1#L${String(line)}`;

/** The file at `path` as raw text (the Markdown as written). */
export const rawFileUrl = (repo: Repository, path: string): string =>
  `${repo.url}/raw/${encodePath(repo.branch)}/${encodePath(path)}`;

/** The file at `path` in the repository's web editor. */
export const editUrl = (repo: Repository, path: string): string =>
  `${repo.url}/edit/${encodePath(repo.branch)}/${encodePath(path)}`;

/** A new issue from the problem-report form, about the pattern file at `path`. */
export function reportProblemUrl(repo: Repository, path: string): string {
  const slug = path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/, '');
  const query = new URLSearchParams({
    template: REPORT_TEMPLATE,
    title: `Problem with "${slug}"`,
    [REPORT_FILE_FIELD]: path,
  });
  return `${repo.url}/issues/new?${query.toString()}`;
}

/** The repository's new-file editor with the file at `path` filled in with `text`. */
export function newFileUrl(repo: Repository, path: string, text: string): string {
  const query = new URLSearchParams({ filename: path, value: text });
  return `${repo.url}/new/${encodePath(repo.branch)}?${query.toString()}`;
}
