import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PATTERN_ID } from '../schema/identity.ts';
import { v71 } from './helpers/fixtures.ts';
import { SLUG_PATTERN } from '../schema/fields.ts';
import { SECTION_KEYS } from '../src/lib/body.ts';
import { checkLibrary } from '../src/lib/library.ts';
import { readPatternFile } from '../src/lib/pattern-file.ts';
import { newPatternId, type Entropy } from '../src/lib/pattern-id.ts';
import { placeholderInLine } from '../src/lib/placeholders.ts';
import { draftPattern, newDraft, slugFromTitle } from '../src/lib/scaffold.ts';

/** A fixed clock and a random source that always returns `byte`. */
const fixed = (now: number, byte = 0): Entropy => ({
  now: () => now,
  random: (length) => new Uint8Array(length).fill(byte),
});

/** Every diagnostic of one file read on its own and as a library of one. */
function check(file: string, text: string) {
  const { pattern, diagnostics, entry } = readPatternFile(file, new TextEncoder().encode(text));
  const library = entry ? checkLibrary([entry], [file]) : [];
  return { pattern, diagnostics: [...diagnostics, ...library] };
}

describe('new pattern ids', () => {
  it('are "pat_" and a lowercase ULID the schema accepts', () => {
    for (let i = 0; i < 100; i++) expect(newPatternId()).toMatch(PATTERN_ID);
    expect(newPatternId(fixed(2 ** 48 - 1, 255))).toMatch(PATTERN_ID);
  });

  it('encode the time in the first ten characters, as ULIDs do', () => {
    // The ULID specification's example: ulid(1469918176385) starts 01ARYZ6S41.
    expect(newPatternId(fixed(1469918176385))).toBe('pat_01aryz6s410000000000000000');
    expect(newPatternId(fixed(0, 255))).toBe('pat_0000000000zzzzzzzzzzzzzzzz');
  });

  it('sort in the order they were made, whatever the random part', () => {
    const ids = [1, 2, 1000, 1_700_000_000_000, 1_700_000_000_001].map((now, i) =>
      newPatternId(fixed(now, 255 - i)),
    );
    expect([...ids].sort()).toEqual(ids);
  });

  it('refuse a time a ULID cannot hold', () => {
    expect(() => newPatternId(fixed(2 ** 48))).toThrow(RangeError);
    expect(() => newPatternId(fixed(-1))).toThrow(RangeError);
  });
});

