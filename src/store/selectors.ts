// Derived state: computed from the store's sources, memoised on the inputs they read, never stored.
import { shallow } from 'zustand/shallow';
import type { TimelineEvent } from '../domain/dataset.ts';
import { type FacetCounts, type FilterResult, filterAndCountFacets, isFilterActive } from '../domain/filters.ts';
import { EMPTY_DECK, presentationDeck, revealedEventIds, stepPosition } from '../domain/presentation.ts';
import type { Actor, Country, EventType } from '../domain/schema.ts';
import { type TimelineItemData, paddedWindow } from '../domain/timeline-items.ts';
import type { TimeWindow } from '../domain/view-state.ts';
import { toLinkSearch } from '../domain/link-view.ts';
import { type AppState, type LoadedData, pickViewState } from './app-store.ts';

/**
 * Memoises a selector on a list of inputs, so components re-render only when the result changes. Inputs are compared
 * by reference, or by `same` (e.g. zustand's `shallow`, for an input made afresh from the state's fields).
 */
function memoSelector<const Inputs extends readonly unknown[], Result>(
  inputs: (state: AppState) => Inputs,
  compute: (...args: [...Inputs]) => Result,
  same: (a: unknown, b: unknown) => boolean = Object.is,
): (state: AppState) => Result {
  let lastInputs: Inputs | undefined;
  let lastResult: Result;
  return (state) => {
    const next = inputs(state);
    if (lastInputs && next.length === lastInputs.length && next.every((value, position) => same(value, lastInputs?.[position]))) {
      return lastResult;
    }
    lastInputs = next;
    lastResult = compute(...(next as [...Inputs]));
    return lastResult;
  };
}

const EMPTY_EVENTS: readonly TimelineEvent[] = [];

const filterInputs = (state: AppState) =>
  [state.data, state.countries, state.actors, state.types, state.query, state.showContext] as const;

/** The events and the facet counts, found together in one pass when a filter changes. */
const selectFilterResult = memoSelector(filterInputs, (data, countries, actors, types, query, showContext): FilterResult | undefined =>
  data ? filterAndCountFacets(data.index, data.search, { countries, actors, types, query, showContext }) : undefined,
);

export const selectVisibleEvents = (state: AppState): readonly TimelineEvent[] => selectFilterResult(state)?.events ?? EMPTY_EVENTS;

const deckOf = (data: LoadedData | undefined, events: readonly TimelineEvent[], tour: string | undefined) =>
  data ? presentationDeck(data.index, events, tour) : EMPTY_DECK;

/** The presentation's steps: the tour being presented, else the filtered events in time order. */
export const selectPresentationDeck = memoSelector(
  (state: AppState) => [state.data, selectVisibleEvents(state), state.tour] as const,
  (data, events, tour) => deckOf(data, events, tour),
);

/**
 * What the handout prints: while a guided tour is presented, its deck (the title card, then its events in the tour's
 * order); otherwise the filtered events in time order. Built only while printing.
 */
export const selectHandoutDeck = memoSelector(
  (state: AppState) => [state.data, selectVisibleEvents(state), state.present ? state.tour : undefined] as const,
  (data, events, tour) => deckOf(data, events, tour),
);

/** The current step: the selected event's, a tour's title card when nothing is selected, else -1. */
export const selectPresentationPosition = (state: AppState): number => stepPosition(selectPresentationDeck(state), state.selectedEventId);

const selectRevealedWhileHiding = memoSelector(
  (state: AppState) => [selectPresentationDeck(state), selectPresentationPosition(state)] as const,
  (deck, position) => revealedEventIds(deck, position),
);

/** The events "reveal" leaves on the timeline; undefined when nothing is hidden. Without it, no deck is built: a
 * filter at 10,000 events would otherwise make a step for each event on every change. */
export const selectRevealedEventIds = (state: AppState): ReadonlySet<string> | undefined =>
  state.present && state.reveal ? selectRevealedWhileHiding(state) : undefined;

