// How often the timeline makes a display plan: once for each change of what it shows, not again for the same view.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { planDisplay } from '../../src/domain/aggregate-items.ts';
import type { TimeWindow } from '../../src/domain/view-state.ts';
import { appStore } from '../../src/store/app-store.ts';
import { renderApp } from '../support/render-app.tsx';

vi.mock('../../src/domain/aggregate-items.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/domain/aggregate-items.ts')>();
  return { ...actual, planDisplay: vi.fn(actual.planDisplay) };
});

const wholeMs = (window: TimeWindow | undefined) => window && { start: Math.trunc(window.start), end: Math.trunc(window.end) };

/** vis-timeline says a move ended 200 ms after it, in its 'rangechanged' event. */
const afterRangeChanged = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('the timeline’s display plans', () => {
  it('are not made again when a move the app made ends, for the window they were made for', async () => {
    vi.mocked(planDisplay).mockClear();
    const { user } = renderApp();
    await screen.findByRole('group', { name: 'Timeline events' });
    const shown = appStore.getState().window;
    // One plan for the window the dataset opened at (in whole milliseconds, as vis-timeline holds it), though the
    // timeline's effects for the items and the selection each ask for one as it is made.
    expect(vi.mocked(planDisplay).mock.calls.map(([, window]) => window)).toEqual([wholeMs(shown)]);
    // The end of that move finds the same window and the same events.
    await afterRangeChanged();
    expect(planDisplay).toHaveBeenCalledTimes(1);
    vi.mocked(planDisplay).mockClear();

    // Anything else that changes what is shown still makes a plan: a filter, then a window of the user's own.
    await user.click(within(screen.getByRole('complementary', { name: 'Filters' })).getByRole('checkbox', { name: 'Pakistan' }));
    expect(planDisplay).toHaveBeenCalledTimes(1);
    await afterRangeChanged();
    expect(planDisplay).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Zoom in' }));
    // Animated: plans for the moving window, then one for the window it comes to rest at.
    await waitFor(() => expect(vi.mocked(planDisplay).mock.calls.at(-1)?.[1]).toEqual(wholeMs(appStore.getState().window)), { timeout: 3000 });
    expect(appStore.getState().window).not.toEqual(shown);
  });
});
