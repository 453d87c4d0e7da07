// Page composition: header, navigation, filters, the timeline with its overview and legend, and the details panel.
// Features plug in at the marked places (one import and one element each), so parallel work does not collide.
import { useEffect } from 'react';
import { ErrorBoundary } from '../components/error-boundary.tsx';
import { DatasetControls } from '../components/dataset-controls.tsx';
import { EventDetails } from '../components/event-details.tsx';
import { FilterPanel } from '../components/filter-panel.tsx';
import { HeaderActions } from '../components/header-actions.tsx';
import { NoticeList } from '../components/notice-list.tsx';
import { OverviewStrip } from '../components/overview-strip.tsx';
import { PresentationActions } from '../components/presentation/presentation-actions.tsx';
import { PresentationView } from '../components/presentation/presentation-view.tsx';
import { ResultsView } from '../components/results-view.tsx';
import { OpenInAppLink, ShareControls } from '../components/share-controls.tsx';
import { TimelineToolbar } from '../components/timeline-toolbar.tsx';
import { TimelineView } from '../components/timeline-view.tsx';
import { TypeLegend } from '../components/type-legend.tsx';
import { useDetailsPlacement } from '../components/use-details-placement.ts';
import { useAppStore } from '../store/app-store.ts';
import { selectData, selectSelectedEvent } from '../store/selectors.ts';
import { loadDatasetFromFile } from './load-dataset.ts';
import { startApp } from './start-app.ts';
import { useUrlSync } from './url-sync.ts';

export function App() {
  const data = useAppStore(selectData);
  const selected = useAppStore(selectSelectedEvent);
  // Embedded in another page (embed=1): the timeline, its details and a way out to the full app, nothing else.
  const embed = useAppStore((state) => state.embed);
  // On a narrow screen the list shows the details under the chosen row, instead of here after the whole list.
  const detailsPlacement = useDetailsPlacement();

  useEffect(() => startApp(), []);
  useUrlSync();

  useEffect(() => {
    document.title = selected ? `${selected.record.title} — Timeline Explorer` : 'Timeline Explorer';
  }, [selected]);

  return (
    <div className={embed ? 'app app--embed' : 'app'}>
      <a className="skip-link" href="#timeline-main">
        Skip to the timeline
      </a>
      <header className="app-header">
        <div className="app-heading">
          <h1 className="app-title">Timeline Explorer</h1>
          <p className="app-subtitle">{data ? data.label : 'Loading the stories…'}</p>
        </div>
        {embed ? (
          <OpenInAppLink />
        ) : (
          <HeaderActions>
            {/* slot: header actions (share, present, dataset) */}
            <ErrorBoundary label="Opening and downloading datasets" resetKey={data}>
              <DatasetControls onOpenFile={loadDatasetFromFile} />
            </ErrorBoundary>
            <ShareControls />
            <PresentationActions />
          </HeaderActions>
        )}
      </header>
      <NoticeList />
      <TimelineToolbar />
      <div className="app-body">
        {embed ? null : (
          <>
            {/* slot: filters sidebar */}
            <ErrorBoundary label="The filters" resetKey={data}>
              <FilterPanel />
            </ErrorBoundary>
          </>
        )}
        <main id="timeline-main" className="app-main">
          {/* slot: view switch (Timeline / List) */}
          <ErrorBoundary label="The results" resetKey={data}>
            <ResultsView />
          </ErrorBoundary>
          <ErrorBoundary label="The timeline" resetKey={data}>
            <OverviewStrip />
            <TimelineView />
            <TypeLegend />
          </ErrorBoundary>
          {/* Presentation mode: the slide below the timeline, while the chrome hides (styles/presentation.css). */}
          <ErrorBoundary label="The presentation" resetKey={data}>
            <PresentationView />
          </ErrorBoundary>
        </main>
        {detailsPlacement === 'panel' ? (
          <ErrorBoundary label="The event details" resetKey={data}>
            <EventDetails />
          </ErrorBoundary>
        ) : null}
      </div>
    </div>
  );
}
