import { z } from 'astro/zod';
import { calendarParts, parsePublicationDate } from './dates.ts';
import { SLUG_PATTERN, slugify } from '../markdown/slug.ts';

/**
 * The one definition of an article's frontmatter. The content collection,
 * the content check and the NTB import all validate with it.
 */

function requiredText(what: string) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? `is missing: add ${what}` : `must be text: ${what}`) })
    .trim()
    .min(1, { error: `is empty: add ${what}` });
}

/** A news date: from 1900, and no more than a year ahead, which covers an embargo but not a mistyped year. */
export function isPlausible(date: Date): boolean {
  const yearAhead = new Date();
  yearAhead.setFullYear(yearAhead.getFullYear() + 1);
  // The year in Oslo, where its permalink is dated: not the year in UTC, nor as written with an offset.
  return Number(calendarParts(date).year) >= 1900 && date <= yearAhead;
}

/**
 * Dates stay text until here, so that 2025-02-30 is refused instead of being
 * rolled over to 2 March as a YAML timestamp would be.
 */
const publicationDate = z
  .string({
    error: (issue) =>
      issue.input === undefined
        ? 'is missing: add the publication date, like 2025-09-02 or 2025-09-02T14:30'
        : 'must be a date like 2025-09-02 or 2025-09-02T14:30',
  })
  .transform((text, context) => {
    const date = parsePublicationDate(text);
    if (date && isPlausible(date)) return date;
    if (date) {
      context.addIssue({
        code: 'custom',
        message: `"${text}" is before 1900 or more than a year from now: check the year`,
      });
      return z.NEVER;
    }
    context.addIssue({
      code: 'custom',
      message: `"${text}" is not a real date: write it like 2025-09-02 or 2025-09-02T14:30 (Oslo time)`,
    });
    return z.NEVER;
  });

/** Everything in `photo` but the file, which is Astro's to resolve for each article. */
const photoFields = {
  /** What the photo shows, for readers who cannot see it. Required with `src`. */
  alt: z.string().trim().min(1).optional(),
  caption: requiredText('the caption the photo is printed with'),
  /** As the wire gives it, e.g. "Alexander Kazakov / Sputnik / AP / NTB"; shown as "Foto: …". */
  credit: z.string().trim().min(1).optional(),
};

/** Long enough for any headline a newsroom writes; past it, a headline runs off the social card and the search result. */
export const HEADLINE_LIMIT = 200;

/** The fields before the photo, in the order editors write them. */
const articleFields = {
  title: requiredText('the headline').max(HEADLINE_LIMIT, {
    error: (issue) =>
      `is ${[...String(issue.input)].length} characters, more than the ${HEADLINE_LIMIT} a headline may have: shorten it`,
  }),
  /** The standfirst. When absent, the first paragraph of the body is the lede. */
  lede: z.string().trim().min(1).optional(),
  published: publicationDate,
  updated: publicationDate.optional(),
  /** The agency or newsroom the article comes from, e.g. NTB. */
  source: requiredText('the source, e.g. NTB'),
  /** The writers' names, when the source gives them. */
  byline: z.string().trim().min(1).optional(),
  /** Where the story was reported from, as the agency's dateline gives it: Oslo. */
  dateline: z.string().trim().min(1).optional(),
  tags: z
    .array(
      z
        .string()
        .trim()
        .min(1, { error: 'is empty: write the tag or remove the line', abort: true })
        // A topic's address is the tag in ASCII letters: /emne/okonomi/.
        .refine((tag) => slugify(tag), {
          error: 'has no letters or digits that a topic address can use: write it in Latin letters, like Kina',
        }),
    )
    .default([]),
  /** Fixes the permalink's last part; without it, the file name is the slug. */
  slug: z
    .string()
    .regex(SLUG_PATTERN, { error: 'must be lowercase ASCII words joined by hyphens, like putin-moter-xi' })
    .optional(),
  /** The agency's stable id for the story, which every version of it carries; an import updates the article that has it. */
  storyId: z.string().trim().min(1).optional(),
  /** Which version of the story this is, as the agency numbers them: a newer one updates the article, an older one is refused. */
  storyVersion: z
    .int({ error: 'must be a whole number, 0 or more' })
    .min(0, { error: 'must be a whole number, 0 or more' })
    .optional(),
};

