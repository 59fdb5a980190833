import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { SITE } from '../src/config/site.ts';

interface Step {
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, unknown>;
  readonly env?: Record<string, string>;
}
interface Workflow {
  readonly on: Record<string, unknown>;
  readonly permissions: Record<string, string>;
  readonly jobs: Record<string, { readonly needs?: string; readonly steps: readonly Step[] }>;
}

const read = (path: string): unknown => load(readFileSync(path, 'utf8'));
const workflow = (name: string): Workflow => read(join('.github/workflows', name)) as Workflow;
const steps = (flow: Workflow): Step[] => Object.values(flow.jobs).flatMap((job) => job.steps);
const runs = (flow: Workflow): string =>
  steps(flow)
    .map((step) => step.run ?? '')
    .join('\n');
const action = (flow: Workflow, name: string): Step | undefined =>
  steps(flow).find((step) => step.uses?.startsWith(`${name}@`));

describe('the GitHub workflows', () => {
  it('are valid YAML, each with triggers and jobs, every action pinned to a version', () => {
    for (const file of readdirSync('.github/workflows')) {
      const flow = workflow(file);
      expect(Object.keys(flow.on).length, file).toBeGreaterThan(0);
      for (const step of steps(flow)) {
        if (step.uses !== undefined) expect(step.uses, file).toMatch(/^[\w-]+\/[\w-]+@v\d+$/);
      }
    }
  });

  it('check every pull request: changed pattern files with annotations, tests and build', () => {
    const check = workflow('check.yml');
    expect(Object.keys(check.on)).toEqual(['pull_request']);
    expect(check.permissions).toEqual({ contents: 'read' });
    expect(action(check, 'actions/checkout')?.with).toMatchObject({ 'fetch-depth': 0 });
    expect(action(check, 'actions/setup-node')).toBeDefined();
    const commands = runs(check);
    expect(commands).toMatch(/npm ci[\s\S]*npm run check --[\s\S]*npm test[\s\S]*npm run build/);
    expect(commands).toContain(`':(glob)${SITE.repository.patternsPath}/**/*.md'`);
    expect(commands).toContain('--diff-filter="$1" "$BASE_SHA...HEAD"');
    // Added files are passed with --new (an older-format one fails), changed ones plainly.
    expect(commands).toContain("mapfile -d '' -t added < <(changed A)");
    expect(commands).toContain("mapfile -d '' -t modified < <(changed ad)");
    expect(commands).toContain('args+=(--new "$file")');
  });

  it('deploy to GitHub Pages from main with the official actions, at the configured base path', () => {
    const pages = workflow('pages.yml');
    // The whole history: the feed dates each pattern by its last commit.
    expect(action(pages, 'actions/checkout')?.with).toMatchObject({ 'fetch-depth': 0 });
    expect(pages.on).toEqual({
      push: { branches: [SITE.repository.branch] },
      workflow_dispatch: null,
    });
    expect(pages.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
    for (const name of [
      'actions/configure-pages',
      'actions/upload-pages-artifact',
      'actions/deploy-pages',
    ]) {
      expect(action(pages, name), name).toBeDefined();
    }
    const build = steps(pages).find((step) => step.run === 'npm run build');
    expect(build?.env).toMatchObject({
      SITE_URL: '${{ steps.pages.outputs.origin }}',
      BASE_PATH: '${{ steps.pages.outputs.base_path }}/',
    });
    expect(action(pages, 'actions/upload-pages-artifact')?.with).toEqual({ path: 'dist' });
    expect(pages.jobs['deploy']?.needs).toBe('build');
  });
});

describe('the issue forms', () => {
  it('are valid YAML with a name, a description and fields', () => {
    for (const file of readdirSync('.github/ISSUE_TEMPLATE')) {
      const form = read(join('.github/ISSUE_TEMPLATE', file)) as Record<string, unknown>;
      expect(typeof form['name'], file).toBe('string');
      expect(typeof form['description'], file).toBe('string');
      expect(Array.isArray(form['body']), file).toBe(true);
    }
  });

  it('offer the configured lenses when proposing a pattern', () => {
    const form = read('.github/ISSUE_TEMPLATE/propose-a-pattern.yml') as {
      body: { id?: string; attributes: { options?: { label: string }[] } }[];
    };
    const lenses = form.body.find(({ id }) => id === 'lenses')?.attributes.options;
    expect(lenses?.map(({ label }) => label)).toEqual(SITE.lenses.map(({ name }) => name));
  });
});
