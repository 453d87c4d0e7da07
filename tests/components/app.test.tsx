import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { appStore } from '../../src/store/app-store.ts';
import { renderApp } from '../support/render-app.tsx';

describe('the timeline app', () => {
  it('opens an event’s details with its honest date and verbatim source, and closes them with Escape', async () => {
    const { user } = renderApp();
    const timeline = screen.getByRole('region', { name: 'Timeline' });
    await user.click(within(timeline).getByRole('group', { name: 'Timeline events' }));
    await user.keyboard('{ArrowRight}');
    const details = await screen.findByRole('region', { name: 'Event details' });
    const heading = within(details).getByRole('heading', { level: 2 });
    const selectedId = appStore.getState().selectedEventId;
    const event = selectedId ? appStore.getState().data?.index.eventsById.get(selectedId) : undefined;
    expect(heading).toHaveTextContent(event?.record.title ?? 'missing');
    expect(within(details).getByText(event?.dateLabel ?? 'missing')).toBeInTheDocument();
    expect(details.querySelector('blockquote')).toHaveTextContent(event?.record.source?.quote ?? 'missing');

    await user.click(within(timeline).getByRole('group', { name: 'Timeline events' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: 'Event details' })).not.toBeInTheDocument();
  });

  it('highlights the searched words in the details', async () => {
    const { user } = renderApp();
    await user.type(screen.getByRole('searchbox', { name: 'Search events' }), 'ASSASSINATED');
    await user.click(screen.getByRole('group', { name: 'Timeline events' }));
    await user.keyboard('{ArrowRight}');
    const heading = within(await screen.findByRole('region', { name: 'Event details' })).getByRole('heading', { level: 2 });
    expect(heading.querySelector('mark')).toHaveTextContent(/^assassinated$/i);
  });

  it('folds the header’s actions behind an Actions button that says whether they are shown (phones hide them while folded)', async () => {
    const { user } = renderApp();
    const toggle = screen.getByRole('button', { name: 'Actions' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    const actions = document.getElementById(toggle.getAttribute('aria-controls') ?? 'missing');
    expect(actions).not.toBeNull();
    expect(actions).toHaveAttribute('data-open', 'false');
    expect(within(actions as HTMLElement).getByRole('button', { name: 'Open dataset' })).toBeInTheDocument();
    expect(within(actions as HTMLElement).getByRole('button', { name: 'Present' })).toBeInTheDocument();
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(actions).toHaveAttribute('data-open', 'true');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
  });

  it('zooms to a story’s period with its button', async () => {
    const { user } = renderApp();
    await user.click(screen.getByRole('button', { name: 'Pakistan 2007–2008' }));
    expect(screen.getByRole('navigation', { name: 'Timeline navigation' })).toHaveTextContent('Showing Sep 2007 – Mar 2008');
    await user.click(screen.getByRole('button', { name: 'Iran 1979–2009' }));
    expect(screen.getByRole('navigation', { name: 'Timeline navigation' })).toHaveTextContent('Showing 1977 – 2011');
    await user.click(screen.getByRole('button', { name: 'Zoom in' }));
    expect(screen.getByRole('navigation', { name: 'Timeline navigation' })).toHaveTextContent('Showing 1986 – 2002');
  });

  it('says what it cannot load instead of showing a blank page', () => {
    renderApp();
    act(() =>
      appStore.getState().actions.addNotice('Could not open story.json. The timeline you had is unchanged.', 'error', ["story.json, events[0], field 'start': is missing"]),
    );
    expect(screen.getByRole('alert')).toHaveTextContent("story.json, events[0], field 'start': is missing");
    expect(screen.getByRole('region', { name: 'Timeline' })).toBeInTheDocument();
  });
});
