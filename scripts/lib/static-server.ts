/**
 * A tiny static file server for a built site, as a static host would serve
 * it: `/dir/` serves `dir/index.html`, `/dir` redirects to `/dir/`, a missing
 * page gets `404.html` with status 404, text is gzip-compressed when the
 * client accepts it (Pagefind's own files are compressed already), and the
 * headers of the site's `_headers` file (the format Netlify and Cloudflare
 * Pages read) are applied. Listens on 127.0.0.1 only; used by the browser
 * tests and the benchmarks, never for deployment.
 */
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
};
/** Types worth compressing; Pagefind's index files are gzip data already. */
const COMPRESSIBLE = /^(text\/|application\/(json|xml|manifest\+json))|^image\/svg/;

/** Header rules of a `_headers` file: a path pattern (`*` = anything), then indented `Name: value` lines. */
export function parseHeadersFile(text: string): { pattern: RegExp; headers: [string, string][] }[] {
  const rules: { pattern: RegExp; headers: [string, string][] }[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const source = line
        .trim()
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        .replaceAll('*', '.*');
      rules.push({ pattern: new RegExp(`^${source}$`), headers: [] });
      continue;
    }
    const colon = line.indexOf(':');
    const rule = rules.at(-1);
    if (rule && colon > 0)
      rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

export interface StaticServer {
  /** Origin with a trailing slash, e.g. `http://127.0.0.1:41234/`. */
  readonly url: string;
  close(): Promise<void>;
}

/** Serves `root` on 127.0.0.1 at `port` (default: a free one). */
export async function serveStatic(root: string, port = 0): Promise<StaticServer> {
  const base = resolve(root);
  const rules = parseHeadersFile(await readFile(join(base, '_headers'), 'utf8').catch(() => ''));

  const fileAt = async (path: string): Promise<string | undefined> => {
    const info = await stat(path).catch(() => undefined);
    return info?.isFile() ? path : undefined;
  };

  const send = async (
    request: IncomingMessage,
    response: ServerResponse,
    file: string,
    status: number,
  ): Promise<void> => {
    const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
    let body = await readFile(file);
    response.setHeader('Content-Type', type);
    if (COMPRESSIBLE.test(type) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
      body = gzipSync(body);
      response.setHeader('Content-Encoding', 'gzip');
      response.setHeader('Vary', 'Accept-Encoding');
    }
    response.writeHead(status, { 'Content-Length': body.length });
    response.end(request.method === 'HEAD' ? undefined : body);
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    for (const rule of rules) {
      if (rule.pattern.test(pathname))
        for (const [name, value] of rule.headers) response.setHeader(name, value);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const path = join(base, decodeURIComponent(pathname));
    if (path !== base && !path.startsWith(base + sep)) {
      response.writeHead(400).end();
      return;
    }
    const file = pathname.endsWith('/')
      ? await fileAt(join(path, 'index.html'))
      : await fileAt(path);
    if (file !== undefined) {
      await send(request, response, file, 200);
    } else if (!pathname.endsWith('/') && (await fileAt(join(path, 'index.html')))) {
      response.writeHead(301, { Location: `${pathname}/` }).end();
    } else {
      const notFound = await fileAt(join(base, '404.html'));
      if (notFound === undefined) response.writeHead(404).end();
      else await send(request, response, notFound, 404);
    }
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${String(address.port)}/`,
    close: () =>
      new Promise<void>((done, fail) => {
        server.closeAllConnections();
        server.close((error) => {
          if (error) fail(error);
          else done();
        });
      }),
  };
}
