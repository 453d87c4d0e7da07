// What the timeline draws for a window: every event near it while they are few, else "N events" blocks per lane and
// calendar bucket where they are dense. This keeps the number of drawn items bounded at every zoom, whatever N is.
import { format } from 'date-fns';
import { makeLocalDate } from './partial-date.ts';
import type { TimelineItemData } from './timeline-items.ts';
import type { TimeWindow } from './view-state.ts';

export interface AggregateItemData {
  /** One per lane and bucket: a block whose count changes (a filter) keeps its id and is relabelled in place. */
  readonly id: string;
  /** Lane: a country id. */
  readonly group: string;
  /** The calendar bucket, [start, end) epoch ms. */
  readonly start: number;
  readonly end: number;
  readonly count: number;
  /** The bucket in words: "1990–1994", "1990", "March 1990", "3–9 March 1990", "3 March 1990". */
  readonly period: string;
}

export type DisplayItem =
  | { readonly kind: 'event'; readonly item: TimelineItemData }
  | { readonly kind: 'aggregate'; readonly aggregate: AggregateItemData };

export interface DisplayOptions {
  /** Most items drawn (events plus blocks) for the window and its margins. */
  readonly maxItems: number;
  /** About this many buckets across the window when aggregating. */
  readonly bucketsPerWindow: number;
  /** Width prepared on each side of the window, as a fraction of it, so a short pan finds items already there. */
  readonly margin: number;
  /** A bucket with at most this many events in a lane may show them one by one, budget permitting. */
  readonly maxEventsPerCell: number;
  /** Events always drawn on their own, e.g. the selected one. */
  readonly pinned?: ReadonlySet<string>;
}

export const DEFAULT_DISPLAY_OPTIONS: DisplayOptions = { maxItems: 200, bucketsPerWindow: 16, margin: 0.5, maxEventsPerCell: 4 };

export interface DisplayPlan {
  readonly items: readonly DisplayItem[];
  /** The window the plan was made for. */
  readonly window: TimeWindow;
  /** The window with its margins: the plan draws everything here. */
  readonly covers: TimeWindow;
  /** True when some events are drawn as blocks. */
  readonly aggregated: boolean;
}

const AGGREGATE_PREFIX = 'aggregate:';

/** Aggregate ids contain ':', which record ids (kebab-case) never do. */
export function isAggregateId(id: string): boolean {
  return id.startsWith(AGGREGATE_PREFIX);
}

/**
 * The items to draw for a window. `items` must be sorted by start (as the dataset index keeps them). Events that
 * overlap the window and its margins are drawn one by one if they are at most `maxItems`; otherwise they are counted
 * per lane and calendar bucket, and sparse buckets (a few events) are still drawn one by one while the total stays in
 * budget.
 */
