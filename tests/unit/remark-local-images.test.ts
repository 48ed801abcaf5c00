import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import remarkLocalImages from '../../src/markdown/remark-local-images.ts';
import { renderMarkdown } from '../helpers/markdown.ts';

/** An article folder with a photo in it, and a file outside it. */
async function articleFolder() {
  const root = await mkdtemp(join(tmpdir(), 'nyhetsleser-images-'));
  const folder = join(root, 'articles/2025/09/02');
  await mkdir(join(folder, 'undermappe'), { recursive: true });
  await copyFile('tests/fixtures/content/articles/2025/01/15/testbilde.png', join(folder, 'foto.png'));
  await writeFile(join(folder, 'notater.png'), 'syntetisk tekst, ikke et bilde');
  await writeFile(
    join(folder, 'tegning.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
  );
  await writeFile(join(root, 'hemmelig.png'), 'syntetisk');
  await symlink(join(root, 'hemmelig.png'), join(folder, 'lenke.png'));
  return { article: join(folder, 'sak.md') };
}

const render = async (markdown: string, path: string) =>
  renderMarkdown(markdown, { remark: [remarkLocalImages], path });

describe('remark-local-images', () => {
  it('keeps a photo beside the article, and photos from other sites', async () => {
    const { article } = await articleFolder();
    const { html, report } = await render('![Alt](./foto.png)\n\n![Alt](https://ntb.no/foto.jpg)', article);
    assert.match(html, /src="\.\/foto\.png"/);
    assert.match(html, /src="https:\/\/ntb\.no\/foto\.jpg"/);
    assert.equal(report, undefined);
  });
  it('reports and leaves out a photo that is missing, outside the folder, behind a link out of it, or a folder', async () => {
    const { article } = await articleFolder();
    const markdown =
      '![a](./borte.png)\n\n![b](../../../../hemmelig.png)\n\n![c](./lenke.png)\n\n![d](./undermappe)\n\n![e][ref]\n\n[ref]: ../../../../hemmelig.png\n';
    const { html, report } = await render(markdown, article);
    assert.doesNotMatch(html, /<img/);
    assert.deepEqual(report?.problems, [
      {
        line: 1,
        severity: 'error',
        message:
          'shows the photo "./borte.png", which does not exist: put the photo next to the article or fix the path',
      },
      {
        line: 3,
        severity: 'error',
        message:
          'shows the photo "../../../../hemmelig.png", which is outside the article\'s folder: put the photo next to the article',
      },
      {
        line: 5,
        severity: 'error',
        message:
          'shows the photo "./lenke.png", which is outside the article\'s folder: put the photo next to the article',
      },
      {
        line: 7,
        severity: 'error',
        message: 'shows the photo "./undermappe", which is not a file: name the photo file itself',
      },
      {
        line: 9,
        severity: 'error',
        message:
          'shows the photo "../../../../hemmelig.png", which is outside the article\'s folder: put the photo next to the article',
      },
    ]);
  });
  it('reports a file that is not a photo Astro can read, by its bytes and not its name, and an SVG', async () => {
    const { article } = await articleFolder();
    const { report } = await render('![a](./notater.png)\n\n![b](./tegning.svg)\n', article);
    const message = 'is not a JPEG, PNG, WebP, AVIF or GIF photo: give the photo in one of those formats';
    assert.deepEqual(
      report?.problems.map(({ line, message }) => `${line} ${message}`),
      [`1 shows the photo "./notater.png", which ${message}`, `3 shows the photo "./tegning.svg", which ${message}`],
    );
  });
  it('reports a path it cannot decode', async () => {
    const { article } = await articleFolder();
    const { report } = await render('![a](./foto%E0%A4%A.png)', article);
    assert.equal(
      report?.problems[0]?.message,
      'shows the photo "./foto%E0%A4%A.png", which is not a valid path: write a percent sign as %25',
    );
  });
});
