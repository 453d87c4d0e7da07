import { DataSet } from 'vis-data/esnext';
import { describe, expect, it } from 'vitest';
import { type DisplayPlan, planDisplay } from '../../src/domain/aggregate-items.ts';
import { makeLocalDate } from '../../src/domain/partial-date.ts';
import type { TimelineItemData } from '../../src/domain/timeline-items.ts';
import { type VisItem, applyChanges, createBlockButtons, createItemTemplate, displayChanges, isAggregateItem } from '../../src/components/timeline-feed.ts';

const at = (year: number, month = 1) => makeLocalDate(year, month, 1).getTime();
const window = { start: at(1990), end: at(2000) };
const laneName = (group: string) => group.toUpperCase();

function item(id: string, start: number, group = 'a'): TimelineItemData {
  return { id, group, start, kind: 'point', className: 'event', label: `Label ${id}`, description: `About ${id}`, typeSlot: 0 };
}

/** The DataSet's events in order, with the start year each add or update carried. */
function recordEvents(items: DataSet<VisItem, 'id'>): string[] {
  const log: string[] = [];
  items.on('*', (name, properties) => {
    const ids = (properties as { items: string[] }).items;
    log.push(`${name} ${ids.map((id) => `${id}${name === 'remove' ? '' : `@${items.get(id)?.start.getFullYear()}`}`).join(',')}`);
  });
  return log;
}

const plan = (items: TimelineItemData[]): DisplayPlan => planDisplay(items, window, { maxItems: 50, bucketsPerWindow: 10, margin: 0.5, maxEventsPerCell: 4 });

/** A dense bucket drawn as one block of 80 events, with the feed's state and the template that draws its button. */
function oneBlockOf80() {
  const dense = (count: number) => Array.from({ length: count }, (_, index) => item(`e${index}`, at(1994) + index * 86_400_000));
  const shown = new Map<string, VisItem>();
  const items = new DataSet<VisItem, 'id'>();
  const blocks = createBlockButtons();
  const template = createItemTemplate(() => undefined, blocks);
  applyChanges(items, shown, displayChanges(shown, plan(dense(80)), laneName), blocks);
  const [block] = [...shown.values()].filter(isAggregateItem);
  return { dense, shown, items, blocks, template, block };
}