export const selectFacetCounts = (state: AppState): FacetCounts | undefined => selectFilterResult(state)?.counts;

export const selectIsFilterActive = (state: AppState): boolean => isFilterActive(state);

export const selectData = (state: AppState): LoadedData | undefined => state.data;

export const selectTotalEventCount = (state: AppState): number => state.data?.index.events.length ?? 0;

export const selectSelectedEvent = (state: AppState): TimelineEvent | undefined =>
  state.selectedEventId ? state.data?.index.eventsById.get(state.selectedEventId) : undefined;

/** Whether the selected event is among the filtered events (a link, or Back, can leave it out and keep it selected). */
export const selectIsSelectionVisible = memoSelector(
  (state: AppState) => [selectVisibleEvents(state), state.selectedEventId] as const,
  (events, selectedId) => selectedId !== undefined && events.some((event) => event.id === selectedId),
);

/** The query string (without '?') of a link to the current view: what the address bar and "Copy link" carry.
 * Memoised on the view's fields: the address and the share controls read it on every store change. */
export const selectLinkSearch = memoSelector(
  (state: AppState) => [state.data?.index, pickViewState(state)] as const,
  (index, view) => toLinkSearch(view, index),
  shallow,
);

export interface FacetOptions {
  /** Countries with events (the timeline's lanes). */
  readonly countries: readonly Country[];
  /** Types that at least one event has: a type no record uses would only ever show zero. */
  readonly types: readonly EventType[];
  readonly actors: readonly Actor[];
}

const NO_FACET_OPTIONS: FacetOptions = { countries: [], types: [], actors: [] };

/** The values each facet offers, in dataset order. */
export const selectFacetOptions = memoSelector(
  (state: AppState) => [state.data] as const,
  (data): FacetOptions => {
    if (!data) return NO_FACET_OPTIONS;
    const usedTypes = new Set(data.index.events.map((event) => event.record.type));
    return {
      countries: data.index.laneCountries,
      types: data.index.dataset.types.filter((type) => usedTypes.has(type.id)),
      actors: data.index.dataset.actors,
    };
  },
);

const RESULTS_LABEL_ROOM = 0.25;

/** The span of the visible events with a margin, for "Fit results"; undefined when nothing matches. */
export const selectResultsWindow = memoSelector(
  (state: AppState) => [state.data, selectVisibleEvents(state)] as const,
  (data, events): TimeWindow | undefined => {
    const first = events[0];
    if (!data || !first) return undefined;
    // All of them: the dataset's own span. Otherwise the first starts first (the index's order); ends need a look.
    let { start, end } = data.index.span;
    if (events.length < data.index.events.length) {
      start = first.startMs;
      end = -Infinity;
      for (const event of events) end = Math.max(end, event.endMs);
    }
    // Labels run to the right of their dates: extra room on the right so the last ones are not cut off.
    const padded = paddedWindow(start, end);
    return { start: padded.start, end: padded.end + (padded.end - padded.start) * RESULTS_LABEL_ROOM };
  },
);

const NO_ITEMS: readonly TimelineItemData[] = [];

/** The timeline items it draws, in time order: the filtered events, narrowed to the steps reached so far when presenting
 * with "reveal"; the dataset's own list when none is hidden. */
export const selectVisibleTimelineItems = memoSelector(
  (state: AppState) => [state.data, selectFilterResult(state), selectRevealedEventIds(state)] as const,
  (data, filtered, revealed): readonly TimelineItemData[] => {
    if (!data || !filtered) return NO_ITEMS;
    if (!revealed && filtered.events.length === data.items.length) return data.items;
    // Items are aligned with the index's events: each visible event's position picks its item.
    const drawn: TimelineItemData[] = [];
    for (const position of filtered.positions) {
      const item = data.items[position];
      if (item && (!revealed || revealed.has(item.id))) drawn.push(item);
    }
    return drawn;
  },
);