export function planDisplay(items: readonly TimelineItemData[], window: TimeWindow, options: DisplayOptions = DEFAULT_DISPLAY_OPTIONS): DisplayPlan {
  const width = window.end - window.start;
  const covers = { start: window.start - width * options.margin, end: window.end + width * options.margin };
  // Only items starting before the covered range's end can overlap it; a first pass counts them, stopping early.
  const upper = firstStartingAtOrAfter(items, covers.end);
  let nearCount = 0;
  for (let position = 0; position < upper && nearCount <= options.maxItems; position += 1) {
    if (overlapsFrom(items[position], covers.start)) nearCount += 1;
  }
  if (nearCount <= options.maxItems) {
    const near = itemsOverlapping(items, covers);
    return { items: near.map((item) => ({ kind: 'event', item })), window, covers, aggregated: false };
  }

  // Count per lane and bucket in one pass (items come sorted by start, so the bucket only moves forward), keeping
  // a cell's events only while it is sparse enough to be drawn one by one.
  const step = bucketStep(width / options.bucketsPerWindow);
  const edges = bucketBoundaries(covers, step);
  const bucketCount = edges.length - 1;
  const pinned = options.pinned;
  const display: DisplayItem[] = [];
  const lanes = new Map<string, number>();
  const cells: Cell[] = [];
  let bucket = 0;
  for (let position = 0; position < upper; position += 1) {
    const item = items[position] as TimelineItemData;
    if (!overlapsFrom(item, covers.start)) continue;
    if (pinned?.has(item.id)) {
      display.push({ kind: 'event', item });
      continue;
    }
    while (bucket < bucketCount - 1 && (edges[bucket + 1] ?? Infinity) <= item.start) bucket += 1;
    let lane = lanes.get(item.group);
    if (lane === undefined) lanes.set(item.group, (lane = lanes.size));
    const key = lane * bucketCount + bucket;
    const cell = cells[key];
    if (!cell) cells[key] = { group: item.group, bucket, count: 1, items: [item] };
    else if (++cell.count <= options.maxEventsPerCell) cell.items.push(item);
  }

  // Every cell costs one block; drawing a sparse cell's events instead costs one per event. Sparsest first.
  const ordered = cells.filter((cell) => cell !== undefined).sort((a, b) => a.count - b.count || a.bucket - b.bucket || compare(a.group, b.group));
  // Lanes share buckets: each bucket's words are formatted once, not once per lane (date-fns' format was about half
  // of a plan's time at 10,000 events).
  const periods: string[] = [];
  let cost = display.length + ordered.length;
  for (const cell of ordered) {
    const extra = cell.count - 1;
    if (cell.count <= options.maxEventsPerCell && cost + extra <= options.maxItems) {
      cost += extra;
      for (const item of cell.items) display.push({ kind: 'event', item });
    } else {
      const start = edges[cell.bucket] ?? covers.start;
      const end = edges[cell.bucket + 1] ?? covers.end;
      const { count, group } = cell;
      const period = (periods[cell.bucket] ??= formatBucket(start, end, step));
      display.push({ kind: 'aggregate', aggregate: { id: `${AGGREGATE_PREFIX}${group}:${start}:${end}`, group, start, end, count, period } });
    }
  }
  return { items: display, window, covers, aggregated: true };
}

interface Cell {
  readonly group: string;
  readonly bucket: number;
  count: number;
  /** The first few events, enough to draw the cell one by one if it stays sparse. */
  readonly items: TimelineItemData[];
}

