/**
 * `npm run bench:dev [-- <patterns folder>]` — times the live preview on a library (default
 * `$PATTERNS_DIR`, else `patterns/`): starts `astro dev` on a copy of the folder (the copy is
 * edited, never the original; in the system's temporary folder) and times until the first pattern
 * page answers 200, with the moments the server listened and the library was loaded; stops it
 * and starts it again on the same copy (its files' reads now kept in the dev server's cache,
 * node_modules/.cache/pattern-site/), then appends a word to that pattern's file and times until
 * the page shows it.
 * Targets (2 cores, the whole real library): first page ≤ 10 s, an edit shown ≤ 1 s after save.
 * Measured (the whole real library without its two broken files, 3,614 files; 2-core machine
 * shared with other builds, 1-minute load noted): before the dev server kept its patterns beside
 * Astro's store and its reads in a cache, first page 20.6–22.6 s idle (27–47 s at load 5–8), an
 * edit 3.8 s idle (4.7–8.1 s at load 5–8); now a start with kept reads 9.1–14.7 s at load 2–4
 * (18.6–30 s at load 7–10), a first start 20.5–33 s (39–52 s), an edit 0.7–0.9 s (1.0–1.6 s).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFile, cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';

const source = resolve(process.argv[2] ?? process.env['PATTERNS_DIR'] ?? 'patterns');
// Outside the project: the dev server does not watch .bench/ (astro.config.mjs).
const copy = await mkdtemp(join(tmpdir(), 'dev-bench-'));
const PORT = 4399;
const POLL_MS = 50;
const TIMEOUT_MS = 300_000;

await cp(source, copy, { recursive: true });

/** The first file, by name, in the v7.1 format (the older format has no lens labels). */
async function firstPattern(): Promise<string> {
  for (const name of (await readdir(copy)).filter((n) => n.endsWith('.md')).sort()) {
    if (/^context_labels:/m.test(await readFile(join(copy, name), 'utf8'))) return name;
  }
  throw new Error(`no v7.1 pattern in ${source}`);
}
const file = await firstPattern();
const url = `http://localhost:${String(PORT)}/patterns/${basename(file, '.md')}/`;

/** Polls `url` until `ready` holds for its answer; milliseconds since `since`. */
async function until(ready: (status: number, text: string) => boolean, since: number) {
  while (performance.now() - since < TIMEOUT_MS) {
    const { status, text } = await fetch(url).then(
      async (response) => ({ status: response.status, text: await response.text() }),
      () => ({ status: 0, text: '' }),
    );
    if (ready(status, text)) return performance.now() - since;
    await sleep(POLL_MS);
  }
  throw new Error(`${url}: nothing after ${String(TIMEOUT_MS / 1000)} s`);
}

const seconds = (ms: number | undefined): string =>
  ms === undefined ? '?' : `${(ms / 1000).toFixed(1)} s`;

/** Starts the dev server; `moments` gets when it listened and when its library was loaded. */
function start(moments: { listening?: number; loaded?: number }): ChildProcess {
  const started = performance.now();
  const server = spawn('npx', ['--no-install', 'astro', 'dev', '--port', String(PORT)], {
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      PATTERNS_DIR: copy,
      PATTERNS_ON_ERROR: 'skip',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  createInterface({ input: server.stdout }).on('line', (line) => {
    if (line.includes('ready in')) moments.listening ??= performance.now() - started;
    if (line.includes('patterns loaded from')) moments.loaded ??= performance.now() - started;
  });
  return server;
}

/** Stops the server and everything it started, and waits until its port is free. */
async function stop(server: ChildProcess): Promise<void> {
  if (server.pid !== undefined) process.kill(-server.pid, 'SIGTERM');
  await new Promise((done) => server.once('exit', done));
  await until((status) => status === 0, performance.now());
}

/** Starts the server and times its first pattern page; the server is left running. */
async function firstPage(label: string): Promise<ChildProcess> {
  const moments: { listening?: number; loaded?: number } = {};
  const started = performance.now();
  const server = start(moments);
  const first = await until((status) => status === 200, started);
  console.log(
    `${label}: first page served ${seconds(first)} after start (listening at ${seconds(moments.listening)}, library loaded at ${seconds(moments.loaded)})`,
  );
  return server;
}

let server: ChildProcess | undefined;
try {
  console.log(`${file}, ${url}`);
  server = await firstPage('first start (no kept reads)');
  await stop(server);
  server = await firstPage('next start (reads kept)');
  const word = `zzdevbench${String(Date.now())}`;
  const saved = performance.now();
  await appendFile(join(copy, file), `\n\n${word}\n`);
  const shown = await until((status, text) => status === 200 && text.includes(word), saved);
  console.log(`edit shown ${(shown / 1000).toFixed(2)} s after the file was saved`);
} finally {
  if (server?.pid !== undefined && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
  await rm(copy, { recursive: true, force: true });
}
