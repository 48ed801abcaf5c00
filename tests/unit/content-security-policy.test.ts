import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EMBED_HOSTS, IMAGE_SCHEMES, isAllowedEmbed } from '../../src/markdown/html-policy.ts';
import { PAGE_DIRECTIVES, PAGE_HEADER_POLICY } from '../../src/site/content-security-policy.ts';

/** The sources a page directive lists, as in `frame-src a b` → [a, b]. */
function sources(name: string): string[] {
  const directive = PAGE_DIRECTIVES.find((directive) => directive.startsWith(`${name} `));
  assert.ok(directive, `the page policy has ${name}`);
  return directive.split(' ').slice(1);
}

describe('the page CSP and the HTML policy', () => {
  it('allows a frame from every embed host, over https', () => {
    for (const host of EMBED_HOSTS) assert.ok(sources('frame-src').includes(`https://${host}`), host);
  });

  it('allows no frame the HTML policy would remove', () => {
    for (const source of sources('frame-src')) assert.ok(isAllowedEmbed(`${source}/embed/syntetisk`), source);
    for (const src of [
      'http://player.vimeo.com/video/1',
      'https://player.vimeo.com:8443/video/1',
      'https://www.youtube.com/embed/x',
    ])
      assert.equal(isAllowedEmbed(src), false, src);
  });

  it('allows images from every scheme the HTML policy lets an image have', () => {
    for (const scheme of IMAGE_SCHEMES) assert.ok(sources('img-src').includes(`${scheme}:`), scheme);
  });

  it('sends as a header what needs no hash, and frame-ancestors, which a meta tag cannot carry', () => {
    const header = PAGE_HEADER_POLICY.split('; ');
    assert.deepEqual(
      header.filter((directive) => !(PAGE_DIRECTIVES as readonly string[]).includes(directive)),
      ["frame-ancestors 'none'"],
    );
    assert.deepEqual(
      PAGE_DIRECTIVES.filter((directive) => !header.includes(directive)),
      ["default-src 'self'"],
    );
  });
});
