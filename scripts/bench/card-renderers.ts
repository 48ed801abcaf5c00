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
    return { name: basename(path, '.ts'), renderCard, wall: [] as number[], cpu: [] as number[] };
  }),
);

/** Milliseconds of wall and CPU time per card, for one pass over the cards. */
async function pass(renderCard: (input: CardInput) => Promise<Buffer>): Promise<[number, number]> {
  const [start, startCpu] = [performance.now(), cpuUsage()];
  for (const input of Object.values(CARDS)) await renderCard(input);
  const cpu = cpuUsage(startCpu);
  const count = Object.keys(CARDS).length;
  return [(performance.now() - start) / count, (cpu.user + cpu.system) / 1000 / count];
}

for (const renderer of renderers) await pass(renderer.renderCard); // fonts, code and caches warm
for (let round = 0; round < rounds; round++) {
  // Each round starts with another renderer, so that neither always follows the other.
  for (const [index] of renderers.entries()) {
    const renderer = renderers[(index + round) % renderers.length] as (typeof renderers)[number];
    const [wall, cpu] = await pass(renderer.renderCard);
    renderer.wall.push(wall);
    renderer.cpu.push(cpu);
  }
}

const median = (values: number[]) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const [first] = renderers;
for (const { name, wall, cpu } of renderers) {
  const ratio = (mine: number[], theirs: number[]) => (median(mine) / median(theirs)).toFixed(2);
  console.log(
    `${name}: ${median(wall).toFixed(1)} ms wall, ${median(cpu).toFixed(1)} ms CPU a card (median of ${rounds} rounds)` +
      (first && first.name !== name
        ? `; ${ratio(wall, first.wall)}× wall, ${ratio(cpu, first.cpu)}× CPU of ${first.name}`
        : ''),
  );
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
