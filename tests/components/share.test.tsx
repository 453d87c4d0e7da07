import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appStore } from '../../src/store/app-store.ts';
import { renderApp } from '../support/render-app.tsx';

const BHUTTO = 'benazir-bhutto-assassinated';
const base = () => `${window.location.origin}${window.location.pathname}`;
const share = () => {
  const button = screen.getByRole('button', { name: 'Copy link' });
  const group = button.parentElement;
  if (!group) throw new Error('Copy link has no surroundings');
  return group;
};

let savedClipboard: PropertyDescriptor | undefined;

/** Replaces the clipboard the page sees (userEvent installs its own stub at setup, so call this after renderApp). */
function useClipboard(clipboard: Pick<Clipboard, 'writeText'> | undefined) {
  savedClipboard ??= Object.getOwnPropertyDescriptor(window.navigator, 'clipboard');
  Object.defineProperty(window.navigator, 'clipboard', { value: clipboard, configurable: true });
}

afterEach(() => {
  if (savedClipboard) Object.defineProperty(window.navigator, 'clipboard', savedClipboard);
  else Reflect.deleteProperty(window.navigator, 'clipboard');
  savedClipboard = undefined;
});

describe('Copy link', () => {
  it('copies the link to the current view and says so', async () => {
    const { user } = renderApp({ url: `/?event=${BHUTTO}&country=pakistan` });
    const writeText = vi.fn<(text: string) => Promise<void>>().mockResolvedValue(undefined);
    useClipboard({ writeText });
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    await waitFor(() => expect(within(share()).getByRole('status')).toHaveTextContent('Link copied'));
    expect(writeText).toHaveBeenCalledWith(`${base()}?event=${BHUTTO}&country=pakistan`);
    expect(within(share()).queryByRole('textbox')).not.toBeInTheDocument();

    // Once the view changes, the copied link is no longer this view's.
    await user.click(screen.getByRole('button', { name: 'Close details' }));
    expect(within(share()).getByRole('status').textContent).toBe('');
  });

  it('copies the view as it is now, filters and all, before the address bar catches up', async () => {
    const { user } = renderApp({ url: `/?event=${BHUTTO}` });
    const writeText = vi.fn<(text: string) => Promise<void>>().mockResolvedValue(undefined);
    useClipboard({ writeText });
    const details = screen.getByRole('region', { name: 'Event details' });
    await user.click(within(details).getByRole('button', { name: 'Benazir Bhutto' }));
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(writeText).toHaveBeenCalledWith(`${base()}?event=${BHUTTO}&actor=benazir-bhutto`);
  });

  it.each([
    ['refuses', { writeText: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')) }],
    ['is missing', undefined],
  ])('shows the link selected in a field to copy by hand when the clipboard %s', async (_name, clipboard) => {
    const { user } = renderApp({ url: `/?event=${BHUTTO}` });
    useClipboard(clipboard);
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    const field = await within(share()).findByRole('textbox', { name: 'Link to this view' });
    expect(field).toHaveValue(`${base()}?event=${BHUTTO}`);
    expect(field).toHaveAttribute('readonly');
    expect(field).toHaveFocus();
    expect(field).toBeInstanceOf(HTMLInputElement);
    const input = field as HTMLInputElement;
    expect([input.selectionStart, input.selectionEnd]).toEqual([0, input.value.length]);
    expect(within(share()).getByRole('status')).toHaveTextContent('Could not copy: the link is selected below, copy it by hand.');
  });
});

describe('Link to this event', () => {
  it('links to the event alone, whatever the filters and window', async () => {
    const { user } = renderApp({ url: `/?event=${BHUTTO}&country=pakistan&from=2007-01-01&to=2009-01-01` });
    const details = screen.getByRole('region', { name: 'Event details' });
    await user.click(within(details).getByRole('button', { name: 'Benazir Bhutto' }));
    expect(within(details).getByRole('link', { name: 'Link to this event' })).toHaveAttribute('href', `${base()}?event=${BHUTTO}`);
  });

  it('keeps the dataset the event is in', () => {
    renderApp({ url: `/?event=${BHUTTO}` });
    // The same records as if opened from an address: the dataset and the view name it together, as the loader sets them.
    const url = 'https://example.org/stories.json';
    const { data } = appStore.getState();
    if (!data) throw new Error('no data');
    act(() => appStore.setState({ data: { ...data, dataUrl: url }, dataUrl: url }));
    const details = screen.getByRole('region', { name: 'Event details' });
    expect(within(details).getByRole('link', { name: 'Link to this event' })).toHaveAttribute(
      'href',
      `${base()}?data=https://example.org/stories.json&event=${BHUTTO}`,
    );
  });
});

describe('embedded view (embed=1)', () => {
  it('shows the timeline and details with a way out to the full app, and no header actions or filters', () => {
    renderApp({ url: `/?embed=1&event=${BHUTTO}&country=pakistan` });
    expect(screen.getByRole('region', { name: 'Timeline' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Event details' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Copy link' })).not.toBeInTheDocument();
    expect(screen.queryByRole('complementary', { name: 'Filters' })).not.toBeInTheDocument();
    const out = screen.getByRole('link', { name: 'Open in Timeline Explorer (opens in a new tab)' });
    expect(out).toHaveAttribute('target', '_blank');
    expect(out).toHaveAttribute('href', `${base()}?event=${BHUTTO}&country=pakistan`);
  });

  it('adds no history entries of the host page, only rewrites its own', async () => {
    const { user } = renderApp({ url: `/?embed=1&event=${BHUTTO}` });
    const before = window.history.length;
    const details = screen.getByRole('region', { name: 'Event details' });
    await user.click(within(details).getByRole('button', { name: 'Benazir Bhutto' }));
    await waitFor(() => expect(window.location.search).toBe(`?event=${BHUTTO}&actor=benazir-bhutto&embed=1`));
    expect(window.history.length).toBe(before);
  });

  it('shows the full app without embed=1', () => {
    renderApp({ url: `/?event=${BHUTTO}` });
    expect(screen.getByRole('button', { name: 'Copy link' })).toBeInTheDocument();
    expect(screen.getByRole('complementary', { name: 'Filters' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Open in Timeline Explorer/ })).not.toBeInTheDocument();
  });
});
