// Above the timeline: the Timeline / List switch, the live count of results, "Fit results", a clear message when
// nothing matches, and the list view itself. Both views read the same filtered events and the same selection.
import { useDeferredValue, useEffect, useRef } from 'react';
import { useAppActions, useAppStore } from '../store/app-store.ts';
import { selectData, selectResultsWindow, selectTotalEventCount, selectVisibleEvents } from '../store/selectors.ts';
import '../styles/filters.css';
import { EventList } from './event-list.tsx';
import { focusResults } from './focus-targets.ts';

export function formatResultCount(visible: number, total: number): string {
  return `${visible} of ${total} ${total === 1 ? 'event' : 'events'}`;
}

export function ResultsView() {
  const data = useAppStore(selectData);
  const view = useAppStore((state) => state.view);
  const total = useAppStore(selectTotalEventCount);
  // Typing stays smooth: the count and the list follow the query at low priority.
  const visible = useDeferredValue(useAppStore(selectVisibleEvents));
  const resultsWindow = useAppStore(selectResultsWindow);
  const actions = useAppActions();
  const loaded = data !== undefined;
  // "Clear filters" in the no-results message leaves with it: focus goes to the results, once they are drawn.
  const focusResultsPendingRef = useRef(false);
  useEffect(() => {
    if (!focusResultsPendingRef.current || visible.length === 0) return;
    focusResultsPendingRef.current = false;
    focusResults();
  }, [visible]);

  return (
    <>
      <div className="results-bar" role="group" aria-label="Results">
        <div className="view-switch" role="group" aria-label="View">
          <button type="button" className="button" aria-pressed={view === 'timeline'} onClick={() => actions.setViewMode('timeline')}>
            Timeline
          </button>
          <button type="button" className="button" aria-pressed={view === 'list'} onClick={() => actions.setViewMode('list')}>
            List
          </button>
        </div>
        <p className="results-bar__count" role="status">
          {loaded ? formatResultCount(visible.length, total) : ''}
        </p>
        {view === 'timeline' ? (
          <button
            type="button"
            className="button"
            disabled={!resultsWindow}
            onClick={() => {
              if (resultsWindow) actions.setWindow(resultsWindow);
            }}
          >
            Fit results
          </button>
        ) : null}
      </div>
      {loaded && visible.length === 0 ? (
        <div className="no-results">
          <p>No events match these filters.</p>
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              actions.clearFilters();
              focusResultsPendingRef.current = true;
            }}
          >
            Clear filters
          </button>
        </div>
      ) : null}
      {loaded && view === 'list' && visible.length > 0 ? <EventList events={visible} /> : null}
    </>
  );
}
