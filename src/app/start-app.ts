// Start-up: the dataset a link names (data=), else the built-in stories, shown whole. While a linked dataset loads
// the page says so; if it cannot be loaded, the built-in stories are shown with the reason. Later changes of the
// dataset a view names (Back and Forward between links, or to a file opened earlier) show the dataset they name.
import builtinDataset from 'virtual:builtin-dataset';
import { indexDataset } from '../domain/dataset.ts';
import { paddedWindow } from '../domain/timeline-items.ts';
import { parseViewState } from '../domain/url-codec.ts';
import { type AppState, appStore, viewOfShownData } from '../store/app-store.ts';
import { abandonLoadNotFor, loadDatasetFromUrl } from './load-dataset.ts';
import { findOpenedFile } from './opened-files.ts';

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
  return appStore.subscribe(followDataset);
}

/**
 * The view names another dataset (Back or Forward to another link, or to a view of a file opened earlier): load the
 * address it names, show the file again, or go back to the built-in stories.
 */
function followDataset(state: AppState): void {
  const { data } = state;
  if (!data) return;
  // A link's dataset still loading, which the view no longer names (Back from it before it came), must not replace
  // what is shown when it comes.
  abandonLoadNotFor(state.dataUrl);
  if (state.dataUrl === data.dataUrl && state.dataFile === data.file?.key) return;
  if (state.dataUrl) void loadDatasetFromUrl(state.dataUrl);
  else if (state.dataFile) showOpenedFile(state, state.dataFile);
  else showBuiltin('switch');
}

function showOpenedFile(state: AppState, key: string): void {
  const { actions } = state;
  const file = findOpenedFile(key);
  // The link sync asks only for a file still kept (and says so when it is not); otherwise the view stays on its data.
  if (!file) actions.applyViewState(viewOfShownData(state));
  else actions.openDataset(file.index, file.label, undefined, { key: file.key, name: file.name });
}

function showBuiltin(when: 'start' | 'switch'): void {
  const { actions } = appStore.getState();
  // Validated when the app was built (scripts/builtin-dataset-plugin.ts): a broken record fails the build instead.
  const index = indexDataset(builtinDataset);
  if (when === 'switch') {
    actions.openDataset(index, BUILTIN_LABEL, undefined);
    return;
  }
  actions.setData(index, BUILTIN_LABEL);
  if (!appStore.getState().window) actions.setWindow(paddedWindow(index.span.start, index.span.end));
}
