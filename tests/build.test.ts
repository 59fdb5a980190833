/**
 * The full build (`scripts/build.ts`) of a tiny library, once: every page
 * type's key HTML, hostile input neutralised, the search index written; and a
 * failing build reports the validator's messages and leaves the previous
 * output byte for byte as it was.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from './helpers/fixtures.ts';

const LIBRARY = join(FIXTURES, 'site-build');
// Inside the project: Astro keeps its intermediate files beside an output folder within the
// working directory, but in the shared `.astro/` for one outside it (concurrent builds would clash).
mkdirSync('.tmp', { recursive: true });
const ROOT = mkdtempSync(join('.tmp', 'build-test-'));
const OUT = join(ROOT, 'site');

function build(patternsDir: string, extraEnv: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['scripts/build.ts'], {
    env: { ...process.env, PATTERNS_DIR: patternsDir, BUILD_OUT_DIR: OUT, ...extraEnv },
    encoding: 'utf8',
  });
}

const page = (path: string): string => readFileSync(join(OUT, path, 'index.html'), 'utf8');

/** Every file below `dir` with its content hash, sorted: equal digests = byte-identical trees. */
function digest(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      const hash = createHash('sha256').update(readFileSync(path)).digest('hex');
      return `${path} ${hash}`;
    })
    .sort();
}

