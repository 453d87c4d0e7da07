// The one owner of the vis-timeline instance: creates it once, feeds it through vis-data, syncs it with the store,
// destroys it on unmount. Item and lane labels are DOM nodes built from text, never HTML strings.
import { useDeferredValue, useEffect, useRef, type KeyboardEvent } from 'react';
import { DataSet, DataView } from 'vis-data/peer';
import { Timeline, type TimelineOptions } from 'vis-timeline/peer';
import 'vis-timeline/styles/vis-timeline-graph2d.min.css';
import type { TimelineItemData } from '../domain/timeline-items.ts';
import { isInWindow, windowAroundEvent, zoomWindow } from '../domain/timeline-items.ts';
import type { TimeWindow } from '../domain/view-state.ts';
import { appStore, useAppActions, useAppStore } from '../store/app-store.ts';
import { selectData, selectSelectedEvent, selectVisibleEventIds } from '../store/selectors.ts';
import { typeGlyph } from './type-style.ts';

interface VisItem {
  id: string;
  group: string;
  start: Date;
  end?: Date;
  type: 'point' | 'range';
  className: string;
  content: string;
  data: TimelineItemData;
}

interface VisGroup {
  id: string;
  content: string;
  name: string;
}

// Far from any data: items are loaded while the window is here, so vis-timeline lays them out in one batch
// (adding items inside the visible window forces a layout per item).
const PARKED_WINDOW = { start: Date.UTC(9000, 0, 1), end: Date.UTC(9001, 0, 1) };

export function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

function toVisItem(item: TimelineItemData): VisItem {
  return {
    id: item.id,
    group: item.group,
    start: new Date(item.start),
    end: item.end === undefined ? undefined : new Date(item.end),
    type: item.kind,
    className: item.className,
    content: '',
    data: item,
  };
}

function renderItem(item: VisItem | undefined): HTMLElement {
  const element = document.createElement('span');
  element.className = 'event-content';
  if (!item?.data) return element;
  const glyph = document.createElement('span');
  glyph.className = 'event-glyph';
  glyph.setAttribute('aria-hidden', 'true');
  glyph.textContent = typeGlyph(item.data.typeSlot);
  const label = document.createElement('span');
  label.className = 'event-label';
  label.textContent = item.data.label;
  element.title = item.data.description;
  element.append(glyph, label);
  return element;
}

function renderGroup(group: VisGroup | undefined): HTMLElement {
  const element = document.createElement('span');
  element.className = 'lane-label';
  element.textContent = group?.name ?? '';
  return element;
}

function sameWindow(a: TimeWindow, b: TimeWindow): boolean {
  const tolerance = (a.end - a.start) * 0.002;
  return Math.abs(a.start - b.start) <= tolerance && Math.abs(a.end - b.end) <= tolerance;
}

