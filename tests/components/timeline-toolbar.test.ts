// The toolbar's "Showing …" names the window in the words the events' dates use: years as written, BCE with its era.
import { describe, expect, it } from 'vitest';
import { formatWindow } from '../../src/components/timeline-toolbar.tsx';
import { makeLocalDate } from '../../src/domain/partial-date.ts';

const at = (year: number, month = 1, day = 1) => makeLocalDate(year, month, day).getTime();

describe('formatWindow', () => {
  it.each([
    ['decades', at(1899), at(2023), '1899 – 2023'],
    ['months', at(2007, 11, 1), at(2008, 3, 1), 'Nov 2007 – Mar 2008'],
    ['days', at(2007, 12, 18), at(2008, 1, 6), '18 Dec 2007 – 6 Jan 2008'],
    ['early years, unpadded', at(148), at(2108), '148 – 2108'],
    ['years before the common era', at(-44, 2), at(-42, 2), 'Feb 45 BCE – Feb 43 BCE'],
    ['across the era', at(-43), at(2005), '44 BCE – 2005'],
    ['the widest window', at(-9999), at(9999, 12, 31), '10000 BCE – 9999'],
  ])('%s', (_, start, end, expected) => {
    expect(formatWindow({ start, end })).toBe(expected);
  });
});