const htmlFiles = (): string[] =>
  readdirSync(OUT, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.html'))
    .map((path) => join(OUT, path));

let first: ReturnType<typeof build>;

beforeAll(() => {
  first = build(LIBRARY);
}, 120_000);

afterAll(() => {
  rmSync(ROOT, { recursive: true, force: true });
});

describe('full build of a small library', () => {
  it('succeeds and writes a deterministic report', () => {
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(existsSync(join(OUT, 'index.html'))).toBe(true);
    expect(JSON.parse(readFileSync(join(OUT, 'build-report.json'), 'utf8'))).toEqual({
      patterns: 4,
      skipped: [],
    });
  });

  it('renders pattern pages with their sections and a table of contents', () => {
    const html = page('patterns/alpha-commons');
    expect(html).toMatch(/<h1[^>]*>Alpha Commons<\/h1>/);
    for (const id of [
      'context',
      'problem',
      'solution',
      'implementation',
      'consequences',
      'known-uses',
      'cognitive-era',
      'vitality',
    ]) {
      expect(html).toMatch(new RegExp(`id="${id}"`));
      expect(html).toContain(`href="#${id}"`);
    }
    expect(html).toContain('data-pagefind-body');
    // Curated links: an existing target and a wanted one.
    expect(html).toContain('href="/patterns/beta-practice/"');
    expect(html).toMatch(/href="\/wanted\/#missing-pattern"/);
  });

  it('renders a page per lens, extra lenses included, each pointing to the base page as canonical', () => {
    for (const lens of ['corporate', 'government', 'activist', 'tech', 'community']) {
      const html = page(`patterns/alpha-commons/${lens}`);
      expect(html).toContain(
        '<link rel="canonical" href="http://localhost:4321/patterns/alpha-commons/">',
      );
      expect(html).not.toContain('data-pagefind-body');
    }
    expect(page('patterns/alpha-commons/community')).toContain('alpha-commons for Neighbourhoods');
    expect(page('patterns/alpha-commons/community')).toContain('Do it on the street.');
    expect(existsSync(join(OUT, 'patterns/beta-practice/community/index.html'))).toBe(false);
  });

  it('lists the dangling relationship target on the wanted page', () => {
    const html = page('wanted');
    expect(html).toContain('id="missing-pattern"');
    expect(html).toContain('href="/patterns/alpha-commons/"');
  });

  it('browses every pattern with facet counts', () => {
    const html = page('patterns');
    for (const slug of ['alpha-commons', 'beta-practice', 'gamma-tool', 'hostile-pattern']) {
      expect(html).toContain(`href="/patterns/${slug}/"`);
    }
    // Domain facet: governance 2 (alpha, beta), strategy 2 (gamma, hostile).
    expect(html).toMatch(/Governance[\s\S]{0,200}?\b2\b/);
    expect(html).toMatch(/Strategy[\s\S]{0,200}?\b2\b/);
    // Status facet: draft 2, published 1, review 1.
    expect(html).toMatch(/Draft[\s\S]{0,200}?\b2\b/);
    expect(html).toMatch(/Published[\s\S]{0,200}?\b1\b/);
  });

  it('neutralises hostile titles and links on every page', () => {
    for (const file of htmlFiles()) {
      const html = readFileSync(file, 'utf8');
      // Quoted attribute values cannot open tags; everything else must be escaped text.
      const markup = html.replace(/="[^"]*"/g, '=""');
      expect(markup, file).not.toMatch(/<script>alert/);
      expect(markup, file).not.toMatch(/<img[^>]*onerror/i);
      expect(html, file).not.toMatch(/javascript:/i);
      expect(html, file).not.toMatch(/href="data:/i);
    }
    expect(page('patterns/hostile-pattern')).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt; Hostile',
    );
  });

  it('writes a sharded search index of the pattern pages only', () => {
    const manifest = JSON.parse(readFileSync(join(OUT, 'pagefind/shards.json'), 'utf8')) as {
      shards: string[];
      records: number;
    };
    expect(manifest).toEqual({ shards: ['000'], records: 4 });
    for (const file of ['pagefind.js', 'pagefind-entry.json', 'wasm.en.pagefind']) {
      expect(existsSync(join(OUT, 'pagefind/000', file)), file).toBe(true);
    }
    const search = page('search');
    expect(search).toMatch(/<noscript>[\s\S]*href="\/patterns\/"[\s\S]*<\/noscript>/);
    expect(search).toMatch(/<label for="search-q"/);
    expect(search).toMatch(
      /role="status"[^>]*aria-live="polite"|aria-live="polite"[^>]*role="status"/,
    );
    expect(search).toContain('data-pagefind-root="/pagefind/"');
  });

  it('skips invalid patterns with PATTERNS_ON_ERROR=skip and reports them', () => {
    const broken = join(ROOT, 'skipping');
    cpSync(LIBRARY, broken, { recursive: true });
    cpSync(
      join(FIXTURES, 'score-out-of-range/score-out-of-range.md'),
      join(broken, 'score-out-of-range.md'),
    );
    const out = join(ROOT, 'skipped-site');
    const result = spawnSync(process.execPath, ['scripts/build.ts'], {
      env: { ...process.env, PATTERNS_DIR: broken, BUILD_OUT_DIR: out, PATTERNS_ON_ERROR: 'skip' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect(result.stdout + result.stderr).toContain('score-out-of-range.md:24:17: error:');
    const report = JSON.parse(readFileSync(join(out, 'build-report.json'), 'utf8')) as unknown;
    expect(report).toEqual({
      patterns: 4,
      skipped: [
        {
          file: join(broken, 'score-out-of-range.md'),
          errors: [
            `${join(broken, 'score-out-of-range.md')}:24:17: error: ontology.commons_assessment.resilience: out of range (expected ≤ 5, got 7)`,
            `${join(broken, 'score-out-of-range.md')}:26:15: error: ontology.commons_assessment.autonomy: out of range (expected ≥ 0, got -1)`,
          ],
        },
      ],
    });
    expect(existsSync(join(out, 'patterns/score-out-of-range'))).toBe(false);
  }, 60_000);

  it('fails on an invalid pattern with the validator’s message and leaves the output as it was', () => {
    const before = digest(OUT);
    const broken = join(ROOT, 'broken');
    cpSync(LIBRARY, broken, { recursive: true });
    cpSync(
      join(FIXTURES, 'score-out-of-range/score-out-of-range.md'),
      join(broken, 'score-out-of-range.md'),
    );
    const failed = build(broken);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('1 invalid pattern file(s)');
    expect(failed.stderr).toMatch(
      /score-out-of-range\.md:24:17: error: ontology\.commons_assessment\.resilience: out of range \(expected ≤ 5, got 7\)/,
    );
    expect(failed.stderr).not.toMatch(/^\s+at /m);
    expect(digest(OUT)).toEqual(before);
  }, 60_000);
});
