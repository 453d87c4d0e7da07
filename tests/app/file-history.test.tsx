// A file the user opened has no address: Back and Forward still move between its views and other datasets', a reload
// says the file is gone instead of applying its filters to the stories, and links say they cannot carry it.
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fileNotKeptMessage } from '../../src/app/url-sync.ts';
import { BUILTIN_LABEL } from '../../src/app/start-app.ts';
import { FILE_LINK_MESSAGE } from '../../src/components/share-controls.tsx';
import { appStore } from '../../src/store/app-store.ts';
import { renderApp } from '../support/render-app.tsx';

const HARBOUR_CSV = [
  'id,title,start,country,type',
  'ferry-opens,Ferry line opens,1921-05-02,Lakeshore,Transport',
  'bridge-vote,Bridge vote,1930,Upper Vale,Vote',
].join('\n');
const MILL_CSV = ['id,title,start,country', 'mill-burns,Mill burns,1850,Millbrook'].join('\n');

const params = () => new URLSearchParams(window.location.search);
const subtitle = () => within(screen.getByRole('banner')).getByText((_, element) => element?.classList.contains('app-subtitle') ?? false);
const filters = () => within(screen.getByRole('complementary', { name: 'Filters' }));
const countryBox = (name: string) => within(filters().getByRole('group', { name: 'Country' })).getByRole('checkbox', { name });
const warnings = () => screen.queryAllByText(/could not be used|left out/);

/** What following "Skip to the timeline" does to history: a new entry for the fragment, with no state. */
function followSkipLink() {
  act(() => {
    window.history.pushState(null, '', `${window.location.pathname}${window.location.search}#timeline-main`);
    window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
  });
}

/** Holds the history writes that wait for an idle moment until the test lets them go, whatever the machine's speed. */
function holdIdleWrites() {
  const held: (() => void)[] = [];
  vi.stubGlobal('requestIdleCallback', (run: () => void) => held.push(run));
  return {
    release: () => act(() => held.splice(0).forEach((run) => run())),
    [Symbol.dispose]: () => vi.unstubAllGlobals(),
  };
}

async function openFile(user: ReturnType<typeof renderApp>['user'], name: string, text: string) {
  await user.upload(screen.getByLabelText('Choose a CSV or JSON file to open'), new File([text], name, { type: 'text/csv' }));
  await waitFor(() => expect(appStore.getState().data?.file?.name).toBe(name));
  // Its first view is written to history once the browser is idle, in an entry that names the file.
  await waitFor(() => expect(window.history.state).toEqual({ dataFile: appStore.getState().data?.file }));
}

