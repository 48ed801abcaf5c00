import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

/**
 * A static file server that behaves like a CDN in front of `dist/`: a folder
 * serves its index.html, a folder without its trailing slash redirects to it,
 * and an unknown path gets 404.html with status 404. It listens on loopback
 * only, for screenshots and tests.
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

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}

export async function startStaticServer(root: string, base = '/'): Promise<StaticServer> {
  const server: Server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    const notFound = async () => {
      response.writeHead(404, { 'content-type': CONTENT_TYPES['.html'] });
      if (await isFile(join(root, '404.html'))) createReadStream(join(root, '404.html')).pipe(response);
      else response.end('Not found');
    };
    if (!pathname.startsWith(base)) return notFound();
    const relativePath = normalize(decodeURIComponent(pathname.slice(base.length)));
    if (relativePath.startsWith('..')) return notFound();
    const path = join(root, relativePath);
    if (pathname.endsWith('/') ? await isFile(join(path, 'index.html')) : false) {
      response.writeHead(200, { 'content-type': CONTENT_TYPES['.html'] });
      return createReadStream(join(path, 'index.html')).pipe(response);
    }
    if (!pathname.endsWith('/') && (await isFile(path))) {
      response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream' });
      return createReadStream(path).pipe(response);
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
