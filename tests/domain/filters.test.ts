import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type IndexedDataset, type TimelineEvent, compareTimelineEvents, indexDataset } from '../../src/domain/dataset.ts';
import { type Facet, FACETS, countFacets, filterAndCountFacets, filterEvents, isFilterActive, toggleValue } from '../../src/domain/filters.ts';
import type { Dataset, EventRecord } from '../../src/domain/schema.ts';
import { buildSearchIndex, normaliseText, parseQuery } from '../../src/domain/search.ts';
import { DEFAULT_FILTERS, type FilterState } from '../../src/domain/view-state.ts';
import { loadSampleDataset, loadSampleIndex } from '../fixtures/sample-dataset.ts';

const sample = loadSampleIndex();
const sampleSearch = buildSearchIndex(sample);

const filters = (overrides: Partial<FilterState>): FilterState => ({ ...DEFAULT_FILTERS, ...overrides });
const ids = (events: readonly TimelineEvent[]) => events.map((event) => event.id);
const visible = (overrides: Partial<FilterState>) => ids(filterEvents(sample, sampleSearch, filters(overrides)));

describe('filterEvents', () => {
  it.each<[string, Partial<FilterState>, string[]]>([
    ['no filters: every event, oldest first', {}, ids(sample.events)],
    ['country and type combine with AND', { countries: ['betastan'], types: ['assassination'] }, ['bhutto-assassinated']],
    ['values in one facet combine with OR', { countries: ['betastan', 'gammaria'], types: ['election'] }, ['beta-election', 'gamma-rally']],
    ['an actor selects the events listing it', { actors: ['benazir-bhutto'] }, ['bhutto-assassinated', 'beta-election']],
    ['any selected actor will do', { actors: ['ruhollah-khomeini', 'jeremy-corbyn'] }, ['alpha-revolution', 'khomeini-dies', 'gamma-rally']],
    ['events without actors fail an actor filter', { actors: ['velayat-council'], countries: ['alphaland'] }, ['velayat-founded']],
    ['context hidden', { showContext: false, types: ['revolution'] }, ['alpha-revolution', 'velayat-founded']],
    ['context shown', { showContext: true, types: ['revolution'] }, ['constitutional-revolution', 'alpha-revolution', 'velayat-founded']],
    ['query through an accented title and the actor', { query: 'velayat' }, ['velayat-founded']],
    ['query through actor names', { query: 'KHOMEINI' }, ['alpha-revolution', 'khomeini-dies']],
    ['query and facets together', { query: 'khomeini', types: ['assassination'] }, ['khomeini-dies']],
    ['every query term must match', { query: 'council founded' }, ['velayat-founded']],
    ['blank query matches all', { query: '   ', countries: ['gammaria'] }, ['gamma-rally']],
    ['facets that exclude each other', { countries: ['gammaria'], actors: ['benazir-bhutto'] }, []],
    ['an unknown id matches nothing', { countries: ['nowhere'] }, []],
  ])('%s', (_name, overrides, expected) => {
    expect(visible(overrides)).toEqual(expected);
  });

  it('refuses a search index built for another dataset', () => {
    const other = loadSampleIndex();
    expect(() => filterEvents(other, sampleSearch, DEFAULT_FILTERS)).toThrow(/different dataset/);
    expect(() => countFacets(other, sampleSearch, DEFAULT_FILTERS)).toThrow(/different dataset/);
  });
});

type CountTable = Record<Facet, Record<string, number>>;

function countTable(overrides: Partial<FilterState>, index: IndexedDataset = sample): CountTable {
  const counts = countFacets(index, index === sample ? sampleSearch : buildSearchIndex(index), filters(overrides));
  return {
    countries: Object.fromEntries(counts.countries),
    types: Object.fromEntries(counts.types),
    actors: Object.fromEntries(counts.actors),
  };
}