describe('displayChanges and applyChanges', () => {
  it('adds what the plan newly draws, removes what it no longer draws and leaves the rest alone', () => {
    const shown = new Map<string, VisItem>();
    const items = new DataSet<VisItem, 'id'>();
    applyChanges(items, shown, displayChanges(shown, plan([item('a', at(1991)), item('b', at(1992))]), laneName));
    const kept = shown.get('b');
    const changes = displayChanges(shown, plan([item('b', at(1992)), item('c', at(1993))]), laneName);
    expect(changes.added.map((entry) => entry.id)).toEqual(['c']);
    expect(changes.removed).toEqual(['a']);
    applyChanges(items, shown, changes);
    expect(items.getIds().sort()).toEqual(['b', 'c']);
    expect([...shown.keys()].sort()).toEqual(['b', 'c']);
    expect(shown.get('b')).toBe(kept);
  });

  it('applies a change in one remove and one add (a redraw each), whatever lanes the items are in', () => {
    const shown = new Map<string, VisItem>();
    const items = new DataSet<VisItem, 'id'>();
    applyChanges(items, shown, displayChanges(shown, plan([item('gone', at(1990), 'low')]), laneName));
    const log = recordEvents(items);
    // vis-timeline draws the lanes top-down (a fast path): one add, whichever lanes gain rows.
    const records = [item('low-1', at(1991), 'low'), item('top-1', at(1992), 'top'), item('far', at(1986), 'odd')];
    applyChanges(items, shown, displayChanges(shown, plan(records), laneName));
    expect(log).toEqual(['remove gone', 'add low-1@1991,top-1@1992,far@1986']);
  });

  it('draws a dense bucket as a block whose button names its count, lane and period, inset within its bucket', () => {
    const dense = Array.from({ length: 80 }, (_, index) => item(`e${index}`, at(1994) + index * 86_400_000));
    const shown = new Map<string, VisItem>();
    applyChanges(new DataSet<VisItem, 'id'>(), shown, displayChanges(shown, plan(dense), laneName));
    const blocks = [...shown.values()].filter(isAggregateItem);
    expect(blocks).toHaveLength(1);
    const [block] = blocks;
    expect(block?.start.getTime()).toBeGreaterThan(block?.aggregate.start ?? Infinity);
    expect(block?.end?.getTime()).toBeLessThan(block?.aggregate.end ?? -Infinity);
    const opened: number[] = [];
    const element = drawn(createItemTemplate((aggregate) => opened.push(aggregate.count))(block));
    expect(element.tagName).toBe('BUTTON');
    expect(element.textContent).toBe('80');
    expect(element.getAttribute('aria-label')).toBe('Show 80 events in A, 1994');
    // Enter or Space (a click without pointer detail) opens it; a pointer tap is left to the timeline's own select.
    element.dispatchEvent(new MouseEvent('click', { detail: 0 }));
    element.dispatchEvent(new MouseEvent('click', { detail: 1 }));
    expect(opened).toEqual([80]);
  });

  it('relabels a block whose count changes in place: same item, no DataSet change, the new count on its button', () => {
    const { dense, shown, items, blocks, template, block } = oneBlockOf80();
    // What vis-timeline does with the item it was given: draws it through the template.
    const button = drawn(template(items.get(block?.id ?? '') ?? undefined));
    expect(button.textContent).toBe('80');
    const log = recordEvents(items);

    const changes = displayChanges(shown, plan(dense(60)), laneName);
    expect(changes.added).toEqual([]);
    expect(changes.removed).toEqual([]);
    expect(changes.relabelled.map((entry) => entry.id)).toEqual([block?.id]);
    applyChanges(items, shown, changes, blocks);
    expect(log).toEqual([]);
    expect(button.textContent).toBe('60');
    expect(button.getAttribute('aria-label')).toBe('Show 60 events in A, 1994');
    // Drawn again from the data vis-timeline still holds (a selection redraws it): the latest count, not the first.
    const redrawn = drawn(template(items.get(block?.id ?? '') ?? undefined));
    expect(redrawn.textContent).toBe('60');
    // vis-timeline keeps the first button when the new one looks the same: a later count must reach both.
    applyChanges(items, shown, displayChanges(shown, plan(dense(70)), laneName), blocks);
    expect([button.textContent, redrawn.textContent]).toEqual(['70', '70']);

    // A new dataset forgets every block: the same bucket then shows what it is given.
    blocks.clear();
    expect(drawn(template(items.get(block?.id ?? '') ?? undefined)).textContent).toBe('80');
  });

  it('relabels a block put back with its button after it was removed (vis-timeline keeps a removed item to put back)', () => {
    const { dense, shown, items, blocks, template, block } = oneBlockOf80();
    const button = drawn(template(items.get(block?.id ?? '') ?? undefined));
    // A filter hides every event of the bucket, then shows them again: the same block, the same data. vis-timeline
    // puts it back as it was, with this button, and runs no template (scripts/vis-timeline-fast-paths.ts).
    applyChanges(items, shown, displayChanges(shown, plan([]), laneName), blocks);
    expect(items.get(block?.id ?? '')).toBeNull();
    applyChanges(items, shown, displayChanges(shown, plan(dense(80)), laneName), blocks);
    const back = items.get(block?.id ?? '') ?? undefined;
    expect(isAggregateItem(back) ? back.aggregate : undefined).toEqual(block?.aggregate);
    // A later count must still reach the button put back.
    applyChanges(items, shown, displayChanges(shown, plan(dense(60)), laneName), blocks);
    expect(button.textContent).toBe('60');
    expect(button.getAttribute('aria-label')).toBe('Show 60 events in A, 1994');
  });

  it('writes an event into the element vis-timeline gives it, as text, and gives nothing back for it to replace', () => {
    const hostile = { ...item('x', at(1993)), label: '<img src=x onerror=alert(1)>' };
    const shown = new Map<string, VisItem>();
    applyChanges(new DataSet<VisItem, 'id'>(), shown, displayChanges(shown, plan([hostile]), laneName));
    const element = document.createElement('div');
    element.className = 'vis-item-content';
    expect(createItemTemplate(() => undefined)(shown.get('x'), element)).toBeUndefined();
    expect(element.children).toHaveLength(0);
    expect(element.textContent).toBe('<img src=x onerror=alert(1)>');
    expect([...element.classList]).toEqual(['vis-item-content', 'event-content', 'event-label']);
    expect(element.dataset.glyph).not.toBe('');
    expect(element.title).toBe(hostile.description);
  });
});

/** What the template drew for a block: its button. */
function drawn(element: HTMLElement | undefined): HTMLElement {
  if (!element) throw new Error('The template drew nothing');
  return element;
}
