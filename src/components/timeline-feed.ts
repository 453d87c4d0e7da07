// Feeds vis-timeline what a display plan says to draw, touching only what changed, and never in the slow way: an
// item added in view is drawn in the batch of the redraw that follows each DataSet change (all DOM writes, then all
// reads), thanks to the fast path in scripts/vis-timeline-fast-paths.ts; a filter's new items are added lane by lane
// (see laneBatches). A block whose count changes keeps its id and its place: only its button's text changes, which
// vis-timeline need not know (its size comes from its dates).
import type { DataSet } from 'vis-data/esnext';
import { type AggregateItemData, type DisplayItem, type DisplayPlan, describeAggregate } from '../domain/aggregate-items.ts';
import type { TimelineItemData } from '../domain/timeline-items.ts';
import type { TimeWindow } from '../domain/view-state.ts';
import '../styles/timeline-aggregate.css';
import { typeGlyph } from './type-style.ts';

interface VisItemBase {
  id: string;
  group: string;
  start: Date;
  end?: Date;
  type: 'point' | 'range';
  className: string;
  content: string;
}

export interface VisEventItem extends VisItemBase {
  data: TimelineItemData;
}

export interface VisAggregateItem extends VisItemBase {
  aggregate: AggregateItemData;
  /** "12 events in Iran, 1990–1994". */
  description: string;
}

export type VisItem = VisEventItem | VisAggregateItem;

const BLOCK_INSET = 0.08;

