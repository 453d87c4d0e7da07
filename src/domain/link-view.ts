// The view a link stands for: which window a link without from/to means, and the short form of a view for its link.
// A window the app would choose by itself (fit all, or centred on the linked event) is left out of links, so they stay short.
import type { IndexedDataset, TimelineEvent } from './dataset.ts';
import { filterEvents } from './filters.ts';
import type { Precision } from './partial-date.ts';
import { parsePartialDate, toInterval } from './partial-date.ts';
import type { SearchIndex } from './search.ts';
import { serialiseViewState } from './url-codec.ts';
import { paddedWindow, windowAroundEvent } from './timeline-items.ts';
import { DEFAULT_VIEW_STATE, type TimeWindow, type ViewState } from './view-state.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The narrowest window that still shows an event's neighbours, by how precisely its date is known. */
export const MIN_LINK_WIDTH_MS: Readonly<Record<Precision, number>> = {
  day: 14 * DAY_MS,
  month: 120 * DAY_MS,
  season: 365 * DAY_MS,
  year: 4 * 365 * DAY_MS,
};

/** Share of the event's story (or of the whole dataset) that a window around it shows. */
export const LINK_STORY_SHARE = 1 / 8;

/** Two windows within this share of their width count as the same (pixel noise from the timeline). */
const SAME_WINDOW_TOLERANCE = 0.002;

/** The window the whole dataset fits in: what the app shows when a link gives no window. */
export function fitAllWindow(index: IndexedDataset): TimeWindow {
  return paddedWindow(index.span.start, index.span.end);
}

/** A window centred on an event, wide enough to show its neighbours: 1/8 of its story, at least a few days to years. */
export function eventLinkWindow(event: TimelineEvent, index: IndexedDataset): TimeWindow {
  const story = index.storiesById.get(event.record.story);
  const storyStart = story ? parsePartialDate(story.start) : undefined;
  const storyEnd = story ? parsePartialDate(story.end) : undefined;
  const span =
    storyStart?.ok && storyEnd?.ok ? { start: toInterval(storyStart.value).start, end: toInterval(storyEnd.value).end } : index.span;
  const width = Math.max((span.end - span.start) * LINK_STORY_SHARE, MIN_LINK_WIDTH_MS[event.start.precision]);
  return windowAroundEvent(event, width);
}

/** The window a view without one stands for: around its selected event if it has one, else the whole dataset. */
export function defaultLinkWindow(view: Pick<ViewState, 'selectedEventId'>, index: IndexedDataset): TimeWindow {
  const event = view.selectedEventId ? index.eventsById.get(view.selectedEventId) : undefined;
  return event ? eventLinkWindow(event, index) : fitAllWindow(index);
}

export function isSameWindow(a: TimeWindow, b: TimeWindow): boolean {
  const tolerance = Math.max(a.end - a.start, b.end - b.start) * SAME_WINDOW_TOLERANCE;
  return Math.abs(a.start - b.start) <= tolerance && Math.abs(a.end - b.end) <= tolerance;
}

/** The view as a link carries it: a window the app would choose anyway is left out. */
export function toLinkView(view: ViewState, index: IndexedDataset | undefined): ViewState {
  if (!view.window || !index) return view;
  return isSameWindow(view.window, defaultLinkWindow(view, index)) ? { ...view, window: undefined } : view;
}

/** The query string (without '?') of a link to this view. */
export function toLinkSearch(view: ViewState, index: IndexedDataset | undefined): string {
  return serialiseViewState(toLinkView(view, index));
}

/** The query string of a link to one event alone, on the same dataset. */
export function toEventLinkSearch(eventId: string, dataUrl: string | undefined): string {
  return serialiseViewState({ ...DEFAULT_VIEW_STATE, selectedEventId: eventId, dataUrl });
}

export interface ResolvedLinkView {
  /** The view to show: always with a window. */
  readonly view: ViewState;
  /** Why part of the link was not applied, in plain sentences. */
  readonly notices: readonly string[];
}

/**
 * Completes a parsed link into a view to show: a window where it gave none, no selected event that its own filters
 * hide (the app never shows details of a hidden event), and, presenting a tour, no selected event that is not one of
 * its steps (the tour would open on its title card instead).
 */
export function resolveLinkView(parsed: ViewState, index: IndexedDataset, search: SearchIndex): ResolvedLinkView {
  const notices: string[] = [];
  let view = parsed;
  const selected = view.selectedEventId ? index.eventsById.get(view.selectedEventId) : undefined;
  // A tour is only presented with present=1; without it the tour is inert and the event is shown as usual.
  const tour = view.present && view.tour !== undefined ? index.toursById.get(view.tour) : undefined;
  if (selected && tour) {
    // A tour's steps are the teacher's list, whatever the filters: a step is kept even where the link's filters hide it.
    if (!tour.steps.some((step) => step.event === selected.id)) {
      notices.push(`“${selected.record.title}” is not a step of the guided tour “${tour.title}”, so the tour opens on its title card.`);
      view = { ...view, selectedEventId: undefined };
    }
  } else if (selected && !filterEvents(index, search, view).some((event) => event.id === selected.id)) {
    notices.push(`“${selected.record.title}” does not match the link’s filters, so its details are not shown.`);
    view = { ...view, selectedEventId: undefined };
  }
  return { view: view.window ? view : { ...view, window: defaultLinkWindow(view, index) }, notices };
}
