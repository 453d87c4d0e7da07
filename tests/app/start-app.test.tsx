import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { BUILTIN_LABEL } from '../../src/app/start-app.ts';
import { appStore } from '../../src/store/app-store.ts';
import { renderApp } from '../support/render-app.tsx';

const STORY_CSV = ['id,title,start,country', 'ferry-opens,Ferry line opens,1921-05-02,Lakeshore', 'bridge-vote,Bridge vote,1930,Upper Vale'].join('\n');
const OTHER_CSV = ['id,title,start,country', 'mill-burns,Mill burns,1850,Millbrook'].join('\n');

/** A fetch whose answers the test releases, one per address. */
function controlledFetch() {
  const waiting = new Map<string, (response: Response) => void>();
  const fetchMock = vi.fn<typeof fetch>((input) => new Promise((resolve) => waiting.set(String(input), resolve)));
  vi.stubGlobal('fetch', fetchMock);
  const answer = async (url: string, response: Response) => {
    await waitFor(() => expect(waiting.has(url)).toBe(true));
    await act(async () => {
      waiting.get(url)?.(response);
      await vi.waitFor(() => expect(appStore.getState().loadingDataset).toBeUndefined());
    });
  };
  return { fetchMock, answer };
}

const subtitle = () => within(screen.getByRole('banner')).getByText((_, element) => element?.classList.contains('app-subtitle') ?? false);
const searchParams = () => new URLSearchParams(window.location.search);

describe('start-up with a data= link', () => {
  it('says the dataset is loading, then shows it and keeps data= in the address', async () => {
    const { answer } = controlledFetch();
    renderApp({ url: '/?data=samples/lakeshore.csv&event=bridge-vote' });
    expect(within(screen.getByRole('group', { name: 'Dataset' })).getByRole('status')).toHaveTextContent('Loading dataset “lakeshore.csv”…');
    expect(screen.getByRole('heading', { name: 'Timeline Explorer' })).toBeInTheDocument();

    await answer('samples/lakeshore.csv', new Response(STORY_CSV));

    expect(subtitle()).toHaveTextContent('lakeshore');
    expect(appStore.getState().data?.index.events.map((event) => event.id)).toEqual(['ferry-opens', 'bridge-vote']);
    // The rest of the link is read against the linked dataset, once it is there.
    expect(screen.getByRole('region', { name: 'Event details' })).toHaveTextContent('Bridge vote');
    expect(searchParams().get('data')).toBe('samples/lakeshore.csv');
    expect(searchParams().get('event')).toBe('bridge-vote');
    vi.unstubAllGlobals();
  });

  it('falls back to the built-in stories with the reason when the dataset cannot be loaded', async () => {
    const { answer } = controlledFetch();
    renderApp({ url: '/?data=samples/missing.csv' });
    await answer('samples/missing.csv', new Response('gone', { status: 404, statusText: 'Not Found' }));

    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Could not open the dataset at samples/missing.csv. The built-in stories are shown instead.');
    expect(alert).toHaveTextContent('missing.csv: could not be loaded: the server answered 404 Not Found; check the address');
    expect(subtitle()).toHaveTextContent(BUILTIN_LABEL);
    await waitFor(() => expect(searchParams().has('data')).toBe(false));
    vi.unstubAllGlobals();
  });

  it('loads the dataset each history entry names when the user goes Back and Forward', async () => {
    const { answer, fetchMock } = controlledFetch();
    renderApp({ url: '/?data=one.csv' });
    await answer('one.csv', new Response(STORY_CSV));
    expect(subtitle()).toHaveTextContent('one');

    act(() => {
      window.history.pushState(null, '', '/?data=two.csv');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    await answer('two.csv', new Response(OTHER_CSV));
    expect(subtitle()).toHaveTextContent('two');
    expect(appStore.getState().data?.index.laneCountries.map((country) => country.name)).toEqual(['Millbrook']);

    act(() => {
      window.history.pushState(null, '', '/');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    await waitFor(() => expect(subtitle()).toHaveTextContent(BUILTIN_LABEL));
    expect(fetchMock).toHaveBeenCalledTimes(2);
    vi.unstubAllGlobals();
  });

  it('keeps the stories when the user goes Back to them while a link’s dataset still loads, and loads it again on Forward', async () => {
    const { answer, fetchMock } = controlledFetch();
    renderApp({ url: '/' });
    await waitFor(() => expect(subtitle()).toHaveTextContent(BUILTIN_LABEL));
    act(() => {
      window.history.pushState(null, '', '/?data=slow.csv');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    await waitFor(() => expect(within(screen.getByRole('group', { name: 'Dataset' })).getByRole('status')).toHaveTextContent('Loading dataset “slow.csv”…'));
    act(() => {
      window.history.pushState(null, '', '/');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    await waitFor(() => expect(within(screen.getByRole('group', { name: 'Dataset' })).getByRole('status')).toBeEmptyDOMElement());
    // The slow answer comes after all: before, it replaced the stories the user had gone back to.
    await answer('slow.csv', new Response(STORY_CSV));
    expect(subtitle()).toHaveTextContent(BUILTIN_LABEL);
    expect(appStore.getState().data?.dataUrl).toBeUndefined();

    // Forward to the link asks for its dataset again, and shows it.
    act(() => {
      window.history.pushState(null, '', '/?data=slow.csv');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    await answer('slow.csv', new Response(STORY_CSV));
    expect(subtitle()).toHaveTextContent('slow');
    expect(fetchMock).toHaveBeenCalledTimes(2);
    vi.unstubAllGlobals();
  });
});
