// A dataset's vocabulary (problems, collections) and indexing it once for everything downstream. Validation lives in
// validate-dataset.ts, so that zod stays out of code that only handles data already validated (the built-in stories).
import type { Actor, Country, Dataset, EventRecord, EventType, SourceArticle, Story, Tour } from './schema.ts';
import { type PartialDate, formatDateSpan, parsePartialDate, toInterval } from './partial-date.ts';

export interface DatasetProblem {
  /** Where: file, record and field, e.g. "data/events/iran.json, event 'x', field 'type'". */
  readonly where: string;
  readonly message: string;
}

export type DatasetResult = { ok: true; dataset: Dataset } | { ok: false; problems: DatasetProblem[] };

export const COLLECTIONS = ['sources', 'stories', 'countries', 'types', 'actors', 'events', 'tours'] as const;
export type Collection = (typeof COLLECTIONS)[number];

export interface ValidateOptions {
  /** Names the place of a record, e.g. its file; defaults to "events[3]". */
  readonly describeRecord?: (collection: Collection, index: number) => string;
  /** Stop listing after this many problems. */
  readonly maxProblems?: number;
}

export function formatProblem(problem: DatasetProblem): string {
  return problem.where ? `${problem.where}: ${problem.message}` : problem.message;
}

/** An event with its dates parsed once, ready for filtering, sorting and drawing. */
export interface TimelineEvent {
  readonly id: string;
  readonly record: EventRecord;
  readonly start: PartialDate;
  readonly end?: PartialDate;
  /** Start of the time the event covers, epoch ms (local calendar). */
  readonly startMs: number;
  /** End (exclusive) of the time the event covers: the end of its last day, month, season or year. */
  readonly endMs: number;
  /** True for periods with an explicit end (a presidency, a war). */
  readonly isRange: boolean;
  /** Honest label: "1989", "Spring 2007", "3 November – 15 December 2007". */
  readonly dateLabel: string;
}

export interface IndexedDataset {
  readonly dataset: Dataset;
  /** Sorted by start, then end, then id. */
  readonly events: readonly TimelineEvent[];
  readonly eventsById: ReadonlyMap<string, TimelineEvent>;
  readonly actorsById: ReadonlyMap<string, Actor>;
  readonly typesById: ReadonlyMap<string, EventType>;
  readonly countriesById: ReadonlyMap<string, Country>;
  readonly storiesById: ReadonlyMap<string, Story>;
  readonly sourcesById: ReadonlyMap<string, SourceArticle>;
  readonly toursById: ReadonlyMap<string, Tour>;
  /** Countries that have events, in dataset order: the timeline's lanes. */
  readonly laneCountries: readonly Country[];
  /** Whole span of all events, epoch ms. */
  readonly span: { readonly start: number; readonly end: number };
}

/** Parses dates and builds lookups once per dataset; input must already be validated. */
export function indexDataset(dataset: Dataset): IndexedDataset {
  const events = dataset.events.map(toTimelineEvent).sort(compareTimelineEvents);
  const usedCountries = new Set(events.map((event) => event.record.country));
  const span = events.length
    ? { start: Math.min(...events.map((event) => event.startMs)), end: Math.max(...events.map((event) => event.endMs)) }
    : { start: 0, end: 0 };
  return {
    dataset,
    events,
    eventsById: byId(events),
    actorsById: byId(dataset.actors),
    typesById: byId(dataset.types),
    countriesById: byId(dataset.countries),
    storiesById: byId(dataset.stories),
    sourcesById: byId(dataset.sources),
    toursById: byId(dataset.tours),
    laneCountries: dataset.countries.filter((country) => usedCountries.has(country.id)),
    span,
  };
}

export function toTimelineEvent(record: EventRecord): TimelineEvent {
  const start = mustParse(record.start);
  const end = record.end ? mustParse(record.end) : undefined;
  const startInterval = toInterval(start);
  return {
    id: record.id,
    record,
    start,
    end,
    startMs: startInterval.start,
    endMs: end ? toInterval(end).end : startInterval.end,
    isRange: end !== undefined,
    dateLabel: formatDateSpan(start, end, record.approximate),
  };
}

export function compareTimelineEvents(a: TimelineEvent, b: TimelineEvent): number {
  return a.startMs - b.startMs || a.endMs - b.endMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function mustParse(text: string): PartialDate {
  const parsed = parsePartialDate(text);
  if (!parsed.ok) throw new Error(`Unvalidated date reached the index: ${parsed.error}`);
  return parsed.value;
}

function byId<T extends { readonly id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}
