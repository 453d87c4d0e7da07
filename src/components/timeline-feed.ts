// Feeds vis-timeline what a display plan says to draw, touching only what changed, and never in the slow way:
// vis-timeline draws and measures an item at once (a forced layout each) when it is added or updated while in view,
// but lays out in one batch an item that arrives out of view and is then moved into it. So new items are added at a
// far-off date and moved to their real dates in one update; changed blocks get new ids instead of updates.
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

/** Where new items wait, out of view, before their real dates are set. */
const ARRIVAL_DATE = Date.UTC(9000, 0, 1);
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

function arriving(item: VisItem): VisItem {
  const width = item.end ? item.end.getTime() - item.start.getTime() : 0;
  return { ...item, start: new Date(ARRIVAL_DATE), end: item.end ? new Date(ARRIVAL_DATE + width) : undefined };
}

export interface DisplayChanges {
  readonly added: readonly VisItem[];
  readonly removed: readonly string[];
}

/** What to add and remove so that the DataSet holds what the plan draws; items drawn before and now stay untouched. */
export function displayChanges(shown: ReadonlyMap<string, VisItem>, plan: DisplayPlan, laneName: (group: string) => string): DisplayChanges {
  const wanted = new Set<string>();
  const added: VisItem[] = [];
  for (const entry of plan.items) {
    const id = entry.kind === 'event' ? entry.item.id : entry.aggregate.id;
    wanted.add(id);
    if (!shown.has(id)) added.push(toVisItem(entry, laneName));
  }
  return { added, removed: [...shown.keys()].filter((id) => !wanted.has(id)) };
}

/**
 * Applies the changes to the DataSet (and to `shown`, which mirrors it). `window` is what the timeline shows; items
 * that may show in it take the detour through a far-off date. Undefined when the timeline's window is parked
 * elsewhere, so nothing is in view.
 */
export function applyChanges(items: DataSet<VisItem, 'id'>, shown: Map<string, VisItem>, changes: DisplayChanges, window: TimeWindow | undefined): void {
  if (changes.removed.length) {
    items.remove([...changes.removed]);
    for (const id of changes.removed) shown.delete(id);
  }
  if (!changes.added.length) return;
  // A point's label reaches right of its date, so "may show" is generous.
  const slack = window ? (window.end - window.start) * 0.25 : 0;
  const inView = (item: VisItem) =>
    window !== undefined && (item.end ?? item.start).getTime() >= window.start - slack && item.start.getTime() <= window.end + slack;
  const visible = changes.added.filter(inView);
  items.add(changes.added.map((item) => (inView(item) ? arriving(item) : item)));
  if (visible.length) items.update(visible);
  for (const item of changes.added) shown.set(item.id, item);
}

export function isAggregateItem(item: VisItem | undefined): item is VisAggregateItem {
  return item !== undefined && 'aggregate' in item;
}

/** The item template: an event's glyph and title as text; a block as a button that zooms into its period. */
export function createItemTemplate(openAggregate: (aggregate: AggregateItemData) => void): (item: VisItem | undefined) => HTMLElement {
  return (item) => {
    if (isAggregateItem(item)) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'event-aggregate__button';
      button.textContent = String(item.aggregate.count);
      // "Show …", not "Zoom in …": the toolbar's Zoom in button keeps a name of its own.
      button.title = `${item.description}. Select to show them.`;
      button.setAttribute('aria-label', `Show ${item.description}`);
      // Pointer taps reach the timeline's 'select' event; this is for Enter and Space (a click with no pointer detail).
      button.addEventListener('click', (event) => {
        if (event.detail === 0) openAggregate(item.aggregate);
      });
      return button;
    }
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
  };
}
