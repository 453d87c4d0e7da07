import { describe, expect, it } from 'vitest';
import {
  daysInMonth,
  formatDateSpan,
  formatIsoDay,
  formatPartialDate,
  formatPartialDateIso,
  makeLocalDate,
  parseIsoDay,
  parsePartialDate,
  toInterval,
} from '../../src/domain/partial-date.ts';

const parse = (text: string) => {
  const result = parsePartialDate(text);
  if (!result.ok) throw new Error(result.error);
  return result.value;
};

describe('parsePartialDate', () => {
  it.each([
    ['1989', { year: 1989, precision: 'year' }],
    ['2007-10', { year: 2007, month: 10, precision: 'month' }],
    ['2007-12-27', { year: 2007, month: 12, day: 27, precision: 'day' }],
    ['2007-12-31', { year: 2007, month: 12, day: 31, precision: 'day' }],
    ['2008-02-29', { year: 2008, month: 2, day: 29, precision: 'day' }],
    ['2007-spring', { year: 2007, season: 'spring', precision: 'season' }],
    ['0001', { year: 1, precision: 'year' }],
    ['0075', { year: 75, precision: 'year' }],
    ['0000', { year: 0, precision: 'year' }],
    ['-0043-03-15', { year: -43, month: 3, day: 15, precision: 'day' }],
  ])('reads %s', (text, expected) => {
    expect(parse(text)).toEqual(expected);
  });

  it.each([
    ['2007-13-01', 'month 13 does not exist'],
    ['2007-02-30', 'day 30 does not exist'],
    ['2007-02-29', 'day 29 does not exist'],
    ['2007-04-31', 'day 31 does not exist'],
    ['89', 'is not a date'],
    ['1989-1', 'is not a date'],
    ['27/12/2007', 'is not a date'],
    ['', 'is not a date'],
    ['2007-fall', 'is not a date'],
  ])('rejects %s with a reason', (text, reason) => {
    const result = parsePartialDate(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toContain(reason);
      expect(result.error).toContain('YYYY-MM-DD');
    }
  });

  it.each(['1989', '2007-10', '2007-12-27', '2007-winter', '0099', '-0001'])('round-trips %s through formatPartialDateIso', (text) => {
    expect(formatPartialDateIso(parse(text))).toBe(text);
  });
});

describe('formatPartialDate says no more than the source', () => {
  it.each([
    ['1989', '1989'],
    ['2007-spring', 'Spring 2007'],
    ['2016-10', 'October 2016'],
    ['2007-12-27', '27 December 2007'],
    ['0075', '75'],
    ['0000', '1 BCE'],
  ])('%s → %s', (text, label) => {
    expect(formatPartialDate(parse(text))).toBe(label);
  });

  it.each([
    ['1997', '2005', false, '1997–2005'],
    ['2007-11-03', '2007-12-15', false, '3 November – 15 December 2007'],
    ['2016-10', '2017-03', false, 'October 2016 – March 2017'],
    ['1905', '1911', true, 'c. 1905–1911'],
  ])('spans %s to %s', (start, end, approximate, label) => {
    expect(formatDateSpan(parse(start), parse(end), approximate)).toBe(label);
  });
});

describe('toInterval covers the whole unit of precision', () => {
  const day = (year: number, month: number, date: number) => makeLocalDate(year, month, date).getTime();
  it.each([
    ['1979', day(1979, 1, 1), day(1980, 1, 1)],
    ['2007-10', day(2007, 10, 1), day(2007, 11, 1)],
    ['2007-12-27', day(2007, 12, 27), day(2007, 12, 28)],
    ['2007-spring', day(2007, 3, 1), day(2007, 6, 1)],
    ['2007-winter', day(2007, 12, 1), day(2008, 3, 1)],
  ])('%s', (text, start, end) => {
    expect(toInterval(parse(text))).toEqual({ start, end });
  });

  it('reads 1979 as the year 1979, not 1979 ms after 1970', () => {
    expect(new Date(toInterval(parse('1979')).start).getFullYear()).toBe(1979);
  });

  it('keeps years 1 to 99 literal', () => {
    expect(new Date(toInterval(parse('0099')).start).getFullYear()).toBe(99);
    expect(new Date(toInterval(parse('0001')).start).getFullYear()).toBe(1);
  });
});

describe('ISO days for URLs', () => {
  it('formats and parses a local calendar day', () => {
    const date = parseIsoDay('2007-12-27');
    expect(date && formatIsoDay(date)).toBe('2007-12-27');
    expect(parseIsoDay('2007-12')).toBeUndefined();
    expect(parseIsoDay('nonsense')).toBeUndefined();
  });

  it('knows month lengths', () => {
    expect([1, 2, 4, 12].map((month) => daysInMonth(2007, month))).toEqual([31, 28, 30, 31]);
    expect(daysInMonth(2008, 2)).toBe(29);
  });
});
