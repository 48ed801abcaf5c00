import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import {
  assertNestingLimit,
  MAX_NESTING,
  NestingLimitError,
  rawHtmlDepth,
  treeDepth,
} from '../../src/markdown/nesting-limit.ts';

const markdown = (text: string) => unified().use(remarkParse).parse(text);

describe('rawHtmlDepth', () => {
  it('counts opening tags down and closing tags up', () => {
    assert.equal(rawHtmlDepth('<div><p><b>x</b></p></div>'), 3);
    assert.equal(rawHtmlDepth('<div></div><div></div>'), 1);
  });
  it('does not count void or self-closed elements, or > inside attribute values', () => {
    assert.equal(rawHtmlDepth('<p><br><img src="a>b" alt=\'>\'><span/></p>'), 1);
  });
  it('counts unclosed tags as open', () => {
    assert.equal(rawHtmlDepth('<div><div><div>'), 3);
  });
});

describe('assertNestingLimit', () => {
  it('passes ordinary nesting', () => {
    assert.doesNotThrow(() => assertNestingLimit(markdown('> sitat\n>\n> - punkt\n>   - underpunkt')));
  });
  it('refuses quotes nested past the limit, without overflowing the stack', () => {
    const deep = markdown(`${'> '.repeat(5000)}dypt`);
    assert.ok(treeDepth(deep) > 5000);
    assert.throws(() => assertNestingLimit(deep), NestingLimitError);
  });
  it('refuses raw HTML nested past the limit before anything parses it', () => {
    const html = (depth: number) => markdown(`${'<div>'.repeat(depth)}x${'</div>'.repeat(depth)}`);
    assert.doesNotThrow(() => assertNestingLimit(html(MAX_NESTING - 1)));
    assert.throws(() => assertNestingLimit(html(MAX_NESTING + 1)), /nests \d+ levels deep, more than the 100/);
  });
});
