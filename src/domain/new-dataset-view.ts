// The view a newly opened dataset is shown with: all of it in the window, and only the filters and selection that
// still mean something in it (ids it has, a search that finds something), so nothing hides its events unexplained.
// A presentation of the old data ends; a link that presents the new one (present=1) is applied after this.
import type { IndexedDataset } from './dataset.ts';
import { filterEvents } from './filters.ts';
import { fitAllWindow } from './link-view.ts';
import type { SearchIndex } from './search.ts';
import { DEFAULT_FILTERS, type ViewState } from './view-state.ts';

export function viewForNewDataset(
  view: ViewState,
  index: IndexedDataset,
  search: SearchIndex,
  { dataUrl, dataFile }: Pick<ViewState, 'dataUrl' | 'dataFile'>,
): ViewState {
  const known = (ids: readonly string[], lookup: ReadonlyMap<string, unknown>) => ids.filter((id) => lookup.has(id));
  const query = view.query && filterEvents(index, search, { ...DEFAULT_FILTERS, query: view.query }).length ? view.query : '';
  return {
    ...view,
    countries: known(view.countries, index.countriesById),
    actors: known(view.actors, index.actorsById),
    types: known(view.types, index.typesById),
    query,
    selectedEventId: view.selectedEventId && index.eventsById.has(view.selectedEventId) ? view.selectedEventId : undefined,
    window: fitAllWindow(index),
    present: false,
    reveal: false,
    tour: undefined,
    dataUrl,
    dataFile,
  };
}
