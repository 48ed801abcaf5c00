import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readFrontmatter } from '../../src/content/frontmatter.ts';
import { deriveHeadline, firstSentence, MAX_HEADLINE_LENGTH, wireToArticle } from '../../scripts/ntb/article.ts';
import { decodeWireText, parseWire } from '../../scripts/ntb/wire.ts';
import { renderMarkdown } from '../helpers/markdown.ts';
import { SEED_ARTICLE_PATH, SEED_WIRE_PATH } from '../helpers/seed.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/ntb');
const wireOf = async (path: string) => parseWire(decodeWireText(await readFile(path)));

describe('deriveHeadline', () => {
  it('keeps a short first sentence, without its full stop', () => {
    assert.equal(deriveHeadline('Syntetisk kort setning. Og en til.'), 'Syntetisk kort setning');
  });
  it('cuts a long sentence at a comma that fits', () => {
    assert.equal(
      deriveHeadline(
        'Putin kalte Xi for en «nær venn», og sa at Russlands bånd til Kina er sterkere enn noen gang før. De to hadde flere møter.',
      ),
      'Putin kalte Xi for en «nær venn»',
    );
  });
  it('cuts at a word boundary when there is no comma', () => {
    const headline = deriveHeadline(`${'syntetisk '.repeat(12)}slutt.`);
    assert.ok(headline.length <= MAX_HEADLINE_LENGTH);
    assert.ok(!headline.endsWith(' '));
    assert.match(headline, /^(syntetisk ?)+$/);
  });
  it('does not end a sentence at a date or an abbreviation in lowercase', () => {
    assert.equal(firstSentence('Møtet er 2. september i Oslo. Neste setning.'), 'Møtet er 2. september i Oslo.');
  });
});

describe('wireToArticle', () => {
  it('reproduces the committed seed article byte for byte', async () => {
    const article = wireToArticle(await wireOf(SEED_WIRE_PATH), {
      title: 'Putin kalte Xi for en «nær venn»',
      slug: 'putin-kalte-xi-for-en-naer-venn',
      tags: ['Russland', 'Kina'],
    });
    assert.equal(article.markdown, await readFile(SEED_ARTICLE_PATH, 'utf8'));
    assert.equal(article.path, 'articles/2025/09/02/putin-kalte-xi-for-en-naer-venn.md');
  });

  it('derives the same headline and slug from the seed without flags', async () => {
    const article = wireToArticle(await wireOf(SEED_WIRE_PATH));
    assert.equal(article.title, 'Putin kalte Xi for en «nær venn»');
    assert.equal(article.titleWasDerived, true);
    assert.equal(article.permalink, '/2025/09/02/putin-kalte-xi-for-en-naer-venn/');
  });

  it('writes frontmatter that passes the collection schema, with the credit as the wire gave it', async () => {
    const article = wireToArticle(await wireOf(join(FIXTURES, 'basic.txt')), { tags: ['Test'] });
    const { article: checked, problems } = readFrontmatter('basic.md', article.markdown);
    assert.deepEqual(problems, []);
    assert.equal(checked.data?.photo?.credit, 'Test Fotograf / Testbyrå / NTB');
    assert.deepEqual(checked.data?.tags, ['Test']);
    assert.equal(checked.data?.source, 'NTB');
  });

  it('escapes markdown so that every word renders as the wire wrote it', async () => {
    const wire = await wireOf(join(FIXTURES, 'markdown-characters.txt'));
    const article = wireToArticle(wire, { title: 'Syntetisk' });
    const body = article.markdown.split('---\n').slice(2).join('---\n');
    const { html } = await renderMarkdown(body);
    const paragraphs = [...html.matchAll(/<p>(.*?)<\/p>/g)].map((match) => match[1]);
    assert.deepEqual(paragraphs, [
      '# Ikke en overskrift, men et syntetisk avsnitt med *stjerner*, _understrek_ og &#x3C;b>html&#x3C;/b>.',
      '1. Dette er ikke en liste, bare et syntetisk avsnitt som starter med et tall.',
      '- Heller ikke dette er en liste, sa testen.',
    ]);
  });
});
