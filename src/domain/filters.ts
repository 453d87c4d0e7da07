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

/**
 * Each event's facet values as small integer codes, built once per dataset: filtering and counting tens of thousands
 * of events per click then reads typed arrays instead of hashing strings.
 */
interface FacetCodes {
  readonly countryCode: ReadonlyMap<string, number>;
  readonly typeCode: ReadonlyMap<string, number>;
  readonly actorCode: ReadonlyMap<string, number>;
  /** Per event (index order). Values the dataset does not list get codes after the listed ones (matched, never counted). */
  readonly country: Int32Array;
  readonly type: Int32Array;
  /** Event i's distinct actors are actors[actorStart[i] .. actorStart[i + 1]). */
  readonly actorStart: Int32Array;
  readonly actors: Int32Array;
  readonly context: Uint8Array;
}

// Keyed by the index itself, so a new dataset gets new codes and an old one's are collected with it.
const codesByIndex = new WeakMap<IndexedDataset, FacetCodes>();

function facetCodes(index: IndexedDataset): FacetCodes {
  const cached = codesByIndex.get(index);
  if (cached) return cached;
  const codeMap = (items: readonly { readonly id: string }[]) => new Map(items.map((item, code) => [item.id, code]));
  const codeOf = (codes: Map<string, number>, id: string) => {
    let code = codes.get(id);
    if (code === undefined) codes.set(id, (code = codes.size));
    return code;
  };
  const countryCode = codeMap(index.dataset.countries);
  const typeCode = codeMap(index.dataset.types);
  const actorCode = codeMap(index.dataset.actors);
  const count = index.events.length;
  const country = new Int32Array(count);
  const type = new Int32Array(count);
  const context = new Uint8Array(count);
  const actorStart = new Int32Array(count + 1);
  const actors: number[] = [];
  index.events.forEach(({ record }, position) => {
    country[position] = codeOf(countryCode, record.country);
    type[position] = codeOf(typeCode, record.type);
    context[position] = record.context ? 1 : 0;
    actorStart[position] = actors.length;
    // An actor listed twice on one event still makes one event.
    const own = new Set<number>();
    for (const id of record.actors) {
      const code = codeOf(actorCode, id);
      if (!own.has(code)) {
        own.add(code);
        actors.push(code);
      }
    }
  });
  actorStart[count] = actors.length;
  const codes: FacetCodes = { countryCode, typeCode, actorCode, country, type, actorStart, actors: Int32Array.from(actors), context };
  codesByIndex.set(index, codes);
  return codes;
}

/** The filters compiled once per call: a facet with nothing selected is `undefined`, i.e. no constraint. */
interface CompiledFilters {
  /** Selected values by code (1 = selected); undefined: the facet is not filtered. */
  readonly countries: Uint8Array | undefined;
  readonly types: Uint8Array | undefined;
  readonly actors: Uint8Array | undefined;
  readonly terms: readonly string[];
  readonly showContext: boolean;
}

/** The events matching every filter, in the index's chronological order. */
export function filterEvents(index: IndexedDataset, search: SearchIndex, filters: FilterState): TimelineEvent[] {
  const haystacks = haystacksFor(index, search);
  const codes = facetCodes(index);
  const compiled = compile(filters, codes);
  if (!isCompiledActive(compiled)) return [...index.events];
  const result: TimelineEvent[] = [];
  const { events } = index;
  for (let position = 0; position < events.length; position += 1) {
    if (
      passesBase(position, haystacks, codes, compiled) &&
      passesCode(compiled.countries, codes.country[position]!) &&
      passesCode(compiled.types, codes.type[position]!) &&
      passesActors(position, codes, compiled.actors)
    ) {
      result.push(events[position]!);
    }
  }
  return result;
}

/** What the filters leave: the matching events and the facet counts, found together in one pass. */
export interface FilterResult {
  /** The events matching every filter, in the index's chronological order. */
  readonly events: readonly TimelineEvent[];
  /** Where each of those events is in the index's list: whatever is aligned with it (timeline items) is picked out
   * directly, without a walk over every event. */
  readonly positions: Uint32Array;
  readonly counts: FacetCounts;
}

/**
 * The matching events and the faceted counts in one pass over the events. An event that passes every facet matches
 * and counts for its value in all three; one that fails exactly one facet still counts for its values in that facet,
 * since selecting one of them would let it through. So toggling values within a facet never changes its own counts.
 */
