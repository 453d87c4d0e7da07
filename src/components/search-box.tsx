// The "Search events" box: controlled by the store's query, so the URL, the list and the timeline all agree.
import { useAppActions, useAppStore } from '../store/app-store.ts';
import { SEARCH_INPUT_ID } from './focus-targets.ts';

export function SearchBox() {
  const query = useAppStore((state) => state.query);
  const actions = useAppActions();
  return (
    <div className="filter-field">
      <label className="filter-field__label" htmlFor={SEARCH_INPUT_ID}>
        Search events
      </label>
      <input
        id={SEARCH_INPUT_ID}
        className="filter-input"
        type="search"
        value={query}
        autoComplete="off"
        spellCheck={false}
        aria-describedby="filter-search-hint"
        onChange={(event) => actions.setFilters({ query: event.target.value })}
      />
      <p id="filter-search-hint" className="filter-field__hint">
        Titles, summaries and names; accents and capitals do not matter.
      </p>
    </div>
  );
}
