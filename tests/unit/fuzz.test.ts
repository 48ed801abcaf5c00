import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { readFrontmatter } from '../../src/content/frontmatter.ts';
import { wireToArticle } from '../../scripts/ntb/article.ts';
import { decodeWireText, parseWire, WireFormatError } from '../../scripts/ntb/wire.ts';
import { SLUG_PATTERN, slugify, transliterate } from '../../src/markdown/slug.ts';
import { renderArticleBody } from '../helpers/markdown.ts';

/**
 * Property tests on random and hostile text. Every run must end in valid
 * output or a typed error: never another exception, never a hang. `npm test`
 * runs a modest number; `npm run fuzz` runs many more (FUZZ_RUNS).
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const options = { numRuns: RUNS, interruptAfterTimeLimit: 120_000 };

const loneSurrogates = fc.string({
  unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)),
});
const controlCharacters = fc.string({
  unit: fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code)),
});
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.string({ unit: 'grapheme', maxLength: 400 }),
  loneSurrogates,
  controlCharacters,
  fc.constantFrom('æøå ÆØÅ «» – —', '\u2028\u2029\ufeff\u200b', '🇳🇴👩‍👩‍👧', 'a'.repeat(20_000)),
);
const paragraphs = fc.array(
  fc.oneof(anyText, fc.constantFrom('– Alltid sammen', '– Vi var der, sa hun.', 'Stikk mot Vesten')),
  { maxLength: 8 },
);
/** Wire texts: mostly in the NTB shape, with hostile parts, and some that are anything at all. */
const wireTexts = fc.oneof(
  anyText,
  fc
    .tuple(
      fc.constantFrom('date 2025-09-02', 'date 2025-02-30', '  date 2024-02-29', 'date 20250902', 'date'),
      anyText,
      paragraphs,
    )
    .map(([date, caption, body]) =>
      [`${date} ${caption}`, ...body].join(fc.sample(fc.constantFrom('\n\n', '\r\n\r\n', '\n'), 1)[0]),
    ),
);

describe('fuzzing the NTB import', () => {
  it('parses or refuses with a WireFormatError, and what it parses becomes a valid article', () => {
    fc.assert(
      fc.property(wireTexts, (text) => {
        let markdown: string;
        try {
          markdown = wireToArticle(parseWire(decodeWireText(new TextEncoder().encode(text)))).markdown;
        } catch (error) {
          if (error instanceof WireFormatError) return;
          throw error;
        }
        assert.deepEqual(readFrontmatter('fuzz.md', markdown).problems, []);
      }),
      options,
    );
  });

  it('refuses random bytes cleanly', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        try {
          parseWire(decodeWireText(bytes));
        } catch (error) {
          if (!(error instanceof WireFormatError)) throw error;
        }
      }),
      options,
    );
  });
});

describe('fuzzing slugs', () => {
  it('always gives an ASCII slug, or nothing, within the length asked for', () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 1, max: 120 }), (text, maxLength) => {
        const slug = slugify(text, maxLength);
        assert.ok(slug === '' || SLUG_PATTERN.test(slug), JSON.stringify(slug));
        assert.ok(slug.length <= maxLength);
        assert.equal(slugify(slug, maxLength), slug, 'a slug is its own slug');
        assert.doesNotMatch(transliterate(text), /[æøåÆØÅ]/);
      }),
      options,
    );
  });
});

describe('fuzzing the content check', () => {
  it('reports problems and never throws, whatever the file holds', () => {
    fc.assert(
      fc.property(anyText, anyText, (frontmatter, body) => {
        const { problems } = readFrontmatter('fuzz.md', `---\n${frontmatter}\n---\n${body}`);
        for (const problem of problems) assert.equal(typeof problem.message, 'string');
      }),
      options,
    );
  });
});

describe('fuzzing the markdown pipeline', async () => {
  const markdown = fc.oneof(
    anyText,
    fc
      .array(
        fc.oneof(
          anyText,
          fc.constantFrom(
            '## – Alltid sammen',
            '<script>alert(1)</script>',
            '![x](javascript:x "a | b")',
            '> > > sitat',
          ),
        ),
        {
          maxLength: 12,
        },
      )
      .map((blocks) => blocks.join('\n\n')),
    fc.integer({ min: 1, max: 3000 }).map((depth) => `${'> '.repeat(depth)}dypt`),
    fc
      .integer({ min: 1, max: 3000 })
      .map((count) => Array.from({ length: count }, (_, index) => `## Overskrift ${index % 7}`).join('\n\n')),
    fc.integer({ min: 1, max: 2000 }).map((depth) => `${'<div>'.repeat(depth)}tekst${'</div>'.repeat(depth)}`),
  );

  it('renders anything to HTML with no script in it, and reports nesting past the limit instead of throwing', async () => {
    await fc.assert(
      fc.asyncProperty(markdown, async (text) => {
        const { html: code, report } = await renderArticleBody(text);
        if (report.problems.some(({ message }) => message.startsWith('nests '))) assert.equal(code, '');
        visit(fromHtml(code, { fragment: true }), 'element', (node) => {
          assert.notEqual(node.tagName, 'script');
          for (const name of Object.keys(node.properties)) assert.doesNotMatch(name, /^on/i);
        });
      }),
      { ...options, numRuns: Math.max(10, Math.round(RUNS / 3)) },
    );
  });
});
