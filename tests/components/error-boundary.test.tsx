// A crash in one part of the page (timeline, filters, results, details, dataset controls) shows a message with "Try again" in that part
// only; the rest keeps working. Each part is made to throw by wrapping its real component.
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type ReactNode, createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../../src/components/error-boundary.tsx';
import { appStore } from '../../src/store/app-store.ts';
import { renderApp } from '../support/render-app.tsx';

const crash = vi.hoisted(() => ({ timeline: false, filters: false, results: false, details: false, datasets: false }));

function crashing(part: keyof typeof crash, render: () => ReactNode): ReactNode {
  if (crash[part]) throw new Error(`${part} exploded`);
  return render();
}

vi.mock('../../src/components/timeline-view.tsx', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/components/timeline-view.tsx')>();
  return { ...actual, TimelineView: () => crashing('timeline', () => createElement(actual.TimelineView)) };
});
vi.mock('../../src/components/filter-panel.tsx', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/components/filter-panel.tsx')>();
  return { ...actual, FilterPanel: () => crashing('filters', () => createElement(actual.FilterPanel)) };
});
vi.mock('../../src/components/results-view.tsx', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/components/results-view.tsx')>();
  return { ...actual, ResultsView: () => crashing('results', () => createElement(actual.ResultsView)) };
});
vi.mock('../../src/components/event-details.tsx', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/components/event-details.tsx')>();
  return { ...actual, EventDetails: () => crashing('details', () => createElement(actual.EventDetails)) };
});
vi.mock('../../src/components/dataset-controls.tsx', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/components/dataset-controls.tsx')>();
  return {
    ...actual,
    DatasetControls: (props: Parameters<typeof actual.DatasetControls>[0]) =>
      crashing('datasets', () => createElement(actual.DatasetControls, props)),
  };
});

let consoleError: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  // React reports every caught error on the console; keep the output clean but check it was reported.
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  Object.assign(crash, { timeline: false, filters: false, results: false, details: false, datasets: false });
});

const alertFor = (label: string) => screen.queryAllByRole('alert').find((alert) => alert.textContent?.includes(`${label} stopped working`));

function firstEvent() {
  const event = appStore.getState().data?.index.events[0];
  if (!event) throw new Error('the built-in stories did not load');
  return event;
}

describe('ErrorBoundary', () => {
  function Bomb({ explode }: { explode: () => boolean }) {
    if (explode()) throw new Error('<img src=x onerror=alert(1)> went wrong');
    return <p>Working part</p>;
  }

  it('replaces a crashed part with a message and "Try again", which renders it again', async () => {
    const user = userEvent.setup();
    let broken = true;
    render(
      <>
        <ErrorBoundary label="The widget">
          <Bomb explode={() => broken} />
        </ErrorBoundary>
        <p>Neighbour</p>
      </>,
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('The widget stopped working because of an unexpected error. The rest of the page still works.');
    // The error's own text is shown as text, never parsed as HTML.
    expect(alert).toHaveTextContent('Error: <img src=x onerror=alert(1)> went wrong');
    expect(alert.querySelector('img')).toBeNull();
    expect(screen.getByText('Neighbour')).toBeInTheDocument();
    expect(consoleError).toHaveBeenCalled();

    broken = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByText('Working part')).toBeInTheDocument();
  });

  it('tries again by itself when its reset key changes (a new dataset)', () => {
    let broken = true;
    const view = (key: number) => (
      <ErrorBoundary label="The widget" resetKey={key}>
        <Bomb explode={() => broken} />
      </ErrorBoundary>
    );
    const { rerender } = render(view(1));
    expect(screen.getByRole('alert')).toBeInTheDocument();
    broken = false;
    rerender(view(1));
    expect(screen.getByRole('alert')).toBeInTheDocument();
    rerender(view(2));
    expect(screen.getByText('Working part')).toBeInTheDocument();
  });
});

