// @vitest-environment-options {"settings":{"enableJavaScriptEvaluation":true,"suppressInsecureJavaScriptEnvironmentWarning":true}}
// Hostile text in every field of a dataset shows literally, runs nothing and creates no element with a handler:
// details, list, filters, legend, toolbar and timeline. Script evaluation is on in happy-dom for this file, so an
// injected <script> or on* handler would call the sentinel (the control test proves it); the corpus is our own, so
// happy-dom's warning about evaluating untrusted code is turned off.
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/app/app.tsx';
import { indexDataset } from '../../src/domain/dataset.ts';
import type { Dataset } from '../../src/domain/schema.ts';
import { paddedWindow } from '../../src/domain/timeline-items.ts';
import { validateDataset } from '../../src/domain/validate-dataset.ts';
import { appStore, resetAppStore } from '../../src/store/app-store.ts';
import { hostileDataset } from '../fixtures/hostile-dataset.ts';
import { URL_KEYS } from '../../src/domain/url-codec.ts';
import { HOSTILE_STRINGS, SENTINEL } from '../fixtures/hostile-strings.ts';
import { renderApp } from '../support/render-app.tsx';
import { type InjectionWatch, watchForInjection } from '../support/injection-watch.ts';

const LABEL = '<img src=x onerror=__xss()> "label" \u202Edrow';

function hostile(strings: readonly string[]): Dataset {
  const result = validateDataset(hostileDataset(strings));
  if (!result.ok) throw new Error(`the hostile dataset must be valid: ${JSON.stringify(result.problems.slice(0, 3))}`);
  return result.dataset;
}

// The app re-renders in time proportional to the dataset, so the corpus goes in four parts; within each part every
// string still lands in every kind of field.
const PART_SIZE = 36;
const PARTS = Array.from({ length: Math.ceil(HOSTILE_STRINGS.length / PART_SIZE) }, (_, part) =>
  HOSTILE_STRINGS.slice(part * PART_SIZE, (part + 1) * PART_SIZE),
);
let sentinel: ReturnType<typeof vi.fn>;
let watch: InjectionWatch;

beforeEach(() => {
  sentinel = vi.fn();
  Object.assign(window, { [SENTINEL]: sentinel });
  watch = watchForInjection(document.body);
});
afterEach(() => {
  Reflect.deleteProperty(window, SENTINEL);
});

function renderHostileApp(dataset: Dataset) {
  resetAppStore();
  window.history.replaceState(null, '', '/');
  const index = indexDataset(dataset);
  appStore.getState().actions.setData(index, LABEL);
  appStore.getState().actions.setWindow(paddedWindow(index.span.start, index.span.end));
  const user = userEvent.setup();
  return { user, ...render(<App />) };
}

/** Lets scripts, handlers and timers that an injection would have scheduled run, then checks nothing ran. */
async function expectNothingRan() {
  await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
  expect(watch.stop()).toEqual([]);
  expect(sentinel).not.toHaveBeenCalled();
}

const texts = (elements: Iterable<Element>) => Array.from(elements, (element) => element.textContent ?? '');

describe('the hostile corpus and dataset', () => {
  it('has at least 100 distinct strings, every one of them in a valid dataset', () => {
    expect(new Set(HOSTILE_STRINGS).size).toBeGreaterThanOrEqual(100);
    expect(PARTS.flat()).toEqual(HOSTILE_STRINGS);
    for (const strings of PARTS) {
      const dataset = hostile(strings);
      expect(dataset.events).toHaveLength(strings.length);
      const everything = JSON.stringify(dataset);
      for (const text of strings) expect(everything).toContain(JSON.stringify(text.slice(0, 200).trim()).slice(1, -1));
    }
  });

  it('control: an injected script or handler would be caught by the sentinel and the watch', async () => {
    const probe = document.createElement('div');
    probe.setAttribute('onclick', `${SENTINEL}()`);
    const script = document.createElement('script');
    script.textContent = `${SENTINEL}()`;
    document.body.append(probe, script);
    probe.click();
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
    expect(sentinel).toHaveBeenCalledTimes(2);
    expect(watch.stop()).toEqual(['<div> has handler attribute onclick', '<script> element created']);
    probe.remove();
    script.remove();
  });
});

