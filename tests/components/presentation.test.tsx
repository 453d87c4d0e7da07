import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appStore } from '../../src/store/app-store.ts';
import { selectVisibleEvents, selectVisibleTimelineItems } from '../../src/store/selectors.ts';
import { renderApp } from '../support/render-app.tsx';

const presentation = () => screen.getByRole('region', { name: 'Presentation' });
const progress = () => within(presentation()).getByRole('status');
const slideTitle = () => within(presentation()).getByRole('heading', { level: 2 });
const navigation = () => screen.getByRole('navigation', { name: 'Timeline navigation' });
const visibleTitles = () => selectVisibleEvents(appStore.getState()).map((event) => event.record.title);
const titleOf = (id: string) => appStore.getState().data?.index.eventsById.get(id)?.record.title ?? `missing ${id}`;

afterEach(() => {
  document.documentElement.classList.remove('is-presenting');
});

describe('presentation mode', () => {
  it('steps through the filtered events in time order with the keys a clicker sends, and leaves with Escape to the view before', async () => {
    const { user } = renderApp({ url: '/?country=pakistan' });
    const windowBefore = navigation().textContent;
    const titles = visibleTitles();
    const total = titles.length;
    expect(total).toBeGreaterThan(10);

    await user.click(screen.getByRole('button', { name: 'Present' }));
    expect(slideTitle()).toHaveTextContent(titles[0] ?? 'missing');
    expect(progress()).toHaveTextContent(`1 of ${total}`);

    const steps: [string, number][] = [
      ['{ArrowRight}', 2],
      ['{PageDown}', 3],
      ['{ArrowDown}', 4],
      [' ', 5],
      ['{Enter}', 6],
      ['{ArrowLeft}', 5],
      ['{PageUp}', 4],
      ['{ArrowUp}', 3],
      ['{End}', total],
      ['{ArrowRight}', total],
      ['{Home}', 1],
      ['{ArrowLeft}', 1],
    ];
    for (const [key, expected] of steps) {
      await user.keyboard(key);
      expect(progress(), `after ${key}`).toHaveTextContent(`${expected} of ${total}`);
      expect(slideTitle()).toHaveTextContent(titles[expected - 1] ?? 'missing');
    }

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: 'Presentation' })).not.toBeInTheDocument();
    expect(navigation().textContent).toBe(windowBefore);
    expect(appStore.getState().countries).toEqual(['pakistan']);
    expect(screen.getByRole('button', { name: 'Present' })).toHaveFocus();
  });

  it('shows the event’s title, date, summary and verbatim quote, and moves the window to centre it', async () => {
    const { user } = renderApp({ url: '/?present=1&event=benazir-bhutto-assassinated' });
    const event = appStore.getState().data?.index.eventsById.get('benazir-bhutto-assassinated');
    expect(slideTitle()).toHaveTextContent(event?.record.title ?? 'missing');
    expect(within(presentation()).getByText(event?.dateLabel ?? 'missing')).toBeInTheDocument();
    expect(within(presentation()).getByText(event?.record.summary ?? 'missing')).toBeInTheDocument();
    expect(presentation().querySelector('blockquote')).toHaveTextContent(event?.record.source?.quote ?? 'missing');
    const window = appStore.getState().window;
    const centre = window ? (window.start + window.end) / 2 : 0;
    expect(Math.abs(centre - ((event?.startMs ?? 0) + (event?.endMs ?? 0)) / 2)).toBeLessThan(1000);

    await user.click(within(presentation()).getByRole('button', { name: 'Next event' }));
    const next = appStore.getState().selectedEventId;
    expect(next).not.toBe('benazir-bhutto-assassinated');
    expect(slideTitle()).toHaveTextContent(titleOf(next ?? ''));
  });

  it('opens a present=1 link on the first event and steps with the Previous and Next buttons', async () => {
    const { user } = renderApp({ url: '/?present=1' });
    const total = visibleTitles().length;
    expect(progress()).toHaveTextContent(`1 of ${total}`);
    await user.click(within(presentation()).getByRole('button', { name: 'Next event' }));
    await user.click(within(presentation()).getByRole('button', { name: 'Next event' }));
    expect(progress()).toHaveTextContent(`3 of ${total}`);
    await user.click(within(presentation()).getByRole('button', { name: 'Previous event' }));
    expect(progress()).toHaveTextContent(`2 of ${total}`);
    expect(slideTitle()).toHaveTextContent(visibleTitles()[1] ?? 'missing');
  });

  it('lets Enter and Space act on the focused button instead of always going forward', async () => {
    const { user } = renderApp({ url: '/?present=1&country=pakistan' });
    const total = visibleTitles().length;
    await user.keyboard('{End}');
    within(presentation()).getByRole('button', { name: 'Previous event' }).focus();
    await user.keyboard('{Enter}');
    expect(progress()).toHaveTextContent(`${total - 1} of ${total}`);
    await user.keyboard(' ');
    expect(progress()).toHaveTextContent(`${total - 2} of ${total}`);
  });

  it('steps forward with Space and Enter after a click left focus on a button, instead of pressing that button again', async () => {
    const { user } = renderApp({ url: '/?present=1&country=pakistan' });
    const total = visibleTitles().length;
    const button = (name: string) => within(presentation()).getByRole('button', { name });
    await user.keyboard('{PageDown}{PageDown}');
    await user.click(button('Previous event'));
    expect(progress()).toHaveTextContent(`2 of ${total}`);
    expect(button('Previous event')).toHaveFocus();
    // Before: Space pressed the focused Previous event again, and went back.
    await user.keyboard(' ');
    expect(progress()).toHaveTextContent(`3 of ${total}`);
    await user.keyboard('{Enter}');
    expect(progress()).toHaveTextContent(`4 of ${total}`);

    await user.click(button('Reveal step by step'));
    expect(button('Reveal step by step')).toHaveAttribute('aria-pressed', 'true');
    // Before: Enter turned Reveal off again, and the slide stayed.
    await user.keyboard('{Enter}');
    expect(button('Reveal step by step')).toHaveAttribute('aria-pressed', 'true');
    expect(progress()).toHaveTextContent(`5 of ${total}`);
    await user.click(button('Next event'));
    expect(progress()).toHaveTextContent(`6 of ${total}`);
    await user.keyboard(' ');
    expect(progress()).toHaveTextContent(`7 of ${total}`);

    // Moved there by the keyboard, a button is the user's choice: Enter and Space act on it.
    await user.tab({ shift: true });
    expect(button('Previous event')).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(progress()).toHaveTextContent(`6 of ${total}`);
    await user.tab();
    await user.tab();
    expect(button('Reveal step by step')).toHaveFocus();
    await user.keyboard(' ');
    expect(button('Reveal step by step')).toHaveAttribute('aria-pressed', 'false');
    expect(progress()).toHaveTextContent(`6 of ${total}`);
  });

  it.each([
    ['b', 'black'],
    ['.', 'black'],
    ['w', 'white'],
    [',', 'white'],
  ])('blanks the screen with %j, as a clicker’s blank-screen button sends, and shows the same step again', async (key, colour) => {
    const { user } = renderApp({ url: '/?present=1&country=pakistan' });
    const total = visibleTitles().length;
    const said = colour === 'black' ? /^Screen blacked out\./ : /^Screen whited out\./;
    await user.keyboard('{PageDown}');
    const title = slideTitle().textContent;
    expect(screen.queryByText(said)).not.toBeInTheDocument();

    await user.keyboard(key);
    // Said politely to a screen reader; the step stays.
    expect(screen.getByText(said)).toHaveAttribute('aria-live', 'polite');
    expect(progress()).toHaveTextContent(`2 of ${total}`);
    await user.keyboard(key);
    expect(screen.queryByText(said)).not.toBeInTheDocument();
    expect(screen.getByText('Slide shown again.')).toBeInTheDocument();
    expect(progress()).toHaveTextContent(`2 of ${total}`);

    // A step key on a blank screen shows the same slide again; the next one steps.
    for (const back of ['{PageDown}', '{PageUp}', '{Enter}', ' ']) {
      await user.keyboard(key);
      expect(screen.getByText(said)).toBeInTheDocument();
      await user.keyboard(back);
      expect(screen.queryByText(said), `after ${back}`).not.toBeInTheDocument();
      expect(progress(), `after ${back}`).toHaveTextContent(`2 of ${total}`);
      expect(slideTitle()).toHaveTextContent(title ?? 'missing');
    }
    await user.keyboard('{PageDown}');
    expect(progress()).toHaveTextContent(`3 of ${total}`);
    expect(screen.queryByText('Slide shown again.')).not.toBeInTheDocument();

    // Escape leaves, blank or not.
    await user.keyboard(key);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: 'Presentation' })).not.toBeInTheDocument();
    expect(screen.queryByText(said)).not.toBeInTheDocument();
  });

  it('leaves with Escape after Back and Forward into and out of a presentation', async () => {
    const { user } = renderApp({ url: '/?country=pakistan' });
    const presenting = () => screen.queryByRole('region', { name: 'Presentation' });
    const urlSays = (present: boolean) => waitFor(() => expect(new URLSearchParams(window.location.search).get('present')).toBe(present ? '1' : null));
    await user.click(screen.getByRole('button', { name: 'Present' }));
    await urlSays(true);
    // Longer than the link sync merges steps for, as a class takes (a quicker Escape rewrites the entry instead).
    await act(() => new Promise((resolve) => setTimeout(resolve, 300)));
    act(() => window.history.back());
    await urlSays(false);
    expect(presenting()).not.toBeInTheDocument();
    act(() => window.history.forward());
    await urlSays(true);
    expect(presenting()).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(presenting()).not.toBeInTheDocument();
    await urlSays(false);
    act(() => window.history.back());
    await urlSays(true);
    expect(presenting()).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(presenting()).not.toBeInTheDocument();
    expect(appStore.getState().present).toBe(false);
  });

  it('shows an End cue beside the progress on the last step only, with Next disabled there', async () => {
    const { user } = renderApp({ url: '/?present=1&country=pakistan' });
    const total = visibleTitles().length;
    const next = within(presentation()).getByRole('button', { name: 'Next event' });
    const previous = within(presentation()).getByRole('button', { name: 'Previous event' });
    expect(within(progress()).queryByText('End')).not.toBeInTheDocument();
    expect(previous).toHaveAttribute('aria-disabled', 'true');
    expect(next).toHaveAttribute('aria-disabled', 'false');

    await user.keyboard('{End}{PageDown}');
    expect(progress()).toHaveTextContent(`${total} of ${total}`);
    expect(within(progress()).getByText('End', { exact: true })).toBeInTheDocument();
    expect(next).toHaveAttribute('aria-disabled', 'true');
    expect(previous).toHaveAttribute('aria-disabled', 'false');

    await user.keyboard('{PageUp}');
    expect(progress()).toHaveTextContent(`${total - 1} of ${total}`);
    expect(within(progress()).queryByText('End')).not.toBeInTheDocument();
  });

  it('hides events after the current step from the timeline with Reveal, and shows them as they are reached', async () => {
    // What the timeline is fed: the items it draws.
    const drawnIds = () => selectVisibleTimelineItems(appStore.getState()).map((item) => item.id);
    const { user } = renderApp({ url: '/?present=1&country=pakistan' });
    const total = visibleTitles().length;
    expect(drawnIds()).toHaveLength(total);
    const reveal = within(presentation()).getByRole('button', { name: 'Reveal step by step' });
    await user.click(reveal);
    expect(reveal).toHaveAttribute('aria-pressed', 'true');
    expect(drawnIds()).toEqual([appStore.getState().selectedEventId]);
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(drawnIds()).toHaveLength(3);
    // The steps still come from the full filtered list.
    expect(progress()).toHaveTextContent(`3 of ${total}`);
    await user.keyboard('{Escape}');
    expect(drawnIds()).toHaveLength(total);
  });

  it('leaves with the Exit presentation button too, and full screen is asked for but a refusal is ignored', async () => {
    const requestFullscreen = vi.fn(() => Promise.reject(new Error('Permissions check failed')));
    Object.defineProperty(document.documentElement, 'requestFullscreen', { value: requestFullscreen, configurable: true });
    try {
      const { user } = renderApp({ url: '/?type=assassination' });
      await user.click(screen.getByRole('button', { name: 'Present' }));
      expect(requestFullscreen).toHaveBeenCalledTimes(1);
      expect(presentation()).toBeInTheDocument();
      await user.click(within(presentation()).getByRole('button', { name: 'Exit presentation' }));
      expect(screen.queryByRole('region', { name: 'Presentation' })).not.toBeInTheDocument();
      expect(appStore.getState().types).toEqual(['assassination']);
    } finally {
      Reflect.deleteProperty(document.documentElement, 'requestFullscreen');
    }
  });
});

