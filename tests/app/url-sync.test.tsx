import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isStep, readLinkDataUrl, startUrlSync, whenIdle } from '../../src/app/url-sync.ts';
import { formatWindow } from '../../src/components/timeline-toolbar.tsx';
import { fitAllWindow } from '../../src/domain/link-view.ts';
import { panWindow } from '../../src/domain/timeline-items.ts';
import { appStore, createAppStore } from '../../src/store/app-store.ts';
import { loadSampleIndex } from '../fixtures/sample-dataset.ts';
import { renderApp } from '../support/render-app.tsx';

const BHUTTO = 'benazir-bhutto-assassinated';
const search = () => window.location.search.replace(/^\?/, '');
const params = () => new URLSearchParams(window.location.search);
const details = () => screen.queryByRole('region', { name: 'Event details' });
const countryBox = (name: string) =>
  within(within(screen.getByRole('complementary', { name: 'Filters' })).getByRole('group', { name: 'Country' })).getByRole('checkbox', { name });
const windowLabel = () => screen.getByRole('navigation', { name: 'Timeline navigation' });
const fitAllLabel = () => {
  const index = appStore.getState().data?.index;
  if (!index) throw new Error('no data');
  return `Showing ${formatWindow(fitAllWindow(index))}`;
};
/** The notice saying this, as the user meets it: a status line. */
const noticeSaying = (text: string) => {
  const notice = screen.getByText(text).closest('[role="status"], [role="alert"]');
  if (!(notice instanceof HTMLElement)) throw new Error(`no notice says ${text}`);
  return notice;
};
/** vis-timeline reports a programmatic window change 200 ms later; let the first one pass before the user moves. */
const timelineSettled = () => act(() => new Promise((resolve) => setTimeout(resolve, 250)));

