import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { htmlPolicyViolations } from '../../src/lib/html-policy.ts';
import { rehypePlugins, remarkPlugins } from '../../src/markdown/index.ts';

/**
 * The XSS filter-evasion vectors from OWASP's cheat sheet that can be written
 * in markdown or its raw HTML, each run through the site's own pipeline.
 */
const VECTORS = [
  `<script>alert(1)</script>`,
  `<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>`,
  `<IMG SRC="javascript:alert('XSS');">`,
  `<IMG SRC=javascript:alert('XSS')>`,
  `<IMG SRC=JaVaScRiPt:alert('XSS')>`,
  '<IMG SRC=`javascript:alert("RSnake says, \'XSS\'")`>',
  `<a onmouseover="alert(document.cookie)">xxs link</a>`,
  `<IMG """><SCRIPT>alert("XSS")</SCRIPT>"\\>`,
  `<IMG SRC=javascript:alert(String.fromCharCode(88,83,83))>`,
  `<IMG SRC=# onmouseover="alert('xxs')">`,
  `<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>`,
  `<img src=x onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041">`,
  `<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>`,
  `<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>`,
  `<IMG SRC="jav\tascript:alert('XSS');">`,
  `<IMG SRC="jav&#x09;ascript:alert('XSS');">`,
  `<IMG SRC="jav&#x0A;ascript:alert('XSS');">`,
  `<IMG SRC=" &#14;  javascript:alert('XSS');">`,
  `<SCRIPT/XSS SRC="https://xss.example/xss.js"></SCRIPT>`,
  '<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert("XSS")>',
  `<<SCRIPT>alert("XSS");//\\<</SCRIPT>`,
  `<SCRIPT SRC=https://xss.example/xss.js?< B >`,
  `<iframe src=https://xss.example/scriptlet.html <`,
  `<svg/onload=alert('XSS')>`,
  `<svg><script>alert(1)</script></svg>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>`,
  `<BODY BACKGROUND="javascript:alert('XSS')">`,
  `<IMG DYNSRC="javascript:alert('XSS')">`,
  `<IMG LOWSRC="javascript:alert('XSS')">`,
  `<STYLE>li {list-style-image: url("javascript:alert('XSS')");}</STYLE><UL><LI>XSS</br>`,
  `<LINK REL="stylesheet" HREF="javascript:alert('XSS');">`,
  `<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert('XSS');">`,
  `<IFRAME SRC="javascript:alert('XSS');"></IFRAME>`,
  `<FRAMESET><FRAME SRC="javascript:alert('XSS');"></FRAMESET>`,
  `<TABLE BACKGROUND="javascript:alert('XSS')">`,
  `<DIV STYLE="background-image: url(javascript:alert('XSS'))">`,
  `<DIV STYLE="width: expression(alert('XSS'));">`,
  `<OBJECT TYPE="text/x-scriptlet" DATA="https://xss.example/scriptlet.html"></OBJECT>`,
  `<EMBED SRC="data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH A6Ly93d3cudzMub3JnLzIwMDAvc3ZnIiB4bWxucz0iaHR0cDovL3d3dy53My5vcmcv">`,
  `<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>`,
  `<BASE HREF="javascript:alert('XSS');//">`,
  `<form action="javascript:alert(1)"><button formaction="javascript:alert(2)">x</button></form>`,
  `<input onfocus=alert(1) autofocus>`,
  `<details open ontoggle=alert(1)>`,
  `[lenke](javascript:alert(1))`,
  `[lenke](JaVaScRiPt:alert(1))`,
  `[lenke](&#x6A;avascript:alert(1))`,
  `![bilde](javascript:alert(1))`,
  `[lenke](data:text/html,<script>alert(1)</script>)`,
  `<javascript:alert(1)>`,
  `[lenke][ref]\n\n[ref]: javascript:alert(1)`,
  `<a href="vbscript:msgbox(1)">x</a>`,
  `<iframe src="https://xss.example/embed"></iframe>`,
];

const DANGEROUS_ELEMENTS = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'frame',
  'frameset',
  'base',
  'meta',
  'link',
  'form',
  'svg',
  'math',
  'body',
]);
const URL_ATTRIBUTES = [
  'href',
  'src',
  'action',
  'formAction',
  'background',
  'dynsrc',
  'lowsrc',
  'data',
  'srcSet',
  'poster',
  'xLinkHref',
];

/** Everything in rendered HTML that could run script. */
function dangers(html: string): string[] {
  const tree: Root = fromHtml(html, { fragment: true });
  const found: string[] = [];
  visit(tree, 'element', (node: Element) => {
    if (DANGEROUS_ELEMENTS.has(node.tagName)) found.push(`<${node.tagName}>`);
    for (const [name, value] of Object.entries(node.properties)) {
      if (/^on/i.test(name)) found.push(`${name} on <${node.tagName}>`);
      if (name === 'style') found.push(`style on <${node.tagName}>`);
      const text = String(Array.isArray(value) ? value.join(' ') : value).replace(/[\u0000-\u0020]/g, '');
      if (URL_ATTRIBUTES.includes(name) && /^(javascript|vbscript|data):/i.test(text))
        found.push(`${name}=${text} on <${node.tagName}>`);
    }
  });
  return found;
}

const processor = await createMarkdownProcessor({
  remarkPlugins,
  rehypePlugins,
  smartypants: false,
  syntaxHighlight: false,
});

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
      const { code } = await processor.render(`Syntetisk avsnitt.\n\n${vector}\n\nSiste syntetiske avsnitt.\n`);
      assert.deepEqual(dangers(code), [], code);
      if (!SWALLOWS_THE_REST.has(vector))
        assert.match(code, /Siste syntetiske avsnitt\./, 'the text after the vector survives');
    });
  }

  it('is reported by the content check wherever a pipeline without the policy would be unsafe', () => {
    const dangerous = VECTORS.filter((vector) => dangers(String(unguarded.processSync(vector))).length > 0);
    assert.ok(dangerous.length > 30, `${dangerous.length} vectors are dangerous unguarded`);
    assert.deepEqual(
      dangerous.filter((vector) => htmlPolicyViolations(vector).length === 0),
      [],
    );
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
    const { code } = await processor.render(markdown);
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
    assert.deepEqual(htmlPolicyViolations(markdown), []);
  });
});
