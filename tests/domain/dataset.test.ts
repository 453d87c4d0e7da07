import { describe, expect, it } from 'vitest';
import { assembleDataset, collectionOfPath } from '../../src/domain/assemble.ts';
import { formatProblem, indexDataset } from '../../src/domain/dataset.ts';
import { validateDataset } from '../../src/domain/validate-dataset.ts';
import sample from '../fixtures/sample-dataset.json';

type Sample = typeof sample;
const clone = (): Sample => structuredClone(sample);

/** Validates a changed copy of the sample dataset, as if its events came from data/events/sample.json. */
function problemsAfter(change: (dataset: Sample) => void): string[] {
  const dataset = clone();
  change(dataset);
  const { events, ...rest } = dataset;
  const assembled = assembleDataset([
    ...Object.entries(rest)
      .filter(([, value]) => Array.isArray(value))
      .map(([collection, content]) => ({ path: `data/${collection}.json`, collection: collection as 'sources', content })),
    { path: 'data/events/sample.json', collection: 'events', content: events },
  ]);
  const result = validateDataset(assembled.input, { describeRecord: assembled.describeRecord });
  return result.ok ? [] : result.problems.map(formatProblem);
}

describe('validateDataset names the file, record and field of each problem', () => {
  it('accepts the sample dataset', () => {
    expect(problemsAfter(() => undefined)).toEqual([]);
  });

  it.each<[string, (dataset: Sample) => void, string]>([
    [
      'an unknown actor',
      (d) => (d.events[6]!.actors = ['benazir-bhuto']),
      "data/events/sample.json [6], event 'bhutto-assassinated', field 'actors.0': unknown actor 'benazir-bhuto'",
    ],
    [
      'an unknown type',
      (d) => (d.events[6]!.type = 'murder'),
      "data/events/sample.json [6], event 'bhutto-assassinated', field 'type': unknown type 'murder'",
    ],
    [
      'a duplicate id',
      (d) => (d.events[7]!.id = 'bhutto-assassinated'),
      "data/events/sample.json [7], event 'bhutto-assassinated', field 'id': duplicate id 'bhutto-assassinated'",
    ],
    [
      'an end before a start',
      (d) => Object.assign(d.events[5]!, { end: '2007-10-01' }),
      "data/events/sample.json [5], event 'beta-emergency', field 'end': end '2007-10-01' is before start '2007-11-03'",
    ],
    [
      'an impossible date',
      (d) => (d.events[6]!.start = '2007-02-30'),
      "data/events/sample.json [6], event 'bhutto-assassinated', field 'start': '2007-02-30' is not a date: day 30 does not exist in that month",
    ],
    [
      'a precision that does not match the date',
      (d) => (d.events[6]!.precision = 'month'),
      "data/events/sample.json [6], event 'bhutto-assassinated', field 'precision': 'month' does not match start '2007-12-27'",
    ],
    [
      'a precision that is not one of the allowed values',
      (d) => (d.events[6]!.precision = 'daily'),
      "data/events/sample.json [6], event 'bhutto-assassinated', field 'precision': is 'daily'; expected one of 'day', 'month', 'season' or 'year'",
    ],
    [
      'an unknown field',
      (d) => Object.assign(d.events[6]!, { colour: 'red' }),
      "data/events/sample.json [6], event 'bhutto-assassinated': has unknown field 'colour'",
    ],
    [
      'an id that is not kebab-case',
      (d) => (d.countries[0]!.id = 'Alpha Land'),
      "data/countries.json [0], country 'Alpha Land', field 'id': must be a kebab-case id",
    ],
  ])('rejects %s', (_name, change, message) => {
    const problems = problemsAfter(change);
    expect(problems.some((problem) => problem.startsWith(message)), problems.join('\n')).toBe(true);
  });

  it('lists every problem, not just the first', () => {
    const problems = problemsAfter((d) => {
      d.events[0]!.type = 'nope';
      d.events[1]!.country = 'nowhere';
    });
    expect(problems).toHaveLength(2);
  });
});

describe('indexDataset', () => {
  it('sorts events by start and computes lanes and span', () => {
    const result = validateDataset(sample);
    if (!result.ok) throw new Error('sample invalid');
    const index = indexDataset(result.dataset);
    const starts = index.events.map((event) => event.startMs);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(index.eventsById.get('alpha-war')?.dateLabel).toBe('1980–1988');
    expect(index.span.start).toBe(index.events[0]?.startMs);
  });
});

describe('collectionOfPath', () => {
  it.each([
    ['data/types.json', 'types'],
    ['data/events/iran.json', 'events'],
    ['data/actors/iran.json', 'actors'],
    ['data/tours/iran.json', 'tours'],
    ['data/notes.json', undefined],
    ['data/events/nested/x.json', undefined],
  ])('%s → %s', (path, collection) => {
    expect(collectionOfPath(path)).toBe(collection);
  });
});
