// Filtering events by facets, context flag and text search, and counting each facet value given the other filters.
import type { IndexedDataset, TimelineEvent } from './dataset.ts';
import { type SearchIndex, matchesQuery, parseQuery } from './search.ts';
import type { FilterState } from './view-state.ts';

export const FACETS = ['countries', 'types', 'actors'] as const;
export type Facet = (typeof FACETS)[number];

/** For every value of each facet: how many events match all other filters and have that value. */
export interface FacetCounts {
  /** Every lane country (a country with events), in dataset order. */
  readonly countries: ReadonlyMap<string, number>;
  /** Every event type, in dataset order. */
  readonly types: ReadonlyMap<string, number>;
  /** Every actor, in dataset order. */
  readonly actors: ReadonlyMap<string, number>;
}

/** The filters compiled once per call: a facet with nothing selected is `undefined`, i.e. no constraint. */
interface CompiledFilters {
  readonly countries: ReadonlySet<string> | undefined;
  readonly types: ReadonlySet<string> | undefined;
  readonly actors: ReadonlySet<string> | undefined;
  readonly terms: readonly string[];
  readonly showContext: boolean;
}

/** The events matching every filter, in the index's chronological order. */
export function filterEvents(index: IndexedDataset, search: SearchIndex, filters: FilterState): TimelineEvent[] {
  const compiled = compile(filters);
  const haystacks = haystacksFor(index, search);
  if (!isCompiledActive(compiled)) return [...index.events];
  const result: TimelineEvent[] = [];
  index.events.forEach((event, position) => {
    if (
      passesBase(event, haystacks[position]!, compiled) &&
      passesCountry(event, compiled) &&
      passesType(event, compiled) &&
      passesActors(event, compiled)
    ) {
      result.push(event);
    }
  });
  return result;
}

/**
 * Faceted counts in one pass. An event that passes every facet counts for its value in all three; one that fails
 * exactly one facet still counts for its values in that facet, since selecting one of them would let it through.
 * So toggling values within a facet never changes that facet's own counts.
 */
export function countFacets(index: IndexedDataset, search: SearchIndex, filters: FilterState): FacetCounts {
  const compiled = compile(filters);
  const haystacks = haystacksFor(index, search);
  const countries = zeroCounts(index.laneCountries);
  const types = zeroCounts(index.dataset.types);
  const actors = zeroCounts(index.dataset.actors);
  index.events.forEach((event, position) => {
    if (!passesBase(event, haystacks[position]!, compiled)) return;
    const country = passesCountry(event, compiled);
    const type = passesType(event, compiled);
    const actor = passesActors(event, compiled);
    if (type && actor) increment(countries, event.record.country);
    if (country && actor) increment(types, event.record.type);
    if (country && type) {
      // An actor listed twice on one event still makes one event.
      const ids = event.record.actors.length > 1 ? new Set(event.record.actors) : event.record.actors;
      for (const id of ids) increment(actors, id);
    }
  });
  return { countries, types, actors };
}

/** True if any filter hides events: a selected facet value, a non-blank query or context events hidden. */
export function isFilterActive(filters: FilterState): boolean {
  return isCompiledActive(compile(filters));
}

/** The values with `id` removed if present, else added at the end: for a checkbox. */
export function toggleValue(values: readonly string[], id: string): string[] {
  return values.includes(id) ? values.filter((value) => value !== id) : [...values, id];
}

function compile(filters: FilterState): CompiledFilters {
  return {
    countries: toSet(filters.countries),
    types: toSet(filters.types),
    actors: toSet(filters.actors),
    terms: parseQuery(filters.query),
    showContext: filters.showContext,
  };
}

function toSet(values: readonly string[]): ReadonlySet<string> | undefined {
  return values.length > 0 ? new Set(values) : undefined;
}

function isCompiledActive(filters: CompiledFilters): boolean {
  return (
    filters.countries !== undefined ||
    filters.types !== undefined ||
    filters.actors !== undefined ||
    filters.terms.length > 0 ||
    !filters.showContext
  );
}

function haystacksFor(index: IndexedDataset, search: SearchIndex): readonly string[] {
  // A search index left over from another dataset would match the wrong text without any error.
  if (search.events !== index.events) throw new Error('The search index was built for a different dataset');
  return search.haystacks;
}

/** The constraints every facet count shares: context flag and text search. */
function passesBase(event: TimelineEvent, haystack: string, filters: CompiledFilters): boolean {
  return (filters.showContext || !event.record.context) && matchesQuery(haystack, filters.terms);
}

function passesCountry(event: TimelineEvent, filters: CompiledFilters): boolean {
  return filters.countries === undefined || filters.countries.has(event.record.country);
}

function passesType(event: TimelineEvent, filters: CompiledFilters): boolean {
  return filters.types === undefined || filters.types.has(event.record.type);
}

function passesActors(event: TimelineEvent, filters: CompiledFilters): boolean {
  const selected = filters.actors;
  return selected === undefined || event.record.actors.some((id) => selected.has(id));
}

function zeroCounts(items: readonly { readonly id: string }[]): Map<string, number> {
  return new Map(items.map((item) => [item.id, 0]));
}

function increment(counts: Map<string, number>, id: string): void {
  const count = counts.get(id);
  // Only values the dataset lists are counted, so the maps hold exactly the documented keys.
  if (count !== undefined) counts.set(id, count + 1);
}
