// Start-up: load the built-in dataset (or say clearly why not) and show it whole.
import { formatProblem, indexDataset } from '../domain/dataset.ts';
import { paddedWindow } from '../domain/timeline-items.ts';
import { appStore } from '../store/app-store.ts';
import { loadBuiltinDataset } from './builtin-dataset.ts';

/** Loads data into the store; returns a clean-up for React's effect. */
export function startApp(): () => void {
  const { actions } = appStore.getState();
  if (!appStore.getState().data) {
    const result = loadBuiltinDataset();
    if (!result.ok) {
      actions.addNotice('The built-in stories could not be loaded.', 'error', result.problems.map(formatProblem));
      return () => undefined;
    }
    const index = indexDataset(result.dataset);
    actions.setData(index, 'Iran 1979–2009 · Pakistan 2007–08 · Momentum 2016–17');
    if (!appStore.getState().window) actions.setWindow(paddedWindow(index.span.start, index.span.end));
  }
  return () => undefined;
}