/** Makes history behave like Safari's: a SecurityError after 100 calls in 30 seconds. */
function limitHistoryLikeSafari() {
  const calls: number[] = [];
  const original = { push: window.history.pushState.bind(window.history), replace: window.history.replaceState.bind(window.history) };
  const guard = () => {
    const now = Date.now();
    while (calls.length && (calls[0] ?? 0) <= now - 30_000) calls.shift();
    calls.push(now);
    if (calls.length > 100) throw new DOMException('Attempt to use history.pushState() more than 100 times per 30 seconds', 'SecurityError');
  };
  const push = vi.spyOn(window.history, 'pushState').mockImplementation((...args) => {
    guard();
    original.push(...args);
  });
  const replace = vi.spyOn(window.history, 'replaceState').mockImplementation((...args) => {
    guard();
    original.replace(...args);
  });
  return { push, replace };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('opening a link', () => {
  it('selects the event, opens its details, applies the filters and centres the window on it', async () => {
    renderApp({ url: `/?event=${BHUTTO}&country=pakistan` });
    const region = await screen.findByRole('region', { name: 'Event details' });
    expect(within(region).getByRole('heading', { level: 2 })).toHaveTextContent('Benazir Bhutto assassinated');
    expect(countryBox('Pakistan')).toBeChecked();
    expect(countryBox('Iran')).not.toBeChecked();
    // 1/8 of the Pakistan story (October 2007 to February 2008) around 27 December.
    expect(windowLabel()).toHaveTextContent(/Showing \d+ Dec 2007 – \d+ Jan 2008/);
    // The window is the one the event alone implies, so the link stays as short as it was.
    expect(search()).toBe(`event=${BHUTTO}&country=pakistan`);
  });

  it('keeps the window a link gives, over the fitted window the app starts with', () => {
    renderApp({ url: '/?from=2007-11-01&to=2008-03-01' });
    expect(windowLabel()).toHaveTextContent('Showing Nov 2007 – Mar 2008');
    expect(search()).toBe('from=2007-11-01&to=2008-03-01');
  });

  it('opens the whole timeline, with a bare address, when the link carries nothing', () => {
    renderApp({ url: '/' });
    expect(windowLabel()).toHaveTextContent(fitAllLabel());
    expect(details()).not.toBeInTheDocument();
    expect(search()).toBe('');
  });

  it('names the page after the selected event', async () => {
    const { user } = renderApp({ url: `/?event=${BHUTTO}` });
    expect(document.title).toBe('Benazir Bhutto assassinated — Timeline Explorer');
    await user.click(screen.getByRole('button', { name: 'Close details' }));
    expect(document.title).toBe('Timeline Explorer');
  });
});

describe('history', () => {
  it('adds an entry for a filter change, and Back brings the previous filters back', async () => {
    const { user } = renderApp({ url: `/?event=${BHUTTO}` });
    const before = window.history.length;
    const region = await screen.findByRole('region', { name: 'Event details' });
    await user.click(within(region).getByRole('button', { name: 'Benazir Bhutto' }));
    // The address follows a frame after the click.
    await waitFor(() => expect(params().get('actor')).toBe('benazir-bhutto'));
    expect(window.history.length).toBe(before + 1);
    expect(within(region).getByRole('button', { name: 'Benazir Bhutto' })).toHaveAttribute('aria-pressed', 'true');

    act(() => window.history.back());
    await waitFor(() => expect(params().get('actor')).toBeNull());
    expect(appStore.getState().actors).toEqual([]);
    expect(within(region).getByRole('button', { name: 'Benazir Bhutto' })).toHaveAttribute('aria-pressed', 'false');
    // Going back is not a new step: nothing was pushed.
    expect(window.history.length).toBe(before + 1);

    act(() => window.history.forward());
    await waitFor(() => expect(appStore.getState().actors).toEqual(['benazir-bhutto']));
  });

  it('adds an entry for a checkbox filter and for a selection', async () => {
    const { user } = renderApp({ url: '/' });
    const before = window.history.length;
    await user.click(countryBox('Pakistan'));
    await waitFor(() => expect(params().get('country')).toBe('pakistan'));
    expect(window.history.length).toBe(before + 1);

    act(() => window.history.back());
    await waitFor(() => expect(countryBox('Pakistan')).not.toBeChecked());
    expect(search()).toBe('');
  });

  it('rewrites the current entry when panning, once the moves stop', async () => {
    const { user } = renderApp({ url: `/?event=${BHUTTO}` });
    await timelineSettled();
    const before = window.history.length;
    await user.click(screen.getByRole('button', { name: 'Later' }));
    await user.click(screen.getByRole('button', { name: 'Later' }));
    await waitFor(() => expect(params().get('from')).toMatch(/^2008-01-\d\d$/));
    expect(window.history.length).toBe(before);
    expect(params().get('event')).toBe(BHUTTO);
  });

  it('survives 500 rapid pans under Safari’s history limit and settles on the final window', async () => {
    renderApp({ url: '/' });
    await timelineSettled();
    const { push, replace } = limitHistoryLikeSafari();
    const before = window.history.length;
    expect(() =>
      act(() => {
        for (let step = 0; step < 500; step += 1) {
          const current = appStore.getState().window;
          if (current) appStore.getState().actions.setWindow(panWindow(current, 0.01));
        }
      }),
    ).not.toThrow();
    const final = appStore.getState().window;
    expect(final).toBeDefined();
    await waitFor(() => expect(params().get('from')).not.toBeNull());
    const settled = search();
    expect(settled).toBe(`from=${params().get('from')}&to=${params().get('to')}`);
    expect(appStore.getState().window).toEqual(final);
    expect(push).not.toHaveBeenCalled();
    expect(replace.mock.calls.length).toBeLessThanOrEqual(2);
    expect(window.history.length).toBe(before);
  });

  it('survives 500 rapid selections and lands on the last one', async () => {
    renderApp({ url: '/' });
    const { push } = limitHistoryLikeSafari();
    const events = appStore.getState().data?.index.events ?? [];
    expect(events.length).toBeGreaterThan(100);
    expect(() =>
      act(() => {
        for (let step = 0; step < 500; step += 1) appStore.getState().actions.selectEvent(events[step % events.length]?.id);
      }),
    ).not.toThrow();
    const last = events[499 % events.length]?.id;
    await waitFor(() => expect(params().get('event')).toBe(last));
    expect(push.mock.calls.length).toBe(1);
  });
});

describe('bad links', () => {
  it('shows the timeline and says why an unknown event was ignored', async () => {
    const { user } = renderApp({ url: '/?event=bhuto-assassinated' });
    const notice = noticeSaying("No event called 'bhuto-assassinated'; showing the timeline.");
    expect(details()).not.toBeInTheDocument();
    expect(windowLabel()).toHaveTextContent(fitAllLabel());
    // The bad part does not linger in the address.
    expect(search()).toBe('');
    await user.click(within(notice).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText(/No event called/)).not.toBeInTheDocument();
  });

  it('applies what it can from a hand-edited link and lists everything it left out in one notice', () => {
    renderApp({ url: `/?country=pakistan,narnia&from=2007-13-01&to=2008-01-01&event=${BHUTTO}&event=x&q=&view=grid&zoom=3` });
    const notice = noticeSaying('Parts of this link could not be used, so they were left out:');
    const lines = within(notice)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(lines).toEqual([
      "'event' was given twice; used the first.",
      "Ignored unknown parameter 'zoom'.",
      "No country called 'narnia'; ignored it.",
      'Ignored from=2007-13-01: not a date (use YYYY-MM-DD).',
      'Ignored view=grid: use view=list (or leave it out for the timeline).',
    ]);
    expect(countryBox('Pakistan')).toBeChecked();
    expect(details()).toBeInTheDocument();
    expect(search()).toBe(`event=${BHUTTO}&country=pakistan`);
  });

  it('leaves out search text with broken %-escapes, says so, and applies the rest of the link', () => {
    renderApp({ url: `/?q=%E0%A4%A&country=pakistan&event=${BHUTTO}` });
    expect(noticeSaying("Ignored the search text (q=%E0%A4%A): a '%' must be followed by two hex digits (write % itself as %25).")).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Search events' })).toHaveValue('');
    expect(countryBox('Pakistan')).toBeChecked();
    expect(details()).toBeInTheDocument();
    expect(search()).toBe(`event=${BHUTTO}&country=pakistan`);
  });

  it('opens a tour on its title card when the linked event is not one of its steps, and says why', () => {
    renderApp({ url: `/?present=1&tour=iran-who-rules&event=${BHUTTO}` });
    const tour = appStore.getState().data?.index.toursById.get('iran-who-rules');
    expect(
      noticeSaying(`“Benazir Bhutto assassinated” is not a step of the guided tour “${tour?.title ?? 'missing'}”, so the tour opens on its title card.`),
    ).toBeInTheDocument();
    const presentation = screen.getByRole('region', { name: 'Presentation' });
    expect(within(presentation).getByRole('status')).toHaveTextContent('Introduction');
    expect(search()).toBe('tour=iran-who-rules&present=1');
  });

  it.each([
    ['search text ending in a lone %', '/?q=bhutto%', "Ignored the search text (q=bhutto%): a '%' must be followed by two hex digits (write % itself as %25)."],
    ['search text whose escapes are not UTF-8', '/?q=%FF', 'Ignored the search text (q=%FF): its %-escapes do not spell UTF-8 text.'],
    ['a window start with a broken escape', '/?from=2007%-01-01&to=2008-01-01', "Ignored the start of the time window (from=2007%-01-01): a '%' must be followed by two hex digits (write % itself as %25)."],
    ['a window that ends before it starts', '/?from=2008-01-01&to=2007-01-01', "Ignored the time window: 'to' (2007-01-01) is before 'from' (2008-01-01)."],
    ['an empty and an over-long value', `/?country=&q=${'bhutto '.repeat(100)}`, 'Cut the search text to its first 500 characters.'],
    ['an event its own filters hide', `/?event=${BHUTTO}&country=iran`, '“Benazir Bhutto assassinated” does not match the link’s filters, so its details are not shown.'],
  ])('copes with %s', (_name, url, message) => {
    renderApp({ url });
    expect(noticeSaying(message)).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Timeline' })).toBeInTheDocument();
  });
});

describe('startUrlSync', () => {
  const sample = loadSampleIndex();

  it('waits for a linked dataset before reading the rest of the link against it', () => {
    window.history.replaceState(null, '', '/?data=/sample.json&event=bhutto-assassinated&country=betastan');
    const store = createAppStore();
    const stop = startUrlSync(store, window);
    expect(store.getState().dataUrl).toBe('/sample.json');
    expect(store.getState().selectedEventId).toBeUndefined();
    // Another dataset arriving first (the built-in one) is not the link's.
    act(() => store.getState().actions.setData(sample, 'Built-in'));
    expect(store.getState().selectedEventId).toBeUndefined();
    act(() => store.getState().actions.setData(sample, 'sample.json', '/sample.json'));
    expect(store.getState().selectedEventId).toBe('bhutto-assassinated');
    expect(store.getState().countries).toEqual(['betastan']);
    expect(store.getState().notices).toEqual([]);
    expect(search()).toBe('data=/sample.json&event=bhutto-assassinated&country=betastan');
    stop();
  });

  it('applies the link to the dataset it has when the linked one could not be loaded', () => {
    window.history.replaceState(null, '', '/?data=/missing.json&event=bhutto-assassinated');
    const store = createAppStore();
    const stop = startUrlSync(store, window);
    act(() => store.getState().actions.setData(sample, 'Built-in'));
    // The loader gives up and says so (its own notice), clearing the address it could not load.
    act(() => store.getState().actions.applyViewState({ ...store.getState(), dataUrl: undefined }));
    expect(store.getState().selectedEventId).toBe('bhutto-assassinated');
    expect(search()).toBe('event=bhutto-assassinated');
    stop();
  });

  it('holds steps back when the history budget is spent and writes the latest view when it allows', () => {
    vi.useFakeTimers();
    window.history.replaceState(null, '', '/');
    const store = createAppStore();
    store.getState().actions.setData(sample, 'Sample');
    const replace = vi.spyOn(window.history, 'replaceState');
    const push = vi.spyOn(window.history, 'pushState');
    const stop = startUrlSync(store, window, { maxCallsPerPeriod: 5, periodMs: 10_000, stepMergeMs: 100 });
    const ids = sample.events.map((event) => event.id);
    for (const id of ids) {
      store.getState().actions.selectEvent(id);
      vi.advanceTimersByTime(150);
    }
    expect(push.mock.calls.length + replace.mock.calls.length).toBeLessThanOrEqual(5);
    vi.advanceTimersByTime(10_000);
    expect(params().get('event')).toBe(ids.at(-1));
    stop();
  });

  it('writes a step to the address once the browser is idle, not while the click is handled', () => {
    window.history.replaceState(null, '', '/');
    const store = createAppStore();
    store.getState().actions.setData(sample, 'Sample');
    const idle: (() => void)[] = [];
    const push = vi.spyOn(window.history, 'pushState');
    const stop = startUrlSync(store, window, { whenIdle: (run) => idle.push(run) });
    store.getState().actions.selectEvent('bhutto-assassinated');
    store.getState().actions.selectEvent('beta-election');
    // The click's task and the frames it draws run without a history call.
    expect(params().get('event')).toBeNull();
    expect(idle).toHaveLength(1);
    idle.forEach((run) => run());
    // Then the latest view is written, as one entry.
    expect(params().get('event')).toBe('beta-election');
    expect(push).toHaveBeenCalledTimes(1);
    stop();
  });

  it('makes a step taken just after Back or Forward an entry of its own, not a rewrite of the one returned to', async () => {
    window.history.replaceState(null, '', '/');
    const store = createAppStore();
    store.getState().actions.setData(sample, 'Sample');
    let time = 10_000;
    const stop = startUrlSync(store, window, { now: () => time, whenIdle: (run) => run() });
    store.getState().actions.selectEvent('bhutto-assassinated');
    time += 1000;
    store.getState().actions.selectEvent('beta-election');
    expect(params().get('event')).toBe('beta-election');
    const length = window.history.length;
    const returned = new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
    act(() => window.history.back());
    await returned;
    expect(store.getState().selectedEventId).toBe('bhutto-assassinated');
    // Within the time two quick steps merge in: before, this step rewrote the entry Back returned to.
    time += 100;
    act(() => store.getState().actions.selectEvent(undefined));
    expect(params().get('event')).toBeNull();
    const replaced = new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
    act(() => window.history.back());
    await replaced;
    expect(store.getState().selectedEventId).toBe('bhutto-assassinated');
    expect(window.history.length).toBe(length);
    stop();
  });

  it('writes a step still waiting for an idle moment when stopped', () => {
    window.history.replaceState(null, '', '/');
    const store = createAppStore();
    store.getState().actions.setData(sample, 'Sample');
    const stop = startUrlSync(store, window, { whenIdle: () => undefined });
    store.getState().actions.selectEvent('bhutto-assassinated');
    expect(params().get('event')).toBeNull();
    stop();
    expect(params().get('event')).toBe('bhutto-assassinated');
  });

  it('waits for an idle callback where the browser has them, with a time limit, and for a short timeout where not', () => {
    const run = vi.fn();
    const requestIdleCallback = vi.fn((_callback: IdleRequestCallback, _options?: IdleRequestOptions) => 1);
    const setTimeout = vi.fn((_handler: TimerHandler, _delay?: number) => 1);
    whenIdle({ setTimeout, requestIdleCallback }, run);
    expect(requestIdleCallback).toHaveBeenCalledWith(expect.any(Function), { timeout: 250 });
    expect(setTimeout).not.toHaveBeenCalled();
    requestIdleCallback.mock.calls[0]?.[0]({ didTimeout: false, timeRemaining: () => 10 });
    expect(run).toHaveBeenCalledTimes(1);

    whenIdle({ setTimeout }, run);
    expect(setTimeout).toHaveBeenCalledWith(run, 100);
  });

  it('reads data= alone, whatever else the link says', () => {
    expect(readLinkDataUrl('event=nope&data=https://example.org/d.json&country=x')).toBe('https://example.org/d.json');
    expect(readLinkDataUrl('data=javascript:alert(1)')).toBeUndefined();
  });

  it.each([
    ['a selection', true, '', 'event=a'],
    ['a filter', true, 'event=a', 'event=a&country=b'],
    ['a flag', true, 'event=a', 'event=a&present=1'],
    ['a pan', false, 'from=2007-01-01&to=2008-01-01', 'from=2007-02-01&to=2008-02-01'],
    ['typing', false, 'country=b&q=bhu', 'country=b&q=bhut'],
    ['nothing', false, 'event=a', 'event=a'],
  ])('tells whether %s is a step of its own (%s)', (_name, expected, before, after) => {
    expect(isStep(before, after)).toBe(expected);
  });

  it('stops listening when stopped', () => {
    window.history.replaceState(null, '', '/');
    const store = createAppStore();
    store.getState().actions.setData(sample, 'Sample');
    const stop = startUrlSync(store, window);
    stop();
    store.getState().actions.selectEvent('bhutto-assassinated');
    store.getState().actions.setWindow(panWindow(fitAllWindow(sample), 0.5));
    expect(search()).toBe('');
  });
});
