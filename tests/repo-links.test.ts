import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { CORE_LENSES } from '../schema/context-labels.ts';
import { SITE } from '../src/config/site.ts';
import { isPlaceholderMessage } from '../src/lib/placeholders.ts';
import { checkLibrary } from '../src/lib/library.ts';
import { readPatternFile } from '../src/lib/pattern-file.ts';
import { newDraft } from '../src/lib/scaffold.ts';
import {
  editUrl,
  fileUrl,
  newFileUrl,
  newPatternPath,
  rawFileUrl,
  REPORT_FILE_FIELD,
  REPORT_TEMPLATE,
  reportProblemUrl,
  repoPatternPath,
  type Repository,
} from '../src/model/repo-urls.ts';

const REPO: Repository = {
  url: 'https://github.com/example/library',
  branch: 'main',
  patternsPath: 'patterns',
};

describe('links into the repository', () => {
  it('place a pattern file under the repository’s pattern folder, wherever it was read from', () => {
    expect(repoPatternPath(REPO, 'patterns/peer-review.md', 'patterns')).toBe(
      'patterns/peer-review.md',
    );
    expect(repoPatternPath(REPO, '../content/governance/peer-review.md', '../content')).toBe(
      'patterns/governance/peer-review.md',
    );
    expect(repoPatternPath(REPO, resolve('lib/peer-review.md'), 'lib')).toBe(
      'patterns/peer-review.md',
    );
  });

  it('open a pattern file in the web editor, the file view and as raw text, path segments encoded', () => {
    expect(editUrl(REPO, 'patterns/peer-review.md')).toBe(
      'https://github.com/example/library/edit/main/patterns/peer-review.md',
    );
    expect(editUrl({ ...REPO, branch: 'release/2026' }, 'patterns/a b#c.md')).toBe(
      'https://github.com/example/library/edit/release/2026/patterns/a%20b%23c.md',
    );
    expect(fileUrl(REPO, 'CONTRIBUTING.md')).toBe(
      'https://github.com/example/library/blob/main/CONTRIBUTING.md',
    );
    expect(rawFileUrl(REPO, 'patterns/a b#c.md')).toBe(
      'https://github.com/example/library/raw/main/patterns/a%20b%23c.md',
    );
  });

  it('report a problem with the problem-report form, the file filled in', () => {
    const url = new URL(reportProblemUrl(REPO, 'patterns/governance/peer-review.md'));
    expect(`${url.origin}${url.pathname}`).toBe('https://github.com/example/library/issues/new');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      template: REPORT_TEMPLATE,
      title: 'Problem with "peer-review"',
      [REPORT_FILE_FIELD]: 'patterns/governance/peer-review.md',
    });
  });

  it('prefill the new-file editor with a draft that decodes to a file whose only errors are its placeholders', () => {
    const draft = newDraft('Peer Review & "Care"', 'peer-review-care');
    const url = new URL(newFileUrl(REPO, newPatternPath(REPO, 'peer-review-care'), draft.text));
    expect(`${url.origin}${url.pathname}`).toBe('https://github.com/example/library/new/main');
    const filename = url.searchParams.get('filename') ?? '';
    const value = url.searchParams.get('value') ?? '';
    expect(filename).toBe('patterns/peer-review-care.md');
    expect(value).toBe(draft.text);
    const { diagnostics, entry } = readPatternFile(filename, new TextEncoder().encode(value));
    // Only the placeholders left to write are errors; filled in, the draft is a valid pattern.
    expect(diagnostics.filter((d) => !isPlaceholderMessage(d.message))).toEqual([]);
    expect(diagnostics.length).toBeGreaterThan(0);
    const filled = readPatternFile(
      filename,
      new TextEncoder().encode(value.replaceAll('FILL IN: ', '')),
    );
    expect(filled.diagnostics).toEqual([]);
    expect(filled.pattern?.frontmatter).toMatchObject({
      slug: 'peer-review-care',
      title: 'Peer Review & "Care"',
    });
    expect(checkLibrary(entry ? [entry] : [], [filename])).toEqual([]);
    // Kept short: servers refuse very long URLs (414 URI Too Long).
    expect(url.href.length).toBeLessThan(6000);
  });
});

describe('the site configuration', () => {
  it('names every lens the schema requires, once', () => {
    const keys = SITE.lenses.map(({ key }) => key);
    expect(keys).toEqual(expect.arrayContaining([...CORE_LENSES]));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('gives the repository’s address without a trailing slash', () => {
    expect(SITE.repository.url).toMatch(/^https:\/\/\S+[^/]$/);
  });
});

describe('the problem-report issue form', () => {
  it('exists under the name the report links use, with the field they fill in', () => {
    const form = load(readFileSync(join('.github/ISSUE_TEMPLATE', REPORT_TEMPLATE), 'utf8')) as {
      body: { id?: string }[];
    };
    expect(form.body.map(({ id }) => id)).toContain(REPORT_FILE_FIELD);
  });
});
