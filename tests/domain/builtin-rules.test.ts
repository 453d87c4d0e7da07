import { describe, expect, it } from 'vitest';
import { loadBuiltinData } from '../../scripts/builtin-data.ts';
import { assembleDataset } from '../../src/domain/assemble.ts';
import { checkBuiltinCompleteness } from '../../src/domain/builtin-rules.ts';
import type { Dataset, EventRecord, SourceArticle } from '../../src/domain/schema.ts';
import { validateDataset } from '../../src/domain/validate-dataset.ts';
import { loadSampleDataset } from '../fixtures/sample-dataset.ts';

function sampleWith(changeEvent: Partial<EventRecord>, changeSource: Partial<SourceArticle> = {}): Dataset {
  const sample = loadSampleDataset();
  const [first, ...rest] = sample.events;
  const [source, ...otherSources] = sample.sources;
  if (!first || !source) throw new Error('sample has no events or sources');
  return { ...sample, events: [{ ...first, ...changeEvent }, ...rest], sources: [{ ...source, ...changeSource }, ...otherSources] };
}

describe('checkBuiltinCompleteness', () => {
  it.each([
    ['a missing summary', { summary: undefined }, {}, "events[0], event 'alpha-revolution', field 'summary'", 'every built-in event needs a summary'],
    ['a missing source', { source: undefined }, {}, "events[0], event 'alpha-revolution', field 'source'", 'a source with its article and a verbatim quote'],
    ['a source without a quote', { source: { article: 'sample-source' } }, {}, "events[0], event 'alpha-revolution', field 'source.quote'", 'needs a verbatim quote'],
    ['a source without a publication date', {}, { published: undefined }, "sources[0], source 'sample-source', field 'published'", 'needs its publication date'],
  ])('names %s by record and field', (_, changeEvent, changeSource, where, message) => {
    expect(checkBuiltinCompleteness(sampleWith(changeEvent, changeSource))).toEqual([{ where, message: expect.stringContaining(message) as unknown }]);
  });

  it('accepts a complete dataset', () => {
    expect(checkBuiltinCompleteness(loadSampleDataset())).toEqual([]);
  });

  it('names the file a record came from', () => {
    const sample = loadSampleDataset();
    const assembled = assembleDataset([
      { path: 'data/sources.json', collection: 'sources', content: sample.sources },
      { path: 'data/stories.json', collection: 'stories', content: sample.stories },
      { path: 'data/countries.json', collection: 'countries', content: sample.countries },
      { path: 'data/types.json', collection: 'types', content: sample.types },
      { path: 'data/actors/all.json', collection: 'actors', content: sample.actors },
      { path: 'data/events/a.json', collection: 'events', content: sample.events.slice(0, 2) },
      { path: 'data/events/b.json', collection: 'events', content: sample.events.slice(2).map((event, index) => (index === 1 ? { ...event, summary: undefined } : event)) },
    ]);
    const result = validateDataset(assembled.input, { describeRecord: assembled.describeRecord });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const id = sample.events[3]?.id;
    expect(checkBuiltinCompleteness(result.dataset, assembled.describeRecord)).toEqual([
      { where: `data/events/b.json [1], event '${id}', field 'summary'`, message: 'is missing; every built-in event needs a summary' },
    ]);
  });

  it('holds for the built-in stories', () => {
    const { result } = loadBuiltinData();
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(checkBuiltinCompleteness(result.dataset)).toEqual([]);
  });
});
