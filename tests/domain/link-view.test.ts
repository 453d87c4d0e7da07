import { describe, expect, it } from 'vitest';
import { indexDataset } from '../../src/domain/dataset.ts';
import {
  LINK_STORY_SHARE,
  MIN_LINK_WIDTH_MS,
  defaultLinkWindow,
  eventLinkWindow,
  fitAllWindow,
  isSameWindow,
  resolveLinkView,
  toEventLinkSearch,
  toLinkSearch,
  toLinkView,
} from '../../src/domain/link-view.ts';
import { makeLocalDate } from '../../src/domain/partial-date.ts';
import { buildSearchIndex } from '../../src/domain/search.ts';
import { paddedWindow } from '../../src/domain/timeline-items.ts';
import { DEFAULT_VIEW_STATE, type TimeWindow, type ViewState } from '../../src/domain/view-state.ts';
import { loadSampleDataset, loadSampleIndex } from '../fixtures/sample-dataset.ts';

const sample = loadSampleIndex();
const search = buildSearchIndex(sample);
const DAY = 86_400_000;
const day = (year: number, month: number, date: number) => makeLocalDate(year, month, date).getTime();
const view = (changes: Partial<ViewState>): ViewState => ({ ...DEFAULT_VIEW_STATE, ...changes });
const width = (window: TimeWindow) => window.end - window.start;
const centre = (window: TimeWindow) => (window.start + window.end) / 2;

// A year-precise single event, and one whose story is not in the dataset, added to the sample.
const extended = (() => {
  const dataset = loadSampleDataset();
  const template = dataset.events[0];
  if (!template) throw new Error('sample has no events');
  return indexDataset({
    ...dataset,
    events: [
      ...dataset.events,
      { ...template, id: 'alpha-year', start: '1985', precision: 'year' },
      { ...template, id: 'storyless', story: 'no-such-story', start: '2000-05-05', precision: 'day' },
    ],
  });
})();

const ALPHA_SPAN = day(1990, 1, 1) - day(1979, 1, 1);
const BETA_SPAN = day(2008, 3, 1) - day(2007, 10, 1);

describe('eventLinkWindow', () => {
  it.each<[string, string, number]>([
    ['a day in a short story: 1/8 of the story', 'bhutto-assassinated', BETA_SPAN * LINK_STORY_SHARE],
    ['a month in a long story: 1/8 of the story', 'alpha-revolution', ALPHA_SPAN * LINK_STORY_SHARE],
    ['a season in a long story: 1/8 of the story', 'velayat-founded', ALPHA_SPAN * LINK_STORY_SHARE],
    ['a month in a short story: at least four months', 'gamma-rally', MIN_LINK_WIDTH_MS.month],
    ['a year: at least four years', 'alpha-year', MIN_LINK_WIDTH_MS.year],
    ['a day without a known story: 1/8 of the dataset', 'storyless', (extended.span.end - extended.span.start) * LINK_STORY_SHARE],
  ])('%s', (_name, id, expectedWidth) => {
    const event = extended.eventsById.get(id);
    if (!event) throw new Error(`no event ${id}`);
    const window = eventLinkWindow(event, extended);
    expect(width(window)).toBeCloseTo(expectedWidth, -3);
    expect(centre(window)).toBeCloseTo((event.startMs + event.endMs) / 2, -3);
  });

  it('shows the whole of a period longer than the width, with a margin', () => {
    const war = sample.eventsById.get('alpha-war');
    if (!war) throw new Error('no alpha-war');
    expect(eventLinkWindow(war, sample)).toEqual(paddedWindow(war.startMs, war.endMs, 0.1));
  });
});

describe('defaultLinkWindow', () => {
  it.each<[string, Partial<ViewState>, TimeWindow]>([
    ['nothing selected: the whole dataset', {}, fitAllWindow(sample)],
    ['an unknown event: the whole dataset', { selectedEventId: 'nope' }, fitAllWindow(sample)],
    [
      'an event selected: around it',
      { selectedEventId: 'bhutto-assassinated' },
      eventLinkWindow(sample.eventsById.get('bhutto-assassinated') ?? sample.events[0]!, sample),
    ],
  ])('%s', (_name, changes, expected) => {
    expect(defaultLinkWindow(view(changes), sample)).toEqual(expected);
  });

  it('fits the dataset with the same margin as the toolbar’s Fit all', () => {
    expect(fitAllWindow(sample)).toEqual(paddedWindow(sample.span.start, sample.span.end));
  });
});

describe('isSameWindow', () => {
  const base = { start: 0, end: 1000 * DAY };
  it.each<[string, TimeWindow, boolean]>([
    ['identical', base, true],
    ['off by a pixel', { start: DAY, end: 1001 * DAY }, true],
    ['panned by a tenth', { start: 100 * DAY, end: 1100 * DAY }, false],
    ['zoomed in', { start: 0, end: 900 * DAY }, false],
  ])('%s', (_name, other, expected) => {
    expect(isSameWindow(base, other)).toBe(expected);
    expect(isSameWindow(other, base)).toBe(expected);
  });
});

