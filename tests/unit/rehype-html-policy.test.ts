import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { dangers, VECTORS } from '../fixtures/xss-vectors.ts';
import { renderArticleBody } from '../helpers/markdown.ts';

/** Markdown as a pipeline without the policy would render it. */
const unguarded = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeStringify);

/** An unterminated <script> takes the rest of the document for its text, in browsers too: nothing after it survives. */
const SWALLOWS_THE_REST = new Set(['<SCRIPT SRC=https://xss.example/xss.js?< B >']);

describe('the HTML policy against OWASP XSS vectors', () => {
  for (const vector of VECTORS) {
    it(`renders inert: ${vector.slice(0, 70)}`, async () => {
      const { html: code } = await renderArticleBody(`Syntetisk avsnitt.\n\n${vector}\n\nSiste syntetiske avsnitt.\n`);
      assert.deepEqual(dangers(code), [], code);
      if (!SWALLOWS_THE_REST.has(vector))
        assert.match(code, /Siste syntetiske avsnitt\./, 'the text after the vector survives');
    });
  }

  it('is reported by the pipeline wherever a pipeline without the policy would be unsafe', async () => {
    const dangerous = VECTORS.filter((vector) => dangers(String(unguarded.processSync(vector))).length > 0);
    assert.ok(dangerous.length > 30, `${dangerous.length} vectors are dangerous unguarded`);
    const unreported = [];
    for (const vector of dangerous) {
      const { report } = await renderArticleBody(vector);
      if (!report.problems.some(({ severity }) => severity === 'error')) unreported.push(vector);
    }
    assert.deepEqual(unreported, []);
  });

  it('names the line of what it removed', async () => {
    const { report } = await renderArticleBody(
      'Syntetisk.\n\n<span style="color: red">rød</span>\n\n<script>x()</script>\n',
    );
    assert.deepEqual(report.problems, [
      { line: 3, severity: 'error', message: 'style="color: red" on <span> is not allowed: remove it' },
      { line: 5, severity: 'error', message: '<script> is not allowed in an article: remove it' },
    ]);
  });
});

describe('the HTML policy lets through what articles may use', () => {
  it('keeps text markup, tables, details, and embeds from allowed hosts', async () => {
    const markdown = [
      'Tekst med <b>fet</b>, <i>kursiv</i>, <sup>1</sup> og <abbr title="Norsk telegrambyrå">NTB</abbr>.',
      '<details><summary>Mer</summary>Skjult tekst.</details>',
      '<iframe src="https://www.youtube-nocookie.com/embed/syntetisk" title="Syntetisk video"></iframe>',
      '| a | b |\n| - | - |\n| 1 | 2 |',
    ].join('\n\n');
    const { html: code, report } = await renderArticleBody(markdown);
    for (const kept of [
      '<b>fet</b>',
      '<sup>1</sup>',
      '<abbr title="Norsk telegrambyrå">',
      '<details>',
      '<iframe src="https://www.youtube-nocookie.com/embed/syntetisk"',
      '<table>',
    ]) {
      assert.ok(code.includes(kept), `${kept} in ${code}`);
    }
    assert.deepEqual(report.problems, []);
  });
});
