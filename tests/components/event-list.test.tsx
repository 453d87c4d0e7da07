import { act, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { indexDataset } from '../../src/domain/dataset.ts';
import type { Dataset } from '../../src/domain/schema.ts';
import { appStore, pickViewState } from '../../src/store/app-store.ts';
import { loadSampleDataset } from '../fixtures/sample-dataset.ts';
import { renderApp } from '../support/render-app.tsx';

function loaded() {
  const data = appStore.getState().data;
  if (!data) throw new Error('the built-in stories did not load');
  return data.index;
}

/** The sample dataset with its first event copied `count` times on successive days. */
function manyEvents(count: number): Dataset {
  const sample = loadSampleDataset();
  const first = sample.events[0];
  if (!first) throw new Error('empty sample');
  const events = Array.from({ length: count }, (_, position) => {
    const day = new Date(Date.UTC(2001, 0, 1 + position));
    return {
      ...first,
      id: `copy-${position}`,
      title: `Copy ${position}`,
      start: day.toISOString().slice(0, 10),
      precision: 'day' as const,
    };
  });
  return { ...sample, events, tours: [] };
}

describe('the list view', () => {
  it('lists the events in time order with their honest dates, and keeps the timeline mounted but hidden', async () => {
    const { user } = renderApp();
    const index = loaded();
    const listButton = screen.getByRole('button', { name: 'List' });
    expect(listButton).toHaveAttribute('aria-pressed', 'false');
    await user.click(listButton);
    expect(listButton).toHaveAttribute('aria-pressed', 'true');

    const list = screen.getByRole('region', { name: 'Event list' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows).toHaveLength(index.events.length);
    const first = index.events[0];
    expect(rows[0]).toHaveTextContent(first?.dateLabel ?? 'missing');
    expect(rows[0]).toHaveTextContent(first?.record.title ?? 'missing');
    expect(rows[0]).toHaveTextContent(index.countriesById.get(first?.record.country ?? '')?.name ?? 'missing');
    expect(rows[0]).toHaveTextContent(index.typesById.get(first?.record.type ?? '')?.label ?? 'missing');

    expect(screen.queryByRole('region', { name: 'Timeline' })).not.toBeInTheDocument();
    // Still mounted, so the vis-timeline instance and its window survive the list view.
    expect(screen.getByLabelText('Timeline')).not.toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Timeline' }));
    expect(screen.queryByRole('region', { name: 'Event list' })).not.toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Timeline' })).toBeVisible();
  });

  it('selects an event from a row, by mouse or keyboard, and shows it in the details and the timeline', async () => {
    const { user } = renderApp();
    const index = loaded();
    await user.click(screen.getByRole('button', { name: 'List' }));
    const list = screen.getByRole('region', { name: 'Event list' });
    const target = index.events[5];
    await user.click(within(list).getByRole('button', { name: target?.record.title }));
    const details = screen.getByRole('region', { name: 'Event details' });
    expect(within(details).getByRole('heading', { level: 2 })).toHaveTextContent(target?.record.title ?? 'missing');
    expect(within(list).getByRole('button', { name: target?.record.title })).toHaveAttribute('aria-current', 'true');

    // Down arrow moves to the next row, Enter selects it.
    await user.keyboard('{ArrowDown}');
    const next = index.events[6];
    expect(within(list).getByRole('button', { name: next?.record.title })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(within(details).getByRole('heading', { level: 2 })).toHaveTextContent(next?.record.title ?? 'missing');

    // The same selection in the timeline view.
    await user.click(screen.getByRole('button', { name: 'Timeline' }));
    expect(appStore.getState().selectedEventId).toBe(next?.id);
    expect(screen.getByRole('region', { name: 'Event details' })).toHaveTextContent(next?.record.title ?? 'missing');
  });

  it('renders a page of rows at a time, keeping the selected event on the page', async () => {
    const { user } = renderApp();
    act(() => appStore.getState().actions.setData(indexDataset(manyEvents(450)), 'Many'));
    act(() => appStore.getState().actions.selectEvent('copy-300'));
    await user.click(screen.getByRole('button', { name: 'List' }));
    const list = screen.getByRole('region', { name: 'Event list' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(301);
    expect(within(list).getByText('Showing 301 of 450 events.')).toBeInTheDocument();
    await user.click(within(list).getByRole('button', { name: 'Show more' }));
    expect(within(list).getAllByRole('listitem')).toHaveLength(450);
    expect(within(list).queryByRole('button', { name: 'Show more' })).not.toBeInTheDocument();
  });
});

/** A phone: no min-width query matches, so the details never sit beside the results. */
function narrowScreen() {
  vi.spyOn(window, 'matchMedia').mockImplementation(
    (query: string) =>
      ({ matches: false, media: query, onchange: null, addEventListener: () => undefined, removeEventListener: () => undefined }) as unknown as MediaQueryList,
  );
}

describe('the list view on a narrow screen', () => {
  it('opens the details under the chosen row, not after the list, and moves them with the selection', async () => {
    narrowScreen();
    const { user } = renderApp({ url: '/?view=list' });
    const index = loaded();
    const list = screen.getByRole('region', { name: 'Event list' });
    const target = index.events[3];
    await user.click(within(list).getByRole('button', { name: target?.record.title }));
    const rows = within(list).getAllByRole('listitem');
    const details = within(rows[3] as HTMLElement).getByRole('region', { name: 'Event details' });
    expect(within(details).getByRole('heading', { level: 2 })).toHaveTextContent(target?.record.title ?? 'missing');
    expect(screen.getAllByRole('region', { name: 'Event details' })).toEqual([details]);

    await user.keyboard('{ArrowDown}{Enter}');
    const moved = within(within(list).getAllByRole('listitem')[4] as HTMLElement).getByRole('region', { name: 'Event details' });
    expect(within(moved).getByRole('heading', { level: 2 })).toHaveTextContent(index.events[4]?.record.title ?? 'missing');
    expect(screen.getAllByRole('region', { name: 'Event details' })).toHaveLength(1);
  });

  it('keeps the details’ keys theirs: arrows stay in them, Escape closes them and returns focus to the row', async () => {
    narrowScreen();
    const { user } = renderApp({ url: '/?view=list' });
    const list = screen.getByRole('region', { name: 'Event list' });
    const row = within(list).getAllByRole('button')[2] as HTMLElement;
    await user.click(row);
    await user.tab();
    const close = within(screen.getByRole('region', { name: 'Event details' })).getByRole('button', { name: 'Close details' });
    expect(close).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(close).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: 'Event details' })).not.toBeInTheDocument();
    expect(appStore.getState().selectedEventId).toBeUndefined();
    expect(row).toHaveFocus();
  });

  it('shows the details in the page’s panel in the timeline view, or when the event is not in the list', async () => {
    narrowScreen();
    const { user } = renderApp({ url: '/?view=list' });
    const index = loaded();
    const target = index.events[0];
    if (!target) throw new Error('no events');
    await user.click(within(screen.getByRole('region', { name: 'Event list' })).getByRole('button', { name: target.record.title }));
    const otherCountry = index.laneCountries.find((country) => country.id !== target.record.country);
    if (!otherCountry) throw new Error('one country only');
    // Back to a view whose filters leave the selected event out (a filter set by hand would close its details).
    act(() => appStore.getState().actions.applyViewState({ ...pickViewState(appStore.getState()), countries: [otherCountry.id] }));
    const panel = screen.getByRole('region', { name: 'Event details' });
    expect(screen.getByRole('region', { name: 'Event list' })).not.toContainElement(panel);
    expect(within(panel).getByRole('heading', { level: 2 })).toHaveTextContent(target.record.title);

    act(() => appStore.getState().actions.applyViewState({ ...pickViewState(appStore.getState()), countries: [] }));
    expect(screen.getByRole('region', { name: 'Event list' })).toContainElement(screen.getByRole('region', { name: 'Event details' }));
    await user.click(screen.getByRole('button', { name: 'Timeline' }));
    expect(screen.getByRole('main')).not.toContainElement(screen.getByRole('region', { name: 'Event details' }));
  });
});