describe('toLinkSearch', () => {
  const bhutto = sample.eventsById.get('bhutto-assassinated');
  if (!bhutto) throw new Error('no bhutto-assassinated');
  it.each<[string, Partial<ViewState>, string]>([
    ['the default view is the bare address', {}, ''],
    ['a fitted window is left out', { window: fitAllWindow(sample) }, ''],
    ['the window around the linked event is left out', { selectedEventId: bhutto.id, window: eventLinkWindow(bhutto, sample) }, 'event=bhutto-assassinated'],
    [
      'a chosen window is kept, to the day',
      { countries: ['betastan'], window: { start: day(2007, 11, 1), end: day(2008, 1, 1) } },
      'country=betastan&from=2007-11-01&to=2008-01-01',
    ],
  ])('%s', (_name, changes, expected) => {
    expect(toLinkSearch(view(changes), sample)).toBe(expected);
  });

  it('keeps the fitted window when an event is selected, since the event alone would zoom in', () => {
    // The fitted window has a 5% margin, so its days fall in 1899 and 2022 (the exact day depends on the time zone).
    expect(toLinkSearch(view({ selectedEventId: bhutto.id, window: fitAllWindow(sample) }), sample)).toMatch(
      /^event=bhutto-assassinated&from=1899-\d\d-\d\d&to=2022-\d\d-\d\d$/,
    );
  });

  it('keeps the window while no dataset is loaded', () => {
    const window = fitAllWindow(sample);
    expect(toLinkView(view({ window }), undefined).window).toBe(window);
  });
});

describe('toEventLinkSearch', () => {
  it.each<[string, string | undefined, string]>([
    ['the event alone', undefined, 'event=bhutto-assassinated'],
    ['with the loaded dataset', 'https://example.org/data.json', 'data=https://example.org/data.json&event=bhutto-assassinated'],
  ])('%s', (_name, dataUrl, expected) => {
    expect(toEventLinkSearch('bhutto-assassinated', dataUrl)).toBe(expected);
  });
});

describe('resolveLinkView', () => {
  it.each<[string, Partial<ViewState>, Partial<ViewState>, string[]]>([
    ['no window: the whole dataset', {}, { window: fitAllWindow(sample) }, []],
    [
      'only an event: a window around it',
      { selectedEventId: 'bhutto-assassinated' },
      { selectedEventId: 'bhutto-assassinated', window: defaultLinkWindow({ selectedEventId: 'bhutto-assassinated' }, sample) },
      [],
    ],
    [
      'a window given: kept as it is',
      { selectedEventId: 'bhutto-assassinated', window: { start: day(2007, 1, 1), end: day(2009, 1, 1) } },
      { selectedEventId: 'bhutto-assassinated', window: { start: day(2007, 1, 1), end: day(2009, 1, 1) } },
      [],
    ],
    [
      'an event its own filters hide: not selected, and why',
      { selectedEventId: 'bhutto-assassinated', countries: ['alphaland'] },
      { countries: ['alphaland'], window: fitAllWindow(sample) },
      ['“Benazir Bhutto assassinated” does not match the link’s filters, so its details are not shown.'],
    ],
    [
      'a tour presented on one of its steps: kept',
      { present: true, tour: 'alpha-tour', selectedEventId: 'alpha-war' },
      { present: true, tour: 'alpha-tour', selectedEventId: 'alpha-war', window: defaultLinkWindow({ selectedEventId: 'alpha-war' }, sample) },
      [],
    ],
    [
      'a tour presented on an event that is not one of its steps: the title card instead, and why',
      { present: true, tour: 'alpha-tour', selectedEventId: 'bhutto-assassinated', countries: ['betastan'] },
      { present: true, tour: 'alpha-tour', countries: ['betastan'], window: fitAllWindow(sample) },
      ['“Benazir Bhutto assassinated” is not a step of the guided tour “Alphaland in four steps”, so the tour opens on its title card.'],
    ],
    [
      'a tour presented on one of its steps that the link’s filters hide: kept, as a tour ignores filters',
      { present: true, tour: 'alpha-tour', selectedEventId: 'alpha-war', countries: ['betastan'] },
      { present: true, tour: 'alpha-tour', selectedEventId: 'alpha-war', countries: ['betastan'], window: defaultLinkWindow({ selectedEventId: 'alpha-war' }, sample) },
      [],
    ],
    [
      'a tour not presented: inert, so the event is shown',
      { tour: 'alpha-tour', selectedEventId: 'bhutto-assassinated' },
      { tour: 'alpha-tour', selectedEventId: 'bhutto-assassinated', window: defaultLinkWindow({ selectedEventId: 'bhutto-assassinated' }, sample) },
      [],
    ],
  ])('%s', (_name, parsed, expected, notices) => {
    expect(resolveLinkView(view(parsed), sample, search)).toEqual({ view: view(expected), notices });
  });
});
