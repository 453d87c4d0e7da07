// Navigation across decades: one button per story, fit all, zoom and pan, and a plain statement of the window shown.
import { format } from 'date-fns';
import { paddedWindow, panWindow, zoomWindow } from '../domain/timeline-items.ts';
import { formatYearLabel, parsePartialDate, toInterval } from '../domain/partial-date.ts';
import type { Story } from '../domain/schema.ts';
import type { TimeWindow } from '../domain/view-state.ts';
import { useAppActions, useAppStore } from '../store/app-store.ts';
import { selectData } from '../store/selectors.ts';

export function storyWindow(story: Story): TimeWindow | undefined {
  const start = parsePartialDate(story.start);
  const end = parsePartialDate(story.end);
  if (!start.ok || !end.ok) return undefined;
  return paddedWindow(toInterval(start.value).start, toInterval(end.value).end, 0.04);
}

export function formatWindow(window: TimeWindow): string {
  const days = (window.end - window.start) / 86_400_000;
  const pattern = days > 3 * 365 ? '' : days > 60 ? 'MMM ' : 'd MMM ';
  // Years as the dates of events are written (44 BCE, 148), not as date-fns pads them (-0043, 0148).
  const label = (time: number) => `${pattern ? format(time, pattern) : ''}${formatYearLabel(new Date(time).getFullYear())}`;
  const start = label(window.start);
  const end = label(window.end);
  return start === end ? start : `${start} – ${end}`;
}

export function TimelineToolbar() {
  const data = useAppStore(selectData);
  const window = useAppStore((state) => state.window);
  const actions = useAppActions();
  if (!data) return null;
  const { span } = data.index;
  const fitAll = () => actions.setWindow(paddedWindow(span.start, span.end));
  const change = (transform: (current: TimeWindow) => TimeWindow) => {
    if (window) actions.setWindow(transform(window));
  };

  return (
    <nav className="timeline-toolbar" aria-label="Timeline navigation">
      {data.index.dataset.stories.length ? (
        <div className="toolbar-group" role="group" aria-label="Stories">
          {data.index.dataset.stories.map((story) => (
            <button
              key={story.id}
              type="button"
              className="button button--story"
              onClick={() => {
                const target = storyWindow(story);
                if (target) actions.setWindow(target);
              }}
            >
              {story.title}
            </button>
          ))}
        </div>
      ) : null}
      <div className="toolbar-group" role="group" aria-label="Zoom and pan">
        <button type="button" className="button" onClick={fitAll}>
          Fit all
        </button>
        <button type="button" className="button" onClick={() => change((current) => zoomWindow(current, 0.5))}>
          Zoom in
        </button>
        <button type="button" className="button" onClick={() => change((current) => zoomWindow(current, 2))}>
          Zoom out
        </button>
        <button type="button" className="button" onClick={() => change((current) => panWindow(current, -0.5))}>
          Earlier
        </button>
        <button type="button" className="button" onClick={() => change((current) => panWindow(current, 0.5))}>
          Later
        </button>
      </div>
      <p className="window-label">
        Showing <strong>{window ? formatWindow(window) : '…'}</strong>
      </p>
    </nav>
  );
}
