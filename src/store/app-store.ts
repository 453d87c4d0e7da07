// The one store: the loaded dataset, the view state (selection, window, filters, modes) and notices, with actions beside them.
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { IndexedDataset } from '../domain/dataset.ts';
import { filterEvents } from '../domain/filters.ts';
import { type SearchIndex, buildSearchIndex } from '../domain/search.ts';
import { type TimelineItemData, toTimelineItems } from '../domain/timeline-items.ts';
import { DEFAULT_FILTERS, DEFAULT_VIEW_STATE, type FilterState, type TimeWindow, type ViewMode, type ViewState } from '../domain/view-state.ts';

export interface LoadedData {
  readonly index: IndexedDataset;
  readonly search: SearchIndex;
  /** Timeline items for every event, computed once per dataset. */
  readonly items: readonly TimelineItemData[];
  /** What the user sees as the dataset's name: "Built-in stories" or a file name. */
  readonly label: string;
}

export type NoticeTone = 'info' | 'warning' | 'error';

export interface Notice {
  readonly id: number;
  readonly text: string;
  readonly tone: NoticeTone;
  /** Further lines, e.g. every problem found in a dataset. */
  readonly details?: readonly string[];
}

export type Facet = 'countries' | 'actors' | 'types';

export interface AppActions {
  setData(index: IndexedDataset, label: string): void;
  selectEvent(eventId: string | undefined): void;
  /** Moves the selection to the next (1) or previous (-1) visible event in time. */
  selectAdjacentEvent(direction: 1 | -1): void;
  setWindow(window: TimeWindow): void;
  setFilters(filters: Partial<FilterState>): void;
  toggleFacetValue(facet: Facet, id: string): void;
  clearFilters(): void;
  setViewMode(view: ViewMode): void;
  /** Replaces the whole view state, e.g. from the URL or history. */
  applyViewState(view: ViewState): void;
  addNotice(text: string, tone?: NoticeTone, details?: readonly string[]): void;
  dismissNotice(id: number): void;
}

export interface AppState extends ViewState {
  readonly data: LoadedData | undefined;
  readonly notices: readonly Notice[];
  readonly actions: AppActions;
}

export function pickViewState(state: ViewState): ViewState {
  const { selectedEventId, window, view, present, embed, reveal, dataUrl, countries, actors, types, query, showContext } = state;
  return { selectedEventId, window, view, present, embed, reveal, dataUrl, countries, actors, types, query, showContext };
}

let nextNoticeId = 1;

export function createAppStore() {
  return createStore<AppState>()((set, get) => {
    const visibleEventIds = (state: AppState, filters: FilterState): Set<string> | undefined =>
      state.data ? new Set(filterEvents(state.data.index, state.data.search, filters).map((event) => event.id)) : undefined;

    const notice = (text: string, tone: NoticeTone = 'info', details?: readonly string[]): Notice => ({
      id: nextNoticeId++,
      text,
      tone,
      details,
    });

    /** Applies new filters; keeps the selection if it still matches, else closes its details and says so. */
    const applyFilters = (filters: FilterState) => {
      const state = get();
      const selected = state.selectedEventId;
      const visible = selected ? visibleEventIds(state, filters) : undefined;
      if (selected && visible && !visible.has(selected)) {
        const title = state.data?.index.eventsById.get(selected)?.record.title ?? selected;
        set({
          ...filters,
          selectedEventId: undefined,
          notices: [...state.notices, notice(`“${title}” does not match the filters, so its details were closed.`)],
        });
        return;
      }
      set({ ...filters });
    };

    const actions: AppActions = {
      setData(index, label) {
        const search = buildSearchIndex(index);
        set({ data: { index, search, items: toTimelineItems(index), label } });
      },
      selectEvent(eventId) {
        set({ selectedEventId: eventId });
      },
      selectAdjacentEvent(direction) {
        const state = get();
        if (!state.data) return;
        const visible = filterEvents(state.data.index, state.data.search, state);
        if (!visible.length) return;
        const position = visible.findIndex((event) => event.id === state.selectedEventId);
        let next: number;
        if (position === -1) {
          // Nothing selected: start from the first event at or after the window's centre.
          const centre = state.window ? (state.window.start + state.window.end) / 2 : -Infinity;
          const after = visible.findIndex((event) => event.startMs >= centre);
          next = direction === 1 ? (after === -1 ? visible.length - 1 : after) : after <= 0 ? 0 : after - 1;
        } else {
          next = Math.min(Math.max(position + direction, 0), visible.length - 1);
        }
        set({ selectedEventId: visible[next]?.id });
      },
      setWindow(window) {
        if (!(window.end > window.start)) return;
        set({ window });
      },
      setFilters(filters) {
        applyFilters({ ...pickFilters(get()), ...filters });
      },
      toggleFacetValue(facet, id) {
        const values = get()[facet];
        const next = values.includes(id) ? values.filter((value) => value !== id) : [...values, id];
        applyFilters({ ...pickFilters(get()), [facet]: next });
      },
      clearFilters() {
        applyFilters(DEFAULT_FILTERS);
      },
      setViewMode(view) {
        set({ view });
      },
      applyViewState(view) {
        set({ ...pickViewState(view) });
      },
      addNotice(text, tone = 'info', details) {
        set({ notices: [...get().notices, notice(text, tone, details)] });
      },
      dismissNotice(id) {
        set({ notices: get().notices.filter((item) => item.id !== id) });
      },
    };

    return { ...DEFAULT_VIEW_STATE, data: undefined, notices: [], actions };
  });
}

export function pickFilters(state: FilterState): FilterState {
  const { countries, actors, types, query, showContext } = state;
  return { countries, actors, types, query, showContext };
}

export type AppStore = ReturnType<typeof createAppStore>;

/** The app's store. Tests call resetAppStore() between cases. */
export const appStore = createAppStore();

export function resetAppStore(): void {
  appStore.setState({ ...DEFAULT_VIEW_STATE, data: undefined, notices: [] });
}

export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}

export function useAppActions(): AppActions {
  return useStore(appStore, (state) => state.actions);
}
