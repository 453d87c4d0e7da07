import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type DisplayPlan,
  type DisplayOptions,
  bucketBoundaries,
  bucketStep,
  describeAggregate,
  formatBucket,
  isAggregateId,
  itemsOverlapping,
  movingPlanTarget,
  ZOOM_OUT_LOOKAHEAD,
  planDisplay,
  planServes,
} from '../../src/domain/aggregate-items.ts';
import { makeLocalDate } from '../../src/domain/partial-date.ts';
import type { TimelineItemData } from '../../src/domain/timeline-items.ts';

const at = (year: number, month = 1, day = 1) => makeLocalDate(year, month, day).getTime();
const DAY = 86_400_000;
const YEAR = 365.25 * DAY;

function item(id: string, group: string, start: number, end?: number): TimelineItemData {
  return { id, group, start, end, kind: end === undefined ? 'point' : 'range', className: 'event', label: id, description: id, typeSlot: 0 };
}

/** `count` points in one lane, evenly from `from` to `to`, sorted by start. */
function spread(count: number, group: string, from: number, to: number, prefix = group): TimelineItemData[] {
  return Array.from({ length: count }, (_, index) => item(`${prefix}-${index}`, group, from + ((to - from) * index) / count));
}

const sortByStart = (items: TimelineItemData[]) => [...items].sort((a, b) => a.start - b.start);
const options = (overrides: Partial<DisplayOptions> = {}): DisplayOptions => ({ maxItems: 50, bucketsPerWindow: 10, margin: 0.5, maxEventsPerCell: 4, ...overrides });

/** Every event once: drawn on its own or counted in exactly one block. */
function accountedEvents(plan: DisplayPlan): { ids: string[]; counted: number } {
  const ids = plan.items.flatMap((entry) => (entry.kind === 'event' ? [entry.item.id] : []));
  const counted = plan.items.reduce((sum, entry) => sum + (entry.kind === 'aggregate' ? entry.aggregate.count : 0), 0);
  return { ids, counted };
}

describe('itemsOverlapping', () => {
  const items = sortByStart([
    item('before', 'a', at(1980)),
    item('range-into', 'a', at(1985), at(1991)),
    item('range-ends-at-start', 'a', at(1985), at(1990)),
    item('at-start', 'a', at(1990)),
    item('inside', 'a', at(1995)),
    item('range-over', 'a', at(1989), at(2010)),
    item('at-end', 'a', at(2000)),
    item('after', 'a', at(2005)),
  ]);
  it.each<[string, boolean]>([
    ['before', false],
    ['range-into', true],
    ['range-ends-at-start', false],
    ['at-start', true],
    ['inside', true],
    ['range-over', true],
    ['at-end', false],
    ['after', false],
  ])('%s: %s', (id, expected) => {
    const ids = itemsOverlapping(items, { start: at(1990), end: at(2000) }).map((entry) => entry.id);
    expect(ids.includes(id)).toBe(expected);
  });
});

describe('bucketStep', () => {
  it.each([
    [DAY / 2, 'day', 1],
    [3 * DAY, 'day', 7],
    [20 * DAY, 'month', 1],
    [60 * DAY, 'month', 3],
    [150 * DAY, 'month', 6],
    [300 * DAY, 'year', 1],
    [3 * YEAR, 'year', 5],
    [7 * YEAR, 'year', 10],
    [5_000 * YEAR, 'year', 1000],
  ])('at least %d ms: %s × %d', (minimum, unit, size) => {
    expect(bucketStep(minimum)).toEqual({ unit, size });
  });
});

describe('bucketBoundaries', () => {
  it.each<[string, { start: number; end: number }, { unit: 'day' | 'month' | 'year'; size: number }, number[]]>([
    ['years on multiples of five', { start: at(1983, 6), end: at(1996) }, { unit: 'year', size: 5 }, [at(1980), at(1985), at(1990), at(1995), at(2000)]],
    ['quarters from January', { start: at(1990, 5, 3), end: at(1990, 11) }, { unit: 'month', size: 3 }, [at(1990, 4), at(1990, 7), at(1990, 10), at(1991, 1)]],
    ['months across a year end', { start: at(1990, 12, 20), end: at(1991, 2) }, { unit: 'month', size: 1 }, [at(1990, 12), at(1991, 1), at(1991, 2)]],
    // 7 March 1990 was a Wednesday.
    ['weeks from Monday', { start: at(1990, 3, 7), end: at(1990, 3, 20) }, { unit: 'day', size: 7 }, [at(1990, 3, 5), at(1990, 3, 12), at(1990, 3, 19), at(1990, 3, 26)]],
    ['days', { start: at(1990, 3, 7) + 5_000, end: at(1990, 3, 9) }, { unit: 'day', size: 1 }, [at(1990, 3, 7), at(1990, 3, 8), at(1990, 3, 9)]],
  ])('%s', (_name, range, step, expected) => {
    expect(bucketBoundaries(range, step)).toEqual(expected);
  });
});

