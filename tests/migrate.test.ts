import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadLibrary } from '../src/lib/load.ts';
import { confidenceOf } from '../src/lib/migrate.ts';
import { FIXTURES } from './helpers/fixtures.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'migrate-'));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

function migrate(args: string[]) {
  const result = spawnSync(process.execPath, ['scripts/migrate.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, PATTERNS_DIR: work },
  });
  return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

/** The bytes after the closing `---` of the frontmatter. */
function body(bytes: Buffer): Buffer {
  const text = bytes.toString('latin1');
  const close = text.indexOf('\n---', 3);
  return bytes.subarray(text.indexOf('\n', close + 1) + 1);
}

const REAL = `${FIXTURES}real-library/`;
const olderFiles = readdirSync(REAL).filter((name) => name.endsWith('.md') && name !== 'README.md');

describe('npm run migrate', () => {
  const dir = join(work, 'library');
  cpSync(REAL, dir, { recursive: true });
  rmSync(join(dir, 'README.md'));

  it('prints the new frontmatter with --dry-run and writes nothing', () => {
    const file = join(dir, 'devops.md');
    const before = readFileSync(file);
    const { status, stdout } = migrate(['--dry-run', file]);
    expect(status).toBe(0);
    expect(stdout).toContain('new frontmatter:\n---\n# ═');
    expect(stdout).toContain('  domain: design\n');
    expect(stdout.split('\n').at(-1)).toBe('1 to migrate, 0 skipped, 0 failed');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('says how it is used when given no file, or an option it does not have, and writes nothing', () => {
    const file = join(dir, 'devops.md');
    const before = readFileSync(file);
    const none = migrate([]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('usage: npm run migrate -- [options] FILE_OR_DIR...');
    expect(none.stderr).toContain('--dry-run');
    const mistyped = migrate(['--dryrun', file]);
    expect(mistyped.status).toBe(2);
    expect(mistyped.stderr.split('\n')[0]).toBe("npm run migrate: Unknown option '--dryrun'");
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('rewrites the 15 real older files, keeping every body byte for byte', () => {
    const before = new Map(olderFiles.map((name) => [name, readFileSync(join(dir, name))]));
    const { status, stdout } = migrate([dir]);
    expect(status).toBe(0);
    expect(stdout.split('\n').at(-1)).toBe('15 migrated, 45 skipped, 0 failed');
    for (const [name, bytes] of before) {
      expect(body(readFileSync(join(dir, name))).equals(body(bytes)), name).toBe(true);
    }
  });

  it('leaves only placeholder errors, each naming its field', async () => {
    const library = await loadLibrary([dir]);
    const errors = library.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.filter((d) => !d.message.startsWith('placeholder left to fill in: '))).toEqual(
      [],
    );
    const devops = errors
      .filter((d) => d.file.endsWith('/devops.md'))
      .map((d) => `${d.path}: ${d.message}`);
    expect(devops).toMatchInlineSnapshot(`
      [
        "context_labels.corporate: placeholder left to fill in: the title of the pattern for organisations and companies",
        "context_labels.government: placeholder left to fill in: the title of the pattern for public service",
        "context_labels.activist: placeholder left to fill in: the title of the pattern for movements and activists",
        "context_labels.tech: placeholder left to fill in: the title of the pattern for products and platforms",
        "ontology.search_hints.primary_tension: placeholder left to fill in: the core tension the pattern resolves, "A vs. B"",
        "ontology.commons_assessment.stakeholder_architecture: placeholder left to fill in: the stakeholder architecture score, 0–5",
        "ontology.commons_assessment.value_creation: placeholder left to fill in: the value creation score, 0–5",
        "ontology.commons_assessment.resilience: placeholder left to fill in: the resilience score, 0–5",
        "ontology.commons_assessment.ownership: placeholder left to fill in: the ownership score, 0–5",
        "ontology.commons_assessment.autonomy: placeholder left to fill in: the autonomy score, 0–5",
        "ontology.commons_assessment.composability: placeholder left to fill in: the composability score, 0–5",
        "ontology.commons_assessment.fractal_value: placeholder left to fill in: the fractal value score, 0–5",
        "ontology.commons_assessment.vitality: placeholder left to fill in: the vitality score, 0–5",
        "ontology.commons_assessment.vitality_reasoning: placeholder left to fill in: why the vitality score is what it is",
        "lifecycle.usage_stage: placeholder left to fill in: recognition, design, application or operation",
        "lifecycle.adoption_stage: placeholder left to fill in: early_adopters, growth or mature",
        "lifecycle.confidence: placeholder left to fill in: 1 emerging, 2 developing or 3 established",
      ]
    `);
  });

  it('skips files already in v7.1 (the 45 v7.1 fixtures and the 15 it migrated), so migrating twice changes nothing', () => {
    const before = olderFiles.map((name) => readFileSync(join(dir, name)));
    const { status, stdout } = migrate([dir]);
    expect(status).toBe(0);
    expect(stdout.split('\n').at(-1)).toBe('0 migrated, 60 skipped, 0 failed');
    olderFiles.forEach((name, index) => {
      expect(readFileSync(join(dir, name)).equals(before[index] ?? Buffer.alloc(0))).toBe(true);
    });
  });

  it('maps a 0–1 confidence score onto the three confidence levels in thirds', () => {
    expect([0, 0.3, 0.5, 0.7, 1].map(confidenceOf)).toEqual([1, 1, 2, 3, 3]);
  });
});
