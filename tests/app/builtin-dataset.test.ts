import { describe, expect, it } from 'vitest';
import { loadBuiltinDataset } from '../../src/app/builtin-dataset.ts';
import { formatProblem, indexDataset } from '../../src/domain/dataset.ts';
import { parsePartialDate, toInterval } from '../../src/domain/partial-date.ts';

const result = loadBuiltinDataset();
if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
const { dataset } = result;

describe('the built-in records', () => {
  it('validate against the schema, with every reference resolved', () => {
    expect(result.ok).toBe(true);
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