describe('guided tours', () => {
  it('starts a story’s tour on its title card, then follows the tour’s own order with teacher’s notes', async () => {
    const { user } = renderApp({ url: '/?country=iran' });
    await user.click(screen.getByText('Guided tours'));
    await user.click(screen.getByRole('button', { name: 'Start tour: Pakistan 2007–2008' }));

    const tour = appStore.getState().data?.index.toursById.get('pakistan-road-to-the-vote');
    const story = appStore.getState().data?.index.storiesById.get('pakistan');
    expect(slideTitle()).toHaveTextContent(tour?.title ?? 'missing');
    expect(progress()).toHaveTextContent('Introduction');
    expect(within(presentation()).getByText(story?.intro ?? 'missing')).toBeInTheDocument();
    // A tour starts from the whole dataset, whatever the filters were.
    expect(appStore.getState().countries).toEqual([]);

    const [first, second] = tour?.steps ?? [];
    const count = tour?.steps.length ?? 0;
    await user.keyboard('{ArrowRight}');
    expect(progress()).toHaveTextContent(`1 of ${count}`);
    expect(slideTitle()).toHaveTextContent(titleOf(first?.event ?? ''));
    const note = within(presentation()).getByRole('note', { name: 'Teacher’s note' });
    expect(note).toHaveTextContent(first?.note ?? 'missing');

    await user.click(within(presentation()).getByRole('button', { name: 'Show notes' }));
    expect(within(presentation()).queryByRole('note', { name: 'Teacher’s note' })).not.toBeInTheDocument();
    await user.click(within(presentation()).getByRole('button', { name: 'Show notes' }));

    await user.keyboard('{ArrowRight}');
    expect(slideTitle()).toHaveTextContent(titleOf(second?.event ?? ''));
    expect(within(presentation()).getByRole('note', { name: 'Teacher’s note' })).toHaveTextContent(second?.note ?? 'missing');

    await user.keyboard('{Home}');
    expect(progress()).toHaveTextContent('Introduction');

    await user.keyboard('{Escape}');
    expect(appStore.getState().countries).toEqual(['iran']);
    expect(appStore.getState().tour).toBeUndefined();
  });

  it('opens a tour from a link, on the step it names', () => {
    renderApp({ url: '/?present=1&tour=iran-who-rules&event=khatami-presidency' });
    const tour = appStore.getState().data?.index.toursById.get('iran-who-rules');
    const position = tour?.steps.findIndex((step) => step.event === 'khatami-presidency') ?? -1;
    expect(position).toBeGreaterThan(0);
    expect(progress()).toHaveTextContent(`${position + 1} of ${tour?.steps.length}`);
    expect(slideTitle()).toHaveTextContent(titleOf('khatami-presidency'));
  });
});

