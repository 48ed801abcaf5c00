import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { cp, open, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { rehype } from 'rehype';
import sharp from 'sharp';
import { PROJECT_ROOT, testSiteEnvironment } from '../helpers/builds.ts';
import { one, text } from '../helpers/hast.ts';
import { temporaryFolder } from '../helpers/import-cli.ts';

/**
 * `npm run dev` over a copy of the synthetic fixture: it draws the social
 * cards when they are asked for (a build puts them in place itself, so only
 * the dev server has routes for them), and shows an edit without a restart.
 */

const BASE = '/arkiv/';
const ARTICLE = '2025/01/15/syntetisk-testartikkel';
let server: ChildProcess;
let origin: string;
let contentDir: string;

async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as { port: number };
  probe.close();
  return port;
}

before(async () => {
  contentDir = await temporaryFolder('dev-content');
  await cp(join(PROJECT_ROOT, 'tests/fixtures/content'), contentDir, { recursive: true });
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  server = spawn(
    process.execPath,
    ['node_modules/astro/bin/astro.mjs', 'dev', '--host', '127.0.0.1', '--port', String(port)],
    {
      cwd: PROJECT_ROOT,
      env: testSiteEnvironment({ base: BASE, contentDir, cacheDir: await temporaryFolder('dev-cache') }),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  await new Promise<void>((listening, stopped) => {
    setTimeout(() => stopped(new Error(`astro dev did not listen within a minute:\n${output}`)), 60_000).unref();
    server.stderr?.on('data', (chunk) => (output += chunk));
    server.stdout?.on('data', (chunk) => {
      output += chunk;
      if (output.includes(String(port))) listening();
    });
    server.on('close', () => stopped(new Error(`astro dev stopped before it listened:\n${output}`)));
  });
});

after(() => {
  server.kill();
});

async function cardAt(path: string) {
  const response = await fetch(`${origin}${BASE}${path}`);
  assert.equal(response.status, 200, path);
  assert.equal(response.headers.get('content-type'), 'image/png', path);
  return sharp(Buffer.from(await response.arrayBuffer())).metadata();
}

describe('astro dev', () => {
  it('serves the site’s card and an article’s card as 1200×630 PNGs', async () => {
    for (const path of ['card.png', `${ARTICLE}/card.png`]) {
      const { format, width, height } = await cardAt(path);
      assert.deepEqual([format, width, height], ['png', 1200, 630], path);
    }
  });

  it('has no card for an article that does not exist', async () => {
    const response = await fetch(`${origin}${BASE}2025/01/15/finnes-ikke/card.png`);
    assert.equal(response.status, 404);
  });

  /** The article's headline as the dev server shows it, once it is `expected` or half a minute has passed. */
  async function headlineShown(expected: string): Promise<string> {
    const deadline = Date.now() + 30_000;
    let headline = '';
    while (Date.now() < deadline) {
      const page = rehype().parse(await (await fetch(`${origin}${BASE}${ARTICLE}/`)).text());
      headline = text(one(page, 'h1'));
      if (headline === expected) break;
      await delay(500);
    }
    return headline;
  }

  it('shows an edited headline without a restart', async () => {
    const file = join(contentDir, `articles/${ARTICLE}.md`);
    const source = await readFile(file, 'utf8');
    const edited = 'Syntetisk testartikkel, endret mens utviklingstjeneren går';
    await writeFile(file, source.replace(/^title: .*$/m, `title: ${edited}`));
    assert.equal(await headlineShown(edited), edited);
  });

  it('shows an edit that an editor saved in two writes, the file cut short between them', async () => {
    const file = join(contentDir, `articles/${ARTICLE}.md`);
    const edited = 'Syntetisk testartikkel, lagret i to omganger';
    const source = (await readFile(file, 'utf8')).replace(/^title: .*$/m, `title: ${edited}`);
    // The watcher tells of the first write; one that reads the file at once reads half an article.
    const half = source.indexOf('\n---', 4);
    const handle = await open(file, 'w');
    await handle.write(source.slice(0, half));
    await delay(20);
    await handle.write(source.slice(half));
    await handle.close();
    assert.equal(await headlineShown(edited), edited);
  });
});