describe('Back and Forward across a file the user opened', () => {
  it('goes Back from a file to the stories with their filters, and Forward to the file again', async () => {
    const { user } = renderApp({ url: '/' });
    await user.click(countryBox('Pakistan'));
    await waitFor(() => expect(params().get('country')).toBe('pakistan'));
    const stories = window.history.length;

    await openFile(user, 'harbour.csv', HARBOUR_CSV);
    expect(subtitle()).toHaveTextContent('harbour');
    // Opening the file is a step of its own: the stories' entry is still there to go back to.
    await waitFor(() => expect(window.history.length).toBe(stories + 1));
    expect(params().has('country')).toBe(false);

    act(() => window.history.back());
    await waitFor(() => expect(subtitle()).toHaveTextContent(BUILTIN_LABEL));
    expect(countryBox('Pakistan')).toBeChecked();
    expect(params().get('country')).toBe('pakistan');
    // The stories' filter is the stories' own: nothing was applied to the file, so nothing was left out.
    expect(warnings()).toEqual([]);

    act(() => window.history.forward());
    await waitFor(() => expect(subtitle()).toHaveTextContent('harbour'));
    expect(appStore.getState().data?.index.events.map((event) => event.id)).toEqual(['ferry-opens', 'bridge-vote']);
    expect(countryBox('Lakeshore')).not.toBeChecked();
    expect(warnings()).toEqual([]);
    // Neither move was a new step.
    expect(window.history.length).toBe(stories + 1);
  });

  it('keeps a file’s filter steps in its own entries, and the file in each of them', async () => {
    const { user } = renderApp({ url: '/' });
    await openFile(user, 'harbour.csv', HARBOUR_CSV);
    await user.click(countryBox('Lakeshore'));
    await waitFor(() => expect(params().get('country')).toBe('lakeshore'));
    await openFile(user, 'mill.csv', MILL_CSV);
    await waitFor(() => expect(params().has('country')).toBe(false));

    act(() => window.history.back());
    await waitFor(() => expect(subtitle()).toHaveTextContent('harbour'));
    expect(countryBox('Lakeshore')).toBeChecked();

    act(() => window.history.back());
    await waitFor(() => expect(countryBox('Lakeshore')).not.toBeChecked());
    expect(subtitle()).toHaveTextContent('harbour');

    act(() => window.history.back());
    await waitFor(() => expect(subtitle()).toHaveTextContent(BUILTIN_LABEL));
    expect(warnings()).toEqual([]);
  });

  it('keeps a file’s first view in an entry of its own when a step follows before it is written', async () => {
    using idle = holdIdleWrites();
    const { user } = renderApp({ url: '/' });
    await user.upload(screen.getByLabelText('Choose a CSV or JSON file to open'), new File([HARBOUR_CSV], 'harbour.csv', { type: 'text/csv' }));
    await waitFor(() => expect(subtitle()).toHaveTextContent('harbour'));
    // Before the browser is idle enough to write the file's first view.
    await user.click(countryBox('Lakeshore'));
    expect(params().has('country')).toBe(false);
    idle.release();
    await waitFor(() => expect(params().get('country')).toBe('lakeshore'));

    act(() => window.history.back());
    await waitFor(() => expect(countryBox('Lakeshore')).not.toBeChecked());
    expect(subtitle()).toHaveTextContent('harbour');
    act(() => window.history.back());
    await waitFor(() => expect(subtitle()).toHaveTextContent(BUILTIN_LABEL));
  });

  it('goes between two files whose views have the same link: only their entries tell them apart', async () => {
    const { user } = renderApp({ url: '/' });
    await openFile(user, 'harbour.csv', HARBOUR_CSV);
    const harbourLink = window.location.search;
    await openFile(user, 'mill.csv', MILL_CSV);
    expect(window.location.search).toBe(harbourLink);

    act(() => window.history.back());
    await waitFor(() => expect(subtitle()).toHaveTextContent('harbour'));
    expect(countryBox('Upper Vale')).toBeInTheDocument();
    act(() => window.history.forward());
    await waitFor(() => expect(subtitle()).toHaveTextContent('mill'));
    expect(countryBox('Millbrook')).toBeInTheDocument();
  });

  it('stays on the file when the skip link adds an entry for its fragment, and names the file in that entry', async () => {
    const { user } = renderApp({ url: '/' });
    await openFile(user, 'harbour.csv', HARBOUR_CSV);
    const file = appStore.getState().data?.file;
    followSkipLink();
    expect(subtitle()).toHaveTextContent('harbour');
    expect(window.history.state).toEqual({ dataFile: file });
    expect(window.location.hash).toBe('#timeline-main');

    act(() => window.history.back());
    await waitFor(() => expect(window.location.hash).toBe(''));
    expect(subtitle()).toHaveTextContent('harbour');
    act(() => window.history.back());
    await waitFor(() => expect(subtitle()).toHaveTextContent(BUILTIN_LABEL));
  });

  it('names the file in the skip link’s entry even while a step waits to be written', async () => {
    const { user } = renderApp({ url: '/' });
    await openFile(user, 'harbour.csv', HARBOUR_CSV);
    const file = appStore.getState().data?.file;
    using idle = holdIdleWrites();
    await user.click(countryBox('Lakeshore'));
    // The step waits for an idle moment; the skip link is followed before it is written.
    followSkipLink();
    expect(window.history.state).toEqual({ dataFile: file });
    idle.release();
    await waitFor(() => expect(params().get('country')).toBe('lakeshore'));
    act(() => window.history.back());
    await waitFor(() => expect(countryBox('Lakeshore')).not.toBeChecked());
    expect(subtitle()).toHaveTextContent('harbour');
  });

  it('keeps the last few files: Back to a view of an older one says it is gone and stays on the view shown', async () => {
    const { user } = renderApp({ url: '/' });
    const names = ['a.csv', 'b.csv', 'c.csv', 'd.csv'];
    for (const [position, name] of names.entries()) {
      await openFile(user, name, ['title,start,country', `Event ${position},${1900 + position},Land ${position}`].join('\n'));
    }
    for (const name of ['c', 'b']) {
      act(() => window.history.back());
      await waitFor(() => expect(subtitle().textContent).toBe(name));
    }
    act(() => window.history.back());
    await waitFor(() => expect(screen.getByText(fileNotKeptMessage('a.csv'))).toBeInTheDocument());
    expect(subtitle().textContent).toBe('b');
    expect(window.history.state).toEqual({ dataFile: appStore.getState().data?.file });
  });

  it('keeps the file in its entry while the window pans and zooms (rewrites of the entry)', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const { user } = renderApp({ url: '/' });
      await openFile(user, 'harbour.csv', HARBOUR_CSV);
      const key = appStore.getState().data?.file?.key;
      act(() => appStore.getState().actions.setWindow({ start: Date.UTC(1925, 0, 1), end: Date.UTC(1926, 0, 1) }));
      await act(() => vi.advanceTimersByTimeAsync(1_000));
      expect(params().get('from')).toBe('1925-01-01');
      expect(window.history.state).toEqual({ dataFile: { key, name: 'harbour.csv' } });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('a view of a file the page no longer has', () => {
  it('at start (a reload): says the file is gone and opens the stories at their own view, not the file’s filters', async () => {
    window.history.replaceState({ dataFile: { key: 'before-reload-1', name: 'harbour.csv' } }, '', '/?country=lakeshore&from=1920-01-01&to=1931-01-01');
    renderApp({ url: null });
    await waitFor(() => expect(subtitle()).toHaveTextContent(BUILTIN_LABEL));
    expect(screen.getByText(fileNotKeptMessage('harbour.csv'))).toBeInTheDocument();
    expect(warnings()).toEqual([]);
    // The address says what is shown: the stories' bare link, naming no file.
    await waitFor(() => expect(window.location.search).toBe(''));
    expect(window.history.state).toEqual({ dataFile: null });
  });

  it('on Back: says the file is gone and keeps the view shown', async () => {
    const { user } = renderApp({ url: '/' });
    await user.click(countryBox('Pakistan'));
    await waitFor(() => expect(params().get('country')).toBe('pakistan'));
    act(() => {
      window.history.pushState({ dataFile: { key: 'before-reload-2', name: 'mill.csv' } }, '', '/?country=millbrook');
      window.dispatchEvent(new PopStateEvent('popstate', { state: window.history.state }));
    });
    expect(screen.getByText(fileNotKeptMessage('mill.csv'))).toBeInTheDocument();
    expect(subtitle()).toHaveTextContent(BUILTIN_LABEL);
    expect(countryBox('Pakistan')).toBeChecked();
    expect(params().get('country')).toBe('pakistan');
    expect(window.history.state).toEqual({ dataFile: null });
  });

  it('ignores a history state it did not write', async () => {
    window.history.replaceState({ dataFile: 'not-ours' }, '', '/?country=pakistan');
    renderApp({ url: null });
    await waitFor(() => expect(countryBox('Pakistan')).toBeChecked());
    expect(screen.queryByText(/is no longer open/)).toBeNull();
    // The entry is now one this app wrote, naming no file.
    expect(window.history.state).toEqual({ dataFile: null });
  });
});

describe('links to a file’s views', () => {
  it('says a link cannot carry the file instead of copying one, and offers no link to an event', async () => {
    const writeText = vi.fn<(text: string) => Promise<void>>(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const { user } = renderApp({ url: '/?event=benazir-bhutto-assassinated' });
    expect(await screen.findByRole('link', { name: 'Link to this event' })).toBeInTheDocument();

    await openFile(user, 'harbour.csv', HARBOUR_CSV);
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(screen.getByText(FILE_LINK_MESSAGE)).toBeInTheDocument();
    expect(writeText).not.toHaveBeenCalled();

    act(() => appStore.getState().actions.selectEvent('ferry-opens'));
    const details = await screen.findByRole('region', { name: 'Event details' });
    expect(within(details).queryByRole('link', { name: 'Link to this event' })).toBeNull();
  });
});
