// The same calendar days in every time zone: run under TZ=UTC, America/Los_Angeles and Asia/Kolkata by `npm run test:tz`.
// Expectations are fixed strings, so passing in all three zones proves the zones agree.
import { describe, expect, it } from 'vitest';
import { indexDataset } from '../../src/domain/dataset.ts';
import {
  type PartialDate,
  formatDateSpan,
  formatIsoDay,
  formatPartialDate,
  parseIsoDay,
  parsePartialDate,
  toInterval,
} from '../../src/domain/partial-date.ts';
import { parseViewState, serialiseViewState } from '../../src/domain/url-codec.ts';
import { DEFAULT_VIEW_STATE } from '../../src/domain/view-state.ts';
import { validateDataset } from '../../src/domain/validate-dataset.ts';

const DAY_MS = 86_400_000;

const parse = (text: string): PartialDate => {
  const result = parsePartialDate(text);
  if (!result.ok) throw new Error(result.error);
  return result.value;
};

/** The interval of a partial date as local calendar days, [first, last], plus its length in days. */
function days(text: string): { first: string; last: string; length: number } {
  const { start, end } = toInterval(parse(text));
  return {
    first: formatIsoDay(new Date(start)),
    last: formatIsoDay(new Date(end - 1)),
    length: Math.round((end - start) / DAY_MS),
  };
}

const EMPTY_ALLOW = { eventIds: new Set<string>(), countryIds: new Set<string>(), actorIds: new Set<string>(), typeIds: new Set<string>() };

describe(`dates in time zone ${Intl.DateTimeFormat().resolvedOptions().timeZone}`, () => {
  it('runs in the zone TZ asks for (a misspelt zone silently falls back to UTC)', () => {
    const asked = process.env.TZ;
    if (!asked) return;
    const resolved = new Intl.DateTimeFormat('en', { timeZone: asked }).resolvedOptions().timeZone;
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(resolved);
  });

  it.each([
    ['0001', { first: '0001-01-01', last: '0001-12-31', length: 365 }, '1'],
    ['0075', { first: '0075-01-01', last: '0075-12-31', length: 365 }, '75'],
    ['0099', { first: '0099-01-01', last: '0099-12-31', length: 365 }, '99'],
    ['0100', { first: '0100-01-01', last: '0100-12-31', length: 365 }, '100'],
    // Astronomical year 0 is 1 BCE, a leap year in the proleptic Gregorian calendar.
    ['0000', { first: '0000-01-01', last: '0000-12-31', length: 366 }, '1 BCE'],
    ['-0043-03-15', { first: '-0043-03-15', last: '-0043-03-15', length: 1 }, '15 March 44 BCE'],
    ['1979', { first: '1979-01-01', last: '1979-12-31', length: 365 }, '1979'],
    ['2008-02', { first: '2008-02-01', last: '2008-02-29', length: 29 }, 'February 2008'],
    ['2007-winter', { first: '2007-12-01', last: '2008-02-29', length: 91 }, 'Winter 2007'],
    // Days on which clocks change in Los Angeles (2007-03-11, 2007-11-04) are still one calendar day each.
    ['2007-03-11', { first: '2007-03-11', last: '2007-03-11', length: 1 }, '11 March 2007'],
    ['2007-11-04', { first: '2007-11-04', last: '2007-11-04', length: 1 }, '4 November 2007'],
    ['2007-12-27', { first: '2007-12-27', last: '2007-12-27', length: 1 }, '27 December 2007'],
  ])('%s covers the days %o and reads "%s"', (text, expected, label) => {
    expect(days(text)).toEqual(expected);
    expect(formatPartialDate(parse(text))).toBe(label);
  });

  it('reads "1979" as the year 1979, not 1979 ms after 1970', () => {
    const { start } = toInterval(parse('1979'));
    expect(new Date(start).getFullYear()).toBe(1979);
    expect(start).not.toBe(1979);
    expect(Math.abs(start - Date.UTC(1979, 0, 1))).toBeLessThan(DAY_MS);
  });

  it('orders early years by time: 1 BCE < 1 < 75 < 99 < 100 < 1979', () => {
    const starts = ['0000', '0001', '0075', '0099', '0100', '1979'].map((text) => toInterval(parse(text)).start);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
  });

  it.each([
    ['0001', '0100', '1–100'],
    ['0000', '0001', '1 BCE–1'],
    ['2007-11-03', '2007-12-15', '3 November – 15 December 2007'],
  ])('labels the span %s to %s as "%s"', (start, end, label) => {
    expect(formatDateSpan(parse(start), parse(end))).toBe(label);
  });

  it('indexes a dataset with early and modern years to the same days and labels', () => {
    const result = validateDataset({
      countries: [{ id: 'rome', name: 'Rome' }],
      types: [{ id: 'founding', label: 'Founding', description: 'A founding.' }],
      events: [
        { id: 'year-one', story: 'x', country: 'rome', title: 'Year one', start: '0001', precision: 'year', type: 'founding' },
        { id: 'year-75', story: 'x', country: 'rome', title: 'Year 75', start: '0075-06', precision: 'month', type: 'founding' },
        { id: 'one-bce', story: 'x', country: 'rome', title: 'One BCE', start: '0000', end: '0099', precision: 'year', type: 'founding' },
        { id: 'revolution', story: 'x', country: 'rome', title: '1979', start: '1979', precision: 'year', type: 'founding' },
      ],
    });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const index = indexDataset(result.dataset);
    const seen = index.events.map((event) => [event.id, formatIsoDay(new Date(event.startMs)), formatIsoDay(new Date(event.endMs)), event.dateLabel]);
    expect(seen).toEqual([
      ['one-bce', '0000-01-01', '0100-01-01', '1 BCE–99'],
      ['year-one', '0001-01-01', '0002-01-01', '1'],
      ['year-75', '0075-06-01', '0075-07-01', 'June 75'],
      ['revolution', '1979-01-01', '1980-01-01', '1979'],
    ]);
  });

  it.each(['0001-01-01', '0075-03-01', '0099-12-31', '0100-02-28', '0000-02-29', '-0001-01-01', '1979-02-11', '2007-03-11'])(
    'reads and writes the URL day %s unchanged',
    (day) => {
      const date = parseIsoDay(day);
      expect(date && formatIsoDay(date)).toBe(day);
    },
  );

  it('carries a window from year 1 to 100 through a link unchanged', () => {
    const from = parseIsoDay('0001-01-01')?.getTime() ?? NaN;
    const to = parseIsoDay('0100-01-01')?.getTime() ?? NaN;
    const search = serialiseViewState({ ...DEFAULT_VIEW_STATE, window: { start: from, end: to } });
    expect(search).toBe('from=0001-01-01&to=0100-01-01');
    expect(parseViewState(search, EMPTY_ALLOW)).toEqual({ state: { ...DEFAULT_VIEW_STATE, window: { start: from, end: to } }, notices: [] });
  });
});