describe('slugs made from titles', () => {
  it.each([
    ['Pattern Title', 'pattern-title'],
    ['Commons-Based Peer Production', 'commons-based-peer-production'],
    ["Don't Panic: A Field Guide", 'dont-panic-a-field-guide'],
    ['Ünïcode  Café — 2.0', 'unicode-cafe-2-0'],
    ['  --Leading and trailing--  ', 'leading-and-trailing'],
  ])('turn %j into %j', (title, slug) => {
    expect(slugFromTitle(title)).toBe(slug);
  });

  it('are empty when the title has no Latin letter or digit', () => {
    expect(slugFromTitle('!!!')).toBe('');
    expect(slugFromTitle('共有地')).toBe('');
  });

  it('are cut at a hyphen to the schema’s 120 characters', () => {
    const slug = slugFromTitle('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(120);
    expect(slug).toMatch(SLUG_PATTERN);
    expect(slug.endsWith('word')).toBe(true);
  });
});

describe('a new pattern’s draft', () => {
  const draft = draftPattern({
    title: 'Pattern Title: "Quoted" \\ Back',
    slug: 'pattern-title-quoted-back',
    id: 'pat_01arz3ndektsv4rrffq69g5fav',
    date: '2026-01-31',
  });

  it('fails the check with one error per placeholder, naming what is left to write', () => {
    const { pattern, diagnostics } = check('patterns/pattern-title-quoted-back.md', draft);
    expect(pattern).toBeUndefined();
    expect(diagnostics.every((d) => d.severity === 'error')).toBe(true);
    const placeholders = draft
      .split('\n')
      .filter((line) => placeholderInLine(line.replace(/^[\w ]+: \[?"/, '')));
    expect(diagnostics).toHaveLength(placeholders.length);
    expect(diagnostics.map((d) => `${String(d.line)} ${d.path}: ${d.message}`))
      .toMatchInlineSnapshot(`
      [
        "8 summary: placeholder left to fill in: one to three sentences: the problem this pattern resolves, and how",
        "23 ontology.search_hints.primary_tension: placeholder left to fill in: the core tension the pattern resolves, "A vs. B"",
        "34 ontology.commons_assessment.vitality_reasoning: placeholder left to fill in: why the vitality score is what it is",
        "63 contributors[0]: placeholder left to fill in: your GitHub handle",
        "66 attribution: placeholder left to fill in: the attribution line, e.g. "<title>, by <your GitHub handle>"",
        "69 body.summary: placeholder left to fill in: one paragraph: the pattern in plain words, for someone meeting it first",
        "72 body.confidence: placeholder left to fill in: what the pattern rests on so far: experience, sources, known uses",
        "78 body.sections.context: placeholder left to fill in: Where and when the pattern arises: the situation, who is involved, what is at stake.",
        "84 body.sections.problem: placeholder left to fill in: The tension the pattern resolves, opening with a bold line: **The core conflict is A vs. B.**",
        "90 body.sections.solution: placeholder left to fill in: What to do, opening with a bold line: **Therefore, …**, then why it works.",
        "96 body.sections.implementation: placeholder left to fill in: How to put it into practice: one paragraph per lens, each opening with its label, e.g. **In corporate contexts:** …",
        "102 body.sections.consequences: placeholder left to fill in: What flourishes and what risks emerge when the pattern is applied.",
        "108 body.sections.known-uses: placeholder left to fill in: Real, named examples of the pattern at work, with sources where you can.",
        "114 body.sections.cognitive-era: placeholder left to fill in: How AI and networked intelligence change the pattern: new leverage, new risks.",
        "120 body.sections.vitality: placeholder left to fill in: Signs of life, signs of decay, and when to replant.",
      ]
    `);
  });

  it('is valid once its placeholders are filled in', () => {
    const filled = draft.replaceAll('FILL IN: ', '');
    const { pattern, diagnostics } = check('patterns/pattern-title-quoted-back.md', filled);
    expect(diagnostics).toEqual([]);
    expect(pattern?.frontmatter).toMatchObject({
      id: 'pat_01arz3ndektsv4rrffq69g5fav',
      slug: 'pattern-title-quoted-back',
      title: 'Pattern Title: "Quoted" \\ Back',
      graph_garden: { last_pruned: '2026-01-31' },
      lifecycle: { status: 'draft', confidence: 1 },
    });
  });

  it('has every section heading, in order, each with a line of guidance', () => {
    const filled = draft.replaceAll('FILL IN: ', '');
    const pattern = v71(check('patterns/pattern-title-quoted-back.md', filled).pattern);
    expect(pattern.body.sections.map(({ key }) => key)).toEqual([...SECTION_KEYS]);
    for (const section of pattern.body.sections) {
      expect(section.heading).toMatch(/^Section \d: /);
      expect(section.markdown.split('\n')).toHaveLength(1);
    }
    expect(pattern.body.summary).toBeTruthy();
    expect(pattern.body.confidence).toMatchObject({ stars: 1, label: 'Emerging' });
  });

  it('takes a fresh id and today’s date from the clock', () => {
    const { id, text } = newDraft('Pattern Title', 'pattern-title', fixed(Date.UTC(2026, 4, 17)));
    expect(id).toBe(newPatternId(fixed(Date.UTC(2026, 4, 17))));
    expect(text).toContain(`id: ${id}\n`);
    expect(text).toContain('last_pruned: 2026-05-17\n');
  });
});

// Each case runs the CLI in a fresh Node process.
describe('npm run new', { timeout: 30_000 }, () => {
  mkdirSync('.tmp', { recursive: true });
  const root = mkdtempSync(join('.tmp', 'new-test-'));
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  const run = (script: string, args: string[], dir: string) =>
    spawnSync(process.execPath, [script, ...args], {
      encoding: 'utf8',
      env: { ...process.env, PATTERNS_DIR: dir, GITHUB_ACTIONS: '' },
    });

  it('writes <slug>.md, prints what to fill in next, and npm run check lists what is left', () => {
    const dir = join(root, 'library');
    const created = run('scripts/new.ts', ['Shared', 'Stewardship', 'Rota'], dir);
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);
    const file = join(dir, 'shared-stewardship-rota.md');
    expect(created.stdout).toContain(`Created ${file} (id pat_`);
    expect(created.stdout).toContain(`npm run check -- ${file}`);
    expect(readFileSync(file, 'utf8')).toContain('title: "Shared Stewardship Rota"\n');
    const checked = run('scripts/check.js', [file], dir);
    expect(checked.stdout.trim().split('\n').at(-1)).toBe('1 file, 15 errors, 0 warnings');
    expect(checked.stdout).toContain('attribution: placeholder left to fill in');
    expect(checked.status).toBe(1);
  });

  it('refuses to overwrite a pattern with the same slug, even in a sub-folder', () => {
    const dir = join(root, 'taken');
    mkdirSync(join(dir, 'governance'), { recursive: true });
    const existing = join(dir, 'governance', 'shared-stewardship-rota.md');
    writeFileSync(existing, 'mine');
    const refused = run('scripts/new.ts', ['Shared Stewardship Rota'], dir);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`exists already: ${existing} (not overwritten)`);
    expect(readFileSync(existing, 'utf8')).toBe('mine');
  });

  it('explains what is wrong with a missing or unusable title', () => {
    const dir = join(root, 'titles');
    expect(run('scripts/new.ts', [], dir).stderr).toContain(
      'Usage: npm run new -- "Pattern Title"',
    );
    const symbols = run('scripts/new.ts', ['!!!'], dir);
    expect(symbols.status).toBe(1);
    expect(symbols.stderr).toContain('no letter or digit');
    const long = run('scripts/new.ts', ['x'.repeat(201)], dir);
    expect(long.status).toBe(1);
    expect(long.stderr).toContain('title');
  });

  it('takes an option for an option, not for a title: --help writes no help.md', () => {
    const dir = join(root, 'options');
    const help = run('scripts/new.ts', ['--help'], dir);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('usage: npm run new -- [options] "Pattern Title"');
    const mistyped = run('scripts/new.ts', ['--titel', 'Shared Rota'], dir);
    expect(mistyped.status).toBe(2);
    expect(mistyped.stderr).toContain("npm run new: Unknown option '--titel'");
    expect(existsSync(dir)).toBe(false);
  });
});
