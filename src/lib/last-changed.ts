/**
 * When each pattern file last changed, for the feed, the data exports and `dateModified`.
 *
 * In a git repository the date is the committer date of the last commit that touched the file,
 * from one `git log` over the whole folder (newest first, read as a stream and stopped once every
 * file has a date), so a checkout gives the same dates on every machine and in CI (which needs the
 * history: a shallow clone dates every file to its one commit). A file with no commit — the folder
 * is not in a repository, git is missing, or the file is untracked or only staged — falls back to
 * its modification time. A committed file edited in the working tree keeps its commit date, so the
 * same commit always gives the same dates. Dates are ISO 8601 in UTC, to the second.
 */
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { createInterface } from 'node:readline';

/** A file's last change as an ISO 8601 UTC date-time. */
export type ChangeDate = (file: string) => string;

/** Marks the date line of each commit in the `git log` output. */
const COMMIT_MARK = '\0';

const isoSecond = (date: Date): string =>
  new Date(Math.floor(date.getTime() / 1000) * 1000).toISOString();

/** Newest commit date per path (relative to `dir`, `/`-separated) among `wanted`. */
async function commitDates(dir: string, wanted: ReadonlySet<string>): Promise<Map<string, string>> {
  const dates = new Map<string, string>();
  if (wanted.size === 0) return dates;
  const git = spawn(
    'git',
    [
      '-c',
      'core.quotePath=false',
      '-C',
      dir,
      'log',
      '--format=%x00%cI',
      '--name-only',
      '--relative',
      '--',
      '.',
    ],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  // No git, or not a repository: no lines, every file falls back to its modification time.
  git.on('error', () => undefined);
  let date: string | undefined;
  for await (const line of createInterface({ input: git.stdout })) {
    if (line.startsWith(COMMIT_MARK)) {
      date = isoSecond(new Date(line.slice(COMMIT_MARK.length)));
    } else if (date !== undefined && wanted.has(line) && !dates.has(line)) {
      dates.set(line, date);
      if (dates.size === wanted.size) break;
    }
  }
  git.kill();
  return dates;
}

/**
 * Asks git once for the last change of every file in `files` (paths below `dir`) and returns
 * the lookup; a file git has no commit for gets its modification time.
 */
export async function lastChangedDates(dir: string, files: readonly string[]): Promise<ChangeDate> {
  const key = (file: string): string => relative(dir, file).split(sep).join('/');
  const committed = await commitDates(dir, new Set(files.map(key)));
  return (file) => committed.get(key(file)) ?? isoSecond(statSync(file).mtime);
}
