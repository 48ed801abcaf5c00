import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BUILDS, readPage } from '../helpers/builds.ts';
import { all, one, text } from '../helpers/hast.ts';
import { SEED_PERMALINK } from '../helpers/seed.ts';

describe('the front page', () => {
  it('lists the article with its headline, lede and date', async () => {
    const page = await readPage(BUILDS.site, 'index.html');
    const teasers = all(page, 'main .teaser');
    assert.equal(teasers.length, 1);
    const [teaser] = teasers as [(typeof teasers)[0]];
    assert.equal(one(teaser, 'h2 a').properties.href, `/${SEED_PERMALINK}`);
    assert.equal(text(one(teaser, 'h2')), 'Putin kalte Xi for en «nær venn»');
    assert.match(text(one(teaser, '.teaser-lede')), /^Putin kalte Xi for en «nær venn», og sa at/);
    assert.equal(text(one(teaser, 'time')), 'tirsdag 2. september 2025');
  });
});

describe('the 404 page', () => {
  it('is in Norwegian and links home under the base', async () => {
    const page = await readPage(BUILDS.subpath, '404.html');
    assert.equal(one(page, 'html').properties.lang, 'nb');
    assert.equal(text(one(page, 'h1')), 'Siden finnes ikke');
    assert.ok(all(page, 'main a').some((link) => link.properties.href === '/nyheter/'));
  });
});
