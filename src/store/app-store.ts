// The one store: the loaded dataset, the view state (selection, window, filters, modes) and notices, with actions beside them.
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { IndexedDataset } from '../domain/dataset.ts';
import { filterEvents } from '../domain/filters.ts';
import { viewForNewDataset } from '../domain/new-dataset-view.ts';
import { type StepCommand, moveStep, presentationDeck, stepEventId, stepPosition, stepWindow } from '../domain/presentation.ts';
import { type SearchIndex, buildSearchIndex } from '../domain/search.ts';
import { type TimelineItemData, clampWindow, paddedWindow, toTimelineItems } from '../domain/timeline-items.ts';
import { DEFAULT_FILTERS, DEFAULT_VIEW_STATE, type FilterState, type TimeWindow, type ViewMode, type ViewState } from '../domain/view-state.ts';

export interface LoadedData {
  readonly index: IndexedDataset;
  readonly search: SearchIndex;
  /** Timeline items for every event, computed once per dataset. */
  readonly items: readonly TimelineItemData[];
  /** What the user sees as the dataset's name: "Built-in stories" or a file name. */
  readonly label: string;
  /** The address it was loaded from (a link's data=); undefined for the built-in stories or a local file. */
  readonly dataUrl?: string;
  /** The file it was read from, if the user opened one (it has no address). */
  readonly file?: OpenedFileRef;
}

