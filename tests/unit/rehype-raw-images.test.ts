import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderArticleBody } from '../helpers/markdown.ts';

describe('rehype-raw-images', () => {
  it('reports and leaves out an HTML photo by file path, which would not be published', async () => {
    const { html, report } = await renderArticleBody('Tekst.\n\n<img src="./foto.png" alt="Syntetisk">\n');
    assert.doesNotMatch(html, /<img/);
    assert.deepEqual(report.problems, [
      {
        line: 3,
        severity: 'error',
        message:
          '<img src="./foto.png"> does not publish the photo: write it in markdown, ![what it shows](./foto.png)',
      },
    ]);
  });
  it('reports an address that cannot be read, which would stop Astro', async () => {
    const { report } = await renderArticleBody('<img src="https://bilder.example/%E0%A4%A.png" alt="x">');
    assert.match(report.problems[0]?.message ?? '', /is not a valid address: write a percent sign as %25/);
  });
  it('keeps a remote HTML photo', async () => {
    const { html, report } = await renderArticleBody('<img src="https://bilder.example/x.png" alt="Syntetisk">');
    assert.match(html, /<img src="https:\/\/bilder\.example\/x\.png"/);
    assert.deepEqual(report.problems, []);
  });
});
