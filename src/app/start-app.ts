// Start-up: the dataset a link names (data=), else the built-in stories, shown whole. While a linked dataset loads
// the page says so; if it cannot be loaded, the built-in stories are shown with the reason. Later changes of data=
// (Back and Forward between links) load the dataset they name.
import { formatProblem, indexDataset } from '../domain/dataset.ts';
import { paddedWindow } from '../domain/timeline-items.ts';
import { parseViewState } from '../domain/url-codec.ts';
import { type AppState, appStore, pickViewState } from '../store/app-store.ts';
import { loadBuiltinDataset } from './builtin-dataset.ts';
import { loadDatasetFromUrl } from './load-dataset.ts';

export const BUILTIN_LABEL = 'Iran 1979–2009 · Pakistan 2007–08 · Momentum 2016–17';

const NOTHING_KNOWN = { eventIds: new Set<string>(), countryIds: new Set<string>(), actorIds: new Set<string>(), typeIds: new Set<string>() };

/** Loads data into the store; returns a clean-up for React's effect. */
export function startApp(): () => void {
  const state = appStore.getState();
  if (!state.data && state.loadingDataset === undefined) {
    // The same check the URL codec applies, so an unsafe address is never fetched (the link sync says it was ignored).
    const linked = parseViewState(window.location.search, NOTHING_KNOWN).state.dataUrl;
    if (linked) {
      void loadDatasetFromUrl(linked, { failureNote: 'The built-in stories are shown instead.' }).then((outcome) => {
        if (outcome === 'failed' && !appStore.getState().data) showBuiltin('start');
      });
    } else {
      showBuiltin('start');
    }
  }
  return appStore.subscribe(followDataUrl);
}

/** data= changed (Back or Forward to another link): load what it names, or go back to the built-in stories. */
function followDataUrl(state: AppState): void {
  if (!state.data || state.dataUrl === state.data.dataUrl) return;
  if (state.dataUrl) void loadDatasetFromUrl(state.dataUrl);
  else showBuiltin('switch');
}

function showBuiltin(when: 'start' | 'switch'): void {
  const { actions } = appStore.getState();
  const result = loadBuiltinDataset();
  if (!result.ok) {
    actions.addNotice('The built-in stories could not be loaded.', 'error', result.problems.map(formatProblem));
    // Keep what is shown, and the address with it, rather than trying again on every change.
    const state = appStore.getState();
    if (state.data) actions.applyViewState({ ...pickViewState(state), dataUrl: state.data.dataUrl });
    return;
  }
  const index = indexDataset(result.dataset);
  if (when === 'switch') {
    actions.openDataset(index, BUILTIN_LABEL, undefined);
    return;
  }
  actions.setData(index, BUILTIN_LABEL);
  if (!appStore.getState().window) actions.setWindow(paddedWindow(index.span.start, index.span.end));
}