/** A file the user opened in this page: the key its views' history entries name it by, and its name. */
export interface OpenedFileRef {
  readonly key: string;
  readonly name: string;
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

/** What leaving presentation mode brings back: the view from when Present or Start tour was pressed. */
export interface PresentationReturn {
  readonly window: TimeWindow | undefined;
  readonly selectedEventId: string | undefined;
  readonly view: ViewMode;
  readonly filters: FilterState;
}

export interface AppActions {
  /** dataUrl: the address the dataset came from, so a link's data= knows its dataset has arrived. */
  setData(index: IndexedDataset, label: string, dataUrl?: string): void;
  /**
   * Swaps in a dataset the user opened (dataUrl: the address it came from; file: the file, which has none), together
   * with the view that fits it: its whole span, keeping only the filters and selection that apply. One update, so
   * nothing ever draws the new data with the old view.
   */
  openDataset(index: IndexedDataset, label: string, dataUrl: string | undefined, file?: OpenedFileRef): void;
  /** Names the dataset being fetched or read, for a "Loading…" status; undefined when none is. */
  setLoadingDataset(name: string | undefined): void;
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
  /** Presents the filtered events (from the selected one, else the first) or, given a tour id, the tour from its title card. */
  startPresentation(tourId?: string): void;
  /** Moves to another step of the presentation, and the window to it. */
  stepPresentation(command: StepCommand): void;
  /** Puts a presentation opened by a link on a step (the first if it names none) and the window on that step. */
  settlePresentation(): void;
  /** Leaves presentation mode, bringing back the view from before it. */
  stopPresentation(): void;
  /** Hides the events after the current step until they are reached. */
  setReveal(reveal: boolean): void;
  addNotice(text: string, tone?: NoticeTone, details?: readonly string[]): void;
  dismissNotice(id: number): void;
}

export interface AppState extends ViewState {
  readonly data: LoadedData | undefined;
  /** The name of a dataset being loaded, shown as a status while the current one stays in place. */
  readonly loadingDataset: string | undefined;
  readonly notices: readonly Notice[];
  /** Set while presenting, if presentation was entered from the page (a link has nothing to go back to). */
  readonly presentationReturn: PresentationReturn | undefined;
  readonly actions: AppActions;
}

export function pickViewState(state: ViewState): ViewState {
  const { selectedEventId, window, view, present, embed, reveal, tour, dataUrl, dataFile, countries, actors, types, query, showContext } = state;
  return { selectedEventId, window, view, present, embed, reveal, tour, dataUrl, dataFile, countries, actors, types, query, showContext };
}

/** The view, naming the dataset shown instead of one that could not be shown (a failed load, a file not kept). */
export function viewOfShownData(state: AppState): ViewState {
  return { ...pickViewState(state), dataUrl: state.data?.dataUrl, dataFile: state.data?.file?.key };
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

    /** The presentation's steps for these filters and tour, and the events on the timeline. */
    const presentationOf = (data: LoadedData, filters: FilterState, tour: string | undefined) => {
      const visible = filterEvents(data.index, data.search, filters);
      return { deck: presentationDeck(data.index, visible, tour), visible };
    };

    /** A step as view state: its event selected (none for a title card) and the window on it. */
    const stepView = (data: LoadedData, filters: FilterState, tour: string | undefined, position: number) => {
      const { deck, visible } = presentationOf(data, filters, tour);
      const limit = paddedWindow(data.index.span.start, data.index.span.end);
      return { selectedEventId: stepEventId(deck, position), window: stepWindow(deck, position, visible, limit) ?? get().window };
    };

    /** Shows a step of the current presentation, writing nothing when it is already shown. */
    const showStep = (data: LoadedData, position: number) => {
      const state = get();
      const next = stepView(data, state, state.tour, position);
      const same =
        next.selectedEventId === state.selectedEventId && next.window?.start === state.window?.start && next.window?.end === state.window?.end;
      if (!same) set(next);
    };

    const actions: AppActions = {
      setData(index, label, dataUrl) {
        const search = buildSearchIndex(index);
        set({ data: { index, search, items: toTimelineItems(index), label, dataUrl } });
      },
      openDataset(index, label, dataUrl, file) {
        const search = buildSearchIndex(index);
        const view = viewForNewDataset(pickViewState(get()), index, search, { dataUrl, dataFile: file?.key });
        set({ ...view, presentationReturn: undefined, data: { index, search, items: toTimelineItems(index), label, dataUrl, file } });
      },
      setLoadingDataset(name) {
        set({ loadingDataset: name });
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
        set({ window: clampWindow(window) });
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
        // Back or Forward out of presentation mode: the view it would have restored is the one being applied.
        set({ ...pickViewState(view), presentationReturn: view.present ? get().presentationReturn : undefined });
      },
      startPresentation(tourId) {
        const state = get();
        if (!state.data) return;
        const tour = tourId !== undefined && state.data.index.toursById.has(tourId) ? tourId : undefined;
        // A tour is the teacher's list: it starts from the whole dataset, whatever the filters were.
        const filters = tour ? DEFAULT_FILTERS : pickFilters(state);
        const { deck } = presentationOf(state.data, filters, tour);
        const current = tour ? -1 : stepPosition(deck, state.selectedEventId);
        const presentationReturn: PresentationReturn | undefined = state.present
          ? state.presentationReturn
          : { window: state.window, selectedEventId: state.selectedEventId, view: state.view, filters: pickFilters(state) };
        const position = current >= 0 ? current : moveStep(deck, -1, 'first');
        set({ ...filters, present: true, tour, view: 'timeline', presentationReturn, ...stepView(state.data, filters, tour, position) });
      },
      stepPresentation(command) {
        const state = get();
        if (!state.data || !state.present) return;
        const { deck } = presentationOf(state.data, state, state.tour);
        const position = stepPosition(deck, state.selectedEventId);
        const next = moveStep(deck, position, command);
        if (next >= 0 && next !== position) showStep(state.data, next);
      },
      settlePresentation() {
        const state = get();
        if (!state.data || !state.present) return;
        const { deck } = presentationOf(state.data, state, state.tour);
        const position = stepPosition(deck, state.selectedEventId);
        showStep(state.data, position >= 0 ? position : moveStep(deck, -1, 'first'));
      },
      stopPresentation() {
        const state = get();
        if (!state.present) return;
        const back = state.presentationReturn;
        set({
          present: false,
          reveal: false,
          tour: undefined,
          presentationReturn: undefined,
          ...(back ? { ...back.filters, window: back.window ?? state.window, selectedEventId: back.selectedEventId, view: back.view } : {}),
        });
      },
      setReveal(reveal) {
        set({ reveal });
      },
      addNotice(text, tone = 'info', details) {
        // Said again, a notice moves to the end instead of stacking a copy; it keeps its id, so its element (and a
        // focused Dismiss button) stays in the page.
        const same = (item: Notice) => item.text === text && item.tone === tone && (item.details ?? []).join('\n') === (details ?? []).join('\n');
        const notices = get().notices;
        const earlier = notices.find(same);
        set({ notices: [...notices.filter((item) => item !== earlier), earlier ?? notice(text, tone, details)] });
      },
      dismissNotice(id) {
        set({ notices: get().notices.filter((item) => item.id !== id) });
      },
    };

    return { ...DEFAULT_VIEW_STATE, data: undefined, loadingDataset: undefined, notices: [], presentationReturn: undefined, actions };
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
  appStore.setState({ ...DEFAULT_VIEW_STATE, data: undefined, loadingDataset: undefined, notices: [], presentationReturn: undefined });
}

export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}

export function useAppActions(): AppActions {
  return useStore(appStore, (state) => state.actions);
}
