// Partial dates: a date known only as precisely as its source says (year, season, month or day).
// The only module allowed to construct Date objects from calendar parts; nothing here parses free text with `new Date(string)`.
import { format } from 'date-fns';

export const PRECISIONS = ['day', 'month', 'season', 'year'] as const;
export type Precision = (typeof PRECISIONS)[number];

export const SEASONS = ['spring', 'summer', 'autumn', 'winter'] as const;
export type Season = (typeof SEASONS)[number];

/** First month (1-based) of each meteorological season, northern hemisphere; winter runs into the next year. */
const SEASON_FIRST_MONTH: Record<Season, number> = { spring: 3, summer: 6, autumn: 9, winter: 12 };

export interface PartialDate {
  /** Astronomical year numbering: 0 is 1 BCE, -1 is 2 BCE. */
  readonly year: number;
  readonly month?: number; // 1–12, with precision month or day
  readonly day?: number; // 1–31, with precision day
  readonly season?: Season; // with precision season
  readonly precision: Precision;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

export const DATE_FORMAT_HINT = 'use YYYY, YYYY-MM, YYYY-MM-DD or YYYY-season (e.g. 2007-spring)';

const DATE_PATTERN = /^(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?|-(spring|summer|autumn|winter))?$/;

export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; setFullYear keeps years 0–99 literal.
  return makeLocalDate(year, month + 1, 0).getDate();
}

/** Parses `1989`, `2007-10`, `2007-12-27` or `2007-spring` into a partial date, with a reason when it is not one. */
export function parsePartialDate(text: string): ParseResult<PartialDate> {
  const match = DATE_PATTERN.exec(text.trim());
  if (!match) return { ok: false, error: `'${truncate(text)}' is not a date; ${DATE_FORMAT_HINT}` };
  const [, yearText, monthText, dayText, seasonText] = match;
  const year = Number(yearText);
  if (seasonText) return { ok: true, value: { year, season: seasonText as Season, precision: 'season' } };
  if (monthText === undefined) return { ok: true, value: { year, precision: 'year' } };
  const month = Number(monthText);
  if (month < 1 || month > 12) return { ok: false, error: `'${truncate(text)}' is not a date: month ${monthText} does not exist; ${DATE_FORMAT_HINT}` };
  if (dayText === undefined) return { ok: true, value: { year, month, precision: 'month' } };
  const day = Number(dayText);
  if (day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, error: `'${truncate(text)}' is not a date: day ${dayText} does not exist in that month; ${DATE_FORMAT_HINT}` };
  }
  return { ok: true, value: { year, month, day, precision: 'day' } };
}

/** The inverse of parsePartialDate. */
export function formatPartialDateIso(date: PartialDate): string {
  const year = formatYear(date.year);
  switch (date.precision) {
    case 'year':
      return year;
    case 'season':
      return `${year}-${date.season ?? 'spring'}`;
    case 'month':
      return `${year}-${pad2(date.month ?? 1)}`;
    case 'day':
      return `${year}-${pad2(date.month ?? 1)}-${pad2(date.day ?? 1)}`;
  }
}

/** A local-time Date for calendar parts; unlike `new Date(y, m, d)` it keeps years 0–99 as written. */
export function makeLocalDate(year: number, month: number, day: number): Date {
  const date = new Date(2000, 0, 1, 0, 0, 0, 0);
  date.setFullYear(year, month - 1, day);
  return date;
}

/** The span of time a partial date covers: [start, end) in epoch milliseconds (local calendar). */
export function toInterval(date: PartialDate): { start: number; end: number } {
  switch (date.precision) {
    case 'year':
      return { start: makeLocalDate(date.year, 1, 1).getTime(), end: makeLocalDate(date.year + 1, 1, 1).getTime() };
    case 'season': {
      const first = SEASON_FIRST_MONTH[date.season ?? 'spring'];
      return { start: makeLocalDate(date.year, first, 1).getTime(), end: makeLocalDate(date.year, first + 3, 1).getTime() };
    }
    case 'month': {
      const month = date.month ?? 1;
      return { start: makeLocalDate(date.year, month, 1).getTime(), end: makeLocalDate(date.year, month + 1, 1).getTime() };
    }
    case 'day': {
      const month = date.month ?? 1;
      const day = date.day ?? 1;
      return { start: makeLocalDate(date.year, month, day).getTime(), end: makeLocalDate(date.year, month, day + 1).getTime() };
    }
  }
}

/** Human label as precise as the date is: "1989", "Spring 2007", "October 2016", "27 December 2007". */
export function formatPartialDate(date: PartialDate): string {
  const yearLabel = formatYearLabel(date.year);
  switch (date.precision) {
    case 'year':
      return yearLabel;
    case 'season': {
      const season = date.season ?? 'spring';
      return `${season[0]?.toUpperCase()}${season.slice(1)} ${yearLabel}`;
    }
    case 'month':
      return `${format(makeLocalDate(2000, date.month ?? 1, 1), 'MMMM')} ${yearLabel}`;
    case 'day':
      return `${format(makeLocalDate(2000, date.month ?? 1, date.day ?? 1), 'd MMMM')} ${yearLabel}`;
  }
}

/** Label for a date or a span: "1997–2005", "3 November – 15 December 2007", "c. 1905". */
export function formatDateSpan(start: PartialDate, end?: PartialDate, approximate = false): string {
  const prefix = approximate ? 'c. ' : '';
  if (!end) return prefix + formatPartialDate(start);
  const startLabel = formatPartialDate(start);
  const endLabel = formatPartialDate(end);
  if (start.year === end.year && start.precision === end.precision && start.precision !== 'year' && start.precision !== 'season') {
    // Drop the repeated year: "3 November – 15 December 2007".
    const yearSuffix = ` ${formatYearLabel(start.year)}`;
    const startWithoutYear = startLabel.endsWith(yearSuffix) ? startLabel.slice(0, -yearSuffix.length) : startLabel;
    return `${prefix}${startWithoutYear} – ${endLabel}`;
  }
  const separator = start.precision === 'year' && end.precision === 'year' ? '–' : ' – ';
  return `${prefix}${startLabel}${separator}${endLabel}`;
}

/** Format a Date as an ISO calendar day (local), e.g. for URLs: "2007-12-27". */
export function formatIsoDay(date: Date): string {
  return `${formatYear(date.getFullYear())}-${pad2(date.getMonth() + 1)}-${pad2(date.getDate())}`;
}

/** Parse an ISO calendar day (YYYY-MM-DD) to a local Date at midnight, or undefined. */
export function parseIsoDay(text: string): Date | undefined {
  const parsed = parsePartialDate(text);
  if (!parsed.ok || parsed.value.precision !== 'day') return undefined;
  const { year, month, day } = parsed.value;
  return makeLocalDate(year, month ?? 1, day ?? 1);
}

function formatYear(year: number): string {
  return year < 0 ? `-${pad4(-year)}` : pad4(year);
}

/** A year as a reader writes it: 44 BCE for astronomical -43, 148 (not 0148) for 148. */
export function formatYearLabel(year: number): string {
  return year <= 0 ? `${1 - year} BCE` : String(year);
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

function pad4(value: number): string {
  return String(value).padStart(4, '0');
}

function truncate(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