export function filterAndCountFacets(index: IndexedDataset, search: SearchIndex, filters: FilterState): FilterResult {
  const haystacks = haystacksFor(index, search);
  const codes = facetCodes(index);
  const compiled = compile(filters, codes);
  const { events } = index;
  const matching: TimelineEvent[] = [];
  const positions = new Uint32Array(events.length);
  const countryCounts = new Int32Array(codes.countryCode.size);
  const typeCounts = new Int32Array(codes.typeCode.size);
  const actorCounts = new Int32Array(codes.actorCode.size);
  for (let position = 0; position < events.length; position += 1) {
    if (!passesBase(position, haystacks, codes, compiled)) continue;
    const countryCode = codes.country[position]!;
    const typeCode = codes.type[position]!;
    const country = passesCode(compiled.countries, countryCode);
    const type = passesCode(compiled.types, typeCode);
    const actor = passesActors(position, codes, compiled.actors);
    if (type && actor) countryCounts[countryCode]! += 1;
    if (country && actor) typeCounts[typeCode]! += 1;
    if (country && type) {
      for (let at = codes.actorStart[position]!; at < codes.actorStart[position + 1]!; at += 1) actorCounts[codes.actors[at]!]! += 1;
      if (actor) {
        positions[matching.length] = position;
        matching.push(events[position]!);
      }
    }
  }
  // Only values the dataset lists are reported, so the maps hold exactly the documented keys.
  const counted = (items: readonly { readonly id: string }[], code: ReadonlyMap<string, number>, counts: Int32Array) =>
    new Map(items.map((item) => [item.id, counts[code.get(item.id) ?? -1] ?? 0]));
  return {
    events: matching,
    positions: positions.subarray(0, matching.length),
    counts: {
      countries: counted(index.laneCountries, codes.countryCode, countryCounts),
      types: counted(index.dataset.types, codes.typeCode, typeCounts),
      actors: counted(index.dataset.actors, codes.actorCode, actorCounts),
    },
  };
}

/** For every value of each facet: how many events match all other filters and have that value. */
export function countFacets(index: IndexedDataset, search: SearchIndex, filters: FilterState): FacetCounts {
  return filterAndCountFacets(index, search, filters).counts;
}

/** True if any filter hides events: a selected facet value, a non-blank query or context events hidden. */
export function isFilterActive(filters: FilterState): boolean {
  return (
    filters.countries.length > 0 ||
    filters.types.length > 0 ||
    filters.actors.length > 0 ||
    parseQuery(filters.query).length > 0 ||
    !filters.showContext
  );
}

/** The values with `id` removed if present, else added at the end: for a checkbox. */
export function toggleValue(values: readonly string[], id: string): string[] {
  return values.includes(id) ? values.filter((value) => value !== id) : [...values, id];
}

/** A facet filters as soon as any value is selected, even one the dataset does not list (then nothing passes). */
function compile(filters: FilterState, codes: FacetCodes): CompiledFilters {
  return {
    countries: selectedCodes(filters.countries, codes.countryCode),
    types: selectedCodes(filters.types, codes.typeCode),
    actors: selectedCodes(filters.actors, codes.actorCode),
    terms: parseQuery(filters.query),
    showContext: filters.showContext,
  };
}

function selectedCodes(values: readonly string[], code: ReadonlyMap<string, number>): Uint8Array | undefined {
  if (values.length === 0) return undefined;
  const selected = new Uint8Array(code.size);
  for (const value of values) {
    const position = code.get(value);
    if (position !== undefined) selected[position] = 1;
  }
  return selected;
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
function passesBase(position: number, haystacks: readonly string[], codes: FacetCodes, filters: CompiledFilters): boolean {
  if (!filters.showContext && codes.context[position] === 1) return false;
  return filters.terms.length === 0 || matchesQuery(haystacks[position]!, filters.terms);
}

function passesCode(selected: Uint8Array | undefined, code: number): boolean {
  return selected === undefined || selected[code] === 1;
}

function passesActors(position: number, codes: FacetCodes, selected: Uint8Array | undefined): boolean {
  if (selected === undefined) return true;
  for (let at = codes.actorStart[position]!; at < codes.actorStart[position + 1]!; at += 1) {
    if (selected[codes.actors[at]!] === 1) return true;
  }
  return false;
}
