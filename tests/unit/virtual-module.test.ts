import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { virtualModule } from '../../src/site/virtual-module.ts';

type Hook = (this: unknown, source: string) => unknown;
const call = (hook: unknown, source: string) => (hook as Hook).call({}, source);

describe('virtualModule', () => {
  const value = { articles: [{ title: 'Syntetisk «sak» – æøå', tags: ['Helse'] }], quote: '"\\\u2028' };
  const plugin = virtualModule('virtual:test/value', value);

  it('resolves its own name and no other', () => {
    assert.equal(call(plugin.resolveId, 'virtual:test/value'), '\0virtual:test/value');
    assert.equal(call(plugin.resolveId, 'virtual:test/other'), undefined);
  });

  it('serves the value as the default export', async () => {
    const { code } = call(plugin.load, '\0virtual:test/value') as { code: string };
    const module = await import(`data:text/javascript,${encodeURIComponent(code)}`);
    assert.deepEqual(module.default, value);
  });

  it('serves the module without a source map, which would hold the value a second time', () => {
    const loaded = call(plugin.load, '\0virtual:test/value') as { map: { mappings: string } };
    assert.deepEqual(loaded.map, { mappings: '' });
  });

  it('loads nothing for another module', () => {
    assert.equal(call(plugin.load, '\0virtual:test/other'), undefined);
  });
});