describe('countFacets', () => {
  const allCountries = { alphaland: 5, betastan: 3, gammaria: 1 };
  const noActors = { 'ruhollah-khomeini': 0, 'velayat-council': 0, 'benazir-bhutto': 0, 'jeremy-corbyn': 0 };

  it.each<[string, Partial<FilterState>, CountTable]>([
    [
      'no filters: every value with its number of events',
      {},
      {
        countries: allCountries,
        types: { revolution: 3, election: 2, assassination: 2, conflict: 1, 'emergency-rule': 1 },
        actors: { 'ruhollah-khomeini': 2, 'velayat-council': 1, 'benazir-bhutto': 2, 'jeremy-corbyn': 1 },
      },
    ],
    [
      'a selected country narrows the other facets but not its own',
      { countries: ['betastan'] },
      {
        countries: allCountries,
        types: { revolution: 0, election: 1, assassination: 1, conflict: 0, 'emergency-rule': 1 },
        actors: { ...noActors, 'benazir-bhutto': 2 },
      },
    ],
    [
      'each facet is counted given the others',
      { countries: ['betastan'], types: ['assassination'] },
      {
        countries: { alphaland: 1, betastan: 1, gammaria: 0 },
        types: { revolution: 0, election: 1, assassination: 1, conflict: 0, 'emergency-rule': 1 },
        actors: { ...noActors, 'benazir-bhutto': 1 },
      },
    ],
    [
      'an actor selection counts events listing any of the actors',
      { actors: ['ruhollah-khomeini', 'jeremy-corbyn'] },
      {
        countries: { alphaland: 2, betastan: 0, gammaria: 1 },
        types: { revolution: 1, election: 1, assassination: 1, conflict: 0, 'emergency-rule': 0 },
        actors: { 'ruhollah-khomeini': 2, 'velayat-council': 1, 'benazir-bhutto': 2, 'jeremy-corbyn': 1 },
      },
    ],
    [
      'hidden context events count nowhere',
      { showContext: false },
      {
        countries: { ...allCountries, alphaland: 4 },
        types: { revolution: 2, election: 2, assassination: 2, conflict: 1, 'emergency-rule': 1 },
        actors: { 'ruhollah-khomeini': 2, 'velayat-council': 1, 'benazir-bhutto': 2, 'jeremy-corbyn': 1 },
      },
    ],
    [
      'the query constrains every facet',
      { query: 'Bhutto' },
      {
        countries: { alphaland: 0, betastan: 2, gammaria: 0 },
        types: { revolution: 0, election: 1, assassination: 1, conflict: 0, 'emergency-rule': 0 },
        actors: { ...noActors, 'benazir-bhutto': 2 },
      },
    ],
  ])('%s', (_name, overrides, expected) => {
    expect(countTable(overrides)).toEqual(expected);
  });

  it('lists values in dataset order, lane countries only', () => {
    const original = loadSampleDataset();
    const dataset: Dataset = { ...original, countries: [...original.countries, { id: 'deltania', name: 'Deltania' }] };
    const index = indexDataset(dataset);
    const counts = countFacets(index, buildSearchIndex(index), DEFAULT_FILTERS);
    expect([...counts.countries.keys()]).toEqual(['alphaland', 'betastan', 'gammaria']);
    expect([...counts.types.keys()]).toEqual(sample.dataset.types.map((type) => type.id));
    expect([...counts.actors.keys()]).toEqual(sample.dataset.actors.map((actor) => actor.id));
  });

  it('counts an event once for an actor it lists twice', () => {
    const base = loadSampleDataset();
    const events = base.events.map((event) =>
      event.id === 'beta-election' ? { ...event, actors: ['benazir-bhutto', 'jeremy-corbyn', 'benazir-bhutto'] } : event,
    );
    expect(countTable({}, indexDataset({ ...base, events })).actors).toEqual({
      'ruhollah-khomeini': 2,
      'velayat-council': 1,
      'benazir-bhutto': 2,
      'jeremy-corbyn': 2,
    });
  });
});

describe('isFilterActive', () => {
  it.each<[Partial<FilterState>, boolean]>([
    [{}, false],
    [{ query: '  \t ' }, false],
    [{ query: 'bhutto' }, true],
    [{ countries: ['betastan'] }, true],
    [{ types: ['election'] }, true],
    [{ actors: ['jeremy-corbyn'] }, true],
    [{ showContext: false }, true],
  ])('%j → %s', (overrides, expected) => {
    expect(isFilterActive(filters(overrides))).toBe(expected);
  });
});

describe('toggleValue', () => {
  it.each<[string[], string, string[]]>([
    [[], 'a', ['a']],
    [['a'], 'b', ['a', 'b']],
    [['a', 'b'], 'a', ['b']],
    [['a', 'a'], 'a', []],
  ])('%j toggling %j → %j', (values, id, expected) => {
    const before = [...values];
    expect(toggleValue(values, id)).toEqual(expected);
    expect(values).toEqual(before);
  });
});

