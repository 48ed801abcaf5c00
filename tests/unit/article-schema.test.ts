import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'astro/zod';
import { articleSchema, lastChanged, withPhotoFile } from '../../src/content/schema.ts';

const valid = { title: 'Tittel', published: '2025-09-02', source: 'NTB' };

function problems(frontmatter: Record<string, unknown>): Record<string, string> {
  const result = articleSchema.safeParse(frontmatter);
  assert.equal(result.success, false, 'expected the frontmatter to be refused');
  return Object.fromEntries(
    result.error?.issues.map((issue) => [issue.path.join('.') || issue.code, issue.message]) ?? [],
  );
}

describe('articleSchema', () => {
  it('accepts the smallest article and fills in defaults', () => {
    const data = articleSchema.parse(valid);
    assert.deepEqual(data.tags, []);
    assert.equal(data.published.toISOString(), '2025-09-01T22:00:00.000Z');
  });
  it('names a missing title and source', () => {
    const found = problems({ published: '2025-09-02' });
    assert.match(found.title ?? '', /is missing/);
    assert.match(found.source ?? '', /is missing/);
  });
  it('refuses an empty title', () => {
    assert.match(problems({ ...valid, title: '   ' }).title ?? '', /is empty/);
  });
  it('refuses a missing, impossible or malformed date', () => {
    assert.match(problems({ ...valid, published: undefined }).published ?? '', /is missing/);
    assert.match(problems({ ...valid, published: '2025-02-30' }).published ?? '', /"2025-02-30" is not a real date/);
    assert.match(problems({ ...valid, published: 20250902 }).published ?? '', /must be a date/);
  });
  it('refuses an update before publication', () => {
    assert.match(problems({ ...valid, updated: '2025-09-01' }).updated ?? '', /before `published`/);
  });
  it('refuses a slug that is not lowercase ASCII', () => {
    assert.match(problems({ ...valid, slug: 'Møte-i-Beijing' }).slug ?? '', /lowercase ASCII/);
  });
  it('requires alt text for a photo file, and a caption for any photo', () => {
    assert.match(problems({ ...valid, photo: { src: './a.jpg', caption: 'Tekst' } })['photo.alt'] ?? '', /alt text/);
    assert.match(problems({ ...valid, photo: { credit: 'NTB' } })['photo.caption'] ?? '', /is missing/);
  });
  it('accepts a photo with only a caption and credit, as the wire sends it', () => {
    const data = articleSchema.parse({ ...valid, photo: { caption: 'Tekst.', credit: 'Name / AP / NTB' } });
    assert.equal(data.photo?.credit, 'Name / AP / NTB');
  });
  it('takes an agency story id, version and dateline, and refuses a version that is not a whole number', () => {
    const data = articleSchema.parse({ ...valid, storyId: 'NTB-syntetisk-1', storyVersion: 2, dateline: 'Oslo' });
    assert.deepEqual([data.storyId, data.storyVersion, data.dateline], ['NTB-syntetisk-1', 2, 'Oslo']);
    assert.match(problems({ ...valid, storyVersion: 1.5 }).storyVersion ?? '', /whole number/);
    assert.match(problems({ ...valid, storyVersion: -1 }).storyVersion ?? '', /whole number/);
  });
  it('refuses unknown fields, so that typos are caught', () => {
    assert.ok(problems({ ...valid, tittel: 'x' }).unrecognized_keys);
  });
});

