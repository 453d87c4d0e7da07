// The data's span and the window the tuned vis-timeline page opens at (a tenth of the span, in its middle). Shared by
// that page and the bench script, which opens the app at the same window by a link, to compare the two like for like.
import { formatIsoDay, parsePartialDate, toInterval } from '../src/domain/partial-date.ts';

export interface DatedRecord {
  readonly start: string;
  readonly end?: string;
}

export interface Span {
  readonly start: number;
  readonly end: number;
}

function interval(text: string): Span {
  const parsed = parsePartialDate(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return toInterval(parsed.value);
}

/** A record's start instant and, for a period, its end. */
export function recordTimes(record: DatedRecord): { start: number; end?: number } {
  return { start: interval(record.start).start, end: record.end ? interval(record.end).end : undefined };
}

/** From the earliest start to the latest end (or start, for a point), of records' times (from `recordTimes`). */
export function dataSpan(items: readonly { readonly start: number; readonly end?: number }[]): Span {
  let start = Infinity;
  let end = -Infinity;
  for (const times of items) {
    start = Math.min(start, times.start);
    end = Math.max(end, times.end ?? times.start);
  }
  return { start, end };
}

export function tunedWindow(span: Span): Span {
  const part = (span.end - span.start) / 10;
  const middle = (span.start + span.end) / 2;
  return { start: middle - part / 2, end: middle + part / 2 };
}

/** The app's link parameters for a window, to the day (the URL's precision). */
export function windowQuery(window: Span): string {
  return `from=${formatIsoDay(new Date(window.start))}&to=${formatIsoDay(new Date(window.end))}`;
}