function toVisItem(entry: DisplayItem, laneName: (group: string) => string): VisItem {
  if (entry.kind === 'event') {
    const { item } = entry;
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
  const { aggregate } = entry;
  // Drawn a little inside its bucket: touching blocks would count as overlapping and stack in two rows.
  const inset = (aggregate.end - aggregate.start) * BLOCK_INSET;
  return {
    id: aggregate.id,
    group: aggregate.group,
    start: new Date(aggregate.start + inset),
    end: new Date(aggregate.end - inset),
    type: 'range',
    className: 'event-aggregate',
    content: '',
    aggregate,
    description: describeAggregate(aggregate, laneName(aggregate.group)),
  };
}

export interface DisplayChanges {
  readonly added: readonly VisItem[];
  readonly removed: readonly string[];
  /** Blocks drawn before and now whose count changed. */
  readonly relabelled: readonly VisAggregateItem[];
}

/** What to add and remove so that the DataSet holds what the plan draws; items drawn before and now stay untouched. */
export function displayChanges(shown: ReadonlyMap<string, VisItem>, plan: DisplayPlan, laneName: (group: string) => string): DisplayChanges {
  const wanted = new Set<string>();
  const added: VisItem[] = [];
  const relabelled: VisAggregateItem[] = [];
  for (const entry of plan.items) {
    const id = entry.kind === 'event' ? entry.item.id : entry.aggregate.id;
    wanted.add(id);
    const before = shown.get(id);
    if (!before) added.push(toVisItem(entry, laneName));
    else if (entry.kind === 'aggregate' && isAggregateItem(before) && before.aggregate.count !== entry.aggregate.count) {
      relabelled.push({ ...before, aggregate: entry.aggregate, description: describeAggregate(entry.aggregate, laneName(entry.aggregate.group)) });
    }
  }
  return { added, removed: [...shown.keys()].filter((id) => !wanted.has(id)), relabelled };
}

/** What adding items lane by lane needs to know of the timeline. */
export interface LaneFeed {
  /** Lanes ranked top to bottom. */
  readonly order: ReadonlyMap<string, number>;
  /** The lanes vis-timeline found in view at its latest redraw. */
  readonly inView: () => readonly string[];
}

/**
 * Applies the changes to the DataSet (and to `shown`, which mirrors it). `window` is what the timeline shows, or
 * undefined when it is parked elsewhere. With `lanes` and a window, the items that may show in it are added lane by
 * lane (see `laneBatches` and `addLaneByLane`); otherwise all in one add (one redraw: what a moving window wants).
 */
export function applyChanges(
  items: DataSet<VisItem, 'id'>,
  shown: Map<string, VisItem>,
  changes: DisplayChanges,
  window: TimeWindow | undefined,
  blocks?: BlockButtons,
  lanes?: LaneFeed,
): void {
  if (changes.removed.length) {
    items.remove([...changes.removed]);
    for (const id of changes.removed) {
      shown.delete(id);
      blocks?.forget(id);
    }
  }
  for (const block of changes.relabelled) {
    shown.set(block.id, block);
    blocks?.relabel(block);
  }
  if (!changes.added.length) return;
  if (lanes && window) addLaneByLane(items, changes.added, window, lanes);
  else items.add([...changes.added]);
  for (const item of changes.added) shown.set(item.id, item);
}

/**
 * Adds the items that may show in the window in lane batches (see `laneBatches`), an add (a redraw) each, until a
 * lane in view is followed by one vis-timeline found out of view: that lane is below the fold whatever rows it gains,
 * and so is every lane after it, so the rest share one add. (vis-timeline judged it by the height the lane above had
 * before its add. A lane that grew only pushed it further down; if one shrank, the shared add's redraw places the
 * lanes anew and draws what came into view.) Items that cannot show join the first add.
 */
function addLaneByLane(items: DataSet<VisItem, 'id'>, added: readonly VisItem[], window: TimeWindow, lanes: LaneFeed): void {
  // A point's label reaches right of its date, so "may show" is generous.
  const slack = (window.end - window.start) * 0.25;
  const mayShow = (item: VisItem) => (item.end ?? item.start).getTime() >= window.start - slack && item.start.getTime() <= window.end + slack;
  const offView = added.filter((item) => !mayShow(item));
  const batches = laneBatches(added.filter(mayShow), lanes.order);
  if (!batches.length) items.add(offView);
  let passedLaneInView = false;
  for (const [index, batch] of batches.entries()) {
    items.add(index === 0 ? [...offView, ...batch] : batch);
    const rest = batches.slice(index + 1);
    const [next] = rest;
    if (!next) return;
    const lanesInView = new Set(lanes.inView());
    passedLaneInView ||= batch.some((item) => lanesInView.has(item.group));
    if (passedLaneInView && !next.some((item) => lanesInView.has(item.group))) {
      items.add(rest.flat());
      return;
    }
  }
}

/**
 * The items to add, in batches from the top lane down. vis-timeline draws the lanes it finds in view when an add
 * lands, judging by their heights before it: added all at once, every lane's new events would be drawn, then hidden
 * again where the rows they stack push the lanes below out of view. So a batch ends with each lane that gains
 * events; lanes that gain only blocks share one (blocks never overlap one another, so such a lane grows by a row at
 * most). Lanes `laneOrder` does not rank come last.
 */
export function laneBatches(items: readonly VisItem[], laneOrder: ReadonlyMap<string, number>): VisItem[][] {
  const lanes = new Map<string, VisItem[]>();
  for (const item of items) {
    const lane = lanes.get(item.group);
    if (lane) lane.push(item);
    else lanes.set(item.group, [item]);
  }
  const rank = (group: string) => laneOrder.get(group) ?? Number.MAX_SAFE_INTEGER;
  // The sort is stable: lanes the order does not rank keep their order of first appearance.
  const ordered = [...lanes.entries()].sort(([a], [b]) => rank(a) - rank(b)).map(([, lane]) => lane);
  const batches: VisItem[][] = [];
  let batch: VisItem[] = [];
  for (const lane of ordered) {
    batch.push(...lane);
    if (lane.some((item) => !isAggregateItem(item))) {
      batches.push(batch);
      batch = [];
    }
  }
  if (batch.length) batches.push(batch);
  return batches;
}

export function isAggregateItem(item: VisItem | undefined): item is VisAggregateItem {
  return item !== undefined && 'aggregate' in item;
}

/**
 * The buttons of the blocks drawn now, with each block's latest data. vis-timeline keeps the data a block was added
 * with; a relabelled block must not show its old count when vis-timeline draws it again (after a selection, say).
 */
export interface BlockButtons {
  /** The button for a block: its latest data, whatever vis-timeline passes. */
  render(block: VisAggregateItem, openAggregate: (aggregate: AggregateItemData) => void): HTMLButtonElement;
  relabel(block: VisAggregateItem): void;
  forget(id: string): void;
  /** A new dataset: nothing drawn is kept. */
  clear(): void;
}

export function createBlockButtons(): BlockButtons {
  const latest = new Map<string, VisAggregateItem>();
  // Every button made for a block: vis-timeline keeps its first one when a redraw's is the same (it compares their
  // HTML), and keeps a block's button while the block is scrolled out of view, so all of them are relabelled.
  const buttons = new Map<string, Set<HTMLButtonElement>>();
  const label = (button: HTMLButtonElement, block: VisAggregateItem) => {
    button.textContent = String(block.aggregate.count);
    // "Show …", not "Zoom in …": the toolbar's Zoom in button keeps a name of its own.
    button.title = `${block.description}. Select to show them.`;
    button.setAttribute('aria-label', `Show ${block.description}`);
  };
  return {
    render(block, openAggregate) {
      const id = block.id;
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'event-aggregate__button';
      label(button, latest.get(id) ?? block);
      // Pointer taps reach the timeline's 'select' event; this is for Enter and Space (a click with no pointer detail).
      button.addEventListener('click', (event) => {
        if (event.detail === 0) openAggregate((latest.get(id) ?? block).aggregate);
      });
      const made = buttons.get(id);
      if (made) made.add(button);
      else buttons.set(id, new Set([button]));
      return button;
    },
    relabel(block) {
      latest.set(block.id, block);
      for (const button of buttons.get(block.id) ?? []) label(button, block);
    },
    forget(id) {
      latest.delete(id);
      buttons.delete(id);
    },
    clear() {
      latest.clear();
      buttons.clear();
    },
  };
}

/**
 * The item template. An event's title is written as text into vis-timeline's own content element, its type's glyph
 * drawn beside it by CSS from data-glyph: no element of ours, so each event costs the browser one element fewer to
 * style and lay out (it has three or four of vis-timeline's). Given nothing back, vis-timeline leaves the element
 * as written. A block is a button that zooms into its period.
 */
export function createItemTemplate(
  openAggregate: (aggregate: AggregateItemData) => void,
  blocks: BlockButtons = createBlockButtons(),
): (item: VisItem | undefined, element?: HTMLElement) => HTMLElement | undefined {
  return (item, element) => {
    if (isAggregateItem(item)) return blocks.render(item, openAggregate);
    if (!element || !item?.data) return undefined;
    element.classList.add('event-content', 'event-label');
    element.dataset.glyph = typeGlyph(item.data.typeSlot);
    element.title = item.data.description;
    element.textContent = item.data.label;
    return undefined;
  };
}
