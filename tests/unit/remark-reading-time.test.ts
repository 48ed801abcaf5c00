import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import remarkReadingTime, { WORDS_PER_MINUTE } from '../../src/markdown/remark-reading-time.ts';
import { renderMarkdown } from '../helpers/markdown.ts';

const minutes = async (markdown: string) =>
  (await renderMarkdown(markdown, { remark: [remarkReadingTime] })).frontmatter.readingMinutes;

describe('remark-reading-time', () => {
  it('gives at least one minute', async () => {
    assert.equal(await minutes('Kort.'), 1);
  });
  it('rounds up to whole minutes', async () => {
    assert.equal(await minutes('ord '.repeat(WORDS_PER_MINUTE)), 1);
    assert.equal(await minutes('ord '.repeat(WORDS_PER_MINUTE + 1)), 2);
  });
  it('counts words in headings and emphasis, and not lone punctuation', async () => {
    const words = `## Overskrift her\n\n${'*ord* – '.repeat(WORDS_PER_MINUTE - 1)}`;
    assert.equal(await minutes(words), 2);
  });
});
