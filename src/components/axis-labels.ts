// The time axis's labels: vis-timeline's own formats, but years written as dates of events are (formatYearLabel):
// "44 BCE" and "148", where moment's YYYY wrote "-0043" and "0148", and "0000" for 1 BCE.
import { formatYearLabel } from '../domain/partial-date.ts';

/** The part of a moment that vis-timeline passes to a label function. */
export interface AxisDate {
  format(pattern: string): string;
  year(): number;
  date(): number;
  weekday(): number;
}

type Patterns = Readonly<Record<string, string>>;

// vis-timeline's defaults (TimeStep.FORMAT), which a label function replaces.
const MINOR: Patterns = { millisecond: 'SSS', second: 's', minute: 'HH:mm', hour: 'HH:mm', weekday: 'ddd D', day: 'D', week: 'w', month: 'MMM', year: 'YYYY' };
const MAJOR: Patterns = {
  millisecond: 'HH:mm:ss',
  second: 'D MMMM HH:mm',
  minute: 'ddd D MMMM',
  hour: 'ddd D MMMM',
  weekday: 'MMMM YYYY',
  day: 'MMMM YYYY',
  week: 'MMMM YYYY',
  month: 'YYYY',
  year: '',
};

function label(pattern: string | undefined, date: AxisDate): string {
  if (!pattern) return '';
  if (!pattern.endsWith('YYYY')) return date.format(pattern);
  const before = pattern.slice(0, -'YYYY'.length);
  return `${before ? date.format(before) : ''}${formatYearLabel(date.year())}`;
}

export function minorAxisLabel(date: AxisDate, scale: string): string {
  // As vis-timeline does: a week's label is left out on the first of a month that does not start a week.
  if (scale === 'week' && date.date() === 1 && date.weekday() !== 0) return '';
  return label(MINOR[scale], date);
}

export function majorAxisLabel(date: AxisDate, scale: string): string {
  return label(MAJOR[scale], date);
}