// Property tests: random filters over the sample dataset and over random datasets built from its ids.

const base = loadSampleDataset();
const pools: Record<Facet, string[]> = {
  // 'nowhere' stands for a stale id from an old URL: it must match nothing and break nothing.
  countries: [...base.countries.map((country) => country.id), 'nowhere'],
  types: [...base.types.map((type) => type.id), 'no-such-type'],
  actors: [...base.actors.map((actor) => actor.id), 'no-such-actor'],
};
const words = [
  ...new Set(
    [
      ...base.events.flatMap((event) => [event.title, event.summary ?? '']),
      ...base.actors.flatMap((actor) => [actor.name, ...actor.variants]),
      ...base.types.map((type) => type.label),
      ...base.countries.map((country) => country.name),
    ].flatMap((text) => text.split(/[\s.,]+/).filter(Boolean)),
  ),
];

const wordArb = fc.oneof(
  fc.constantFrom(...words),
  fc.constantFrom(...words).map((word) => word.toUpperCase()),
  fc.constantFrom(...words).chain((word) => fc.nat(Math.max(0, word.length - 1)).map((from) => word.slice(from, from + 3))),
  fc.string({ maxLength: 4 }),
);
const queryArb = fc.oneof(fc.constant(''), fc.array(wordArb, { minLength: 1, maxLength: 3 }).map((parts) => parts.join(' ')));
const filtersArb: fc.Arbitrary<FilterState> = fc.record({
  countries: fc.subarray(pools.countries),
  types: fc.subarray(pools.types),
  actors: fc.subarray(pools.actors),
  query: queryArb,
  showContext: fc.boolean(),
});

const recordArb = (id: string): fc.Arbitrary<EventRecord> =>
  fc.record({
    id: fc.constant(id),
    story: fc.constantFrom('alpha', 'beta'),
    country: fc.constantFrom(...base.countries.map((country) => country.id)),
    title: fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 3 }).map((parts) => parts.join(' ')),
    // Imported events may have no summary.
    summary: fc.option(fc.constantFrom(...words), { nil: undefined }),
    start: fc.integer({ min: 1900, max: 1905 }).map(String),
    precision: fc.constant('year' as const),
    approximate: fc.constant(false),
    type: fc.constantFrom(...pools.types),
    actors: fc.subarray(pools.actors, { maxLength: 3 }),
    context: fc.boolean(),
    source: fc.constant({ article: 'sample-source', quote: 'a quote' }),
  });
const randomIndexArb = fc
  .integer({ min: 0, max: 25 })
  .chain((size) => fc.tuple(...Array.from({ length: size }, (_, position) => recordArb(`event-${position}`))))
  .map((events) => indexDataset({ ...base, events, tours: [] }));
const indexArb = fc.oneof(fc.constant(sample), randomIndexArb);

/** Written independently of the code under test: each field normalised on its own. */
function oracleMatches(index: IndexedDataset, event: TimelineEvent, state: FilterState): boolean {
  const { record } = event;
  const fields = [
    record.title,
    record.summary ?? '',
    ...record.actors.flatMap((id) => {
      const actor = index.actorsById.get(id);
      return actor ? [actor.name, ...actor.variants] : [];
    }),
    index.typesById.get(record.type)?.label ?? '',
    index.countriesById.get(record.country)?.name ?? '',
  ].map(normaliseText);
  return (
    (state.showContext || !record.context) &&
    (state.countries.length === 0 || state.countries.includes(record.country)) &&
    (state.types.length === 0 || state.types.includes(record.type)) &&
    (state.actors.length === 0 || record.actors.some((id) => state.actors.includes(id))) &&
    parseQuery(state.query).every((term) => fields.some((field) => field.includes(term)))
  );
}

const RUNS = { numRuns: 300 };

