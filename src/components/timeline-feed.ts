// Feeds vis-timeline what a display plan says to draw, touching only what changed, and never in the slow way: an
// item added in view is drawn in the batch of the redraw that follows each DataSet change (all DOM writes, then all
// reads), the lanes from the top down so that none pushed below the fold is drawn, thanks to the fast paths in
// scripts/vis-timeline-fast-paths.ts. A block whose count changes keeps its id and its place: only its button's text
// changes, which vis-timeline need not know (its size comes from its dates).
import type { DataSet } from 'vis-data/esnext';
import { type AggregateItemData, type DisplayItem, type DisplayPlan, describeAggregate } from '../domain/aggregate-items.ts';
import type { TimelineItemData } from '../domain/timeline-items.ts';
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

/**
 * Applies the changes to the DataSet (and to `shown`, which mirrors it): one remove and one add, a redraw each. A
 * filter that stacks new rows in the top lanes pushes the lanes below out of view; vis-timeline draws the lanes from
 * the top down and does not draw those (a fast path, scripts/vis-timeline-fast-paths.ts).
 */
export function applyChanges(items: DataSet<VisItem, 'id'>, shown: Map<string, VisItem>, changes: DisplayChanges, blocks?: BlockButtons): void {
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
  items.add([...changes.added]);
  for (const item of changes.added) {
    shown.set(item.id, item);
    if (isAggregateItem(item)) blocks?.added(item);
  }
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
  /** A block added to the DataSet: perhaps put back by vis-timeline with a button made before (a fast path). */
  added(block: VisAggregateItem): void;
  relabel(block: VisAggregateItem): void;
  /** A block removed from the DataSet. */
  forget(id: string): void;
  /** A new dataset: nothing drawn is kept. */
  clear(): void;
}

/** As many removed blocks as vis-timeline keeps removed items to put back (scripts/vis-timeline-fast-paths.ts). */
const REMOVED_BLOCKS_KEPT = 2000;

export function createBlockButtons(): BlockButtons {
  const latest = new Map<string, VisAggregateItem>();
  // Every button made for a block: vis-timeline keeps its first one when a redraw's is the same (it compares their
  // HTML), and keeps a block's button while the block is scrolled out of view, so all of them are relabelled.
  const buttons = new Map<string, Set<HTMLButtonElement>>();
  // Removed blocks, oldest first: vis-timeline puts one added again with the same data back with its button, which a
  // later relabel must still reach.
  const removed = new Set<string>();
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
    added(block) {
      latest.set(block.id, block);
      removed.delete(block.id);
    },
    relabel(block) {
      latest.set(block.id, block);
      for (const button of buttons.get(block.id) ?? []) label(button, block);
    },
    forget(id) {
      latest.delete(id);
      removed.delete(id);
      removed.add(id);
      if (removed.size <= REMOVED_BLOCKS_KEPT) return;
      const oldest = removed.values().next().value;
      if (oldest === undefined) return;
      removed.delete(oldest);
      buttons.delete(oldest);
    },
    clear() {
      latest.clear();
      buttons.clear();
      removed.clear();
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
