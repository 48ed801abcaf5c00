import { parsePublicationDate } from '../../src/content/dates.ts';
import { withoutInvisibleCharacters } from '../../src/content/invisible-characters.ts';
import { agencyTime, bylineNames, cleanText, photoOf, uniqueTags, versionNumber } from './fields.ts';
import { htmlBlocks, textBlocks } from './html-body.ts';
import { type WireArticle, WireFormatError } from './wire.ts';

/**
 * Reads a ninjs story, as the IPTC ninjs 1.x and 2.x schemas define it.
 * 1.x gives `headline`, `byline`, `body_html` and `associations` by name;
 * 2.x gives `headlines[]`, `by`, `bodies[]` and `associations[]` with a
 * `name` each. Both give `uri`, `version`, `versioncreated`, `firstcreated`
 * and `subject[]`.
 */

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && cleanText(value) ? cleanText(value) : undefined;
const list = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isObject) : []);

/** 2.x's list of texts by role: the main one, or else the first. */
function byRole(items: unknown, role: string, type?: string): string | undefined {
  const candidates = list(items).filter((item) => !type || String(item.contenttype ?? '').startsWith(type));
  const chosen = candidates.find((item) => item.role === role) ?? candidates[0];
  return typeof chosen?.value === 'string' ? chosen.value : undefined;
}

function featureImage(story: Json): Json | undefined {
  const { associations } = story;
  if (Array.isArray(associations)) return list(associations).find((item) => item.name === 'featureimage');
  return isObject(associations) && isObject(associations.featureimage) ? associations.featureimage : undefined;
}

function parseJson(source: string): Json {
  let story: unknown;
  try {
    story = JSON.parse(source);
  } catch (error) {
    throw new WireFormatError(`is not valid JSON: ${(error as Error).message}`);
  }
  if (!isObject(story) || !(text(story.uri) ?? text(story.guid))) {
    throw new WireFormatError('is JSON, but not a ninjs story: it has no uri or guid');
  }
  return story;
}

/** Parses a ninjs story, already decoded, into the article it carries. */
export function parseNinjs(source: string): WireArticle {
  const story = parseJson(source);
  const headline = text(story.headline) ?? text(byRole(story.headlines, 'main'));
  if (!headline) throw new WireFormatError('has no headline: give it a headline (ninjs 1.x) or headlines (2.x)');
  const first = text(story.firstcreated);
  const latest = text(story.versioncreated);
  if (!first && !latest) throw new WireFormatError('has no date: give it a firstcreated or versioncreated');
  const date = agencyTime((first ?? latest) as string, first ? 'firstcreated' : 'versioncreated');
  const updated = latest && first ? agencyTime(latest, 'versioncreated') : undefined;
  if (updated && (parsePublicationDate(updated) as Date) < (parsePublicationDate(date) as Date)) {
    throw new WireFormatError(
      `has the versioncreated "${latest}", before its firstcreated "${first}": a version cannot be made before the story was; ask for it again`,
    );
  }

  const html = typeof story.body_html === 'string' ? story.body_html : byRole(story.bodies, 'main', 'text/html');
  const plain = typeof story.body_text === 'string' ? story.body_text : byRole(story.bodies, 'main', 'text/plain');
  const { blocks, warnings } = html ? htmlBlocks(withoutInvisibleCharacters(html)) : { blocks: [], warnings: [] };
  if (!blocks.length && plain) blocks.push(...textBlocks(withoutInvisibleCharacters(plain)));
  if (!blocks.some((block) => block.type === 'paragraph')) {
    throw new WireFormatError('has no body: give it a body_html, bodies or body_text with paragraphs');
  }
  // A summary is often the opening paragraph again: it is a standfirst only when it says something else.
  const summary = text(story.description_text);
  const lede = summary && summary !== blocks.find((block) => block.type === 'paragraph')?.text ? summary : undefined;

  const image = featureImage(story);
  const photo = image && photoOf(text(image.description_text), text(image.byline) ?? text(image.creditline));
  const id = (text(story.uri) ?? text(story.guid)) as string;
  const version = versionNumber(story.version, 'version');
  const byline = bylineNames(text(story.byline) ?? text(story.by));
  const dateline = text(story.located);
  const topics = uniqueTags(list(story.subject).map((subject) => text(subject.name)));
  return {
    date,
    ...(updated && updated !== date && { updated }),
    headline,
    ...(byline && { byline }),
    ...(dateline && { dateline }),
    ...(lede && { lede }),
    ...(topics.tags.length && { tags: topics.tags }),
    story: { id, ...(version !== undefined && { version }) },
    ...(photo && { photo }),
    blocks,
    ...((warnings.length || topics.warnings.length) && { warnings: [...warnings, ...topics.warnings] }),
  };
}
