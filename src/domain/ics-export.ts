// Events as an iCalendar file (RFC 5545) for calendar apps: all-day entries spanning what the date covers,
// with the honest date label in the text whenever a calendar would show more precision than the source gives.
import type { IndexedDataset, TimelineEvent } from './dataset.ts';
import { type PartialDate, type Season, formatIsoDay, formatPartialDate } from './partial-date.ts';
import type { EventRecord } from './schema.ts';

export interface IcsOptions {
  /** The DTSTAMP of every entry; defaults to now. */
  readonly now?: Date;
}

const SEASON_MONTHS: Record<Season, string> = {
  spring: 'March to May',
  summer: 'June to August',
  autumn: 'September to November',
  winter: 'December to February',
};

/** iCalendar dates have four-digit years from 1: BCE events and those past 9999 cannot be written. */
export function isIcsRepresentable(event: TimelineEvent): boolean {
  return new Date(event.startMs).getFullYear() >= 1 && new Date(event.endMs).getFullYear() <= 9999;
}

/**
 * One all-day VEVENT per event (those isIcsRepresentable accepts; callers should say how many were left out):
 * a year-only event spans the year, a season its three months, a range from its start to the end of its last unit.
 * CRLF line endings, lines folded at 75 octets, text escaped.
 */
export function exportIcs(index: IndexedDataset, events: readonly TimelineEvent[], options: IcsOptions = {}): string {
  const stamp = formatUtcStamp(options.now ?? new Date());
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Timeline Explorer//Timeline Explorer//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...(index.dataset.title ? [`X-WR-CALNAME:${escapeText(index.dataset.title)}`] : []),
  ];
  for (const event of events.filter(isIcsRepresentable)) {
    const { record } = event;
    const note = precisionNote(event.start, event.end);
    const description = [`Date: ${event.dateLabel}${note ? ` (${note})` : ''}`, record.summary, describeSource(index, record)]
      .filter((paragraph) => paragraph !== undefined)
      .join('\n\n');
    const country = index.countriesById.get(record.country)?.name;
    const type = index.typesById.get(record.type)?.label;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${record.id}@timeline-explorer`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${formatIcsDate(event.startMs)}`,
      `DTEND;VALUE=DATE:${formatIcsDate(event.endMs)}`,
      `SUMMARY:${escapeText(note || record.approximate ? `${record.title} (${event.dateLabel})` : record.title)}`,
      `DESCRIPTION:${escapeText(description)}`,
      ...(country ? [`LOCATION:${escapeText(country)}`] : []),
      ...(type ? [`CATEGORIES:${escapeText(type)}`] : []),
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** "Source: <title>: "<quote>"", the title alone without a quote, undefined without a source. */
function describeSource(index: IndexedDataset, record: EventRecord): string | undefined {
  if (!record.source) return undefined;
  const title = index.sourcesById.get(record.source.article)?.title ?? record.source.article;
  return record.source.quote === undefined ? `Source: ${title}` : `Source: ${title}: "${record.source.quote}"`;
}

/** Says how much less precise the date is than the calendar entry looks; undefined for days. */
function precisionNote(start: PartialDate, end: PartialDate | undefined): string | undefined {
  if (end) {
    if (start.precision === 'day' && end.precision === 'day') return undefined;
    return `not given to the day; the calendar entry runs from the start of ${formatPartialDate(start)} to the end of ${formatPartialDate(end)}`;
  }
  switch (start.precision) {
    case 'day':
      return undefined;
    case 'month':
      return 'month only; the calendar entry spans the whole month';
    case 'season':
      return `season only; the calendar entry spans the whole season, ${SEASON_MONTHS[start.season ?? 'spring']}`;
    case 'year':
      return 'year only; the calendar entry spans the whole year';
  }
}

/** TEXT escaping (RFC 5545 §3.3.11); control characters other than line breaks are not allowed at all. */
export function escapeText(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- removing exactly the characters iCalendar forbids
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n')
  );
}

/** Folds a content line into pieces of at most 75 octets (RFC 5545 §3.1), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const pieces: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char);
    if (octets + size > 75) {
      pieces.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  pieces.push(current);
  return pieces.join('\r\n');
}

function utf8Length(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

/** A local calendar day as YYYYMMDD: the events' own calendar, not UTC. */
function formatIcsDate(epochMs: number): string {
  return formatIsoDay(new Date(epochMs)).replace(/-/g, '');
}

function formatUtcStamp(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}
