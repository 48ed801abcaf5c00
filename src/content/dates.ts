import { TZDate, tz, tzOffset } from '@date-fns/tz';
// One module a function: date-fns' index loads its every module, some 300 MB and a second and a half.
import { format } from 'date-fns/format';
import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';
import { nb } from 'date-fns/locale/nb';

/** Every date on the site is read and shown in the newsroom's time zone. */
export const NEWSROOM_TIME_ZONE = 'Europe/Oslo';

const inOslo = tz(NEWSROOM_TIME_ZONE);

/** A date (2025-09-02) or a local time (2025-09-02T14:30, seconds optional), with an optional offset (Z, +02:00). */
// Hours run to 23: 24:00 would be the next day, in a folder and permalink of the day before.
const PUBLICATION_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ](?:[01]\d|2[0-3]):\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Reads a frontmatter date. A date without an offset is Oslo time; a date
 * without a time is Oslo midnight. Returns null for anything that is not a
 * real calendar date, such as 2025-02-30, rather than rolling it over.
 */
export function parsePublicationDate(text: string): Date | null {
  if (!PUBLICATION_DATE.test(text)) return null;
  const date = parseISO(text.replace(' ', 'T'), { in: inOslo });
  return isValid(date) ? new Date(date.getTime()) : null;
}

function inNewsroomZone(date: Date): TZDate {
  return new TZDate(date.getTime(), NEWSROOM_TIME_ZONE);
}

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The newsroom's offset from UTC on each day of UTC, or NaN on a day its clocks change. */
const offsetsByDay = new Map<number, number>();

/**
 * The newsroom's offset from UTC in minutes. Looked up once a day of time:
 * a build shows each article's date on many pages, and the zone's lookup
 * cost seconds of every build. A day on which the clocks change is looked up
 * at each instant. (From 1880 to 2100, Oslo's clocks never changed twice in a
 * day, so the same offset at a day's start and end holds all day.)
 */
function newsroomOffset(date: Date): number {
  const day = Math.floor(date.getTime() / DAY);
  let offset = offsetsByDay.get(day);
  if (offset === undefined) {
    const [start, end] = [day * DAY, (day + 1) * DAY - 1].map((time) => tzOffset(NEWSROOM_TIME_ZONE, new Date(time)));
    offset = start === end ? (start as number) : NaN;
    offsetsByDay.set(day, offset);
  }
  return Number.isNaN(offset) ? tzOffset(NEWSROOM_TIME_ZONE, date) : offset;
}

/** The instant as the newsroom's clocks show it: milliseconds since their midnight of 1 January 1970. */
function newsroomClock(date: Date): number {
  return date.getTime() + newsroomOffset(date) * MINUTE;
}

/** Milliseconds since the newsroom's midnight before the instant. */
const sinceMidnight = (date: Date) => ((newsroomClock(date) % DAY) + DAY) % DAY;

/**
 * Remembers what a function made of each calendar day in Oslo. A build shows
 * the same days on many pages (the article, its day, month, topics and front
 * page), and formatting a date in a time zone costs ten times the lookup of
 * the zone's offset that finds its day.
 */
function byNewsroomDay(render: (date: TZDate) => string): (date: Date) => string {
  const results = new Map<number, string>();
  return (date) => {
    const day = Math.floor(newsroomClock(date) / DAY);
    let result = results.get(day);
    if (result === undefined) {
      result = render(inNewsroomZone(date));
      results.set(day, result);
    }
    return result;
  };
}

/** "tirsdag 2. september 2025" */
export const formatLongDate = byNewsroomDay((date) => format(date, 'EEEE d. MMMM yyyy', { locale: nb }));

const twoDigits = (value: number) => String(value).padStart(2, '0');

/** "14.30", the Norwegian clock style. */
export function formatClockTime(date: Date): string {
  const minutes = Math.floor(sinceMidnight(date) / MINUTE);
  return `${twoDigits(Math.floor(minutes / 60))}.${twoDigits(minutes % 60)}`;
}

/** Frontmatter dates without a time are stored as Oslo midnight, so midnight means "no time given". */
export function hasClockTime(date: Date): boolean {
  return formatClockTime(date) !== '00.00';
}

/** "tirsdag 2. september 2025", with " kl. 14.30" when the time was given: how the site prints a date. */
export function formatDateline(date: Date): string {
  return hasClockTime(date) ? `${formatLongDate(date)} kl. ${formatClockTime(date)}` : formatLongDate(date);
}

/**
 * ISO 8601 with the Oslo offset, for `<time datetime>` and metadata: 2025-09-02T00:00:00+02:00, as date-fns'
 * formatISO writes it, put together from the day and the clock, since every listing and sitemap shows one.
 */
export function toIsoWithOffset(date: Date): string {
  const seconds = Math.floor(sinceMidnight(date) / 1000);
  const offset = newsroomOffset(date);
  // Whole minutes, as formatISO writes the seconds of a zone's old local mean time.
  const offsetMinutes = Math.floor(Math.abs(offset));
  const time = [seconds / 3600, (seconds / 60) % 60, seconds % 60].map((part) => twoDigits(Math.floor(part)));
  const zone = `${offset < 0 ? '-' : '+'}${twoDigits(Math.floor(offsetMinutes / 60))}:${twoDigits(offsetMinutes % 60)}`;
  return `${calendarDate(date)}T${time.join(':')}${zone}`;
}

const calendarDate = byNewsroomDay((date) => format(date, 'yyyy-MM-dd'));

/**
 * A date for machines, as precise as the article gave it: 2025-09-02 for a
 * date alone, which an invented midnight would turn into 1 September in UTC,
 * and 2025-09-02T14:30:00+02:00 for a time. For `<time datetime>`, the
 * Open Graph tags and the JSON-LD, which all take either.
 */
export function machineDate(date: Date): string {
  return hasClockTime(date) ? toIsoWithOffset(date) : calendarDate(date);
}

/**
 * The instant a feed gives a date-only article, which RSS cannot give without
 * a time: noon in Oslo, the same calendar date from UTC−10 to UTC+12.
 */
export function feedInstant(date: Date): Date {
  return hasClockTime(date) ? date : new Date(date.getTime() + 12 * 3600 * 1000);
}

/** The calendar date in Oslo as zero-padded parts, for permalinks and archive folders. */
export function calendarParts(date: Date): { year: string; month: string; day: string } {
  const [year, month, day] = calendarDate(date).split('-') as [string, string, string];
  return { year, month, day };
}

const monthNames = new Map<string, string>();

/** "september 2025", for the month archives, each month formatted once: every archive page names its month. */
export function formatMonth(year: string, month: string): string {
  const key = `${year}-${month}`;
  let name = monthNames.get(key);
  if (name === undefined) {
    name = format(new TZDate(Number(year), Number(month) - 1, 15, NEWSROOM_TIME_ZONE), 'LLLL yyyy', { locale: nb });
    monthNames.set(key, name);
  }
  return name;
}

const formatDate = byNewsroomDay((date) => format(date, 'd. MMMM yyyy', { locale: nb }));

/** "2. september 2025 – 9. september 2025", or one date where the span is a day: the articles a listing's page shows. */
export function formatDateSpan(oldest: Date, newest: Date): string {
  const [from, to] = [formatDate(oldest), formatDate(newest)];
  return from === to ? from : `${from} – ${to}`;
}

/** "tirsdag 2. september", for a day within its month's archive. */
export const formatDayInMonth = byNewsroomDay((date) => format(date, 'EEEE d. MMMM', { locale: nb }));
