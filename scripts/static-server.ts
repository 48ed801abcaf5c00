import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type ServerResponse, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { createBrotliCompress } from 'node:zlib';

/**
 * A static file server that behaves like a CDN in front of `dist/`: a folder
 * serves its index.html, a folder without its trailing slash redirects to it,
 * an unknown path gets 404.html with status 404, and text is sent
 * brotli-compressed to clients that accept it. It listens on loopback only,
 * for screenshots and tests.
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

export interface StaticServer {
  /** The site's root URL, base included: http://127.0.0.1:PORT/nyheter/ */
  url: string;
  close(): Promise<void>;
}

const COMPRESSIBLE = /^(text\/|application\/(json|xml)|image\/svg)/;

/** Sends a file, compressed as a CDN would when the client accepts brotli. */
function send(request: IncomingMessage, response: ServerResponse, status: number, path: string, type: string) {
  const compress = COMPRESSIBLE.test(type) && /\bbr\b/.test(String(request.headers['accept-encoding'] ?? ''));
  response.writeHead(status, {
    'content-type': type,
    ...(compress && { 'content-encoding': 'br', vary: 'Accept-Encoding' }),
  });
  const file = createReadStream(path);
  (compress ? file.pipe(createBrotliCompress()) : file).pipe(response);
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}

export async function startStaticServer(root: string, base = '/'): Promise<StaticServer> {
  const server: Server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    const notFound = async () => {
      if (await isFile(join(root, '404.html')))
        return send(request, response, 404, join(root, '404.html'), CONTENT_TYPES['.html'] as string);
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('Not found');
    };
    if (!pathname.startsWith(base)) return notFound();
    const relativePath = normalize(decodeURIComponent(pathname.slice(base.length)));
    if (relativePath.startsWith('..')) return notFound();
    const path = join(root, relativePath);
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