describe('filterEvents and countFacets, for any filters', () => {
  it('return exactly the events that match every active facet, the context flag and the query', () => {
    fc.assert(
      fc.property(indexArb, filtersArb, (index, state) => {
        const result = filterEvents(index, buildSearchIndex(index), state);
        expect(ids(result)).toEqual(ids(index.events.filter((event) => oracleMatches(index, event, state))));
      }),
      RUNS,
    );
  });

  it('find in one pass the same events as filterEvents, with their places in the index (the counts are checked against the oracle below)', () => {
    fc.assert(
      fc.property(indexArb, filtersArb, (index, state) => {
        const search = buildSearchIndex(index);
        const both = filterAndCountFacets(index, search, state);
        expect(ids(both.events)).toEqual(ids(filterEvents(index, search, state)));
        expect(ids(both.events)).toEqual(ids(index.events.filter((event) => oracleMatches(index, event, state))));
        // Each event's place in the index, for lists aligned with it.
        expect([...both.positions].map((position) => index.events[position])).toEqual(both.events);
      }),
      RUNS,
    );
  });

  it('count, for each facet value, the events that have it and match every other filter', () => {
    fc.assert(
      fc.property(indexArb, filtersArb, (index, state) => {
        const counts = countFacets(index, buildSearchIndex(index), state);
        const oracle = (facet: Facet, has: (event: TimelineEvent, id: string) => boolean, values: readonly { id: string }[]) =>
          new Map(
            values.map(({ id }) => [id, index.events.filter((event) => has(event, id) && oracleMatches(index, event, { ...state, [facet]: [] })).length]),
          );
        expect(counts.countries).toEqual(oracle('countries', (event, id) => event.record.country === id, index.laneCountries));
        expect(counts.types).toEqual(oracle('types', (event, id) => event.record.type === id, index.dataset.types));
        expect(counts.actors).toEqual(oracle('actors', (event, id) => event.record.actors.includes(id), index.dataset.actors));
      }),
      RUNS,
    );
  });

  it('never lose events when a filter is widened', () => {
    const widen = (state: FilterState): { how: string; state: FilterState }[] => [
      { how: 'clear query', state: { ...state, query: '' } },
      ...parseQuery(state.query).map((term, _, terms) => ({
        how: `drop term ${term}`,
        state: { ...state, query: terms.filter((other) => other !== term).join(' ') },
      })),
      { how: 'show context', state: { ...state, showContext: true } },
      ...FACETS.flatMap((facet) => [
        { how: `clear ${facet}`, state: { ...state, [facet]: [] } },
        // Adding a value to a facet that already has one is an OR: it can only let more through.
        ...(state[facet].length > 0
          ? pools[facet].map((value) => ({
              how: `add ${value}`,
              state: { ...state, [facet]: [...new Set([...state[facet], value])] },
            }))
          : []),
        // Removing the last value of a facet lifts its constraint.
        ...(state[facet].length === 1 ? [{ how: `remove ${facet} value`, state: { ...state, [facet]: [] } }] : []),
      ]),
    ];
    fc.assert(
      fc.property(indexArb, filtersArb, (index, state) => {
        const search = buildSearchIndex(index);
        const before = new Set(ids(filterEvents(index, search, state)));
        for (const { how, state: wider } of widen(state)) {
          const after = new Set(ids(filterEvents(index, search, wider)));
          expect([...before].filter((id) => !after.has(id)), how).toEqual([]);
        }
      }),
      RUNS,
    );
  });

  it('count a value as the events shown with that value alone selected in its facet', () => {
    fc.assert(
      fc.property(indexArb, filtersArb, (index, state) => {
        const search = buildSearchIndex(index);
        const counts = countFacets(index, search, state);
        for (const facet of FACETS) {
          for (const [value, count] of counts[facet]) {
            expect(count, `${facet} ${value}`).toBe(filterEvents(index, search, { ...state, [facet]: [value] }).length);
          }
        }
      }),
      RUNS,
    );
  });

  it("keep a facet's counts when values of that facet are toggled", () => {
    fc.assert(
      fc.property(indexArb, filtersArb, fc.constantFrom(...FACETS), fc.nat(), (index, state, facet, pick) => {
        const search = buildSearchIndex(index);
        const value = pools[facet][pick % pools[facet].length]!;
        const toggled = { ...state, [facet]: toggleValue(state[facet], value) };
        expect(countFacets(index, search, toggled)[facet]).toEqual(countFacets(index, search, state)[facet]);
      }),
      RUNS,
    );
  });

  it('return events in chronological order without duplicates', () => {
    fc.assert(
      fc.property(indexArb, filtersArb, (index, state) => {
        const result = filterEvents(index, buildSearchIndex(index), state);
        result.slice(1).forEach((event, position) => expect(compareTimelineEvents(result[position]!, event)).toBeLessThan(0));
        expect(new Set(ids(result)).size).toBe(result.length);
      }),
      RUNS,
    );
  });
});