export function TimelineView() {
  const containerRef = useRef<HTMLDivElement>(null);
  const timelineRef = useRef<Timeline | null>(null);
  const itemsRef = useRef<DataSet<VisItem, 'id'> | null>(null);
  const groupsRef = useRef<DataSet<VisGroup, 'id'> | null>(null);
  const viewRef = useRef<DataView<VisItem, 'id'> | null>(null);
  const visibleIdsRef = useRef<ReadonlySet<string>>(new Set());
  const wasHiddenRef = useRef(false);

  const data = useAppStore(selectData);
  // Refreshing the DataView is the costly part of filtering: at low priority, so typing in the search box stays smooth.
  const visibleIds = useDeferredValue(useAppStore(selectVisibleEventIds));
  const selectedEvent = useAppStore(selectSelectedEvent);
  const storeWindow = useAppStore((state) => state.window);
  // Hidden, not unmounted, in the list view or when nothing matches, so the instance and its window survive.
  const hidden = useAppStore((state) => state.view === 'list') || (data !== undefined && visibleIds.size === 0);
  const actions = useAppActions();

  // Create once; destroy on unmount.
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const items = new DataSet<VisItem, 'id'>();
    const groups = new DataSet<VisGroup, 'id'>();
    const view = new DataView(items, { filter: (item) => visibleIdsRef.current.has(item.id) });
    // No start/end option: with one, vis-timeline re-applies it on its first 'changed' event, undoing our window.
    const options: TimelineOptions = {
      stack: true,
      selectable: true,
      showCurrentTime: false,
      zoomMin: 7 * 24 * 60 * 60 * 1000,
      zoomMax: 1000 * 365.25 * 24 * 60 * 60 * 1000,
      orientation: { axis: 'top', item: 'top' },
      margin: { item: { horizontal: 4, vertical: 6 }, axis: 6 },
      height: '100%',
      groupOrder: 'order',
      template: renderItem,
      groupTemplate: renderGroup,
      tooltip: { followMouse: false, delay: 300 },
      // data-id on each item lets tests and the benchmark find an event's element.
      dataAttributes: ['id'],
    };
    const timeline = new Timeline(container, view, groups, options);
    timeline.setWindow(PARKED_WINDOW.start, PARKED_WINDOW.end, { animation: false });
    timeline.on('select', (properties: { items: string[]; event?: unknown }) => {
      appStore.getState().actions.selectEvent(properties.items[0]);
    });
    timeline.on('rangechanged', (properties: { start: Date; end: Date; byUser: boolean }) => {
      const next = { start: properties.start.getTime(), end: properties.end.getTime() };
      const current = appStore.getState().window;
      if (next.start >= PARKED_WINDOW.start) return;
      if (!current || !sameWindow(current, next)) appStore.getState().actions.setWindow(next);
    });
    // vis-timeline polls its size once a second; a resize (details opening beside it, shown again) redraws at once.
    const resizeObserver = typeof ResizeObserver === 'function' ? new ResizeObserver(() => timeline.redraw()) : undefined;
    resizeObserver?.observe(container);
    timelineRef.current = timeline;
    itemsRef.current = items;
    groupsRef.current = groups;
    viewRef.current = view;
    return () => {
      resizeObserver?.disconnect();
      timeline.destroy();
      view.dispose();
      timelineRef.current = null;
      itemsRef.current = null;
      groupsRef.current = null;
      viewRef.current = null;
    };
  }, []);

  // A new dataset: park the window, load items and lanes in one batch, then show the data.
  useEffect(() => {
    const timeline = timelineRef.current;
    const items = itemsRef.current;
    const groups = groupsRef.current;
    if (!timeline || !items || !groups || !data) return;
    timeline.setWindow(PARKED_WINDOW.start, PARKED_WINDOW.end, { animation: false });
    visibleIdsRef.current = appStore.getState().data === data ? selectVisibleEventIds(appStore.getState()) : new Set();
    groups.clear();
    groups.add(data.index.laneCountries.map((country, order) => ({ id: country.id, content: '', name: country.name, order })));
    items.clear();
    items.add(data.items.map(toVisItem));
    const target = appStore.getState().window;
    if (target) {
      timeline.setWindow(target.start, target.end, { animation: false });
      timeline.redraw();
    }
  }, [data]);

  // Filters: refresh the DataView in place, never re-create the timeline.
  useEffect(() => {
    visibleIdsRef.current = visibleIds;
    viewRef.current?.refresh();
  }, [visibleIds]);

  // Shown again: lay out at the current size now rather than at vis-timeline's next resize poll (up to 1 s).
  useEffect(() => {
    const timeline = timelineRef.current;
    const wasHidden = wasHiddenRef.current;
    wasHiddenRef.current = hidden;
    if (hidden || !wasHidden || !timeline || !data) return;
    const target = appStore.getState().window;
    if (target) timeline.setWindow(target.start, target.end, { animation: false });
    timeline.redraw();
  }, [hidden, data]);

  // Store window → timeline (buttons, URL, keyboard); the timeline's own moves come back through rangechanged.
  useEffect(() => {
    const timeline = timelineRef.current;
    if (!timeline || !storeWindow || !data) return;
    const range = timeline.getWindow();
    const current = { start: range.start.getTime(), end: range.end.getTime() };
    if (sameWindow(current, storeWindow)) return;
    const parked = current.start >= PARKED_WINDOW.start;
    timeline.setWindow(storeWindow.start, storeWindow.end, { animation: !parked && !prefersReducedMotion() });
    if (parked) timeline.redraw();
  }, [storeWindow, data]);

  // Selection: mirror it in the timeline and bring it into view.
  useEffect(() => {
    const timeline = timelineRef.current;
    if (!timeline) return;
    timeline.setSelection(selectedEvent ? [selectedEvent.id] : []);
    const current = appStore.getState().window;
    if (selectedEvent && current && !isInWindow(selectedEvent, current)) {
      actions.setWindow(windowAroundEvent(selectedEvent, current.end - current.start));
    }
  }, [selectedEvent, actions]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const state = appStore.getState();
    switch (event.key) {
      case 'ArrowRight':
        actions.selectAdjacentEvent(1);
        break;
      case 'ArrowLeft':
        actions.selectAdjacentEvent(-1);
        break;
      case 'Enter':
        if (state.selectedEventId) document.getElementById('event-details-heading')?.focus();
        else actions.selectAdjacentEvent(1);
        break;
      case 'Escape':
        if (!state.selectedEventId) return;
        actions.selectEvent(undefined);
        break;
      case '+':
      case '=':
        if (state.window) actions.setWindow(zoomWindow(state.window, 0.5));
        break;
      case '-':
      case '_':
        if (state.window) actions.setWindow(zoomWindow(state.window, 2));
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  return (
    <section className="timeline-region" aria-label="Timeline" hidden={hidden}>
      <div
        ref={containerRef}
        className="timeline-canvas"
        tabIndex={0}
        role="group"
        aria-label="Timeline events"
        aria-describedby="timeline-keys"
        onKeyDown={onKeyDown}
      />
      <p id="timeline-keys" className="visually-hidden">
        Left and Right arrows select the previous or next event, Enter opens its details, Escape closes them, plus and minus zoom.
      </p>
    </section>
  );
}
