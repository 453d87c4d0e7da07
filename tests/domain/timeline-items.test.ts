import { describe, expect, it } from 'vitest';
import {
  TIME_LIMITS,
  clampWindow,
  densityBuckets,
  isInWindow,
  paddedWindow,
  panWindow,
  toTimelineItems,
  typeSlots,
  windowAroundEvent,
  zoomWindow,
} from '../../src/domain/timeline-items.ts';
import { makeLocalDate } from '../../src/domain/partial-date.ts';
import { loadSampleIndex } from '../fixtures/sample-dataset.ts';

const index = loadSampleIndex();
const items = new Map(toTimelineItems(index).map((item) => [item.id, item]));
const day = (year: number, month: number, date: number) => makeLocalDate(year, month, date).getTime();

describe('toTimelineItems', () => {
  it('gives one item per event, in its country’s lane', () => {
    expect(items.size).toBe(index.events.length);
    expect(items.get('bhutto-assassinated')?.group).toBe('betastan');
  });

  it.each([
    // id, kind, start, end, class that tells the precision
    ['bhutto-assassinated', 'point', day(2007, 12, 27), undefined, 'event--day'],
    ['beta-emergency', 'range', day(2007, 11, 3), day(2007, 12, 16), 'event--period'],
    ['alpha-revolution', 'range', day(1979, 2, 1), day(1979, 3, 1), 'event--imprecise'],
    ['velayat-founded', 'range', day(1979, 3, 1), day(1979, 6, 1), 'event--imprecise'],
    ['alpha-war', 'range', day(1980, 1, 1), day(1989, 1, 1), 'event--period'],
  ])('%s is a %s from its first to its last possible day', (id, kind, start, end, precisionClass) => {
    const item = items.get(id);
    expect(item).toMatchObject({ kind, start, end });
    expect(item?.className.split(' ')).toContain(precisionClass);
  });

  it('marks context events and says so in the description', () => {
    const item = items.get('constitutional-revolution');
    expect(item?.className.split(' ')).toContain('event--context');
    expect(item?.description).toBe('Constitutional revolution, 1905–1911, Revolution (context)');
  });

  it('describes an item with its honest date and type', () => {
    expect(items.get('velayat-founded')?.description).toBe('Velâyat council founded, c. Spring 1979, Revolution');
    expect(items.get('alpha-revolution')?.label).toBe('Revolution in Alphaland');
  });

  it('gives each type a stable slot by dataset order', () => {
    const slots = typeSlots(index);
    expect(slots.get('revolution')).toBe(0);
    expect(slots.get('emergency-rule')).toBe(4);
    expect(items.get('beta-emergency')?.typeSlot).toBe(4);
  });
});

describe('window arithmetic', () => {
  const window = { start: 0, end: 1000 * 86_400_000 };
  it.each([
    ['zooms in about the centre', zoomWindow(window, 0.5), { start: 250 * 86_400_000, end: 750 * 86_400_000 }],
    ['zooms out about the centre', zoomWindow(window, 2), { start: -500 * 86_400_000, end: 1500 * 86_400_000 }],
    ['pans later by a fraction of the width', panWindow(window, 0.5), { start: 500 * 86_400_000, end: 1500 * 86_400_000 }],
    ['pads a span on both sides', paddedWindow(0, 100 * 86_400_000, 0.05), { start: -5 * 86_400_000, end: 105 * 86_400_000 }],
  ])('%s', (_name, actual, expected) => {
    expect(actual).toEqual(expected);
  });

  it('never zooms in below a week', () => {
    const tiny = zoomWindow({ start: 0, end: 86_400_000 }, 0.1);
    expect(tiny.end - tiny.start).toBe(7 * 86_400_000);
  });

  it('centres a window on an event and keeps its width', () => {
    const event = index.eventsById.get('bhutto-assassinated');
    if (!event) throw new Error('fixture');
    const around = windowAroundEvent(event, 10 * 86_400_000);
    expect(around.end - around.start).toBe(10 * 86_400_000);
    expect(isInWindow(event, around)).toBe(true);
    expect(isInWindow(event, { start: 0, end: 1 })).toBe(false);
  });

  it('counts events per bucket for the overview strip', () => {
    const span = { start: day(1900, 1, 1), end: day(2020, 1, 1) };
    const buckets = densityBuckets(index.events, span, 12);
    expect(buckets.reduce((sum, count) => sum + count, 0)).toBe(index.events.length);
    expect(buckets[0]).toBe(1); // 1905: the constitutional revolution
    expect(buckets[10]).toBe(3); // 2000s: emergency, assassination, election
    expect(buckets[11]).toBe(1); // 2010s: the rally
  });
});

describe('clampWindow', () => {
  it('keeps windows within the years a link can hold, shifting rather than shrinking', () => {
    const width = 10 * 365 * 86_400_000;
    const late = clampWindow({ start: TIME_LIMITS.end - width / 2, end: TIME_LIMITS.end + width / 2 });
    expect(late).toEqual({ start: TIME_LIMITS.end - width, end: TIME_LIMITS.end });
    const early = clampWindow({ start: TIME_LIMITS.start - width, end: TIME_LIMITS.start });
    expect(early).toEqual({ start: TIME_LIMITS.start, end: TIME_LIMITS.start + width });
    const inside = { start: 0, end: width };
    expect(clampWindow(inside)).toBe(inside);
    expect(new Date(TIME_LIMITS.end).getFullYear()).toBe(9999);
  });
});
