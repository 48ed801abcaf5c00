import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startStaticServer, type StaticServer } from '../../scripts/static-server.ts';
import { temporaryFolder } from '../helpers/import-cli.ts';

/**
 * The CDN-like static server against hostile paths, on loopback over a
 * synthetic site. Paths are sent as written (fetch would resolve the dots
 * before sending), and each request gives up after 5 s.
 */

const SECRET = 'SYNTHETIC: outside the site';

function get(server: StaticServer, path: string): Promise<{ status: number; body: string }> {
  const { port } = new URL(server.url);
  return new Promise((done, fail) => {
    const sent = request({ host: '127.0.0.1', port, path, timeout: 5000 }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => done({ status: response.statusCode ?? 0, body }));
    });
    sent.on('timeout', () => sent.destroy(new Error(`${path}: no answer in 5 s`)));
    sent.on('error', fail);
    sent.end();
  });
}

for (const base of ['/', '/nyheter/']) {
  describe(`the static server at ${base}`, () => {
    let server: StaticServer;
    before(async () => {
      const folder = await temporaryFolder('static');
      const root = join(folder, 'site');
      await mkdir(join(root, 'a'), { recursive: true });
      await writeFile(join(root, 'index.html'), '<p>SYNTHETIC: the front page</p>');
      await writeFile(join(root, 'a/index.html'), '<p>SYNTHETIC: a page</p>');
      await writeFile(join(folder, 'secret.txt'), SECRET);
      server = await startStaticServer(root, base);
    });
    after(() => server.close());

    it('answers a malformed percent-escape with 400, and goes on serving', async () => {
      for (const path of ['%E0%A4%A/', '%ZZ', 'a/%']) {
        assert.equal((await get(server, `${base}${path}`)).status, 400, path);
      }
      const front = await get(server, base);
      assert.equal(front.status, 200);
      assert.match(front.body, /the front page/);
      assert.equal((await get(server, `${base}a/`)).status, 200);
    });

    it('goes on serving when clients leave before their file is sent', async () => {
      const rejections: unknown[] = [];
      const record = (reason: unknown) => rejections.push(reason);
      process.on('unhandledRejection', record);
      const { port } = new URL(server.url);
      // A browser that closes a page drops its requests for the page's files as they are answered.
      for (let attempt = 0; attempt < 50; attempt++) {
        const left = request({ host: '127.0.0.1', port, path: `${base}a/` });
        left.on('error', () => undefined);
        left.end();
        setImmediate(() => left.destroy());
      }
      await new Promise((done) => setTimeout(done, 300));
      process.off('unhandledRejection', record);
      assert.deepEqual(rejections, []);
      assert.equal((await get(server, `${base}a/`)).status, 200);
    });
    it('never serves a file outside its folder', async () => {
      for (const path of [
        '../secret.txt',
        '%2e%2e/secret.txt',
        '..%2fsecret.txt',
        '%2e%2e%2fsecret.txt',
        'a/..%2f..%2fsecret.txt',
      ]) {
        const { status, body } = await get(server, `${base}${path}`);
        assert.ok(status === 404 || status === 400, `${path}: ${status}`);
        assert.ok(!body.includes(SECRET), `${path} served the file outside`);
      }
    });
  });
}
