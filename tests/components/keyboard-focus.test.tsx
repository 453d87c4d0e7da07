// Keyboard and screen-reader users keep their place: focus never falls to the page's body when the control that had
// it goes away, Escape closes the details wherever focus is in them, a selection made from the keyboard is spoken,
// the Actor list really lists everyone, and a notice said twice is shown once.
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { appStore } from '../../src/store/app-store.ts';
import { renderApp } from '../support/render-app.tsx';

const timelineEvents = () => screen.getByRole('group', { name: 'Timeline events' });
const filters = () => within(screen.getByRole('complementary', { name: 'Filters' }));
const details = () => screen.queryByRole('region', { name: 'Event details' });
const search = () => screen.getByRole('searchbox', { name: 'Search events' });

describe('focus after a control goes away', () => {
  it('Escape in the details closes them, and focus goes back to the timeline', async () => {
    const { user } = renderApp();
    await user.click(timelineEvents());
    await user.keyboard('{ArrowRight}{Enter}');
    const heading = within((await screen.findByRole('region', { name: 'Event details' })) as HTMLElement).getByRole('heading', { level: 2 });
    expect(heading).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(details()).not.toBeInTheDocument();
    expect(timelineEvents()).toHaveFocus();
  });

  it('Close details sends focus back to the timeline, or to the event’s row in the list', async () => {
    const { user } = renderApp();
    await user.click(timelineEvents());
    await user.keyboard('{ArrowRight}');
    await user.click(within((await screen.findByRole('region', { name: 'Event details' })) as HTMLElement).getByRole('button', { name: 'Close details' }));
    expect(timelineEvents()).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'List' }));
    const rows = within(screen.getByRole('region', { name: 'Event list' })).getAllByRole('button');
    const third = rows[2];
    if (!third) throw new Error('no third row');
    await user.click(third);
    await user.click(within((await screen.findByRole('region', { name: 'Event details' })) as HTMLElement).getByRole('button', { name: 'Close details' }));
    expect(third).toHaveFocus();
    expect(details()).not.toBeInTheDocument();
  });

  it('Escape on a list row closes the details and leaves focus on the row', async () => {
    const { user } = renderApp({ url: '/?view=list' });
    const row = within(screen.getByRole('region', { name: 'Event list' })).getAllByRole('button')[0];
    if (!row) throw new Error('no row');
    row.focus();
    await user.keyboard('{Enter}');
    await screen.findByRole('region', { name: 'Event details' });
    row.focus();
    await user.keyboard('{Escape}');
    expect(details()).not.toBeInTheDocument();
    expect(row).toHaveFocus();
  });

  it('Clear filters in the sidebar hands focus to the search box', async () => {
    const { user } = renderApp({ url: '/?country=pakistan' });
    await user.click(filters().getByRole('button', { name: 'Clear filters' }));
    expect(filters().getByRole('button', { name: 'Clear filters' })).toBeDisabled();
    expect(search()).toHaveFocus();
  });

  it('Clear filters in the no-results message hands focus to the timeline once it shows the events again', async () => {
    const { user } = renderApp({ url: '/?q=zzzzzz' });
    const main = within(screen.getByRole('main'));
    await user.click(main.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(timelineEvents()).toHaveFocus());
  });

  it('removing an actor chip hands focus to the next chip, and the last one to the Actor box', async () => {
    const { user } = renderApp({ url: '/?actor=benazir-bhutto,pervez-musharraf' });
    const chips = () => within(filters().getByRole('list', { name: 'Selected actors' })).getAllByRole('button');
    const [first, second] = chips();
    if (!first || !second) throw new Error('two chips expected');
    await user.click(first);
    expect(chips()).toHaveLength(1);
    expect(second).toHaveFocus();
    await user.click(second);
    expect(filters().queryByRole('list', { name: 'Selected actors' })).not.toBeInTheDocument();
    expect(filters().getByRole('combobox', { name: 'Actor' })).toHaveFocus();
  });
});

describe('the Actor box lists everyone', () => {
  it('on Down arrow and on a tap, every actor of the dataset, the arrow keys reaching the last', async () => {
    const { user } = renderApp();
    const total = appStore.getState().data?.index.dataset.actors.length ?? 0;
    expect(total).toBeGreaterThan(8);
    const box = filters().getByRole('combobox', { name: 'Actor' });
    await user.click(box);
    expect(within(screen.getByRole('listbox', { name: 'Matching actors' })).getAllByRole('option')).toHaveLength(total);
    await user.keyboard('{Escape}');
    expect(box).toHaveAttribute('aria-expanded', 'false');
    await user.keyboard('{ArrowDown}');
    expect(within(screen.getByRole('listbox', { name: 'Matching actors' })).getAllByRole('option')).toHaveLength(total);
    for (let step = 0; step < total + 3; step += 1) await user.keyboard('{ArrowDown}');
    const options = within(screen.getByRole('listbox', { name: 'Matching actors' })).getAllByRole('option');
    expect(options.at(-1)).toHaveAttribute('aria-selected', 'true');
  });
});

describe('what a screen reader hears', () => {
  it('says which event the arrow keys selected, while focus stays on the timeline', async () => {
    const { user } = renderApp();
    await user.click(timelineEvents());
    await user.keyboard('{ArrowRight}');
    const selected = appStore.getState().selectedEventId;
    const event = selected ? appStore.getState().data?.index.eventsById.get(selected) : undefined;
    if (!event) throw new Error('nothing selected');
    const timeline = within(screen.getByRole('region', { name: 'Timeline' }));
    await waitFor(() => expect(timeline.getByRole('status')).toHaveTextContent(`${event.record.title}, ${event.dateLabel}`));
    expect(timelineEvents()).toHaveFocus();
  });

  it('shows a notice said twice once, said anew', () => {
    renderApp();
    const say = () => act(() => appStore.getState().actions.addNotice('“X” does not match the filters, so its details were closed.'));
    say();
    say();
    expect(screen.getAllByText('“X” does not match the filters, so its details were closed.')).toHaveLength(1);
    act(() => appStore.getState().actions.addNotice('Another thing.'));
    say();
    expect(appStore.getState().notices.map((notice) => notice.text)).toEqual(['Another thing.', '“X” does not match the filters, so its details were closed.']);
  });
});
