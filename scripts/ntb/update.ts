import { relative } from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { parsePublicationDate } from '../../src/content/dates.ts';
import type { ArticleFile } from '../../src/content/frontmatter.ts';
import type { Placement } from './article.ts';
import type { WireArticle } from './wire.ts';

/**
 * Updates in place: a story that an article already has, found by its story
 * id, goes into that article's file and keeps its permalink, if it is a
 * newer version. Versions are compared by number where both have one, and
 * else by the time each was made.
 */

interface Version {
  number?: number | undefined;
  time: Date;
}

const describe = ({ number, time }: Version) =>
  number === undefined ? `the version of ${time.toISOString()}` : `version ${number}`;

/** A refusal of the update, in the editor's words, or the placement that the update goes to. */
export function placeUpdate(
  story: WireArticle,
  existing: ArticleFile,
  contentDir: string,
): { refusal: string } | { placement: Placement } {
  const { data, frontmatter, permalink } = existing;
  if (!data || !permalink) {
    return {
      refusal: `${existing.file} has this story, but its frontmatter has problems: run npm run check and fix them`,
    };
  }
  const incoming: Version = {
    number: story.story?.version,
    time: parsePublicationDate(story.updated ?? story.date) as Date,
  };
  const current: Version = { number: data.storyVersion, time: data.updated ?? data.published };
  const byNumber = incoming.number !== undefined && current.number !== undefined;
  const newer = byNumber ? (incoming.number as number) > (current.number as number) : incoming.time > current.time;
  if (!newer) {
    const same = byNumber ? incoming.number === current.number : incoming.time.getTime() === current.time.getTime();
    const which = same ? 'the same version as' : `older than ${describe(current)} in`;
    return { refusal: `is ${describe(incoming)} of story ${data.storyId}, ${which} ${existing.file}: left as it is` };
  }
  const kept = {
    ...(frontmatter.corrections !== undefined && { corrections: frontmatter.corrections }),
    ...(frontmatter.redirectFrom !== undefined && { redirectFrom: frontmatter.redirectFrom }),
  } as Placement['kept'];
  return {
    placement: {
      path: relative(contentDir, existing.file),
      published: String(frontmatter.published),
      slug: permalink.split('/').at(-2) as string,
      kept,
    },
  };
}

function paragraphs(markdown: string): string[] {
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
  return fromMarkdown(body)
    .children.filter((node) => node.type === 'paragraph')
    .map((node) => toString(node));
}

/** Each of `these` that `those` does not have, counting repeats. */
function missingFrom(these: string[], those: string[]): number {
  const left = [...those];
  return these.filter((paragraph) => {
    const index = left.indexOf(paragraph);
    if (index === -1) return true;
    left.splice(index, 1);
    return false;
  }).length;
}

/** What an update changed, for the editor: the headline, and how many paragraphs came and went. */
export function changeSummary(
  before: { title: string; markdown: string },
  after: { title: string; markdown: string },
): string[] {
  const old = paragraphs(before.markdown);
  const now = paragraphs(after.markdown);
  return [
    ...(before.title === after.title ? [] : [`headline: "${before.title}" → "${after.title}"`]),
    `paragraphs: ${missingFrom(now, old)} added, ${missingFrom(old, now)} removed`,
  ];
}
