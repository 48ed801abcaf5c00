import { differenceInYears } from 'date-fns/differenceInYears';

/**
 * A notice that an article is old, for a reader who arrives at it from a
 * search or a shared link years later: «Denne saken er mer enn ett år
 * gammel» past a year, «… over N år gammel» past two. None for a newer one.
 * `now` is when the site is built.
 */
export function ageNotice(published: Date, now: Date): string | undefined {
  const years = differenceInYears(now, published);
  if (years < 1) return undefined;
  return years === 1 ? 'Denne saken er mer enn ett år gammel.' : `Denne saken er over ${years} år gammel.`;
}
