import { resolve } from 'node:path';
import { siteCards } from '../../src/social-cards/cards.ts';
import { checkFrontmatter } from '../../src/content/check.ts';
import { SocialCardPool } from '../../src/social-cards/pool.ts';

/**
 * node scripts/bench/cards.ts <content folder> <card cache>
 *
 * Renders every social card of a content folder into a card cache with the
 * build's own pool, and nothing else but the frontmatter read that lists them:
 * what the cards alone cost, for the bench.
 */

const [contentDir, cacheDir] = process.argv.slice(2);
if (!contentDir || !cacheDir) throw new Error('usage: node scripts/bench/cards.ts <content folder> <card cache>');
const { articles } = await checkFrontmatter(resolve(contentDir));
const pool = new SocialCardPool(resolve(cacheDir));
const cards = siteCards(articles);
try {
  await Promise.all(cards.map((card) => pool.render(card.input)));
} finally {
  await pool.close();
}
console.log(`${pool.counts.rendered} cards rendered`);
