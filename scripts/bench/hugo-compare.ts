/**
 * `npm run bench:hugo [-- <count>]` — the full build side by side with a minimal Hugo site of the
 * same pages plus Pagefind over them (default 5,000 generated v7.1 patterns; `hugo` on the PATH,
 * e.g. Debian's `apt-get install hugo`). The Hugo site (under .bench/, never committed) has one
 * page per pattern file, rendered by a single template, and a list page; `hugo` then
 * `pagefind --site public` are timed together, then this project's `scripts/build.ts` (every
 * page, lens page, data file and search record) on the same files.
 * Target: our build ≤ Hugo + Pagefind.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { BUILD_ARGS } from '../lib/build-command.ts';
import { generateLibrary } from './generate.ts';

const count = Number(process.argv[2] ?? 5000);
const library = resolve('.bench', `site-${String(count)}`);
const hugo = resolve('.bench', `hugo-${String(count)}`);
const out = resolve('.bench', `site-${String(count)}-dist`);

if (!existsSync(library)) await generateLibrary(library, count);

const SINGLE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main data-pagefind-body><h1>{{ .Title }}</h1><p>{{ .Params.summary }}</p>{{ .Content }}</main>
<nav><a href="{{ "patterns/" | relURL }}">All patterns</a></nav></body></html>
`;
const LIST = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></main></body></html>
`;

await rm(hugo, { recursive: true, force: true });
await mkdir(join(hugo, 'layouts', '_default'), { recursive: true });
await writeFile(
  join(hugo, 'hugo.toml'),
  'baseURL = "http://localhost/"\ntitle = "Patterns"\n' +
    'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]\n',
);
await writeFile(join(hugo, 'layouts', '_default', 'single.html'), SINGLE);
await writeFile(join(hugo, 'layouts', '_default', 'list.html'), LIST);
await cp(library, join(hugo, 'content', 'patterns'), { recursive: true });

/** Runs a command to the end; its wall time in seconds. */
function timed(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): number {
  const started = performance.now();
  execFileSync(command, args, { stdio: 'ignore', ...options });
  return (performance.now() - started) / 1000;
}

const hugoSeconds = timed('hugo', ['--quiet'], { cwd: hugo });
const pagefindSeconds = timed('npx', ['--no-install', 'pagefind', '--site', 'public'], {
  cwd: hugo,
});
await rm(out, { recursive: true, force: true });
const ours = timed(process.execPath, BUILD_ARGS, {
  // From scratch, as Hugo and Pagefind are: no renderings kept from an earlier run.
  env: { ...process.env, PATTERNS_DIR: library, BUILD_OUT_DIR: out, PATTERNS_SITE_CACHE: 'off' },
});
await rm(hugo, { recursive: true, force: true });

const hugoTotal = hugoSeconds + pagefindSeconds;
console.log(
  `${String(count)} patterns: Hugo ${hugoSeconds.toFixed(1)} s + Pagefind ${pagefindSeconds.toFixed(1)} s = ${hugoTotal.toFixed(1)} s; ` +
    `this build ${ours.toFixed(1)} s (${(ours / hugoTotal).toFixed(2)} × Hugo + Pagefind)`,
);