describe('withPhotoFile, the collection schema', () => {
  // Stands in for Astro's image(), which reads the path into the photo's metadata.
  const photoFile = z.string().transform((path) => ({ file: path, width: 1200 }));
  const schema = withPhotoFile(photoFile);
  const photo = { caption: 'Tekst.', alt: 'Et syntetisk bilde', credit: 'NTB' };

  it('reads the photo path with the given file schema, and keeps every other field as articleSchema reads it', async () => {
    const data = await schema.parseAsync({ ...valid, photo: { src: ' ./bilde.jpg ', ...photo }, tags: ['Kina'] });
    assert.deepEqual(data.photo, { src: { file: './bilde.jpg', width: 1200 }, ...photo });
    assert.deepEqual(data.tags, ['Kina']);
    assert.equal(data.published.toISOString(), '2025-09-01T22:00:00.000Z');
  });
  it('leaves an article without a photo, or with a caption alone, as it is', async () => {
    assert.equal('photo' in (await schema.parseAsync(valid)), false);
    assert.deepEqual((await schema.parseAsync({ ...valid, photo: { caption: 'Tekst.' } })).photo, {
      caption: 'Tekst.',
    });
  });
  it('names the photo path where the file schema refuses it, and the fields where articleSchema does', async () => {
    const missing = withPhotoFile(z.string().refine(() => false, { error: 'Image ./borte.jpg does not exist' }));
    const refused = await missing.safeParseAsync({ ...valid, photo: { src: './borte.jpg', ...photo } });
    assert.deepEqual(
      refused.error?.issues.map(({ path, message }) => [path.join('.'), message]),
      [['photo.src', 'Image ./borte.jpg does not exist']],
    );
    const invalid = await schema.safeParseAsync({ ...valid, title: ' ', photo: { src: './a.jpg', caption: 'Tekst' } });
    assert.deepEqual(invalid.error?.issues.map(({ path }) => path.join('.')).sort(), ['photo.alt', 'title']);
  });
});

describe('articleSchema, limits', () => {
  it('refuses a headline longer than 200 characters, and says how long it is', () => {
    assert.equal(articleSchema.safeParse({ ...valid, title: 'a'.repeat(200) }).success, true);
    assert.equal(
      problems({ ...valid, title: 'a'.repeat(201) }).title,
      'is 201 characters, more than the 200 a headline may have: shorten it',
    );
  });
  it('refuses dates before 1900 or more than a year ahead, which are mistyped years', () => {
    const nextYear = new Date().getFullYear() + 1;
    for (const published of ['0000-01-01', '1899-12-31', `${nextYear + 1}-01-01`]) {
      assert.equal(
        problems({ ...valid, published }).published,
        `"${published}" is before 1900 or more than a year from now: check the year`,
      );
    }
    for (const published of ['1900-01-01', `${nextYear - 1}-12-31`]) {
      assert.equal(articleSchema.safeParse({ ...valid, published }).success, true, published);
    }
  });
  it('refuses a tag with no letters or digits for its topic address, and names an empty one once', () => {
    assert.match(problems({ ...valid, tags: ['Kina', '!!!'] })['tags.1'] ?? '', /no letters or digits/);
    assert.equal(problems({ ...valid, tags: [''] })['tags.0'], 'is empty: write the tag or remove the line');
  });
  it('refuses a redirect from a path with a dot: a .. part, or a file the build writes', () => {
    for (const path of ['/2025/../sok/', '/card.png/', '/index.html/']) {
      assert.match(
        problems({ ...valid, redirectFrom: [path] })['redirectFrom.0'] ?? '',
        /lowercase letters, digits and - _ ~/,
      );
    }
  });
});

describe('articleSchema, corrections', () => {
  it('reads each correction with its date, and knows the article last changed at the latest', () => {
    const data = articleSchema.parse({
      ...valid,
      updated: '2025-09-03',
      corrections: [{ date: '2025-09-04T10:00', text: 'Syntetisk rettelse.' }],
    });
    assert.equal(data.corrections[0]?.date.toISOString(), '2025-09-04T08:00:00.000Z');
    assert.equal(lastChanged(data).toISOString(), '2025-09-04T08:00:00.000Z');
    assert.equal(lastChanged(articleSchema.parse(valid)).toISOString(), data.published.toISOString());
  });
  it('refuses a correction dated before the article, and one without its text', () => {
    const early = problems({ ...valid, corrections: [{ date: '2025-09-01', text: 'Syntetisk.' }] });
    assert.equal(
      early['corrections.0.date'],
      'is before `published`: a correction comes after the article it corrects',
    );
    assert.match(
      problems({ ...valid, corrections: [{ date: '2025-09-03' }] })['corrections.0.text'] ?? '',
      /is missing/,
    );
  });
});
