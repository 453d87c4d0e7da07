import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../src/domain/dataset.ts';
import { paddedWindow } from '../../src/domain/timeline-items.ts';
import { formatWindow } from '../../src/components/timeline-toolbar.tsx';
import { appStore } from '../../src/store/app-store.ts';
import { renderApp } from '../support/render-app.tsx';

function loaded() {
  const data = appStore.getState().data;
  if (!data) throw new Error('the built-in stories did not load');
  return data.index;
}

const filters = () => screen.getByRole('complementary', { name: 'Filters' });
const facet = (name: string) => within(filters()).getByRole('group', { name });
const status = () => within(screen.getByRole('group', { name: 'Results' })).getByRole('status');
const countText = (events: readonly TimelineEvent[]) => `${events.length} of ${loaded().events.length} events`;

async function listedTitles(user: ReturnType<typeof renderApp>['user']): Promise<string[]> {
  await user.click(screen.getByRole('button', { name: 'List' }));
  const list = screen.getByRole('region', { name: 'Event list' });
  return within(list)
    .getAllByRole('button')
    .map((button) => button.textContent ?? '');
}

describe('filters', () => {
  it('combines a country and an event type with AND and says how many events match', async () => {
    const { user } = renderApp();
    const index = loaded();
    expect(status()).toHaveTextContent(countText(index.events));

    await user.click(within(facet('Country')).getByRole('checkbox', { name: 'Pakistan' }));
    const pakistan = index.events.filter((event) => event.record.country === 'pakistan');
    expect(status()).toHaveTextContent(countText(pakistan));

    await user.click(within(facet('Event type')).getByRole('checkbox', { name: 'Assassination' }));
    const expected = pakistan.filter((event) => event.record.type === 'assassination');
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(pakistan.length);
    expect(status()).toHaveTextContent(countText(expected));
    expect(await listedTitles(user)).toEqual(expected.map((event) => event.record.title));
  });

  it('combines values within a facet with OR', async () => {
    const { user } = renderApp();
    const index = loaded();
    await user.click(within(facet('Country')).getByRole('checkbox', { name: 'Pakistan' }));
    await user.click(within(facet('Country')).getByRole('checkbox', { name: 'Iran' }));
    const expected = index.events.filter((event) => ['pakistan', 'iran'].includes(event.record.country));
    expect(status()).toHaveTextContent(countText(expected));
  });

  it('shows each value’s count given the other facets and marks values with no matches', async () => {
    const { user } = renderApp();
    const index = loaded();
    await user.click(within(facet('Country')).getByRole('checkbox', { name: 'Pakistan' }));
    const pakistanTypes = new Map<string, number>();
    for (const event of index.events) {
      if (event.record.country === 'pakistan') pakistanTypes.set(event.record.type, (pakistanTypes.get(event.record.type) ?? 0) + 1);
    }
    const usedTypes = new Set(index.events.map((event) => event.record.type));
    const absent = index.dataset.types.find((type) => usedTypes.has(type.id) && !pakistanTypes.has(type.id));
    const present = index.dataset.types.find((type) => (pakistanTypes.get(type.id) ?? 0) > 1);
    expect(absent, 'a type with no Pakistan events').toBeDefined();
    expect(present, 'a type with several Pakistan events').toBeDefined();
    const types = facet('Event type');
    expect(within(types).getByRole('checkbox', { name: absent?.label })).toHaveAccessibleDescription('no matching events');
    expect(within(types).getByRole('checkbox', { name: present?.label })).toHaveAccessibleDescription(
      `${pakistanTypes.get(present?.id ?? '')} events`,
    );
    // The country facet's own counts ignore its own selection: Iran still shows all its events.
    const iran = index.events.filter((event) => event.record.country === 'iran').length;
    expect(within(facet('Country')).getByRole('checkbox', { name: 'Iran' })).toHaveAccessibleDescription(`${iran} events`);
  });

  it('finds an actor by a first name or a name variant, and removes it with its chip', async () => {
    const { user } = renderApp();
    const index = loaded();
    const combobox = within(filters()).getByRole('combobox', { name: 'Actor' });

    await user.type(combobox, 'Jeremy');
    await user.click(screen.getByRole('option', { name: /^Jeremy Corbyn/ }));
    const corbyn = index.events.filter((event) => event.record.actors.includes('jeremy-corbyn'));
    expect(status()).toHaveTextContent(countText(corbyn));
    const chip = within(filters()).getByRole('button', { name: 'Remove Jeremy Corbyn' });

    const fazlullah = index.actorsById.get('maulana-fazlullah');
    expect(fazlullah?.variants).toContain('Mullah Radio');
    await user.type(combobox, 'mullah radio');
    expect(screen.getByRole('option', { name: /^Maulana Fazlullah/ })).toBeInTheDocument();
    await user.keyboard('{Enter}');
    const either = index.events.filter(
      (event) => event.record.actors.includes('jeremy-corbyn') || event.record.actors.includes('maulana-fazlullah'),
    );
    expect(either.length).toBeGreaterThan(corbyn.length);
    expect(status()).toHaveTextContent(countText(either));

    await user.click(chip);
    expect(within(filters()).queryByRole('button', { name: 'Remove Jeremy Corbyn' })).not.toBeInTheDocument();
    const fazlullahOnly = index.events.filter((event) => event.record.actors.includes('maulana-fazlullah'));
    expect(status()).toHaveTextContent(countText(fazlullahOnly));
  });

  it('searches case- and accent-insensitively and highlights the match in the list', async () => {
    const { user } = renderApp();
    const index = loaded();
    await user.type(within(filters()).getByRole('searchbox', { name: 'Search events' }), 'VELÁYAT');
    const expected = index.events.filter((event) => `${event.record.title} ${event.record.summary}`.toLowerCase().includes('velayat'));
    expect(expected.length).toBeGreaterThan(0);
    expect(status()).toHaveTextContent(countText(expected));

    await user.click(screen.getByRole('button', { name: 'List' }));
    const list = screen.getByRole('region', { name: 'Event list' });
    const marks = within(list).getAllByText(/^velayat$/i, { selector: 'mark' });
    expect(marks.length).toBeGreaterThanOrEqual(expected.length);
  });

  it('says when nothing matches instead of showing an empty timeline, and clears every filter from there', async () => {
    const { user } = renderApp();
    const index = loaded();
    await user.click(within(facet('Country')).getByRole('checkbox', { name: 'Pakistan' }));
    await user.type(within(filters()).getByRole('searchbox', { name: 'Search events' }), 'zqxjv');
    expect(status()).toHaveTextContent(`0 of ${index.events.length} events`);
    const main = screen.getByRole('main');
    expect(within(main).getByText('No events match these filters.')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Timeline' })).not.toBeInTheDocument();

    await user.click(within(main).getByRole('button', { name: 'Clear filters' }));
    expect(status()).toHaveTextContent(countText(index.events));
    expect(within(filters()).getByRole('searchbox', { name: 'Search events' })).toHaveValue('');
    expect(within(facet('Country')).getByRole('checkbox', { name: 'Pakistan' })).not.toBeChecked();
    expect(screen.getByRole('region', { name: 'Timeline' })).toBeInTheDocument();
  });

  it('hides and shows context events with the Context events toggle', async () => {
    const { user } = renderApp();
    const index = loaded();
    const context = index.events.filter((event) => event.record.context);
    expect(context.length).toBeGreaterThan(0);
    const toggle = within(filters()).getByRole('checkbox', { name: 'Context events' });
    expect(toggle).toBeChecked();
    await user.click(toggle);
    const expected = index.events.filter((event) => !event.record.context);
    expect(status()).toHaveTextContent(countText(expected));
    expect(await listedTitles(user)).toEqual(expected.map((event) => event.record.title));
    await user.click(toggle);
    expect(status()).toHaveTextContent(countText(index.events));
  });

  it('keeps the window when filtering, and fits it to the results on request', async () => {
    const { user } = renderApp();
    const index = loaded();
    const navigation = screen.getByRole('navigation', { name: 'Timeline navigation' });
    const before = navigation.textContent;
    await user.click(within(facet('Country')).getByRole('checkbox', { name: 'Pakistan' }));
    expect(navigation.textContent).toBe(before);

    await user.click(screen.getByRole('button', { name: 'Fit results' }));
    const pakistan = index.events.filter((event) => event.record.country === 'pakistan');
    const span = paddedWindow(Math.min(...pakistan.map((event) => event.startMs)), Math.max(...pakistan.map((event) => event.endMs)));
    // The window starts just before the first result and runs past the last, leaving room for its label.
    const shown = appStore.getState().window;
    expect(shown?.start).toBe(span.start);
    expect(shown?.end).toBeGreaterThan(span.end);
    expect(navigation).toHaveTextContent(`Showing ${formatWindow(shown ?? span)}`);
    expect(navigation.textContent).not.toBe(before);
  });

  it('keeps the selected event while it matches, and closes its details with a notice when it does not', async () => {
    const { user } = renderApp();
    const index = loaded();
    const bhutto = index.events.find((event) => event.record.country === 'pakistan' && event.record.type === 'assassination');
    act(() => appStore.getState().actions.selectEvent(bhutto?.id));
    const details = screen.getByRole('region', { name: 'Event details' });
    await user.click(within(facet('Country')).getByRole('checkbox', { name: 'Pakistan' }));
    expect(within(details).getByRole('heading', { level: 2 })).toHaveTextContent(bhutto?.record.title ?? 'missing');

    await user.click(within(facet('Country')).getByRole('checkbox', { name: 'Pakistan' }));
    await user.click(within(facet('Country')).getByRole('checkbox', { name: 'Iran' }));
    expect(screen.queryByRole('region', { name: 'Event details' })).not.toBeInTheDocument();
    expect(screen.getByText(/does not match the filters, so its details were closed/)).toBeInTheDocument();
  });

  it('adds an actor to the filter from the event details', async () => {
    const { user } = renderApp();
    const index = loaded();
    const event = index.events.find((candidate) => candidate.record.actors.includes('jeremy-corbyn'));
    act(() => appStore.getState().actions.selectEvent(event?.id));
    const details = screen.getByRole('region', { name: 'Event details' });
    await user.click(within(details).getByRole('button', { name: 'Jeremy Corbyn' }));
    expect(within(filters()).getByRole('button', { name: 'Remove Jeremy Corbyn' })).toBeInTheDocument();
    const corbyn = index.events.filter((candidate) => candidate.record.actors.includes('jeremy-corbyn'));
    expect(status()).toHaveTextContent(countText(corbyn));
  });
});
