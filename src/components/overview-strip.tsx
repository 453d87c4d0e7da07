// The whole span at a glance: where events are dense, and the current window, which can be dragged or moved by keyboard.
import { useMemo, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { formatYearLabel } from '../domain/partial-date.ts';
import { densityBuckets, panWindow, paddedWindow } from '../domain/timeline-items.ts';
import type { TimeWindow } from '../domain/view-state.ts';
import { useAppActions, useAppStore } from '../store/app-store.ts';
import { selectData, selectVisibleEvents } from '../store/selectors.ts';
import { formatWindow } from './timeline-toolbar.tsx';

const BUCKETS = 120;

/**
 * The density bars as one SVG path (in a viewBox of one unit per bucket by 100): a filter that changes every count
 * then updates one attribute, not a hundred elements.
 */
export function densityBarsPath(buckets: readonly number[]): string {
  const peak = Math.max(1, ...buckets);
  let path = '';
  buckets.forEach((count, bucket) => {
    if (!count) return;
    const height = Math.round((count / peak) * 1000) / 10;
    path += `M${bucket + 0.1} ${100 - height}h0.8v${height}h-0.8z`;
  });
  return path;
}

export function OverviewStrip() {
  const data = useAppStore(selectData);
  const events = useAppStore(selectVisibleEvents);
  const window = useAppStore((state) => state.window);
  const actions = useAppActions();
  const stripRef = useRef<HTMLDivElement>(null);
  const dragRef = useRef<{ pointerX: number; window: TimeWindow } | null>(null);

  const span = useMemo(() => (data ? paddedWindow(data.index.span.start, data.index.span.end, 0.02) : undefined), [data]);
  const bars = useMemo(() => (span ? densityBarsPath(densityBuckets(events, span, BUCKETS)) : ''), [events, span]);
  if (!data || !span) return null;
  const width = span.end - span.start;
  const left = window ? Math.max(0, ((window.start - span.start) / width) * 100) : 0;
  const right = window ? Math.min(100, ((window.end - span.start) / width) * 100) : 100;

  const timeAt = (clientX: number): number => {
    const rect = stripRef.current?.getBoundingClientRect();
    if (!rect || rect.width === 0) return span.start;
    return span.start + ((clientX - rect.left) / rect.width) * width;
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (!window) return;
    const time = timeAt(event.clientX);
    let current = window;
    if (time < window.start || time > window.end) {
      // Click outside the window: centre it there, then drag from there.
      const half = (window.end - window.start) / 2;
      current = { start: time - half, end: time + half };
      actions.setWindow(current);
    }
    dragRef.current = { pointerX: event.clientX, window: current };
    event.currentTarget.setPointerCapture?.(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const drag = dragRef.current;
    const rect = stripRef.current?.getBoundingClientRect();
    if (!drag || !rect || rect.width === 0) return;
    const shift = ((event.clientX - drag.pointerX) / rect.width) * width;
    actions.setWindow({ start: drag.window.start + shift, end: drag.window.end + shift });
  };
  const onPointerUp = () => {
    dragRef.current = null;
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!window) return;
    const steps: Record<string, number> = { ArrowLeft: -0.1, ArrowRight: 0.1, PageUp: -1, PageDown: 1 };
    const step = steps[event.key];
    if (step === undefined) return;
    event.preventDefault();
    actions.setWindow(panWindow(window, step));
  };

  const startYear = new Date(span.start).getFullYear();
  const endYear = new Date(span.end).getFullYear();
  const centreYear = window ? new Date((window.start + window.end) / 2).getFullYear() : startYear;

  return (
    <div className="overview" role="group" aria-label="Overview of the whole timeline">
      <div
        ref={stripRef}
        className="overview__strip"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
      >
        <svg className="overview__bars" viewBox={`0 0 ${BUCKETS} 100`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
          <path d={bars} />
        </svg>
        <div
          className="overview__window"
          style={{ left: `${left}%`, width: `${Math.max(right - left, 0.8)}%` }}
          role="slider"
          tabIndex={0}
          aria-label="Visible window"
          aria-valuemin={startYear}
          aria-valuemax={endYear}
          aria-valuenow={centreYear}
          aria-valuetext={window ? formatWindow(window) : 'whole span'}
          onKeyDown={onKeyDown}
        />
      </div>
      <div className="overview__axis" aria-hidden="true">
        <span>{formatYearLabel(startYear)}</span>
        <span>{formatYearLabel(endYear)}</span>
      </div>
    </div>
  );
}
