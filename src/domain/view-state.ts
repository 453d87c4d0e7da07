// The view a user sees, as plain data: what the store holds, what the URL encodes and what filters read.

export interface FilterState {
  /** Country ids; empty means every country. Values in one facet combine with OR. */
  readonly countries: readonly string[];
  /** Actor ids; empty means every actor. */
  readonly actors: readonly string[];
  /** Event type ids; empty means every type. */
  readonly types: readonly string[];
  /** Free-text search, matched case- and accent-insensitively. */
  readonly query: string;
  /** Whether context events (outside the stories' periods) are shown. */
  readonly showContext: boolean;
}

export const VIEW_MODES = ['timeline', 'list'] as const;
export type ViewMode = (typeof VIEW_MODES)[number];

/** The visible time window, epoch milliseconds. */
export interface TimeWindow {
  readonly start: number;
  readonly end: number;
}

export interface ViewState extends FilterState {
  readonly selectedEventId: string | undefined;
  /** Undefined until the timeline or the URL sets one: the app then fits the data. */
  readonly window: TimeWindow | undefined;
  readonly view: ViewMode;
  readonly present: boolean;
  readonly embed: boolean;
  /** Hides events after the current one in presentation mode. */
  readonly reveal: boolean;
  /** The guided tour being presented (a tour id); undefined presents the filtered events in time order. */
  readonly tour: string | undefined;
  /** URL of a dataset to load instead of the built-in stories. */
  readonly dataUrl: string | undefined;
  /**
   * A file the user opened in this page (its key), which has no address: the history entry carries it
   * (history.state), not the link.
   */
  readonly dataFile: string | undefined;
}

export const DEFAULT_FILTERS: FilterState = {
  countries: [],
  actors: [],
  types: [],
  query: '',
  showContext: true,
};

export const DEFAULT_VIEW_STATE: ViewState = {
  ...DEFAULT_FILTERS,
  selectedEventId: undefined,
  window: undefined,
  view: 'timeline',
  present: false,
  embed: false,
  reveal: false,
  tour: undefined,
  dataUrl: undefined,
  dataFile: undefined,
};
