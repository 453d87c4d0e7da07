import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../support/render-app.tsx';

describe('header menus', () => {
  it('close the Download menu when the user presses anywhere else', async () => {
    const { user } = renderApp();
    await user.click(screen.getByRole('button', { name: 'Download' }));
    expect(screen.getByRole('button', { name: 'Download CSV' })).toBeVisible();
    await user.click(screen.getByRole('heading', { level: 1, name: 'Timeline Explorer' }));
    expect(screen.queryByRole('button', { name: 'Download CSV' })).not.toBeInTheDocument();
  });

  it('close the Guided tours list when the user presses anywhere else', async () => {
    const { user } = renderApp();
    const summary = screen.getByText('Guided tours');
    await user.click(summary);
    const details = summary.closest('details');
    expect(details).toHaveAttribute('open');
    await user.click(screen.getByRole('heading', { level: 1, name: 'Timeline Explorer' }));
    expect(details).not.toHaveAttribute('open');
  });
});
