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

describe('displayChanges and applyChanges', () => {
  it('adds what the plan newly draws, removes what it no longer draws and leaves the rest alone', () => {
    const shown = new Map<string, VisItem>();
    const items = new DataSet<VisItem, 'id'>();
    applyChanges(items, shown, displayChanges(shown, plan([item('a', at(1991)), item('b', at(1992))]), laneName), window);
    const kept = shown.get('b');
    const changes = displayChanges(shown, plan([item('b', at(1992)), item('c', at(1993))]), laneName);
    expect(changes.added.map((entry) => entry.id)).toEqual(['c']);
    expect(changes.removed).toEqual(['a']);
    applyChanges(items, shown, changes, window);
    expect(items.getIds().sort()).toEqual(['b', 'c']);
    expect([...shown.keys()].sort()).toEqual(['b', 'c']);
    expect(shown.get('b')).toBe(kept);
  });

  it('adds items at their own dates in one add (one redraw) when not asked to go lane by lane', () => {
    const shown = new Map<string, VisItem>();
    const items = new DataSet<VisItem, 'id'>();
    const log = recordEvents(items);
    // 1993 is in the window; 1986 is in the margin, more than a quarter window before it.
    applyChanges(items, shown, displayChanges(shown, plan([item('far', at(1986)), item('near', at(1993))]), laneName), window);
    expect(log).toEqual(['add far@1986,near@1993']);
  });

  it('adds items one lane at a time, from the top lane down, so vis-timeline never draws a lane pushed out of view', () => {
    const shown = new Map<string, VisItem>();
    const items = new DataSet<VisItem, 'id'>();
    const log = recordEvents(items);
    const records = [item('low-1', at(1991), 'low'), item('top-1', at(1992), 'top'), item('low-2', at(1993), 'low'), item('odd', at(1994), 'odd')];
    const lanes = { order: new Map([['top', 0], ['low', 1]]), inView: () => ['top', 'low', 'odd'] };
    applyChanges(items, shown, displayChanges(shown, plan(records), laneName), window, undefined, lanes);
    // A lane the order does not know comes last.
    expect(log).toEqual(['add top-1@1992', 'add low-1@1991,low-2@1993', 'add odd@1994']);
  });

  it('adds the items that cannot show in the window with the first lane, whatever their lane', () => {
    const shown = new Map<string, VisItem>();
    const items = new DataSet<VisItem, 'id'>();
    const log = recordEvents(items);
    const records = [item('far', at(1986), 'low'), item('low-1', at(1991), 'low'), item('top-1', at(1992), 'top')];
    const lanes = { order: new Map([['top', 0], ['low', 1]]), inView: () => ['top', 'low'] };
    applyChanges(items, shown, displayChanges(shown, plan(records), laneName), window, undefined, lanes);
    expect(log).toEqual(['add far@1986,top-1@1992', 'add low-1@1991']);
  });

  /** The DataSet's events when one event each joins the lanes named, top to bottom, with `inView` as vis-timeline reports it. */
  function feedOneEventPerLane(laneIds: string[], inView: string[]): string[] {
    const shown = new Map<string, VisItem>();
    const items = new DataSet<VisItem, 'id'>();
    const log = recordEvents(items);
    const records = laneIds.map((lane, index) => item(`${lane}-1`, at(1991 + index), lane));
    const lanes = { order: new Map(laneIds.map((lane, index) => [lane, index])), inView: () => inView };
    applyChanges(items, shown, displayChanges(shown, plan(records), laneName), window, undefined, lanes);
    return log;
  }

  it('adds every lane below the fold in one add, once a lane in view is followed by one out of view', () => {
    // As vis-timeline reports after each add: the first two lanes fill the view.
    expect(feedOneEventPerLane(['a', 'b', 'c', 'd'], ['a', 'b'])).toEqual(['add a-1@1991', 'add b-1@1992', 'add c-1@1993,d-1@1994']);
  });

  it('goes on lane by lane past lanes scrolled above the view', () => {
    // Scrolled down: the two top lanes are out of view above, the third in view.
    expect(feedOneEventPerLane(['a', 'b', 'c'], ['c'])).toEqual(['add a-1@1991', 'add b-1@1992', 'add c-1@1993']);
  });

  it('adds lanes that gain only blocks in one add, since blocks never stack', () => {
    const dense = (group: string) => Array.from({ length: 60 }, (_, index) => item(`${group}-${index}`, at(1994) + index * 86_400_000, group));
    const records = [...dense('low'), ...dense('top')].sort((a, b) => a.start - b.start);
    const shown = new Map<string, VisItem>();
    const items = new DataSet<VisItem, 'id'>();
    const log = recordEvents(items);
    applyChanges(items, shown, displayChanges(shown, plan(records), laneName), window, undefined, { order: new Map([['top', 0], ['low', 1]]), inView: () => [] });
    expect([...shown.values()].every(isAggregateItem)).toBe(true);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatch(/^add aggregate:top:\S+@1994,aggregate:low:\S+@1994$/);
  });

  it('adds everything directly when the timeline is parked elsewhere', () => {
    const shown = new Map<string, VisItem>();
    const items = new DataSet<VisItem, 'id'>();
    const log = recordEvents(items);
    applyChanges(items, shown, displayChanges(shown, plan([item('near', at(1993))]), laneName), undefined);
    expect(log).toEqual(['add near@1993']);
  });

  it('draws a dense bucket as a block whose button names its count, lane and period, inset within its bucket', () => {
    const dense = Array.from({ length: 80 }, (_, index) => item(`e${index}`, at(1994) + index * 86_400_000));
    const shown = new Map<string, VisItem>();
    applyChanges(new DataSet<VisItem, 'id'>(), shown, displayChanges(shown, plan(dense), laneName), window);
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
    const dense = (count: number) => Array.from({ length: count }, (_, index) => item(`e${index}`, at(1994) + index * 86_400_000));
    const shown = new Map<string, VisItem>();
    const items = new DataSet<VisItem, 'id'>();
    const blocks = createBlockButtons();
    const template = createItemTemplate(() => undefined, blocks);
    applyChanges(items, shown, displayChanges(shown, plan(dense(80)), laneName), window, blocks);
    const [block] = [...shown.values()].filter(isAggregateItem);
    // What vis-timeline does with the item it was given: draws it through the template.
    const button = drawn(template(items.get(block?.id ?? '') ?? undefined));
    expect(button.textContent).toBe('80');
    const log = recordEvents(items);

    const changes = displayChanges(shown, plan(dense(60)), laneName);
    expect(changes.added).toEqual([]);
    expect(changes.removed).toEqual([]);
    expect(changes.relabelled.map((entry) => entry.id)).toEqual([block?.id]);
    applyChanges(items, shown, changes, window, blocks);
    expect(log).toEqual([]);
    expect(button.textContent).toBe('60');
    expect(button.getAttribute('aria-label')).toBe('Show 60 events in A, 1994');
    // Drawn again from the data vis-timeline still holds (a selection redraws it): the latest count, not the first.
    const redrawn = drawn(template(items.get(block?.id ?? '') ?? undefined));
    expect(redrawn.textContent).toBe('60');
    // vis-timeline keeps the first button when the new one looks the same: a later count must reach both.
    applyChanges(items, shown, displayChanges(shown, plan(dense(70)), laneName), window, blocks);
    expect([button.textContent, redrawn.textContent]).toEqual(['70', '70']);

    // A new dataset forgets every block: the same bucket then shows what it is given.
    blocks.clear();
    expect(drawn(template(items.get(block?.id ?? '') ?? undefined)).textContent).toBe('80');
  });

  it('writes an event into the element vis-timeline gives it, as text, and gives nothing back for it to replace', () => {
    const hostile = { ...item('x', at(1993)), label: '<img src=x onerror=alert(1)>' };
    const shown = new Map<string, VisItem>();
    applyChanges(new DataSet<VisItem, 'id'>(), shown, displayChanges(shown, plan([hostile]), laneName), window);
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
