import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastChangedDates } from '../src/lib/last-changed.ts';

const temp = mkdtempSync(join(tmpdir(), 'last-changed-'));
const repo = join(temp, 'repo');
const library = join(repo, 'library');
const at = (path: string): string => join(library, path);

function write(path: string, text: string, mtime?: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  if (mtime !== undefined) utimesSync(path, new Date(mtime), new Date(mtime));
}

/** Runs git in the test repository, committing at `date` (author and committer). */
function git(args: readonly string[], date = '2026-01-01T00:00:00Z'): void {
  execFileSync(
    'git',
    ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-C', repo, ...args],
    { env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }, stdio: 'ignore' },
  );
}

beforeAll(() => {
  mkdirSync(repo, { recursive: true });
  git(['init', '-q']);
  write(at('a.md'), 'a1');
  write(at('sub/b.md'), 'b1');
  write(join(repo, 'outside.md'), 'o1');
  git(['add', '.']);
  git(['commit', '-q', '-m', 'first'], '2026-01-02T03:04:05Z');
  write(at('sub/b.md'), 'b2');
  write(join(repo, 'outside.md'), 'o2');
  git(['commit', '-q', '-am', 'second'], '2026-02-03T04:05:06+02:00');
  // Edited but not committed; new and untracked; new and only staged.
  write(at('a.md'), 'a2', '2030-01-01T00:00:00Z');
  write(at('untracked.md'), 'u', '2025-05-06T07:08:09.500Z');
  write(at('staged.md'), 's', '2025-06-07T08:09:10Z');
  git(['add', at('staged.md')]);
});

afterAll(() => {
  rmSync(temp, { recursive: true, force: true });
});

describe('the last change of pattern files', () => {
  it('is the committer date of the last commit that touched the file, in UTC', async () => {
    const dateOf = await lastChangedDates(library, [at('a.md'), at('sub/b.md')]);
    expect(dateOf(at('a.md'))).toBe('2026-01-02T03:04:05.000Z');
    expect(dateOf(at('sub/b.md'))).toBe('2026-02-03T02:05:06.000Z');
  });

  it('keeps the commit date of a committed file edited in the working tree', async () => {
    const dateOf = await lastChangedDates(library, [at('a.md')]);
    expect(dateOf(at('a.md'))).toBe('2026-01-02T03:04:05.000Z');
  });

  it('falls back to the modification time, to the second, for untracked and uncommitted files', async () => {
    const dateOf = await lastChangedDates(library, [at('untracked.md'), at('staged.md')]);
    expect(dateOf(at('untracked.md'))).toBe('2025-05-06T07:08:09.000Z');
    expect(dateOf(at('staged.md'))).toBe('2025-06-07T08:09:10.000Z');
  });

  it('falls back to the modification time in a folder outside any repository', async () => {
    const loose = join(temp, 'loose', 'p.md');
    write(loose, 'p', '2024-04-04T04:04:04Z');
    const dateOf = await lastChangedDates(dirname(loose), [loose]);
    expect(dateOf(loose)).toBe('2024-04-04T04:04:04.000Z');
  });

  it('dates 3,600 files committed together, all at once', async () => {
    const many = Array.from({ length: 3600 }, (_, n) => `library/many/p${String(n)}.md`);
    // One commit on the current branch, written straight into the repository (no working tree).
    const branch = execFileSync('git', ['-C', repo, 'symbolic-ref', 'HEAD'], { encoding: 'utf8' });
    const stream = [
      `commit ${branch.trim()}`,
      'committer Test <test@example.org> 1772323200 +0000',
      'data 4',
      'many',
      `from ${branch.trim()}^0`,
      ...many.flatMap((path) => [`M 100644 inline ${path}`, 'data 1', 'x']),
      '',
    ].join('\n');
    execFileSync('git', ['-C', repo, 'fast-import', '--quiet'], { input: stream });
    const files = many.map((path) => join(repo, path));
    const dateOf = await lastChangedDates(library, files);
    expect(new Set(files.map(dateOf))).toEqual(new Set(['2026-03-01T00:00:00.000Z']));
  });
});