describe('formatBucket', () => {
  it.each<[number, number, { unit: 'day' | 'month' | 'year'; size: number }, string]>([
    [at(1990), at(1995), { unit: 'year', size: 5 }, '1990–1994'],
    [at(1990), at(1991), { unit: 'year', size: 1 }, '1990'],
    [at(1990, 4), at(1990, 7), { unit: 'month', size: 3 }, 'April–June 1990'],
    [at(1990, 3), at(1990, 4), { unit: 'month', size: 1 }, 'March 1990'],
    [at(1990, 3, 5), at(1990, 3, 12), { unit: 'day', size: 7 }, '5–11 March 1990'],
    [at(1990, 3, 26), at(1990, 4, 2), { unit: 'day', size: 7 }, '26 March – 1 April 1990'],
    [at(1990, 12, 31), at(1991, 1, 7), { unit: 'day', size: 7 }, '31 December 1990 – 6 January 1991'],
    [at(1990, 3, 7), at(1990, 3, 8), { unit: 'day', size: 1 }, '7 March 1990'],
  ])('%#: %s', (start, end, step, expected) => {
    expect(formatBucket(start, end, step)).toBe(expected);
  });
});

describe('planDisplay', () => {
  const window = { start: at(1980), end: at(2000) };

  it('draws every event near the window on its own while they fit the budget', () => {
    const items = sortByStart([...spread(20, 'a', at(1975), at(2005)), item('far', 'a', at(1900))]);
    const plan = planDisplay(items, window, options());
    expect(plan.aggregated).toBe(false);
    expect(plan.items.every((entry) => entry.kind === 'event')).toBe(true);
    expect(plan.items).toHaveLength(20);
    expect(plan.covers).toEqual({ start: window.start - (window.end - window.start) / 2, end: window.end + (window.end - window.start) / 2 });
  });

  it('counts dense lanes in blocks, keeps sparse ones as events and accounts for every event once', () => {
    const dense = spread(400, 'dense', at(1970), at(2010));
    const sparse = spread(5, 'sparse', at(1981), at(1999));
    const plan = planDisplay(sortByStart([...dense, ...sparse]), window, options());
    expect(plan.aggregated).toBe(true);
    expect(plan.items.length).toBeLessThanOrEqual(50);
    const { ids, counted } = accountedEvents(plan);
    expect(ids.length + counted).toBe(405);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(sparse.map((entry) => entry.id)));
    const blocks = plan.items.flatMap((entry) => (entry.kind === 'aggregate' ? [entry.aggregate] : []));
    expect(blocks.every((block) => block.group === 'dense' && isAggregateId(block.id) && block.end > block.start)).toBe(true);
  });

  it('keeps a crowded bucket as a block even when the budget would allow its events', () => {
    // 60 events in one year of lane "crowded": over the budget of 50, so the plan aggregates; that bucket holds more
    // than 4 events and stays a block, while a bucket with 3 events in lane "few" is drawn one by one.
    const crowded = spread(60, 'crowded', at(1990, 2), at(1990, 11));
    const few = spread(3, 'few', at(1985, 2), at(1985, 5));
    const plan = planDisplay(sortByStart([...crowded, ...few]), window, options());
    expect(plan.aggregated).toBe(true);
    expect(accountedEvents(plan).ids.sort()).toEqual(few.map((entry) => entry.id).sort());
    expect(plan.items.filter((entry) => entry.kind === 'aggregate')).toHaveLength(1);
  });

  it('draws a pinned event on its own even inside a dense block', () => {
    const dense = spread(400, 'dense', at(1970), at(2010));
    const pinned = dense[200]?.id ?? '';
    const plan = planDisplay(dense, window, options({ pinned: new Set([pinned]) }));
    expect(accountedEvents(plan).ids).toContain(pinned);
  });

  it('gives the same ids for the same input, and new ids when a count changes', () => {
    const dense = spread(400, 'dense', at(1970), at(2010));
    const ids = (plan: DisplayPlan) => plan.items.map((entry) => (entry.kind === 'event' ? entry.item.id : entry.aggregate.id));
    expect(ids(planDisplay(dense, window, options()))).toEqual(ids(planDisplay(dense, window, options())));
    const fewer = dense.filter((_, index) => index !== 200);
    expect(ids(planDisplay(fewer, window, options()))).not.toEqual(ids(planDisplay(dense, window, options())));
  });

  it('stays within budget and accounts for every nearby event, for any events and window', () => {
    const event = fc.record({
      group: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      start: fc.integer({ min: at(1950), max: at(2020) }),
      length: fc.option(fc.integer({ min: DAY, max: 5 * YEAR }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(event, { maxLength: 600 }), fc.integer({ min: at(1950), max: at(2020) }), fc.integer({ min: 7 * DAY, max: 80 * YEAR }), (events, start, width) => {
        const items = sortByStart(events.map((entry, index) => item(`e-${index}`, entry.group, entry.start, entry.length === undefined ? undefined : entry.start + entry.length)));
        const plan = planDisplay(items, { start, end: start + width }, { maxItems: 300, bucketsPerWindow: 24, margin: 0.5, maxEventsPerCell: 4 });
        const { ids, counted } = accountedEvents(plan);
        expect(ids.length + counted).toBe(itemsOverlapping(items, plan.covers).length);
        expect(plan.items.length).toBeLessThanOrEqual(300);
      }),
      { numRuns: 200 },
    );
  });
});

describe('planServes', () => {
  const items = spread(400, 'dense', at(1970), at(2010));
  const aggregated = planDisplay(items, { start: at(1980), end: at(2000) }, options());
  const detailed = planDisplay(spread(10, 'a', at(1980), at(2000)), { start: at(1980), end: at(2000) }, options());
  it.each<[string, DisplayPlan, { start: number; end: number }, boolean]>([
    ['the same window', aggregated, { start: at(1980), end: at(2000) }, true],
    ['a pan within the margin', aggregated, { start: at(1985), end: at(2005) }, true],
    ['a pan past the margin', aggregated, { start: at(1995), end: at(2015) }, false],
    ['zoomed out past the margin', aggregated, { start: at(1960), end: at(2020) }, false],
    ['zoomed in over blocks', aggregated, { start: at(1985), end: at(1995) }, true],
    ['zoomed in far over single events', detailed, { start: at(1990), end: at(1991) }, true],
  ])('%s: %s', (_name, plan, window, expected) => {
    expect(planServes(plan, window)).toBe(expected);
  });
});

describe('movingPlanTarget', () => {
  const items = spread(400, 'dense', at(1970), at(2010));
  const plan = planDisplay(items, { start: at(1980), end: at(2000) }, options());

  it('plans for the window itself, with the usual buckets, before any plan and while panning or zooming in', () => {
    const panned = { start: at(1995), end: at(2015) };
    const zoomedIn = { start: at(1985), end: at(1995) };
    expect(movingPlanTarget(undefined, panned, options())).toEqual({ window: panned, bucketsPerWindow: 10 });
    expect(movingPlanTarget(plan, panned, options())).toEqual({ window: panned, bucketsPerWindow: 10 });
    expect(movingPlanTarget(plan, zoomedIn, options())).toEqual({ window: zoomedIn, bucketsPerWindow: 10 });
  });

  it('plans ahead of a zoom out: twice as wide, centred on the window', () => {
    const { window } = movingPlanTarget(plan, { start: at(1970), end: at(2010) }, options());
    expect(window).toEqual({ start: at(1970) - (at(2010) - at(1970)) / 2, end: at(2010) + (at(2010) - at(1970)) / 2 });
  });

  /** The plans of a zoom out from two years around 1990 by 24 wheel steps of a fifth, each with the window it served. */
  function zoomOut(items: readonly TimelineItemData[], ahead: number) {
    const atRest = planDisplay(items, { start: at(1989), end: at(1991) }, options());
    let current = atRest;
    const served: { plan: DisplayPlan; window: { start: number; end: number } }[] = [];
    let plans = 0;
    for (let step = 0, width = 2 * YEAR; step < 24; step += 1) {
      width *= 1.2;
      const window = { start: at(1990) - width / 2, end: at(1990) + width / 2 };
      if (!planServes(current, window)) {
        const target = movingPlanTarget(current, window, options(), ahead);
        current = planDisplay(items, target.window, options({ bucketsPerWindow: target.bucketsPerWindow }));
        plans += 1;
      }
      served.push({ plan: current, window });
    }
    // The plans made while moving, with the windows they served (the first plan is the one made at rest).
    return { plans, served: served.filter((entry) => entry.plan !== atRest) };
  }

  it('so a zoom out by steps of a fifth needs half the plans', () => {
    expect(zoomOut(items, 1).plans).toBe(6);
    expect(zoomOut(items, 2).plans).toBe(3);
  });

  it('draws no block finer than a plan at rest would for the same window, so a wheel step brings few blocks into view', () => {
    // Dense from 1800 to 2100: every plan of the zoom is made of blocks.
    const dense = spread(6000, 'dense', at(1800), at(2100));
    const shortestBlock = (plan: DisplayPlan) =>
      Math.min(...plan.items.flatMap((entry) => (entry.kind === 'aggregate' ? [entry.aggregate.end - entry.aggregate.start] : [])));
    const { served } = zoomOut(dense, ZOOM_OUT_LOOKAHEAD);
    expect(served.length).toBeGreaterThan(12);
    for (const { plan, window } of served) {
      // Blocks of whole calendar years: a leap year is a day longer.
      expect(shortestBlock(plan) + 2 * DAY).toBeGreaterThanOrEqual(shortestBlock(planDisplay(dense, window, options())));
    }
  });
});

describe('describeAggregate', () => {
  it('says how many events, where and when', () => {
    const block = { id: 'aggregate:iran:0:1:12', group: 'iran', start: at(1990), end: at(1995), count: 12, period: '1990–1994' };
    expect(describeAggregate(block, 'Iran')).toBe('12 events in Iran, 1990–1994');
  });
});
