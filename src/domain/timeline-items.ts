// Records → timeline items: plain data that the timeline component turns into vis-timeline items and DOM text nodes.
import type { IndexedDataset, TimelineEvent } from './dataset.ts';
import { makeLocalDate } from './partial-date.ts';
import type { TimeWindow } from './view-state.ts';

export const TYPE_SLOT_COUNT = 12;

export type TimelineItemKind = 'point' | 'range';

export interface TimelineItemData {
  readonly id: string;
  /** Lane: the event's country id. */
  readonly group: string;
  readonly start: number;
  /** Only for ranges. */
  readonly end?: number;
  readonly kind: TimelineItemKind;
  readonly className: string;
  /** Text shown on the item. */
  readonly label: string;
  /** Text for the item's tooltip and accessible label: title, honest date, type. */
  readonly description: string;
  /** Colour and glyph slot of the event's type. */
  readonly typeSlot: number;
}

/** Each type gets a colour/glyph slot by its order in the dataset, so any dataset gets a stable legend. */
export function typeSlots(index: IndexedDataset): ReadonlyMap<string, number> {
  return new Map(index.dataset.types.map((type, position) => [type.id, position % TYPE_SLOT_COUNT]));
}

/**
 * A day-precise single event is a point. A single event known only to its month, season or year is drawn as a
 * soft range over that whole span, so it does not look precise to the day. Periods are solid ranges.
 */
export function toTimelineItem(event: TimelineEvent, index: IndexedDataset, slots: ReadonlyMap<string, number>): TimelineItemData {
  const typeSlot = slots.get(event.record.type) ?? 0;
  const type = index.typesById.get(event.record.type);
  const imprecise = !event.isRange && event.start.precision !== 'day';
  const kind: TimelineItemKind = event.isRange || imprecise ? 'range' : 'point';
  const classes = ['event', `event--slot-${typeSlot}`, event.isRange ? 'event--period' : imprecise ? 'event--imprecise' : 'event--day'];
  if (event.record.context) classes.push('event--context');
  if (event.record.approximate) classes.push('event--approximate');
  return {
    id: event.id,
    group: event.record.country,
    start: event.startMs,
    end: kind === 'range' ? event.endMs : undefined,
    kind,
    className: classes.join(' '),
    label: event.record.title,
    description: `${event.record.title}, ${event.dateLabel}${type ? `, ${type.label}` : ''}${event.record.context ? ' (context)' : ''}`,
    typeSlot,
  };
}

export function toTimelineItems(index: IndexedDataset): TimelineItemData[] {
  const slots = typeSlots(index);
  return index.events.map((event) => toTimelineItem(event, index, slots));
}

const DAY_MS = 24 * 60 * 60 * 1000;
export const MIN_WINDOW_MS = 7 * DAY_MS;

/** A window around [start, end) with a margin on each side, so edge events are not cut off. */
export function paddedWindow(start: number, end: number, marginRatio = 0.05): TimeWindow {
  const width = Math.max(end - start, MIN_WINDOW_MS);
  const centre = start + (end - start) / 2;
  const half = (width * (1 + 2 * marginRatio)) / 2;
  return { start: centre - half, end: centre + half };
}

/** Zoom about the window's centre: factor < 1 zooms in, > 1 zooms out. */
export function zoomWindow(window: TimeWindow, factor: number): TimeWindow {
  const centre = (window.start + window.end) / 2;
  const half = Math.max(((window.end - window.start) * factor) / 2, MIN_WINDOW_MS / 2);
  return { start: centre - half, end: centre + half };
}

/** Move the window by a fraction of its width (negative: earlier). */
export function panWindow(window: TimeWindow, fraction: number): TimeWindow {
  const shift = (window.end - window.start) * fraction;
  return { start: window.start + shift, end: window.end + shift };
}

/** Centre a window of the given width on an event, keeping the width unless the event is wider. */
export function windowAroundEvent(event: TimelineEvent, width: number): TimeWindow {
  const eventWidth = event.endMs - event.startMs;
  if (eventWidth * 1.2 > width) return paddedWindow(event.startMs, event.endMs, 0.1);
  const centre = event.startMs + eventWidth / 2;
  return { start: centre - width / 2, end: centre + width / 2 };
}

/** Whether an event is at least partly inside the window. */
export function isInWindow(event: TimelineEvent, window: TimeWindow): boolean {
  return event.endMs > window.start && event.startMs < window.end;
}

/** Counts of events per bucket over a span, for the overview strip's density bars. */
export function densityBuckets(events: readonly TimelineEvent[], span: TimeWindow, bucketCount: number): number[] {
  const buckets = new Array<number>(bucketCount).fill(0);
  const width = span.end - span.start;
  if (width <= 0) return buckets;
  for (const event of events) {
    const position = Math.floor(((event.startMs - span.start) / width) * bucketCount);
    const bucket = Math.min(Math.max(position, 0), bucketCount - 1);
    buckets[bucket] = (buckets[bucket] ?? 0) + 1;
  }
  return buckets;
}

/** The widest time a window may show: years the URL can write (four digits either side of year 0). */
export const TIME_LIMITS: TimeWindow = { start: makeLocalDate(-9999, 1, 1).getTime(), end: makeLocalDate(9999, 12, 31).getTime() };

/** Keeps a window inside TIME_LIMITS, shifting rather than shrinking it where it can. */
export function clampWindow(window: TimeWindow): TimeWindow {
  const width = Math.min(window.end - window.start, TIME_LIMITS.end - TIME_LIMITS.start);
  if (window.start < TIME_LIMITS.start) return { start: TIME_LIMITS.start, end: TIME_LIMITS.start + width };
  if (window.end > TIME_LIMITS.end) return { start: TIME_LIMITS.end - width, end: TIME_LIMITS.end };
  return window;
}
