import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import sharp from 'sharp';

/**
 * A synthetic archive for the benchmark: articles that vary in date, tags,
 * length and figures, every one marked as synthetic. None of it is news.
 */

const WORDS = (
  'syntetisk tekst for måling av bygget og den er ikke nyheter men ord satt sammen av et program ' +
  'møte regjeringen kommunen fylket været økonomi næringsliv skole helse sjømat olje strøm pris ' +
  'lørdag søndag mandag tirsdag onsdag torsdag fredag i på med til fra om etter før under over'
).split(' ');
const TAGS = [
  'Økonomi',
  'Været',
  'Sjømat',
  'Kultur',
  'Sport',
  'Utenriks',
  'Innenriks',
  'Helse',
  'Miljø',
  'Skole',
  'Næringsliv',
  'Energi',
  'Samferdsel',
  'Forsvar',
  'Kongehuset',
  'Nord-Norge',
  'Vestlandet',
  'Østlandet',
  'Sørlandet',
  'Trøndelag',
];

/** A small, seeded generator, so that every run builds the same archive. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

type Random = () => number;

/** Writes synthetic article number `index` (from 0), published at `published`; returns its file. */
async function writeArticle(contentDir: string, next: Random, index: number, published: Date): Promise<string> {
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T;
  const sentence = () => {
    const words = Array.from({ length: 6 + Math.floor(next() * 14) }, () => pick(WORDS));
    const text = words.join(' ');
    return `${text[0]?.toUpperCase()}${text.slice(1)}.`;
  };
  const [date = '', time = ''] = published.toISOString().split('T');
  const slug = `syntetisk-sak-${index + 1}`;
  const file = join(contentDir, 'articles', ...date.split('-'), `${slug}.md`);
  const tags = [...new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(TAGS)))];
  const withPhoto = index % 20 === 0;
  const body: string[] = [];
  const paragraphs = 3 + Math.floor(next() * 14);
  for (let paragraph = 0; paragraph < paragraphs; paragraph++) {
    if (paragraph > 1 && next() < 0.15) body.push(`## ${sentence().replace(/\.$/, '')}`);
    if (withPhoto && paragraph === 2)
      body.push(`![Syntetisk flate](./${slug}.png "Syntetisk bildetekst. | Syntetisk fotograf / NTB")`);
    body.push(Array.from({ length: 2 + Math.floor(next() * 4) }, sentence).join(' '));
  }
  const frontmatter = [
    '# SYNTHETIC BENCHMARK ARTICLE: not news.',
    `title: "Syntetisk sak ${index + 1}: ${sentence().slice(0, 60).replace(/\.$/, '')}"`,
    `published: ${date}T${time.slice(0, 5)}Z`,
    'source: NTB',
    `tags: [${tags.map((tag) => `"${tag}"`).join(', ')}]`,
    ...(withPhoto
      ? [
          'photo:',
          `  src: ./${slug}.png`,
          '  alt: En syntetisk grå flate',
          '  caption: Syntetisk bildetekst.',
          '  credit: Syntetisk fotograf / NTB',
        ]
      : []),
  ];
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `---\n${frontmatter.join('\n')}\n---\n\n${body.join('\n\n')}\n`);
  if (withPhoto) await copyFile(join(contentDir, PHOTO), join(dirname(file), `${slug}.png`));
  return file;
}

/** The photo every synthetic article with a photo gets a copy of. */
const PHOTO = '.synthetic-photo.png';
const START = Date.UTC(2016, 0, 1);
const END = Date.UTC(2025, 11, 31);

export async function generateArchive(contentDir: string, count: number, seed = 1): Promise<string[]> {
  const next = random(seed);
  await mkdir(contentDir, { recursive: true });
  await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 120, g: 130, b: 125 } } })
    .png()
    .toFile(join(contentDir, PHOTO));
  const files: string[] = [];
  for (let index = 0; index < count; index++) {
    files.push(await writeArticle(contentDir, next, index, new Date(START + Math.floor(next() * (END - START)))));
  }
  return files;
}

/**
 * Publishes one more synthetic article into an archive of `count`, as a
 * newsroom does: the newest, on the archive's last day, in the same year as
 * the rest (a new year would change every page's masthead, which is not what
 * a publish costs on any other day).
 */
export function publishArticle(contentDir: string, count: number, seed = 2): Promise<string> {
  return writeArticle(contentDir, random(seed), count, new Date(END + 11 * 3600 * 1000));
}
