import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import builtinDataset from 'virtual:builtin-dataset';
import { afterEach, describe, expect, it } from 'vitest';
import { loadBuiltinData } from '../../scripts/builtin-data.ts';
import { builtinDatasetCode } from '../../scripts/builtin-dataset-plugin.ts';
import { indexDataset } from '../../src/domain/dataset.ts';
import { parsePartialDate, toInterval } from '../../src/domain/partial-date.ts';

// The app imports this module; the build validates data/ to make it, so a broken record fails this whole file too.
const dataset = builtinDataset;

describe('the built-in records', () => {
  it('reach the app exactly as validated from data/', () => {
    const { result } = loadBuiltinData();
    expect(result.ok).toBe(true);
    expect(result.ok && result.dataset).toEqual(dataset);
  });

  it.each(['iran', 'pakistan', 'momentum'])('cover the %s story with dozens of sourced events', (story) => {
    const events = dataset.events.filter((event) => event.story === story);
    expect(events.length).toBeGreaterThanOrEqual(20);
    for (const event of events) {
      expect(event.summary, event.id).toBeTruthy();
      expect(event.source?.quote, event.id).toBeTruthy();
      expect(event.source?.article, event.id).toBe(dataset.stories.find((candidate) => candidate.id === story)?.source);
    }
  });

  it('mark as context the events outside their story’s period, and none that start inside it', () => {
    const index = indexDataset(dataset);
    const misfiled: string[] = [];
    for (const event of index.events) {
      const story = index.storiesById.get(event.record.story);
      const start = story && parsePartialDate(story.start);
      const end = story && parsePartialDate(story.end);
      if (!start?.ok || !end?.ok) continue;
      const period = { start: toInterval(start.value).start, end: toInterval(end.value).end };
      const outside = event.endMs <= period.start || event.startMs >= period.end;
      const startsInside = event.startMs >= period.start && event.startMs < period.end;
      // A long trend that starts before the period and runs into it may be either: the record decides.
      if ((outside && !event.record.context) || (startsInside && event.record.context)) {
        misfiled.push(`${event.id} (context: ${event.record.context})`);
      }
    }
    expect(misfiled).toEqual([]);
  });

  it('give every story a guided tour of its own events', () => {
    const index = indexDataset(dataset);
    for (const story of dataset.stories) {
      const tour = dataset.tours.find((candidate) => candidate.story === story.id);
      expect(tour, story.id).toBeDefined();
      const steps = tour?.steps.map((step) => index.eventsById.get(step.event)) ?? [];
      expect(steps.length).toBeGreaterThanOrEqual(8);
      expect(steps.filter((event) => event?.record.story !== story.id).map((event) => event?.id)).toEqual([]);
    }
  });
});

describe('building the built-in stories', () => {
  const moduleFor = (root: string) => () => builtinDatasetCode(loadBuiltinData(root).result);

  it('fails naming every broken record by file, record and field', () => {
    const build = moduleFor(resolve(import.meta.dirname, '..', 'fixtures', 'broken-data'));
    expect(build).toThrow('The built-in stories in data/ are not valid (2 problems):');
    expect(build).toThrow("  - data/events/a.json [1], event 'alpha-killing', field 'type': unknown type 'murder'");
    expect(build).toThrow("  - data/events/b.json [0], event 'alpha-emergency', field 'end': end '2007-10-01' is before start '2007-11-03'");
  });

  describe('with a broken file', () => {
    let root = '';
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    it.each([
      ['not JSON', '[{ "id": "alpha", ', 'data/countries.json: is not valid JSON'],
      ['not a list', '{ "id": "alpha" }', 'data/countries.json: must hold a JSON array of countries'],
    ])('names the file when it is %s', (_, content, message) => {
      root = mkdtempSync(join(tmpdir(), 'builtin-data-'));
      mkdirSync(join(root, 'data'));
      writeFileSync(join(root, 'data', 'countries.json'), content);
      writeFileSync(join(root, 'data', 'types.json'), '[]');
      expect(moduleFor(root)).toThrow(`  - ${message}`);
    });
  });

  it('emits the validated records as one JSON string, parsed once in the browser', () => {
    const code = builtinDatasetCode({ ok: true, dataset });
    const literal = /^export default JSON\.parse\((".*")\);\n$/s.exec(code)?.[1];
    expect(JSON.parse(JSON.parse(literal ?? '""') as string)).toEqual(dataset);
  });
});
