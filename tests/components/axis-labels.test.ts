import moment from 'moment';
import { describe, expect, it } from 'vitest';
import { majorAxisLabel, minorAxisLabel } from '../../src/components/axis-labels.ts';

// vis-timeline passes its label functions a moment in UTC offset of the page; the year is what matters here.
const at = (iso: string) => moment.utc(iso);

describe('the time axis’s labels', () => {
  it('write years as event dates are written: BCE before year 1, no zero padding', () => {
    expect(minorAxisLabel(at('-000050-01-01'), 'year')).toBe('51 BCE');
    expect(minorAxisLabel(at('0000-01-01'), 'year')).toBe('1 BCE');
    expect(minorAxisLabel(at('0050-01-01'), 'year')).toBe('50');
    expect(minorAxisLabel(at('1979-01-01'), 'year')).toBe('1979');
    expect(majorAxisLabel(at('0148-03-01'), 'month')).toBe('148');
    expect(majorAxisLabel(at('-000043-03-15'), 'day')).toBe('March 44 BCE');
  });

  it('keep vis-timeline’s own formats for everything else', () => {
    expect(minorAxisLabel(at('2008-02-18'), 'month')).toBe('Feb');
    expect(minorAxisLabel(at('2008-02-18'), 'day')).toBe('18');
    expect(majorAxisLabel(at('2008-02-18'), 'day')).toBe('February 2008');
    expect(majorAxisLabel(at('2008-02-18'), 'year')).toBe('');
    // A week's label is left out on the first of a month that does not start a week, as vis-timeline does.
    expect(minorAxisLabel(at('2008-02-01'), 'week')).toBe('');
    expect(minorAxisLabel(at('2008-02-04'), 'week')).toBe(at('2008-02-04').format('w'));
  });
});
