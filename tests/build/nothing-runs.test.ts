import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { describe, it } from 'node:test';
import type { Element as HtmlElement } from 'hast';
import { isElement } from 'hast-util-is-element';
import { rehype } from 'rehype';
import { remove } from 'unist-util-remove';
import { visit } from 'unist-util-visit';
import type { Element as XmlElement, Root as XmlRoot } from 'xast';
import { fromXml } from 'xast-util-from-xml';
import { toString as xmlText } from 'xast-util-to-string';
import { BUILDS } from '../helpers/builds.ts';
import { all } from '../helpers/hast.ts';
import { dangers } from '../fixtures/xss-vectors.ts';

/**
 * Nothing from content runs, in any kind of file a build writes: the fixture
 * site holds an article whose headline, tag and code try to break out (see
 * hostile-frontmatter.test.ts). Pages may run only their own scripts; feeds,
 * sitemaps and SVG hold no script or handler, and the HTML inside a feed
 * holds nothing that runs; JSON is data.
 */

const build = BUILDS.fixture;
const files = (await readdir(build.dir, { recursive: true })).map(String).sort();
const URL_SCHEMES = /^\s*(javascript|vbscript|data):/i;

/** Handlers and script URLs anywhere on a page, and scripts other than the page's own. */
function pageDangers(file: string, html: string): string[] {
  const page = rehype().parse(html);
  const found: string[] = [];
  visit(page, 'element', (node: HtmlElement) => {
    for (const [name, value] of Object.entries(node.properties)) {
      if (/^on/i.test(name)) found.push(`${file}: ${name} on <${node.tagName}>`);
      if (typeof value === 'string' && URL_SCHEMES.test(value) && name !== 'content') {
        found.push(`${file}: ${name}=${value} on <${node.tagName}>`);
      }
    }
    const { type, src } = node.properties;
    if (node.tagName === 'script' && !(type === 'application/ld+json' || type === 'module')) {
      found.push(`${file}: a <script> of type ${String(type)}`);
    }
    if (node.tagName === 'script' && src !== undefined && !/^\/(?:arkiv\/)?(?:_astro|pagefind)\//.test(String(src))) {
      found.push(`${file}: a script from ${String(src)}`);
    }
  });
  // What content fills is the main part; the site's own share script and search form are set aside.
  for (const main of all(page, 'main')) {
    const content = structuredClone(main);
    remove(content, (node) =>
      isElement(node, 'script')
        ? node.properties.type === 'module'
        : isElement(node, 'form') && node.properties.role === 'search',
    );
    found.push(...dangers({ type: 'root', children: [content] }).map((danger) => `${file}: ${danger}`));
  }
  return found;
}

/** Script elements, handlers and script URLs in XML, and what runs in the HTML a feed carries as text. */
function xmlDangers(file: string, xml: string): string[] {
  const found: string[] = [];
  visit(fromXml(xml) as XmlRoot, 'element', (node: XmlElement) => {
    if (/(^|:)script$/i.test(node.name)) found.push(`${file}: <${node.name}>`);
    for (const [name, value] of Object.entries(node.attributes)) {
      if (/^on/i.test(name) || (typeof value === 'string' && URL_SCHEMES.test(value))) {
        found.push(`${file}: ${name}=${value} on <${node.name}>`);
      }
    }
    if (node.name === 'content:encoded' || node.name === 'description') {
      found.push(...dangers(xmlText(node)).map((danger) => `${file} <${node.name}>: ${danger}`));
    }
  });
  return found;
}

describe(`every file the ${build.name} build writes`, () => {
  it('holds nothing from content that runs, whatever kind of file it is', async () => {
    const found: string[] = [];
    const kinds = new Set<string>();
    for (const file of files) {
      const kind = extname(file);
      if (!['.html', '.svg', '.xml', '.json'].includes(kind)) continue;
      kinds.add(kind);
      const text = await readFile(join(build.dir, file), 'utf8');
      if (kind === '.html') found.push(...pageDangers(file, text));
      if (kind === '.svg' || kind === '.xml') found.push(...xmlDangers(file, text));
      if (kind === '.json') assert.doesNotThrow(() => JSON.parse(text), file);
    }
    assert.deepEqual(found, []);
    assert.deepEqual([...kinds].sort(), ['.html', '.json', '.svg', '.xml'], 'every kind of file was read');
  });
});
