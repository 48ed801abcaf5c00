import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { formatISO } from 'date-fns/formatISO';
import { nb } from 'date-fns/locale/nb';
import fc from 'fast-check';
import {
  calendarParts,
  formatClockTime,
  formatDayInMonth,
  formatDateSpan,
  formatLongDate,
  formatMonth,
  hasClockTime,
  parsePublicationDate,
  feedInstant,
  machineDate,
  toIsoWithOffset,
} from '../../src/content/dates.ts';

function parsed(text: string): Date {
  const date = parsePublicationDate(text);
  assert.ok(date, `${text} should parse`);
  return date;
}

describe('parsePublicationDate', () => {
  it('reads a bare date as Oslo midnight', () => {
    assert.equal(parsed('2025-09-02').toISOString(), '2025-09-01T22:00:00.000Z');
    assert.equal(parsed('2025-01-15').toISOString(), '2025-01-14T23:00:00.000Z');
  });
  it('reads a local time as Oslo time and honours an explicit offset', () => {
    assert.equal(parsed('2025-09-02T14:30').toISOString(), '2025-09-02T12:30:00.000Z');
    assert.equal(parsed('2025-09-02 14:30:15').toISOString(), '2025-09-02T12:30:15.000Z');
    assert.equal(parsed('2025-09-02T14:30:00Z').toISOString(), '2025-09-02T14:30:00.000Z');
    assert.equal(parsed('2025-09-02T14:30+05:00').toISOString(), '2025-09-02T09:30:00.000Z');
  });
  it('refuses dates that are not on the calendar instead of rolling them over', () => {
    for (const text of [
      '2025-02-30',
      '2025-02-29',
      '2025-13-01',
      '2025-00-10',
      '2025-09-02T24:30',
      '2025-09-02T12:60',
    ]) {
      assert.equal(parsePublicationDate(text), null, text);
    }
  });
  it('accepts 29 February in a leap year', () => {
    assert.equal(toIsoWithOffset(parsed('2024-02-29')), '2024-02-29T00:00:00+01:00');
  });
  it('refuses other formats', () => {
    for (const text of ['2. september 2025', '02.09.2025', '2025-9-2', '', 'i går']) {
      assert.equal(parsePublicationDate(text), null, text);
    }
  });
});

describe('formatting in Norwegian', () => {
  it('writes the long date with weekday, as Norwegian newspapers do', () => {
    assert.equal(formatLongDate(parsed('2025-09-02')), 'tirsdag 2. september 2025');
    assert.equal(formatLongDate(parsed('2025-12-24')), 'onsdag 24. desember 2025');
  });
  it('uses the Oslo date, not the UTC date', () => {
    const lateEvening = parsed('2025-09-02T23:30Z');
    assert.equal(formatLongDate(lateEvening), 'onsdag 3. september 2025');
    assert.deepEqual(calendarParts(lateEvening), { year: '2025', month: '09', day: '03' });
  });
  it('writes clock times with a full stop and knows when no time was given', () => {
    assert.equal(formatClockTime(parsed('2025-09-02T09:05')), '09.05');
    assert.equal(hasClockTime(parsed('2025-09-02T09:05')), true);
    assert.equal(hasClockTime(parsed('2025-09-02')), false);
  });
  it('writes the days a listing page covers as a span, or as one date', () => {
    assert.equal(
      formatDateSpan(parsed('2025-08-30T08:00'), parsed('2025-09-02')),
      '30. august 2025 – 2. september 2025',
    );
    assert.equal(formatDateSpan(parsed('2025-09-02T08:00'), parsed('2025-09-02T23:00')), '2. september 2025');
  });
  it('names each month of each year in the archives, the same the second time it is asked', () => {
    for (let round = 0; round < 2; round++) {
      assert.equal(formatMonth('2025', '09'), 'september 2025');
      assert.equal(formatMonth('2025', '10'), 'oktober 2025');
      assert.equal(formatMonth('2024', '09'), 'september 2024');
    }
  });
  it('writes ISO 8601 with the summer and winter offsets', () => {
    assert.equal(toIsoWithOffset(parsed('2025-09-02T14:30')), '2025-09-02T14:30:00+02:00');
    assert.equal(toIsoWithOffset(parsed('2025-11-26T14:30')), '2025-11-26T14:30:00+01:00');
  });
});

describe('machineDate and feedInstant', () => {
  it('write a date alone as a date, and a time with its Oslo offset', () => {
    assert.equal(machineDate(parsed('2025-09-02')), '2025-09-02');
    assert.equal(machineDate(parsed('2025-09-02T14:30')), '2025-09-02T14:30:00+02:00');
  });
  it('give a date alone noon in Oslo in a feed, the same date in UTC, and keep a given time', () => {
    assert.equal(feedInstant(parsed('2025-09-02')).toISOString(), '2025-09-02T10:00:00.000Z');
    assert.equal(feedInstant(parsed('2025-09-02T14:30')).toISOString(), '2025-09-02T12:30:00.000Z');
  });
});

describe('dates in Oslo, made from the day and the clock', () => {
  it('are what date-fns formats in the Oslo zone, for any instant, around the clock changes and before 1970', () => {
    const inOslo = (date: Date, pattern: string) =>
      format(new TZDate(date.getTime(), 'Europe/Oslo'), pattern, { locale: nb });
    // Whole minutes and odd seconds, a century either side of 1970, and the hours around the changes of 2025
    // and the end of local mean time (+0:53:28) in 1893, which is not on the hour: its hour is not remembered.
    const instants = fc.oneof(
      fc.date({ min: new Date('1890-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
      fc
        .integer({ min: -3 * 3600, max: 3 * 3600 })
        .chain((seconds) =>
          fc
            .constantFrom('2025-03-30T01:00:00Z', '2025-10-26T01:00:00Z', '1893-03-31T23:06:32Z')
            .map((change) => new Date(Date.parse(change) + seconds * 1000)),
        ),
    );
    fc.assert(
      fc.property(instants, (date) => {
        const { year, month, day } = calendarParts(date);
        assert.equal(`${year}-${month}-${day}`, inOslo(date, 'yyyy-MM-dd'));
        assert.equal(formatLongDate(date), inOslo(date, 'EEEE d. MMMM yyyy'));
        assert.equal(formatDayInMonth(date), inOslo(date, 'EEEE d. MMMM'));
        assert.equal(formatClockTime(date), inOslo(date, 'HH.mm'));
        assert.equal(toIsoWithOffset(date), formatISO(new TZDate(date.getTime(), 'Europe/Oslo')));
      }),
      { numRuns: 2000 },
    );
  });
});
