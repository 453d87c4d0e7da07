// The one owner of the vis-timeline instance: creates it once, feeds it through vis-data, syncs it with the store,
// destroys it on unmount. Item and lane labels are DOM nodes built from text, never HTML strings.
// It draws only what a display plan says for the window (events near it, or "N events" blocks where they are dense),
// so the number of items vis-timeline handles stays bounded whatever the dataset's size.
import { useDeferredValue, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { DataSet } from 'vis-data/esnext';
import { Timeline, type TimelineFormatLabelsFunction, type TimelineOptions, type TimelineOptionsTemplateFunction } from 'vis-timeline/esnext';
import 'vis-timeline/styles/vis-timeline-graph2d.min.css';
import { type AggregateItemData, type DisplayPlan, DEFAULT_DISPLAY_OPTIONS, movingPlanTarget, planDisplay, planServes } from '../domain/aggregate-items.ts';
import { stepPosition } from '../domain/presentation.ts';
import { TIME_LIMITS, type TimelineItemData, isInWindow, paddedWindow, windowAroundEvent, zoomWindow } from '../domain/timeline-items.ts';
import type { TimeWindow } from '../domain/view-state.ts';
import { appStore, useAppActions, useAppStore } from '../store/app-store.ts';
import { selectData, selectPresentationDeck, selectSelectedEvent, selectVisibleTimelineItems } from '../store/selectors.ts';
import { type VisItem, applyChanges, createBlockButtons, createItemTemplate, displayChanges, isAggregateItem } from './timeline-feed.ts';
import { majorAxisLabel, minorAxisLabel } from './axis-labels.ts';
import { TIMELINE_EVENTS_ID } from './focus-targets.ts';

interface VisGroup {
  id: string;
  content: string;
  name: string;
}

// Far from any data: a new dataset's items are loaded while the window is here, so nothing is drawn until the window
// moves to them, all in one redraw.
const PARKED_WINDOW = { start: Date.UTC(9000, 0, 1), end: Date.UTC(9001, 0, 1) };

export function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
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

function windowOf(timeline: Timeline): TimeWindow {
  const range = timeline.getWindow();
  return { start: range.start.getTime(), end: range.end.getTime() };
}

/** The parts of vis-timeline's instance that scroll its lanes, which its published types leave out. */
interface LaneScrolling {
  readonly itemSet?: { readonly items?: Readonly<Record<string, LaidOutItem | undefined>> };
  readonly props?: { readonly scrollTop: number; readonly leftContainer?: { readonly height: number } };
  readonly _setScrollTop?: (scrollTop: number) => number;
  readonly _redraw?: () => void;
}

interface LaidOutItem {
  /** Offset in its lane and height, once drawn. */
  readonly top?: number;
  readonly height?: number;
  readonly parent?: { readonly top: number; readonly height: number };
}

/** What a display plan is made from: the same again makes the same plan, so nothing to change. */
interface PlanSource {
  /** In whole milliseconds, as vis-timeline holds its window (a Date), so the window it reports matches. */
  readonly window: TimeWindow;
  readonly bucketsPerWindow: number;
  readonly items: readonly TimelineItemData[];
  readonly selected: string | undefined;
}

function samePlanSource(a: PlanSource | undefined, b: PlanSource): boolean {
  return (
    a !== undefined &&
    a.window.start === b.window.start &&
    a.window.end === b.window.end &&
    a.bucketsPerWindow === b.bucketsPerWindow &&
    a.items === b.items &&
    a.selected === b.selected
  );
}

/** Room left above and below an event brought into view. */
const REVEAL_MARGIN_PX = 12;
/**
 * How long a selection is kept in view as the timeline settles: the window moving to it, the details opening beside
 * the timeline (narrower, so its lanes stack anew) or a presentation's layout can each move it after it was shown.
 */
const REVEAL_SETTLE_MS = 1500;

/**
 * Scrolls the lanes so that an event is in view. vis-timeline scrolls them only by dragging (its wheel zooms), and
 * draws only the lanes in view, so an event chosen from the keyboard, the list or a presentation step may sit in a
 * lane below the fold, never drawn. One step per call: to its lane first, if out of view; once the lane is drawn
 * (vis-timeline's redraw runs in the next frame, and its 'changed' calls this again), to the event itself. A redraw is
 * asked for only when the scroll moved, so an event that cannot be brought further into view ends the steps.
 */
function revealInLanes(timeline: Timeline, id: string): void {
  const lanes = timeline as unknown as LaneScrolling;
  const { props, _setScrollTop, _redraw } = lanes;
  const height = props?.leftContainer?.height;
  if (!props || !_setScrollTop || !_redraw || !height) return;
  const viewTop = -props.scrollTop;
  const scrollTo = (top: number) => {
    if (-_setScrollTop.call(timeline, -Math.max(0, top)) !== viewTop) _redraw.call(timeline);
  };
  const item = lanes.itemSet?.items?.[id];
  const lane = item?.parent;
  if (!item || !lane) return;
  if (lane.top >= viewTop + height || lane.top + lane.height <= viewTop) {
    scrollTo(lane.top);
    return;
  }
  if (item.top === undefined || item.height === undefined) return;
  const top = lane.top + item.top;
  const bottom = top + item.height;
  if (top < viewTop) scrollTo(top - REVEAL_MARGIN_PX);
  else if (bottom > viewTop + height) scrollTo(Math.min(top - REVEAL_MARGIN_PX, bottom - height + REVEAL_MARGIN_PX));
}

/** A block opens by zooming to its period, where its events are fewer (or in finer blocks). */
function openAggregate(aggregate: AggregateItemData): void {
  appStore.getState().actions.setWindow(paddedWindow(aggregate.start, aggregate.end, 0.05));
}

export function TimelineView() {
  const containerRef = useRef<HTMLDivElement>(null);
  const timelineRef = useRef<Timeline | null>(null);
  const itemsRef = useRef<DataSet<VisItem, 'id'> | null>(null);
  const groupsRef = useRef<DataSet<VisGroup, 'id'> | null>(null);
  /** What the DataSet holds, by id; the plan it was made from; the events it may draw. */
  const shownRef = useRef(new Map<string, VisItem>());
  // Made once (a lazy initial state), not on every render.
  const [blocks] = useState(createBlockButtons);
  const planRef = useRef<DisplayPlan | undefined>(undefined);
  /** What the plan in place was made from. Its window's move ending, a filter effect on mount or a selection effect
   * with nothing new would make the same plan again: 200 ms after a link or a dataset opened, that fell in a first click. */
  const planSourceRef = useRef<PlanSource | undefined>(undefined);
  const visibleItemsRef = useRef(selectVisibleTimelineItems(appStore.getState()));
  const refreshRef = useRef<(window?: TimeWindow, bucketsPerWindow?: number) => void>(() => undefined);
  const wasHiddenRef = useRef(false);
  const drawnMarkPendingRef = useRef(false);
  /** A selection kept in view in its lane until the timeline settles (see REVEAL_SETTLE_MS). */
  const revealRef = useRef<{ readonly id: string; readonly until: number } | undefined>(undefined);
  /** Says to screen readers which event the keyboard selected in the timeline (focus stays on the timeline). */
  const announcementRef = useRef<HTMLParagraphElement>(null);

  const data = useAppStore(selectData);
  // Redrawing is the costly part of filtering: at low priority, so typing in the search box stays smooth.
  const visibleItems = useDeferredValue(useAppStore(selectVisibleTimelineItems));
  const selectedEvent = useAppStore(selectSelectedEvent);
  const storeWindow = useAppStore((state) => state.window);
  // Hidden, not unmounted, in the list view or when nothing matches, so the instance and its window survive.
  const hidden = useAppStore((state) => state.view === 'list') || (data !== undefined && visibleItems.length === 0);
  const presenting = useAppStore((state) => state.present);
  const wasPresentingRef = useRef(presenting);
  const actions = useAppActions();

  // Create once; destroy on unmount.
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const items = new DataSet<VisItem, 'id'>();
    const groups = new DataSet<VisGroup, 'id'>();
    // No start/end option: with one, vis-timeline re-applies it on its first 'changed' event, undoing our window.
    const options: TimelineOptions = {
      stack: true,
      selectable: true,
      showCurrentTime: false,
      zoomMin: 7 * 24 * 60 * 60 * 1000,
      // As wide as any window the store allows (TIME_LIMITS): a narrower limit drew a wide link's or dataset's window
      // as another, narrower one around its middle, while the toolbar named the whole.
      zoomMax: TIME_LIMITS.end - TIME_LIMITS.start,
      orientation: { axis: 'top', item: 'top' },
      margin: { item: { horizontal: 4, vertical: 6 }, axis: 6 },
      height: '100%',
      groupOrder: 'order',
      // vis-timeline's types say a template returns its content, but one may write into the element and return nothing.
      // A block opened from the keyboard leaves the page as its finer items come: focus stays in the timeline.
      template: createItemTemplate((aggregate) => {
        container.focus();
        openAggregate(aggregate);
      }, blocks) as TimelineOptionsTemplateFunction,
      groupTemplate: renderGroup,
      // vis-timeline's types say a label function is given a Date; it is given a moment (TimeStep.getLabelMinor).
      format: { minorLabels: minorAxisLabel as unknown as TimelineFormatLabelsFunction, majorLabels: majorAxisLabel as unknown as TimelineFormatLabelsFunction },
      tooltip: { followMouse: false, delay: 300 },
      // data-id on each item lets tests and the benchmark find an event's element.
      dataAttributes: ['id'],
    };
    const timeline = new Timeline(container, items, groups, options);
    // vis-timeline fits its window to all its items once, on its first redraw that has items ("single time
    // autoscale/fit"). Every window here is the app's own (a link's, or a dataset's whole span): that fit would move a
    // link's window to the span of the items drawn around it, while the toolbar and the address kept the link's.
    (timeline as unknown as { initialFitDone: boolean }).initialFitDone = true;
    timeline.setWindow(PARKED_WINDOW.start, PARKED_WINDOW.end, { animation: false });

    // Draw what the plan says for the window (the timeline's own by default); nothing while parked for a load.
    refreshRef.current = (window = windowOf(timeline), bucketsPerWindow = DEFAULT_DISPLAY_OPTIONS.bucketsPerWindow) => {
      const state = appStore.getState();
      if (!state.data || window.start >= PARKED_WINDOW.start) return;
      const selected = state.selectedEventId;
      const source: PlanSource = {
        window: { start: Math.trunc(window.start), end: Math.trunc(window.end) },
        bucketsPerWindow,
        items: visibleItemsRef.current,
        selected,
      };
      let selectedAdded = false;
      if (!samePlanSource(planSourceRef.current, source)) {
        const plan = planDisplay(source.items, source.window, { ...DEFAULT_DISPLAY_OPTIONS, bucketsPerWindow, pinned: selected ? new Set([selected]) : undefined });
        planRef.current = plan;
        planSourceRef.current = source;
        const changes = displayChanges(shownRef.current, plan, (group) => state.data?.index.countriesById.get(group)?.name ?? group);
        applyChanges(items, shownRef.current, changes, blocks);
        // A newly added item does not know it is selected, even when vis-timeline's selection already names it (it was
        // selected before it was drawn: a far step, or a step that "reveal" draws a moment later).
        selectedAdded = selected !== undefined && changes.added.some((item) => item.id === selected);
      }
      if (selected && shownRef.current.has(selected) && (selectedAdded || !timeline.getSelection().includes(selected))) timeline.setSelection([selected]);
    };

    timeline.on('select', (properties: { items: string[]; event?: unknown }) => {
      const item = properties.items[0] === undefined ? undefined : shownRef.current.get(properties.items[0]);
      if (isAggregateItem(item)) {
        const selected = appStore.getState().selectedEventId;
        timeline.setSelection(selected ? [selected] : []);
        openAggregate(item.aggregate);
        return;
      }
      const state = appStore.getState();
      const chosen = properties.items[0];
      // While presenting, a click on empty space or on an event that is not a step keeps the step: one stray click
      // must not lose the class's place in the story.
      if (state.present && (chosen === undefined || stepPosition(selectPresentationDeck(state), chosen) < 0)) {
        timeline.setSelection(state.selectedEventId ? [state.selectedEventId] : []);
        return;
      }
      state.actions.selectEvent(chosen);
    });
    // While moving: a new plan only when the current one no longer covers the window (a frame's work at most), made
    // ahead of a zoom out (see movingPlanTarget); its items are drawn by the redraw the move scheduled for the next
    // frame (a fast path, scripts/vis-timeline-fast-paths.ts).
    timeline.on('rangechange', (properties: { start: Date; end: Date; byUser?: boolean }) => {
      // The user is dragging or zooming (a vertical drag too): the lanes are theirs, not the selection's.
      if (properties.byUser) revealRef.current = undefined;
      const next = { start: properties.start.getTime(), end: properties.end.getTime() };
      if (next.start >= PARKED_WINDOW.start) return;
      if (planRef.current && planServes(planRef.current, next)) return;
      const target = movingPlanTarget(planRef.current, next);
      refreshRef.current(target.window, target.bucketsPerWindow);
    });
    timeline.on('rangechanged', (properties: { start: Date; end: Date; byUser: boolean }) => {
      const next = { start: properties.start.getTime(), end: properties.end.getTime() };
      const current = appStore.getState().window;
      if (next.start >= PARKED_WINDOW.start) return;
      // At rest: a plan made for exactly this window (unchanged items are left alone).
      refreshRef.current(next);
      // Only the user's own moves go back to the store: a programmatic move already put its target there, and the
      // rangechanged that follows it 200 ms later could otherwise overwrite a newer target with an older one.
      if (properties.byUser && (!current || !sameWindow(current, next))) appStore.getState().actions.setWindow(next);
    });
    // After each redraw while the timeline settles, the selection stays in view (a no-op when it is).
    timeline.on('changed', () => {
      const reveal = revealRef.current;
      if (!reveal) return;
      if (performance.now() > reveal.until) revealRef.current = undefined;
      else revealInLanes(timeline, reveal.id);
    });
    // A mark for profiles and the benchmark: the first redraw of a dataset with items in it.
    timeline.on('changed', () => {
      if (!drawnMarkPendingRef.current || shownRef.current.size === 0) return;
      drawnMarkPendingRef.current = false;
      performance.mark('timeline-items-drawn');
    });
    // A resize (details opening beside it) needs no call here: vis-timeline watches its own size (a fast path adds a
    // ResizeObserver to its once-a-second poll) and redraws at the new size without measuring every item again.
    timelineRef.current = timeline;
    itemsRef.current = items;
    groupsRef.current = groups;
    const shown = shownRef.current;
    return () => {
      timeline.destroy();
      timelineRef.current = null;
      itemsRef.current = null;
      groupsRef.current = null;
      refreshRef.current = () => undefined;
      planRef.current = undefined;
      planSourceRef.current = undefined;
      shown.clear();
      blocks.clear();
    };
    // `blocks` never changes (state without a setter): the instance is still made once.
  }, [blocks]);

  // A new dataset: park the window, load lanes and the plan's items in one batch, then show the data.
  useEffect(() => {
    const timeline = timelineRef.current;
    const items = itemsRef.current;
    const groups = groupsRef.current;
    if (!timeline || !items || !groups || !data) return;
    timeline.setWindow(PARKED_WINDOW.start, PARKED_WINDOW.end, { animation: false });
    visibleItemsRef.current = selectVisibleTimelineItems(appStore.getState());
    groups.clear();
    groups.add(data.index.laneCountries.map((country, order) => ({ id: country.id, content: '', name: country.name, order })));
    items.clear();
    shownRef.current.clear();
    blocks.clear();
    planRef.current = undefined;
    planSourceRef.current = undefined;
    drawnMarkPendingRef.current = true;
    const target = appStore.getState().window;
    if (target) {
      refreshRef.current(target);
      timeline.setWindow(target.start, target.end, { animation: false });
      timeline.redraw();
    }
  }, [data, blocks]);

  // Filters: a new plan for the same window; only the items that differ are removed or added.
  useEffect(() => {
    visibleItemsRef.current = visibleItems;
    refreshRef.current();
  }, [visibleItems]);

  // Shown again: at the store's window, every item measured anew (they may have changed while it was hidden).
  useEffect(() => {
    const timeline = timelineRef.current;
    const wasHidden = wasHiddenRef.current;
    wasHiddenRef.current = hidden;
    if (hidden || !wasHidden || !timeline || !data) return;
    const target = appStore.getState().window;
    if (target) timeline.setWindow(target.start, target.end, { animation: false });
    timeline.redraw();
  }, [hidden, data]);

  // Presenting sets the events in larger type (src/styles/presentation.css, on <html> before effects run): measure
  // every item again, in or out of it. A resize alone does not (see the timeline's creation).
  useEffect(() => {
    if (presenting === wasPresentingRef.current) return;
    wasPresentingRef.current = presenting;
    timelineRef.current?.redraw();
  }, [presenting]);

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

  // Selection: draw it on its own (never inside a block), mirror it in the timeline and bring it into view.
  useEffect(() => {
    const timeline = timelineRef.current;
    if (!timeline) return;
    refreshRef.current();
    timeline.setSelection(selectedEvent ? [selectedEvent.id] : []);
    revealRef.current = selectedEvent ? { id: selectedEvent.id, until: performance.now() + REVEAL_SETTLE_MS } : undefined;
    const current = appStore.getState().window;
    if (selectedEvent && current && !isInWindow(selectedEvent, current)) {
      actions.setWindow(windowAroundEvent(selectedEvent, current.end - current.start));
    } else if (selectedEvent) {
      revealInLanes(timeline, selectedEvent.id);
    }
    // Said when the keyboard is in the timeline (on it, or on a block in it); cleared with the selection, so the
    // same event chosen again is said again.
    const announcement = announcementRef.current;
    if (announcement && !selectedEvent) announcement.textContent = '';
    else if (announcement && selectedEvent && containerRef.current?.contains(document.activeElement)) {
      const country = appStore.getState().data?.index.countriesById.get(selectedEvent.record.country)?.name;
      announcement.textContent = [selectedEvent.record.title, selectedEvent.dateLabel, country].filter(Boolean).join(', ');
    }
  }, [selectedEvent, actions]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Enter and Space on an "N events" block are its own: they zoom into it.
    if ((event.key === 'Enter' || event.key === ' ') && event.target instanceof HTMLButtonElement) return;
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
        id={TIMELINE_EVENTS_ID}
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
      <p ref={announcementRef} className="visually-hidden" role="status" />
    </section>
  );
}
