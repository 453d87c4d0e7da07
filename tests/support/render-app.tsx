// Renders the whole app at a URL, with a fresh store, the way a user would open it.
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/app/app.tsx';
import { resetAppStore } from '../../src/store/app-store.ts';

/** url: the address to open; null opens the current entry as it is, with its history state (as a reload does). */
export function renderApp({ url = '/' }: { url?: string | null } = {}) {
  resetAppStore();
  if (url !== null) window.history.replaceState(null, '', url);
  const user = userEvent.setup();
  return { user, ...render(<App />) };
}