describe.each(PARTS.map((strings, part) => [part + 1, PARTS.length, strings] as const))(
  'hostile text in every field shows literally and runs nothing (part %i of %i)',
  (_part, _parts, strings) => {
    const dataset = hostile(strings);

    it('in the header, toolbar, filters, legend and timeline lanes and items', async () => {
      renderHostileApp(dataset);
      expect(screen.getByText(LABEL, { normalizer: (text) => text })).toHaveClass('app-subtitle');

      const stories = within(screen.getByRole('navigation', { name: 'Timeline navigation' })).getByRole('group', { name: 'Stories' });
      expect(texts(stories.querySelectorAll('button'))).toEqual(dataset.stories.map((story) => story.title));

      const filters = screen.getByRole('complementary', { name: 'Filters' });
      const labelsOf = (legend: string) => texts(within(filters).getByRole('group', { name: legend }).querySelectorAll('label'));
      expect(labelsOf('Country')).toEqual(dataset.countries.map((country) => country.name));
      expect(labelsOf('Event type')).toEqual(dataset.types.map((type) => type.label));

      const legend = screen.getByRole('region', { name: 'Event types' });
      const legendItems = Array.from(legend.querySelectorAll('li')).slice(0, dataset.types.length);
      const withoutSwatch = (item: Element) => (item.textContent ?? '').slice(item.querySelector('.legend__swatch')?.textContent?.length ?? 0);
      expect(legendItems.map(withoutSwatch)).toEqual(dataset.types.map((type) => type.label));
      expect(legendItems.map((item) => item.getAttribute('title'))).toEqual(dataset.types.map((type) => type.description));

      // vis-timeline draws lanes and items from DOM nodes built with textContent.
      const timeline = screen.getByRole('region', { name: 'Timeline' });
      const lanes = texts(timeline.querySelectorAll('.lane-label'));
      expect(lanes.length).toBeGreaterThan(0);
      for (const lane of lanes) expect(dataset.countries.map((country) => country.name)).toContain(lane);
      const labels = texts(timeline.querySelectorAll('.event-label'));
      for (const label of labels) expect(dataset.events.map((event) => event.title)).toContain(label);
      await expectNothingRan();
    });

    it('in the details of every event: title, date, country, type, story, summary, actors and roles, quote and source', async () => {
      renderHostileApp(dataset);
      for (const record of dataset.events) {
        act(() => appStore.getState().actions.selectEvent(record.id));
        // Role queries walk the whole page; with 143 lanes and stories that is slow, so find the region by its label once.
        const details = document.querySelector('section[aria-label="Event details"]');
        if (!details) throw new Error(`no details for ${record.id}`);
        expect(details.querySelector('h2')?.textContent).toBe(record.title);
        const facts = texts(details.querySelectorAll('dd'));
        const country = dataset.countries.find((item) => item.id === record.country);
        const type = dataset.types.find((item) => item.id === record.type);
        const story = dataset.stories.find((item) => item.id === record.story);
        expect(facts).toEqual(expect.arrayContaining([country?.name, type?.label, story?.title]));
        expect(details.querySelector('.event-details__summary')?.textContent).toBe(record.summary);
        expect(details.querySelector('blockquote')?.textContent).toBe(record.source?.quote);
        const source = dataset.sources.find((item) => item.id === record.source?.article);
        expect(details.querySelector('cite')?.textContent).toBe(source?.title);
        expect(details.querySelector('figcaption')?.textContent).toContain(`, ${source?.author}, ${source?.publisher}`);
        const actors = record.actors.map((id) => dataset.actors.find((actor) => actor.id === id));
        expect(texts(details.querySelectorAll('.event-details__actors button'))).toEqual(actors.map((actor) => actor?.name));
        for (const actor of actors) expect(details.textContent).toContain(actor?.roles[0]?.title);
        expect(document.title).toBe(`${record.title} — Timeline Explorer`);
      }
      await expectNothingRan();
    }, 60_000);

    it('in the list view: titles, countries, types and actors of every row', async () => {
      const { user } = renderHostileApp(dataset);
      await user.click(screen.getByRole('button', { name: 'List' }));
      const list = screen.getByRole('region', { name: 'Event list' });
      const rows = Array.from(list.querySelectorAll('li'));
      expect(texts(rows.map((row) => row.querySelector('button') ?? row))).toEqual(dataset.events.map((event) => event.title));
      rows.forEach((row, position) => {
        const record = dataset.events[position];
        const names = record?.actors.map((id) => dataset.actors.find((actor) => actor.id === id)?.name).join(', ');
        expect(row.querySelector('.event-row__actors')?.textContent).toBe(names);
        const country = dataset.countries.find((item) => item.id === record?.country)?.name;
        expect(row.querySelector('.event-row__meta')?.textContent).toContain(country);
      });
      await expectNothingRan();
    });

    it('as search text: the box keeps it literally and matching rows show their titles whole', async () => {
      const { user } = renderHostileApp(dataset);
      await user.click(screen.getByRole('button', { name: 'List' }));
      const search = screen.getByRole('searchbox', { name: 'Search events' });
      const titles = new Set(dataset.events.map((event) => event.title));
      for (const text of strings) {
        // One change per string (typing each character would re-render the list hundreds of times).
        fireEvent.change(search, { target: { value: text.slice(0, 500) } });
        expect(search).toHaveValue(text.slice(0, 500).replace(/[\r\n]/g, ''));
        const listed = texts(document.querySelectorAll('section[aria-label="Event list"] .event-row__title'));
        for (const title of listed) expect(titles).toContain(title);
        // Each string is also an event's title, so a search for it finds at least that event.
        if (text === text.trim() && text.length <= 300 && !/[\r\n]/.test(text)) expect(listed).toContain(text);
      }
      await expectNothingRan();
    }, 60_000);

    it('in the actor type-ahead: options and chosen chips show names literally', async () => {
      const { user } = renderHostileApp(dataset);
      const combobox = screen.getByRole('combobox', { name: 'Actor' });
      for (const actor of dataset.actors) {
        await user.clear(combobox);
        await user.click(combobox);
        await user.paste(actor.name.slice(0, 60));
        const listbox = document.getElementById(combobox.getAttribute('aria-controls') ?? '');
        if (!listbox) throw new Error('the combobox controls no listbox');
        for (const option of Array.from(listbox.querySelectorAll('[role="option"] > span:first-child'))) {
          expect(dataset.actors.map((item) => item.name)).toContain(option.textContent);
        }
      }
      act(() => appStore.getState().actions.setFilters({ actors: dataset.actors.slice(0, 5).map((actor) => actor.id) }));
      const chips = screen.getByRole('list', { name: 'Selected actors' });
      expect(texts(chips.querySelectorAll('button')).map((text) => text.replace(/^Remove /, '').replace(/×$/, ''))).toEqual(
        dataset.actors.slice(0, 5).map((actor) => actor.name),
      );
      await expectNothingRan();
    }, 60_000);
  },
);

