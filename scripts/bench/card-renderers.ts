import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { cpuUsage } from 'node:process';
import sharp from 'sharp';
import { HEADLINE_LIMIT } from '../../src/content/schema.ts';
import type { CardInput } from '../../src/social-cards/render.ts';

/**
 * node scripts/bench/card-renderers.ts [--rounds N] [--out <folder>] <render module>...
 *
 * Draws the same cards with each card renderer given (a module with render.ts's
 * `renderCard`, such as an older render.ts from git kept in .bench/), one card
 * at a time, in rounds that take the renderers in turn, and prints each one's
 * wall and CPU time per card against the first's. With --out, it writes every
 * renderer's cards there, and each card from all of them one above the other,
 * to compare the look.
 */

const PHOTO = resolve(import.meta.dirname, '../../tests/fixtures/content/articles/2025/01/15/testbilde.png');
const base = { siteName: 'Nyhetsleser', footer: 'tirsdag 2. september 2025 · NTB' };
/** Synthetic headlines: one, two, three and five lines, the longest allowed, Norwegian letters, a photo. */
const CARDS: Record<string, CardInput> = {
  one: { ...base, headline: 'Storm stenger veien over fjellet' },
  two: { ...base, headline: 'Regjeringen legger fram nytt forslag om skatt på formue i dag' },
  three: {
    ...base,
    headline: 'Syntetisk sak: statsråden kalte avtalen «en god dag for landet» da partene møttes tirsdag, og lovet mer',
  },
  longest: {
    ...base,
    headline: 'Syntetisk sak der overskriften er så lang som en overskrift får være: '.padEnd(
      HEADLINE_LIMIT,
      ' og mer',
    ),
  },
  letters: { ...base, headline: '«Æøå» – Ærlig talt, sa Øystein på Ås' },
  photo: { ...base, headline: 'Syntetisk sak med bilde bak overskriften', photoPath: PHOTO },
  site: { headline: 'Nyheter fra NTB, siste først', siteName: 'Nyhetsleser' },
};

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at < 0 ? undefined : args.splice(at, 2)[1];
};
const rounds = Number(option('--rounds') ?? 20);
const out = option('--out');
if (args.length === 0)
  throw new Error('usage: node scripts/bench/card-renderers.ts [--rounds N] [--out <folder>] <render module>...');
const renderers = await Promise.all(
  args.map(async (path) => {
    const { renderCard } = (await import(resolve(path))) as { renderCard: (input: CardInput) => Promise<Buffer> };
    return { name: basename(path, '.ts'), renderCard };
  }),
);
/** Milliseconds of wall and CPU time, by renderer and card, one a round. */
const times = renderers.map(() => Object.keys(CARDS).map(() => ({ wall: [] as number[], cpu: [] as number[] })));

async function pass(renderer: number): Promise<void> {
  for (const [card, input] of Object.values(CARDS).entries()) {
    const [start, startCpu] = [performance.now(), cpuUsage()];
    await renderers[renderer]?.renderCard(input);
    const cpu = cpuUsage(startCpu);
    times[renderer]?.[card]?.wall.push(performance.now() - start);
    times[renderer]?.[card]?.cpu.push((cpu.user + cpu.system) / 1000);
  }
}

for (const index of renderers.keys()) await pass(index); // fonts, code and caches warm
for (const timing of times) for (const card of timing) [card.wall, card.cpu] = [[], []];
for (let round = 0; round < rounds; round++) {
  // Each round starts with another renderer, so that none always follows another.
  for (const index of renderers.keys()) await pass((index + round) % renderers.length);
}

const median = (values: number[]) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
/** A renderer's median milliseconds a card, over the cards picked. */
const mean = (renderer: number, kind: 'wall' | 'cpu', cards: number[]) =>
  cards.reduce((sum, card) => sum + median(times[renderer]?.[card]?.[kind] ?? []), 0) / cards.length;
const names = Object.keys(CARDS);
const groups = {
  'all cards': names.keys().toArray(),
  'without a photo': names
    .keys()
    .filter((card) => card !== names.indexOf('photo'))
    .toArray(),
  photo: [names.indexOf('photo')],
};
console.log(`median of ${rounds} rounds, ms a card; ratios against ${renderers[0]?.name}`);
for (const [group, cards] of Object.entries(groups)) {
  const cells = renderers.map(({ name }, index) => {
    const [wall, cpu] = [mean(index, 'wall', cards), mean(index, 'cpu', cards)];
    const ratio =
      index === 0
        ? ''
        : ` (${(wall / mean(0, 'wall', cards)).toFixed(2)}×, ${(cpu / mean(0, 'cpu', cards)).toFixed(2)}×)`;
    return `${name} ${wall.toFixed(1)} wall ${cpu.toFixed(1)} CPU${ratio}`;
  });
  console.log(`${group}: ${cells.join('; ')}`);
}

if (out) {
  await mkdir(out, { recursive: true });
  for (const [card, input] of Object.entries(CARDS)) {
    const pngs = await Promise.all(renderers.map(({ renderCard }) => renderCard(input)));
    await Promise.all(pngs.map((png, index) => writeFile(join(out, `${card}-${renderers[index]?.name}.png`), png)));
    const height = 630 * pngs.length + 10 * (pngs.length - 1);
    await sharp({ create: { width: 1200, height, channels: 3, background: '#ff00ff' } })
      .composite(pngs.map((input, index) => ({ input, top: index * 640, left: 0 })))
      .png()
      .toFile(join(out, `${card}.png`));
  }
  console.log(`cards written to ${out}`);
}