describe('a crash in one part of the app leaves the others working', () => {
  it('the timeline: filters, the list and details still work, and "Try again" brings the timeline back', async () => {
    crash.timeline = true;
    const { user } = renderApp();
    const alert = alertFor('The timeline');
    expect(alert).toBeDefined();
    expect(screen.queryByRole('region', { name: 'Timeline' })).not.toBeInTheDocument();

    const filters = screen.getByRole('complementary', { name: 'Filters' });
    await user.click(within(within(filters).getByRole('group', { name: 'Country' })).getByRole('checkbox', { name: 'Pakistan' }));
    expect(appStore.getState().countries).toEqual(['pakistan']);

    await user.click(screen.getByRole('button', { name: 'List' }));
    const list = screen.getByRole('region', { name: 'Event list' });
    const [firstRow] = within(list).getAllByRole('button');
    if (!firstRow) throw new Error('the list is empty');
    await user.click(firstRow);
    expect(within(screen.getByRole('region', { name: 'Event details' })).getByRole('heading', { level: 2 })).toHaveTextContent(
      firstRow.textContent ?? 'missing',
    );

    crash.timeline = false;
    await user.click(screen.getByRole('button', { name: 'Timeline' }));
    await user.click(within(alert ?? document.body).getByRole('button', { name: 'Try again' }));
    expect(alertFor('The timeline')).toBeUndefined();
    expect(screen.getByRole('region', { name: 'Timeline' })).toBeInTheDocument();
  });

  it('the filters: the timeline still selects events from the keyboard and opens details', async () => {
    crash.filters = true;
    const { user } = renderApp();
    expect(alertFor('The filters')).toBeDefined();
    expect(screen.queryByRole('complementary', { name: 'Filters' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('group', { name: 'Timeline events' }));
    await user.keyboard('{ArrowRight}');
    expect(await screen.findByRole('region', { name: 'Event details' })).toBeInTheDocument();

    crash.filters = false;
    await user.click(within(alertFor('The filters') ?? document.body).getByRole('button', { name: 'Try again' }));
    expect(screen.getByRole('complementary', { name: 'Filters' })).toBeInTheDocument();
  });

  it('the results bar and list: the timeline and filters still work', async () => {
    crash.results = true;
    const { user } = renderApp();
    expect(alertFor('The results')).toBeDefined();
    expect(screen.getByRole('region', { name: 'Timeline' })).toBeInTheDocument();
    const filters = screen.getByRole('complementary', { name: 'Filters' });
    await user.type(within(filters).getByRole('searchbox', { name: 'Search events' }), 'Bhutto');
    expect(appStore.getState().query).toBe('Bhutto');
  });

  it('the details: the timeline and filters still work, and "Try again" shows the details', async () => {
    crash.details = true;
    const { user } = renderApp();
    const event = firstEvent();
    act(() => appStore.getState().actions.selectEvent(event.id));
    const alert = alertFor('The event details');
    expect(alert).toBeDefined();
    expect(screen.queryByRole('region', { name: 'Event details' })).not.toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Timeline' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Zoom in' }));
    const filters = screen.getByRole('complementary', { name: 'Filters' });
    await user.click(within(within(filters).getByRole('group', { name: 'Country' })).getByRole('checkbox', { name: 'Iran' }));
    expect(appStore.getState().countries).toEqual(['iran']);

    crash.details = false;
    await user.click(within(alert ?? document.body).getByRole('button', { name: 'Try again' }));
    expect(within(screen.getByRole('region', { name: 'Event details' })).getByRole('heading', { level: 2 })).toHaveTextContent(
      event.record.title,
    );
  });

  it('the dataset controls: the timeline, filters and sharing still work, and "Try again" brings Open dataset back', async () => {
    crash.datasets = true;
    const { user } = renderApp();
    const alert = alertFor('Opening and downloading datasets');
    expect(alert).toBeDefined();
    expect(screen.queryByRole('button', { name: 'Open dataset' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy link' })).toBeInTheDocument();
    await user.click(screen.getByRole('group', { name: 'Timeline events' }));
    await user.keyboard('{ArrowRight}');
    expect(await screen.findByRole('region', { name: 'Event details' })).toBeInTheDocument();

    crash.datasets = false;
    await user.click(within(alert ?? document.body).getByRole('button', { name: 'Try again' }));
    expect(screen.getByRole('button', { name: 'Open dataset' })).toBeInTheDocument();
  });
});