describe('hostile text in every URL parameter', () => {
  it(`shows each of the ${HOSTILE_STRINGS.length} strings as text in notices and the search box, and runs nothing`, async () => {
    renderApp();
    const search = screen.getByRole('searchbox', { name: 'Search events' });
    // data= would fetch from the network here; the Chromium battery covers it.
    const keys = [...URL_KEYS.filter((key) => key !== 'data'), 'unknown'];
    for (const [position, text] of HOSTILE_STRINGS.entries()) {
      const at = (offset: number) => HOSTILE_STRINGS[(position + offset) % HOSTILE_STRINGS.length] ?? '';
      const params = keys.map((key, offset) => {
        const value = key === 'q' ? text : at(offset);
        return `${encodeURIComponent(key === 'unknown' ? at(offset) : key)}=${encodeURIComponent(value)}`;
      });
      act(() => {
        window.history.pushState(null, '', `/?${params.join('&')}`);
        window.dispatchEvent(new PopStateEvent('popstate'));
      });
      expect(search).toHaveValue([...text].slice(0, 500).join('').replace(/[\r\n]/g, ''));
      const notices = document.querySelector('.notices');
      expect(notices?.textContent, `link ${position}`).toMatch(/\S/);
      act(() => appStore.getState().notices.forEach((notice) => appStore.getState().actions.dismissNotice(notice.id)));
    }
    await expectNothingRan();
  }, 60_000);
});
