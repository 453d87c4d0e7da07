// The filters sidebar: search, Country and Event type checkboxes, the Actor combobox, the context toggle and
// "Clear filters". On phones it folds behind a "Filters" disclosure button so the timeline stays near the top.
import { useAppActions, useAppStore } from '../store/app-store.ts';
import { selectData, selectFacetOptions, selectIsFilterActive } from '../store/selectors.ts';
import '../styles/filters.css';
import { ActorFilter } from './actor-filter.tsx';
import { FacetCheckboxes } from './facet-checkboxes.tsx';
import { FoldButton, useFold } from './fold.tsx';
import { focusSearch } from './focus-targets.ts';
import { SearchBox } from './search-box.tsx';

export function FilterPanel() {
  const data = useAppStore(selectData);
  const options = useAppStore(selectFacetOptions);
  const showContext = useAppStore((state) => state.showContext);
  const active = useAppStore(selectIsFilterActive);
  const actions = useAppActions();
  // Only the phone layout folds the panel; wide screens always show it (see filters.css).
  const fold = useFold();
  if (!data) return null;
  const hasContext = data.index.events.some((event) => event.record.context);

  return (
    <aside className="filter-panel" aria-label="Filters" data-open={fold.open}>
      <h2 className="filter-panel__heading">Filters</h2>
      <FoldButton fold={fold} className="filter-panel__toggle">
        Filters
      </FoldButton>
      <div id={fold.bodyId} className="filter-panel__body">
        <SearchBox />
        <FacetCheckboxes
          facet="countries"
          legend="Country"
          values={options.countries.map((country) => ({ id: country.id, label: country.name }))}
        />
        <ActorFilter />
        <FacetCheckboxes facet="types" legend="Event type" values={options.types.map((type) => ({ id: type.id, label: type.label }))} />
        {hasContext ? (
          <div className="filter-field filter-field--inline">
            <input
              id="filter-context"
              type="checkbox"
              className="facet__checkbox"
              checked={showContext}
              aria-describedby="filter-context-hint"
              onChange={(event) => actions.setFilters({ showContext: event.target.checked })}
            />
            <label htmlFor="filter-context">Context events</label>
            <p id="filter-context-hint" className="filter-field__hint">
              Records outside the stories’ periods, shown dotted.
            </p>
          </div>
        ) : null}
        <button
          type="button"
          className="button"
          disabled={!active}
          onClick={() => {
            actions.clearFilters();
            // The button is disabled now, which would drop focus to the page: the first filter takes it.
            focusSearch();
          }}
        >
          Clear filters
        </button>
      </div>
    </aside>
  );
}
