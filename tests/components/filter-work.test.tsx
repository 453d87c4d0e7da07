// What a filter change computes: no more than the view on screen needs. At 10,000 events a presentation deck is a step
// object per event, so building one for every filter change, presenting or not, was a cost (and garbage) per click.
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { toLinkSearch } from '../../src/domain/link-view.ts';
import { presentationDeck } from '../../src/domain/presentation.ts';
import { appStore } from '../../src/store/app-store.ts';
import { selectVisibleEvents, selectVisibleTimelineItems } from '../../src/store/selectors.ts';
import { renderApp } from '../support/render-app.tsx';

vi.mock('../../src/domain/presentation.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/domain/presentation.ts')>();
  return { ...actual, presentationDeck: vi.fn(actual.presentationDeck) };
});
vi.mock('../../src/domain/link-view.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/domain/link-view.ts')>();
  return { ...actual, toLinkSearch: vi.fn(actual.toLinkSearch) };
});

const facet = (name: string) => within(screen.getByRole('complementary', { name: 'Filters' })).getByRole('group', { name });

describe('a filter change', () => {
  it('builds no presentation deck unless a presentation hides the steps not yet reached', async () => {
    const { user } = renderApp();
    await screen.findByRole('group', { name: 'Timeline events' });
    vi.mocked(presentationDeck).mockClear();
    await user.click(within(facet('Country')).getByRole('checkbox', { name: 'Pakistan' }));
    const drawn = selectVisibleTimelineItems(appStore.getState());
    expect(drawn.map((item) => item.id)).toEqual(selectVisibleEvents(appStore.getState()).map((event) => event.id));
    expect(drawn.length).toBeGreaterThan(0);
    expect(presentationDeck).not.toHaveBeenCalled();

    // Presenting with Reveal, the timeline draws only the steps reached: the deck is needed, and built.
    appStore.setState({ present: true, reveal: true });
    expect(selectVisibleTimelineItems(appStore.getState()).length).toBeLessThan(drawn.length);
    expect(presentationDeck).toHaveBeenCalled();
  });

  it('writes the link once, though the address and the share controls all read it', async () => {
    const { user } = renderApp();
    await screen.findByRole('group', { name: 'Timeline events' });
    vi.mocked(toLinkSearch).mockClear();
    await user.click(within(facet('Country')).getByRole('checkbox', { name: 'Pakistan' }));
    expect(vi.mocked(toLinkSearch).mock.calls.map(([view]) => view.countries)).toEqual([['pakistan']]);
  });

  it('updates only the checkboxes whose count or check changed', async () => {
    const { user } = renderApp();
    await screen.findByRole('group', { name: 'Timeline events' });
    const types = facet('Event type');
    const boxes = within(types).getAllByRole('checkbox');
    const touched = new Set<Node>();
    const observer = new MutationObserver((records) => {
      for (const record of records) touched.add(record.target);
    });
    observer.observe(types, { subtree: true, attributes: true, childList: true, characterData: true });
    const clicked = within(types).getByRole('checkbox', { name: 'Election' });
    await user.click(clicked);
    observer.disconnect();
    // A type's own counts ignore the type filter, so no other type's row changes.
    expect(boxes.length).toBeGreaterThan(3);
    expect(boxes.filter((box) => box !== clicked && touched.has(box))).toEqual([]);
  });
});