/** Index of the first item (sorted by start) starting at or after `time`. */
function firstStartingAtOrAfter(items: readonly TimelineItemData[], time: number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((items[middle]?.start ?? 0) < time) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Whether an item starting before a range's end reaches its start; a point must be at or after it. */
function overlapsFrom(item: TimelineItemData | undefined, start: number): boolean {
  return item !== undefined && (item.end === undefined ? item.start >= start : item.end > start);
}

/**
 * Whether a plan can stay while the window moves: it draws everything the window shows. Zoomed in, its blocks are
 * coarser than need be but still true, so finer ones can wait until the window comes to rest.
 */
export function planServes(plan: DisplayPlan, window: TimeWindow): boolean {
  return window.start >= plan.covers.start && window.end <= plan.covers.end;
}

/** How much wider than the window a plan made while zooming out is (see `movingPlanTarget`). */
export const ZOOM_OUT_LOOKAHEAD = 2;

/** What a plan made while the window moves is made for: a window, and how many buckets go across it. */
export interface MovingPlanTarget {
  readonly window: TimeWindow;
  readonly bucketsPerWindow: number;
}

/**
 * What to plan for while the window moves and `previous` no longer serves it. Growing (zooming out), a plan for the
 * window as it is would be outgrown within a few frames, and each new plan replaces every block in view (a heavy
 * frame): so plan for a window `lookahead` times as wide, centred on it. That plan serves until the window is as wide
 * as the range it covers, and its buckets are sized for that widest window, so its blocks are never finer than a plan
 * at rest would draw. (Sized for the plan's own window, they were up to twice as fine as at rest, and every wheel step
 * brought dozens of them into view.) They are coarser than need be until the window catches up, and still true; finer
 * ones come when the window rests. Otherwise the window itself, with the usual buckets.
 */
export function movingPlanTarget(
  previous: DisplayPlan | undefined,
  next: TimeWindow,
  options: DisplayOptions = DEFAULT_DISPLAY_OPTIONS,
  lookahead = ZOOM_OUT_LOOKAHEAD,
): MovingPlanTarget {
  const width = next.end - next.start;
  if (!previous || width <= previous.window.end - previous.window.start) return { window: next, bucketsPerWindow: options.bucketsPerWindow };
  const centre = next.start + width / 2;
  return {
    window: { start: centre - (width * lookahead) / 2, end: centre + (width * lookahead) / 2 },
    // The covered range is the window plus a margin each side (see planDisplay).
    bucketsPerWindow: options.bucketsPerWindow / (1 + 2 * options.margin),
  };
}

/** Items (sorted by start) that overlap [start, end); a point overlaps if its instant is inside. */
export function itemsOverlapping(items: readonly TimelineItemData[], range: TimeWindow): TimelineItemData[] {
  const result: TimelineItemData[] = [];
  const upper = firstStartingAtOrAfter(items, range.end);
  for (let position = 0; position < upper; position += 1) {
    const item = items[position];
    if (item && overlapsFrom(item, range.start)) result.push(item);
  }
  return result;
}

/** A calendar step: a number of days, months or years. */
export interface BucketStep {
  readonly unit: 'day' | 'month' | 'year';
  readonly size: number;
}

const DAY_MS = 86_400_000;
const STEPS: readonly BucketStep[] = [
  { unit: 'day', size: 1 },
  { unit: 'day', size: 7 },
  { unit: 'month', size: 1 },
  { unit: 'month', size: 3 },
  { unit: 'month', size: 6 },
  ...[1, 2, 5, 10, 20, 50, 100, 200, 500, 1000].map((size) => ({ unit: 'year' as const, size })),
];
const APPROXIMATE_MS = { day: DAY_MS, month: 30.44 * DAY_MS, year: 365.25 * DAY_MS };

/** The smallest calendar step at least `minimumMs` long (the largest one for anything longer). */
export function bucketStep(minimumMs: number): BucketStep {
  return STEPS.find((step) => step.size * APPROXIMATE_MS[step.unit] >= minimumMs) ?? (STEPS[STEPS.length - 1] as BucketStep);
}

/**
 * Local-calendar bucket edges covering the range: whole multiples of the step (years divisible by 5, quarters from
 * January, weeks from Monday), so a pan keeps the same buckets.
 */
export function bucketBoundaries(range: TimeWindow, step: BucketStep): number[] {
  const first = new Date(range.start);
  let year = first.getFullYear();
  let month = 1;
  let day = 1;
  if (step.unit === 'year') {
    year = Math.floor(year / step.size) * step.size;
  } else if (step.unit === 'month') {
    month = Math.floor(first.getMonth() / step.size) * step.size + 1;
  } else {
    month = first.getMonth() + 1;
    // Weeks start on Monday; getDay() counts from Sunday.
    day = step.size === 7 ? first.getDate() - ((first.getDay() + 6) % 7) : first.getDate();
  }
  const edges: number[] = [];
  for (let index = 0; ; index += 1) {
    const edge =
      step.unit === 'year'
        ? makeLocalDate(year + index * step.size, 1, 1)
        : step.unit === 'month'
          ? makeLocalDate(year, month + index * step.size, 1)
          : makeLocalDate(year, month, day + index * step.size);
    edges.push(edge.getTime());
    if (edge.getTime() >= range.end) return edges;
  }
}

/** A bucket in words, as precise as its step. */
export function formatBucket(start: number, end: number, step: BucketStep): string {
  const last = end - 1;
  if (step.unit === 'year') return step.size === 1 ? format(start, 'yyyy') : `${format(start, 'yyyy')}–${format(last, 'yyyy')}`;
  if (step.unit === 'month') return step.size === 1 ? format(start, 'MMMM yyyy') : `${format(start, 'MMMM')}–${format(last, 'MMMM yyyy')}`;
  if (step.size === 1) return format(start, 'd MMMM yyyy');
  if (format(start, 'MMMM yyyy') === format(last, 'MMMM yyyy')) return `${format(start, 'd')}–${format(last, 'd MMMM yyyy')}`;
  return `${format(start, format(start, 'yyyy') === format(last, 'yyyy') ? 'd MMMM' : 'd MMMM yyyy')} – ${format(last, 'd MMMM yyyy')}`;
}

/** "12 events in Iran, 1990–1994" */
export function describeAggregate(aggregate: AggregateItemData, laneName: string): string {
  return `${aggregate.count} events in ${laneName}, ${aggregate.period}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