describe('print handout', () => {
  it('prints the filtered events in time order with dates, summaries and quotes, and nothing else', async () => {
    const { user } = renderApp({ url: '/?country=pakistan&type=assassination' });
    const print = vi.fn(() => {
      window.dispatchEvent(new Event('beforeprint'));
    });
    vi.stubGlobal('print', print);
    expect(screen.queryByRole('region', { name: 'Timeline Explorer: handout' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Print handout' }));
    expect(print).toHaveBeenCalledTimes(1);
    const handout = screen.getByRole('region', { name: 'Timeline Explorer: handout' });
    const events = selectVisibleEvents(appStore.getState());
    const items = within(handout).getAllByRole('listitem');
    expect(items.map((item) => within(item).getByRole('heading', { level: 2 }).textContent)).toEqual(events.map((event) => event.record.title));
    const [first] = events;
    expect(within(items[0] as HTMLElement).getByText(first?.record.summary ?? 'missing')).toBeInTheDocument();
    expect(items[0]?.querySelector('blockquote')).toHaveTextContent(first?.record.source?.quote ?? 'missing');
    expect(items[0]).toHaveTextContent(first?.dateLabel ?? 'missing');

    act(() => {
      fireEvent(window, new Event('afterprint'));
    });
    expect(screen.queryByRole('region', { name: 'Timeline Explorer: handout' })).not.toBeInTheDocument();
    vi.unstubAllGlobals();
  });

  it('prints the guided tour being presented: its title card, then its events in the tour’s order', () => {
    renderApp({ url: '/?present=1&tour=iran-who-rules&country=pakistan' });
    const tour = appStore.getState().data?.index.toursById.get('iran-who-rules');
    const story = appStore.getState().data?.index.storiesById.get(tour?.story ?? '');
    const tourTitles = (tour?.steps ?? []).map((step) => titleOf(step.event));
    expect(tourTitles.length).toBeGreaterThan(3);
    // Not what the filters alone would print: those are in time order (and a tour starts from the whole dataset).
    expect(visibleTitles()).not.toEqual(tourTitles);

    act(() => {
      window.dispatchEvent(new Event('beforeprint'));
    });
    const handout = screen.getByRole('region', { name: 'Timeline Explorer: handout' });
    expect(within(handout).getAllByRole('heading', { level: 2 })[0]).toHaveTextContent(tour?.title ?? 'missing');
    expect(within(handout).getByText(story?.intro ?? 'missing')).toBeInTheDocument();
    expect(within(handout).getByText(`${appStore.getState().data?.label} · ${tourTitles.length} events, in the tour’s order`)).toBeInTheDocument();
    const items = within(handout).getAllByRole('listitem');
    expect(items.map((item) => within(item).getByRole('heading', { level: 2 }).textContent)).toEqual(tourTitles);

    act(() => {
      fireEvent(window, new Event('afterprint'));
    });
  });
});
