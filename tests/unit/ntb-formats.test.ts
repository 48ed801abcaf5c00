import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { wireToArticle } from '../../scripts/ntb/article.ts';
import { parseStory } from '../../scripts/ntb/formats.ts';
import { decodeWireText } from '../../scripts/ntb/wire.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/ntb');
const story = async (name: string) => parseStory(decodeWireText(await readFile(join(FIXTURES, name))));
const body = (markdown: string) => markdown.replace(/^---\n[\s\S]*?\n---\n/, '');

describe('parseStory', () => {
  it('tells the format by the content, not the file name', () => {
    assert.throws(() => parseStory('\n  <nitf><head/></nitf>'), /has no headline: give body.head a hedline/);
    assert.throws(() => parseStory(' {"uri": "urn:syntetisk"}'), /has no headline/);
    assert.equal(parseStory('date 2025-03-14\n\nSyntetisk avsnitt.').date, '2025-03-14');
  });
});

describe('the same story in three formats', () => {
  it('gives the same article body as plain text, NITF and ninjs', async () => {
    const bodies = await Promise.all(
      ['round-trip.txt', 'story-v1.nitf.xml', 'story.ninjs.json'].map(async (name) =>
        body(wireToArticle(await story(name)).markdown),
      ),
    );
    assert.match(bodies[0] ?? '', /^\nSyntetisk ingress: .*\n\n## Syntetisk mellomtittel\n/s);
    assert.equal(bodies[1], bodies[0]);
    assert.equal(bodies[2], bodies[0]);
  });

  it('takes the headline from NITF and ninjs without deriving it, and --title over it', async () => {
    const nitf = wireToArticle(await story('story-v1.nitf.xml'));
    assert.deepEqual([nitf.title, nitf.titleWasDerived], ['Syntetisk budsjett vedtatt i Testvik', false]);
    assert.equal(
      wireToArticle(await story('story.ninjs.json'), { title: 'Syntetisk overstyrt' }).title,
      'Syntetisk overstyrt',
    );
    assert.equal(wireToArticle(await story('round-trip.txt')).titleWasDerived, true);
  });
});