/**
 * What was wrong in the article and when it was put right, shown under
 * «Rettelse» as the Norwegian press's code asks (Vær Varsom-plakaten 4.13).
 */
const corrections = z
  .array(z.strictObject({ date: publicationDate, text: requiredText('what was wrong, and what is right') }))
  .default([]);

/** Old permalinks of this article, which redirect here: /2025/09/02/gammel-slug/ */
const redirectFrom = z
  .array(
    // No dots: a segment of . or .. leads elsewhere than it says, and a name like card.png or index.html is a file the build writes.
    // Nor a leading _: _headers and _redirects are files the build writes for hosts.
    z.string().regex(/^\/(?:[a-z0-9~-][a-z0-9_~-]*\/)+$/, {
      error:
        'must be a site path of lowercase letters, digits and - _ ~ between slashes, not starting with _, like /2025/09/02/gammel-slug/',
    }),
  )
  .default([]);

const EMPTY_PHOTO_SRC =
  'is empty: name the photo file beside the article, or leave src out when there is no photo file';

const photoSchema = z
  .strictObject({
    /**
     * The photo file, relative to the article. Absent when the wire sent only the caption. A `src:` left
     * blank is null in YAML, and named as empty, like "".
     */
    src: z
      .string({ error: (issue) => (issue.input === null ? EMPTY_PHOTO_SRC : undefined) })
      .trim()
      .min(1, { error: EMPTY_PHOTO_SRC })
      .optional(),
    ...photoFields,
  })
  .refine((photo) => !photo.src || photo.alt, {
    path: ['alt'],
    error: 'is missing: a photo file needs alt text that says what it shows',
  });

/** The schema outside Astro, where a photo is the path written in the frontmatter. */
export const articleSchema = z
  .strictObject({ ...articleFields, photo: photoSchema.optional(), redirectFrom, corrections })
  .refine((article) => !article.updated || article.updated >= article.published, {
    path: ['updated'],
    error: 'is before `published`: an article cannot be updated before it is published',
  })
  .superRefine((article, context) => {
    article.corrections.forEach((correction, index) => {
      if (correction.date >= article.published) return;
      context.addIssue({
        code: 'custom',
        path: ['corrections', index, 'date'],
        message: 'is before `published`: a correction comes after the article it corrects',
      });
    });
  });

/** An article's frontmatter as written in the file. */
export type ArticleFrontmatter = z.input<typeof articleSchema>;
/** An article's frontmatter after validation, with real dates. */
export type ArticleData = z.output<typeof articleSchema>;

type WithPhotoFile<PhotoFile> = Omit<ArticleData, 'photo'> & {
  photo?: Omit<NonNullable<ArticleData['photo']>, 'src'> & { src?: PhotoFile };
};

/**
 * The schema of the content collection: `articleSchema`, and then the photo's
 * path read by `photoFile`, Astro's `image()`, so that photos are optimised.
 * Astro asks for a schema for every article, since `image()` resolves paths
 * from the article's folder, so only that last step is made per article: a
 * schema made anew is compiled anew the first time it parses, and making and
 * parsing with it took four times as long.
 */
export function withPhotoFile<PhotoFile extends z.ZodType>(photoFile: PhotoFile) {
  return articleSchema.transform(async (article, context): Promise<WithPhotoFile<z.output<PhotoFile>>> => {
    const { photo, ...withoutPhoto } = article;
    if (!photo) return withoutPhoto;
    const { src, ...fields } = photo;
    if (src === undefined) return { ...article, photo: fields };
    const file = await photoFile.safeParseAsync(src);
    if (file.success) return { ...article, photo: { src: file.data, ...fields } };
    for (const issue of file.error.issues) {
      context.addIssue({ code: 'custom', input: src, path: ['photo', 'src', ...issue.path], message: issue.message });
    }
    return z.NEVER;
  });
}

/** When the article last changed: its update or its latest correction, or else its publication. */
export function lastChanged({
  published,
  updated,
  corrections,
}: Pick<ArticleData, 'published' | 'updated' | 'corrections'>): Date {
  const changes = [published, ...(updated ? [updated] : []), ...corrections.map(({ date }) => date)];
  return new Date(Math.max(...changes.map((date) => date.getTime())));
}
