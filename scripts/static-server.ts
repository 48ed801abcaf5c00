import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type ServerResponse, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, isAbsolute, join, relative, sep } from 'node:path';
import { pipeline } from 'node:stream';
import { createBrotliCompress } from 'node:zlib';

/**
 * A static file server that behaves like a CDN in front of `dist/`: a folder
 * serves its index.html, a folder without its trailing slash redirects to it,
 * an unknown path gets 404.html with status 404, and text is sent
 * brotli-compressed to clients that accept it, with the headers the site's
 * `_headers` gives each path. A malformed URL gets 400, and a path that
 * climbs out of the folder 404. It listens on loopback only, for screenshots
 * and tests.
 */

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
};

/** The rules of a `_headers` file: a path pattern, and the headers of the paths it matches. */
export type HeaderRules = Array<{ pattern: RegExp; headers: Array<[string, string]> }>;

/** A segment of a `_headers` path as a regular expression: `:name` is any one segment, `*` anything at all. */
const segmentPattern = (segment: string) =>
  segment.startsWith(':')
    ? '[^/]+'
    : segment
        .split('*')
        .map((text) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*');

/**
 * A `_headers` file as Netlify and Cloudflare Pages read it: a path on a line
 * of its own, its headers indented below it. As on Netlify, case does not
 * count and a trailing slash may be left off, so a rule matches the most
 * paths it can on either host.
 */
export function parseHeadersFile(text: string): HeaderRules {
  const rules: HeaderRules = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const segments = line.trim().split('/').filter(Boolean).map(segmentPattern);
      rules.push({ pattern: new RegExp(`^/${segments.join('/')}/?$`, 'i'), headers: [] });
    } else {
      const colon = line.indexOf(':');
      rules.at(-1)?.headers.push([line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()]);
    }
  }
  return rules;
}

/** The headers a host sends for a path: every matching rule's, the values of a header two rules set joined with commas. */
export function headersFor(rules: HeaderRules, pathname: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of rules.filter(({ pattern }) => pattern.test(pathname))) {
    for (const [name, value] of rule.headers) headers[name] = headers[name] ? `${headers[name]}, ${value}` : value;
  }
  return headers;
}

export interface StaticServer {
  /** The site's root URL, base included: http://127.0.0.1:PORT/nyheter/ */
  url: string;
  close(): Promise<void>;
}

const COMPRESSIBLE = /^(text\/|application\/(json|xml)|image\/svg)/;

/** Sends a file, compressed as a CDN would when the client accepts brotli. */
function send(request: IncomingMessage, response: ServerResponse, status: number, path: string, type: string) {
  // A client that left while the file was looked up: piping to its closed response would throw.
  if (response.destroyed) return;
  const compress = COMPRESSIBLE.test(type) && /\bbr\b/.test(String(request.headers['accept-encoding'] ?? ''));
  response.writeHead(status, {
    'content-type': type,
    ...(compress && { 'content-encoding': 'br', vary: 'Accept-Encoding' }),
  });
  // A file that goes away, or a client that does, ends this response and not the server.
  const ignore = () => undefined;
  if (compress) pipeline(createReadStream(path), createBrotliCompress(), response, ignore);
  else pipeline(createReadStream(path), response, ignore);
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}

/**
 * The request's path, and the path below root it names, if any; undefined for
 * a URL that cannot be read. An escaped ../ (..%2f) survives URL parsing, so
 * the decoded path is what must stay below root.
 */
function resolveRequest(url: string, root: string, base: string): { pathname: string; path?: string } | undefined {
  let pathname: string;
  let sitePath: string;
  try {
    ({ pathname } = new URL(url, 'http://localhost'));
    if (!pathname.startsWith(base)) return { pathname };
    sitePath = decodeURIComponent(pathname.slice(base.length));
  } catch {
    return undefined;
  }
  const path = join(root, sitePath);
  const inside = relative(root, path);
  const climbsOut = inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside);
  return climbsOut ? { pathname } : { pathname, path };
}

export async function startStaticServer(root: string, base = '/'): Promise<StaticServer> {
  const rules = parseHeadersFile(await readFile(join(root, '_headers'), 'utf8').catch(() => ''));
  const server: Server = createServer(async (request, response) => {
    const requested = resolveRequest(request.url ?? '/', root, base);
    if (!requested) {
      // A malformed escape (/%E0%A4%A/) is the client's error: it gets 400, and the server goes on.
      response.writeHead(400, { 'content-type': 'text/plain' });
      return response.end('Bad request');
    }
    const { pathname, path } = requested;
    for (const [name, value] of Object.entries(headersFor(rules, pathname))) response.setHeader(name, value);
    const notFound = async () => {
      if (await isFile(join(root, '404.html')))
        return send(request, response, 404, join(root, '404.html'), CONTENT_TYPES['.html'] as string);
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('Not found');
    };
    if (!path) return notFound();
    if (pathname.endsWith('/') ? await isFile(join(path, 'index.html')) : false) {
      return send(request, response, 200, join(path, 'index.html'), CONTENT_TYPES['.html'] as string);
    }
    if (!pathname.endsWith('/') && (await isFile(path))) {
      return send(request, response, 200, path, CONTENT_TYPES[extname(path)] ?? 'application/octet-stream');
    }
    if (!pathname.endsWith('/') && (await isFile(join(path, 'index.html')))) {
      response.writeHead(301, { location: `${pathname}/` });
      return response.end();
    }
    return notFound();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
