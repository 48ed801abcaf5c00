import assert from 'node:assert/strict';
import { mkdtemp, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { bodyPhotosSignature } from '../../src/content/photo-signature.ts';
import { articleKey, type KeyedArticle, pageKey } from '../../src/site/page-keys.ts';

const SITE = { site: 'https://nyheter.example.no/', base: '/', newestYear: '2025' };
const entry = (overrides: Partial<KeyedArticle> = {}): KeyedArticle => ({
  data: { title: 'Syntetisk sak', published: new Date('2025-09-02') },
  // As the loader stores it: the body in a file named by a hash of it.
  rendered: { html: '', metadata: { bodyFile: '/cache/article-bodies/syntetisk.html' } },
  ...overrides,
});

describe('page keys for the incremental build', () => {
  it('are the same for the same site, articles and page', async () => {
    assert.equal(await pageKey(SITE, [entry()], 2), await pageKey(SITE, [entry()], 2));
  });

  it('change with the site address, the base, the masthead’s year and what the page shows of its own', async () => {
    const key = await pageKey(SITE, [entry()], 2);
    for (const changed of [
      pageKey({ ...SITE, site: 'https://andre.example.no/' }, [entry()], 2),
      pageKey({ ...SITE, base: '/nyheter/' }, [entry()], 2),
      pageKey({ ...SITE, newestYear: '2026' }, [entry()], 2),
      pageKey(SITE, [entry()], 3),
      pageKey(SITE, [entry(), entry({ data: { title: 'Annen sak', published: new Date('2025-09-03') } })], 2),
    ]) {
      assert.notEqual(await changed, key);
    }
  });

  it('change with an article’s data and its rendered body', async () => {
    const key = await articleKey(entry());
    assert.notEqual(await articleKey(entry({ data: { title: 'Ny tittel', published: new Date('2025-09-02') } })), key);
    const rettet = entry({ rendered: { html: '', metadata: { bodyFile: '/cache/article-bodies/rettet.html' } } });
    assert.notEqual(await articleKey(rettet), key);
  });

  it('change when a photo the body shows is replaced under the same name', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'nyhetsleser-keys-'));
    await writeFile(join(folder, 'foto.png'), 'syntetisk');
    // As the loader stores it beside the rendered body.
    const withPhoto = async () =>
      entry({
        rendered: {
          html: '<p>Tekst.</p>',
          metadata: { photosSignature: await bodyPhotosSignature(folder, ['./foto.png']) },
        },
      });
    const before = await articleKey(await withPhoto());
    assert.equal(await articleKey(await withPhoto()), before);
    await writeFile(join(folder, 'foto.png'), 'syntetisk, et annet bilde');
    await utimes(join(folder, 'foto.png'), new Date(), new Date(Date.now() + 5000));
    assert.notEqual(await articleKey(await withPhoto()), before);
  });
});
