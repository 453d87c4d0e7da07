import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DataSet, createNewDataPipeFrom } from 'vis-data/esnext';
import { type DataItem, Timeline, type TimelineOptions } from 'vis-timeline/esnext';
import { extend } from 'vis-util/esnext';
import { describe, expect, it, vi } from 'vitest';
import { AXIS_LABEL_TEXT_HELPER, ITEM_LOCALES_HELPER, REPLACEMENTS, REQUIRED_INTERNALS, visTimelineFastPaths, withFastPaths } from '../../scripts/vis-timeline-fast-paths.ts';
import viteConfig from '../../vite.config.ts';

const require = createRequire(import.meta.url);
const visTimelineDir = dirname(require.resolve('vis-timeline/package.json'));
const MODULE_FILES = ['vis-timeline-graph2d.js', 'vis-timeline-graph2d.mjs'].map((name) => join(visTimelineDir, 'esnext', 'esm', name));

type Locales = Record<string, Record<string, string>>;

/** The helper the plugin appends, run against given module-scope values. */
function itemLocalesHelper(locales: Locales): (given: Locales | undefined, defaultLocale: Record<string, string>) => Locales {
  return new Function('availableUtils', 'locales', `${ITEM_LOCALES_HELPER}\nreturn __itemLocales;`)({ extend }, locales) as ReturnType<typeof itemLocalesHelper>;
}

/** What vis-timeline's Item constructor computes for every item. */
function constructorLocales(locales: Locales, given: Locales | undefined, defaultLocale: Record<string, string>): Locales {
  const merged = extend({}, locales, given) as Locales;
  for (const locale of Object.keys(merged)) merged[locale] = extend({}, defaultLocale, merged[locale]) as Record<string, string>;
  return merged;
}

/** Logs DOM writes ('w': an item's element attached to its lane) and reads ('r': an item's computed style), in order. */
function logItemWritesAndReads(log: string[]): void {
  const appendChild = Node.prototype.appendChild;
  vi.spyOn(Node.prototype, 'appendChild').mockImplementation(function <T extends Node>(this: Node, node: T): T {
    // A lane's element: the items drawn in it are attached before their class names are set.
    if (this instanceof Element && this.classList.contains('vis-group')) log.push('w');
    return appendChild.call(this, node) as T;
  });
  const getComputedStyle = window.getComputedStyle.bind(window);
  vi.spyOn(window, 'getComputedStyle').mockImplementation((element, pseudo) => {
    if (element.closest('.vis-item')) log.push('r');
    return getComputedStyle(element, pseudo);
  });
}

/** The item writes and reads (see logItemWritesAndReads) while `act` runs, in order. */
function itemWritesAndReads(act: () => void): string {
  const log: string[] = [];
  logItemWritesAndReads(log);
  act();
  return log.join('');
}

/** While set, told of every read of an element's width (vis-timeline's layout reads), before the mocked value is given. */
let laneSizeReads: { onRead(element: HTMLElement): void } | undefined;

/**
 * The order of what a redraw does, while `act` runs: 'w' and 'r' an item's writes and reads (see
 * logItemWritesAndReads), 'g' a lane's or its label's size read, 'a' a time axis label's text set.
 */
async function redrawOrder(act: () => Promise<void>): Promise<string> {
  const log: string[] = [];
  laneSizeReads = { onRead: (element) => element.matches('.vis-group, .vis-inner, .vis-itemset') && log.push('g') };
  logItemWritesAndReads(log);
  // A label's new text: its text node's value (the fast path), or new HTML.
  const nodeValue = Object.getOwnPropertyDescriptor(CharacterData.prototype, 'nodeValue');
  vi.spyOn(CharacterData.prototype, 'nodeValue', 'set').mockImplementation(function (this: CharacterData, value: string | null) {
    if (this.parentElement?.closest('.vis-time-axis')) log.push('a');
    nodeValue?.set?.call(this, value);
  });
  const innerHTML = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML');
  vi.spyOn(Element.prototype, 'innerHTML', 'set').mockImplementation(function (this: Element, value: string) {
    if (this.closest('.vis-time-axis')) log.push('a');
    innerHTML?.set?.call(this, value);
  });
  try {
    await act();
  } finally {
    laneSizeReads = undefined;
  }
  return log.join('');
}

/**
 * A timeline in happy-dom, which lays nothing out: widths (a digit's on the axis; no lane labels) and a height option
 * stand in. `redrawn` redraws it (vis-timeline draws in the next animation frame) and waits for that frame.
 */
function timelineInHappyDom(items: DataSet<DataItem>, options: TimelineOptions, groups?: DataSet<{ id: string; content: string }>) {
  for (const size of ['offsetWidth', 'clientWidth'] as const) {
    vi.spyOn(HTMLElement.prototype, size, 'get').mockImplementation(function (this: HTMLElement) {
      if (laneSizeReads) laneSizeReads.onRead(this);
      if (this.classList.contains('vis-measure')) return 8;
      return this.matches('.vis-left, .vis-right, .vis-label, .vis-labelset, .vis-inner') ? 0 : 600;
    });
  }
  const container = document.createElement('div');
  document.body.append(container);
  const timeline = groups ? new Timeline(container, items, groups, { height: 400, ...options }) : new Timeline(container, items, { height: 400, ...options });
  const redrawn = async () => {
    timeline.redraw();
    await new Promise((resolve) => requestAnimationFrame(resolve));
  };
  return { container, timeline, redrawn };
}

describe('vis-timeline fast paths (Vite plugin)', () => {
  it('applies to the installed vis-timeline, so an upgrade that changes its code fails the build instead of dropping them', () => {
    for (const file of MODULE_FILES) {
      const patched = withFastPaths(readFileSync(file, 'utf8'));
      expect(patched).toContain('__itemLocales(this.options.locales');
      expect(patched).toContain('if (object instanceof Date) return new Date(object.valueOf());');
      expect(patched).toContain('if (item.displayed && !this.visibleItems.includes(item)) {');
      expect(patched).toContain('if (!parentChanged && labelsKey !== this.__labelsKey) {');
      expect(patched).toContain('if (label.__visText !== text) {');
      expect(patched).toContain('() => __collectNewItems(this, forceRestack, lastIsVisible, range),');
      expect(patched).toContain('component._repaintLabels();');
      expect(patched).toContain('item = __takeRemovedItem(me, id, itemData, constructor) ??');
      // In each of the ItemSet's DataSet listeners: add and update, then remove.
      expect(patched.split('if (!me.body.rangeRedrawPending) __redrawForChange(me);')).toHaveLength(3);
      expect(patched).toContain('if (!me.body.rangeRedrawPending) __redrawAfterRemove(me);');
      expect(patched).toContain('if (payload != null) coercedDS.remove(payload.items);');
    }
  });

  it('names the replacement that no longer matches', () => {
    const internals = REQUIRED_INTERNALS.map((internal) => internal.code);
    for (const [index, missing] of REPLACEMENTS.entries()) {
      const others = [...internals, ...REPLACEMENTS.filter((_, other) => other !== index).map((replacement) => replacement.find)];
      expect(() => withFastPaths(others.join('\n'))).toThrow(`"${missing.why}" no longer matches`);
      expect(() => withFastPaths([...others, missing.find, missing.find].join('\n'))).toThrow(`"${missing.why}" no longer matches vis-timeline's code exactly once`);
    }
  });

  it('names a part of vis-timeline the app relies on that an upgrade took away', () => {
    const replacements = REPLACEMENTS.map((replacement) => replacement.find);
    for (const [index, missing] of REQUIRED_INTERNALS.entries()) {
      const others = REQUIRED_INTERNALS.filter((_, other) => other !== index).map((internal) => internal.code);
      expect(() => withFastPaths([...others, ...replacements].join('\n'))).toThrow(`the app relies on ${missing.why}`);
    }
    expect(() => withFastPaths([...REQUIRED_INTERNALS.map((internal) => internal.code), ...replacements].join('\n'))).not.toThrow();
  });

  it('transforms only vis-timeline’s module, in the build, the dev server’s pre-bundling and the tests', () => {
    const names = [viteConfig.plugins ?? []].flat(3).map((plugin) => (plugin && typeof plugin === 'object' && 'name' in plugin ? plugin.name : undefined));
    const plugin = visTimelineFastPaths();
    expect(names).toContain(plugin.name);
    expect(plugin.apply).toBeUndefined();
    const transform = plugin.transform as (code: string, id: string) => unknown;
    expect(transform('export const x = 1;', '/app/node_modules/vis-data/esnext/esm/vis-data.js')).toBeUndefined();
    expect(() => transform('export const x = 1;', MODULE_FILES[1]!)).toThrow(/no longer (matches|has it)/);
    const config = (plugin.config as unknown as () => { optimizeDeps: { rolldownOptions: { plugins: { transform: unknown }[] } } })();
    const [depsPlugin] = config.optimizeDeps.rolldownOptions.plugins;
    expect(depsPlugin?.transform).toBe(transform);
    expect(viteConfig.test?.server?.deps?.inline).toEqual([expect.any(RegExp)]);
    const [inline] = (viteConfig.test?.server?.deps?.inline ?? []) as RegExp[];
    expect(inline?.test(MODULE_FILES[1]!)).toBe(true);
  });

  it('draws items added in view in one batch, every item’s DOM written before any is measured', async () => {
    const items = new DataSet<{ id: string; content: string; start: Date; end: Date }>();
    const { container, timeline, redrawn } = timelineInHappyDom(items, { start: new Date(2000, 0, 1), end: new Date(2001, 0, 1) });
    await redrawn();
    const added = [1, 2, 3].map((month) => ({ id: `e${month}`, content: `Event ${month}`, start: new Date(2000, month, 1), end: new Date(2000, month, 20) }));
    // Unpatched, vis-timeline draws and measures each item as it joins its lane ("wrrwrrwrr"): a forced layout each.
    expect(itemWritesAndReads(() => items.add(added))).toMatch(/^w{3}r+$/);
    expect(container.querySelectorAll('.vis-item')).toHaveLength(3);
    timeline.destroy();
  });

  it('draws items added during a range change in the redraw that change scheduled, and others at once', async () => {
    const items = new DataSet<{ id: string; content: string; start: Date }>();
    // No start or end option, as in the app: vis-timeline counts its first draw done at its first redraw.
    const { container, timeline, redrawn } = timelineInHappyDom(items, {});
    timeline.setWindow(new Date(2000, 0, 1), new Date(2001, 0, 1), { animation: false });
    await redrawn();
    const drawn = () => [...container.querySelectorAll('.vis-item .vis-item-content')].map((content) => content.textContent).sort();
    const drawnDuringRangeChange: string[][] = [];
    // What the app does when its display plan no longer serves a moving window.
    timeline.on('rangechange', () => {
      items.add([1, 2, 3].map((month) => ({ id: `moved${month}`, content: `Moved ${month}`, start: new Date(2000, month, 10) })));
      drawnDuringRangeChange.push(drawn());
    });
    timeline.setWindow(new Date(2000, 0, 15), new Date(2001, 0, 15), { animation: false });
    // Unpatched, the add redraws at once, and the frame's redraw does it all again.
    expect(drawnDuringRangeChange).toEqual([[]]);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(drawn()).toEqual(['Moved 1', 'Moved 2', 'Moved 3']);
    // Outside a range change (a filter) an add is drawn at once, as published.
    items.add({ id: 'filtered', content: 'Filtered', start: new Date(2000, 5, 1) });
    expect(drawn()).toContain('Filtered');
    timeline.destroy();
  });

  it('redraws once for a remove and an add made in one task (a filter), and still redraws a remove alone before the next frame', async () => {
    const items = new DataSet([1, 2, 3].map((month) => ({ id: `e${month}`, content: `Event ${month}`, start: new Date(2000, month, 10) })));
    const { container, timeline, redrawn } = timelineInHappyDom(items, { start: new Date(2000, 0, 1), end: new Date(2001, 0, 1) });
    await redrawn();
    const itemSet = (timeline as unknown as { itemSet: { redraw(): unknown } }).itemSet;
    const redraws = vi.spyOn(itemSet, 'redraw');
    const drawn = () => [...container.querySelectorAll('.vis-item .vis-item-content')].map((content) => content.textContent).sort();
    items.remove('e1');
    items.add({ id: 'e4', content: 'Event 4', start: new Date(2000, 4, 10) });
    // Unpatched, the remove redraws at once and the add again: two.
    expect(redraws).toHaveBeenCalledTimes(1);
    expect(drawn()).toEqual(['Event 2', 'Event 3', 'Event 4']);
    await Promise.resolve();
    expect(redraws).toHaveBeenCalledTimes(1);
    items.remove('e2');
    expect(drawn()).toEqual(['Event 3', 'Event 4']);
    // At the end of the task, before any frame.
    await Promise.resolve();
    expect(redraws).toHaveBeenCalledTimes(2);
    timeline.destroy();
    // Removed from a timeline destroyed in the same task: the put-off redraw finds nothing to draw into, and skips.
    const lateItems = new DataSet([{ id: 'x', content: 'X', start: new Date(2000, 1, 1) }]);
    const late = timelineInHappyDom(lateItems, { start: new Date(2000, 0, 1), end: new Date(2001, 0, 1) });
    await late.redrawn();
    const lateRedraws = vi.spyOn((late.timeline as unknown as { itemSet: { redraw(): unknown } }).itemSet, 'redraw');
    lateItems.remove('x');
    late.timeline.destroy();
    await Promise.resolve();
    expect(lateRedraws).not.toHaveBeenCalled();
  });

  it('takes removed items out of the timeline by id, converting none of them', async () => {
    const items = new DataSet([1, 2, 3].map((month) => ({ id: `e${month}`, content: `Event ${month}`, start: new Date(2000, month, 10) })));
    const { container, timeline, redrawn } = timelineInHappyDom(items, { start: new Date(2000, 0, 1), end: new Date(2001, 0, 1) });
    await redrawn();
    // The pipe that feeds vis-timeline's coerced copy of the items: its transform converts every field of an item.
    const pipePrototype = Object.getPrototypeOf(createNewDataPipeFrom(new DataSet()).map((item) => item).to(new DataSet())) as { _transformItems(items: unknown[]): unknown[] };
    const transforms = vi.spyOn(pipePrototype, '_transformItems');
    items.remove(['e1', 'e3']);
    // Unpatched, the removed items are converted (once per remove) only to read their ids.
    expect(transforms).not.toHaveBeenCalled();
    await redrawn();
    expect([...container.querySelectorAll('.vis-item .vis-item-content')].map((content) => content.textContent)).toEqual(['Event 2']);
    // vis-timeline's coerced copy of the items, which its item set reads.
    const coerced = (timeline as unknown as { itemsData: { getIds(): string[]; get(id: string): { start?: unknown } | null } }).itemsData;
    expect(coerced.getIds()).toEqual(['e2']);
    // Items added still are converted: a number's start is a Date in the coerced copy.
    items.add({ id: 'e4', content: 'Event 4', start: new Date(2000, 4, 10).getTime() as unknown as Date });
    expect(transforms).toHaveBeenCalled();
    expect(coerced.get('e4')?.start).toBeInstanceOf(Date);
    timeline.destroy();
  });

  it('draws the items coming into view in every lane in one batch, and reads no lane’s size after drawing them', async () => {
    const groups = new DataSet([{ id: 'a', content: 'A' }, { id: 'b', content: 'B' }, { id: 'c', content: 'C' }]);
    const items = new DataSet<{ id: string; group: string; content: string; start: Date; end: Date }>();
    for (const group of ['a', 'b', 'c']) {
      for (const month of [2, 5]) items.add({ id: `${group}${month}`, group, content: `${group} ${month}`, start: new Date(2000, month, 1), end: new Date(2000, month, 20) });
    }
    const { container, timeline, redrawn } = timelineInHappyDom(items, { start: new Date(1990, 0, 1), end: new Date(1991, 0, 1) }, groups);
    await redrawn();
    expect(container.querySelectorAll('.vis-item')).toHaveLength(0);
    const order = await redrawOrder(async () => {
      timeline.setWindow(new Date(2000, 0, 1), new Date(2001, 0, 1), { animation: false });
      await redrawn();
    });
    expect(container.querySelectorAll('.vis-item')).toHaveLength(6);
    // Unpatched, each lane draws and measures its own items ("wwrrrr" three times: a forced layout each), then reads its
    // size and its label's again (more reads after the drawing than before it).
    // The axis's labels ('a') come last, once the lanes are read (see the time axis's tests).
    const [, before = '', after = ''] = /^(g*)w{6}r+a*(g*)$/.exec(order) ?? [];
    expect(order).toMatch(/^g+w{6}r+a*g*$/);
    // What follows the drawing is the next redraw (the lanes grew), which reads each size once, as this one did.
    expect(after.length).toBe(before.length);
    timeline.destroy();
  });

  it('keeps the items drawn ahead in the margins in the page through a redraw, instead of taking them out and putting them back', async () => {
    // vis-timeline draws ahead the items starting within a quarter of the window's width on each side.
    const items = new DataSet([
      { id: 'in', content: 'In view', start: new Date(2000, 5, 1), end: new Date(2000, 6, 1) },
      { id: 'before', content: 'Just before', start: new Date(1999, 11, 1), end: new Date(1999, 11, 20) },
      { id: 'after', content: 'Just after', start: new Date(2001, 0, 10), end: new Date(2001, 1, 1) },
    ]);
    const { container, timeline, redrawn } = timelineInHappyDom(items, { start: new Date(2000, 0, 1), end: new Date(2001, 0, 1) });
    await redrawn();
    const drawn = () => [...container.querySelectorAll('.vis-item')].map((item) => item.textContent).sort();
    expect(drawn()).toEqual(['In view', 'Just after', 'Just before']);
    const removedItems: string[] = [];
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.removedNodes) if (node instanceof Element && node.classList.contains('vis-item')) removedItems.push(node.textContent ?? '');
      }
    });
    observer.observe(container, { childList: true, subtree: true });
    // A pan by a few days: the same items in view and in the margins.
    timeline.setWindow(new Date(2000, 0, 4), new Date(2001, 0, 4), { animation: false });
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await redrawn();
    observer.disconnect();
    // Unpatched, each redraw takes both margin items out of the page and puts them back.
    expect(removedItems).toEqual([]);
    expect(drawn()).toEqual(['In view', 'Just after', 'Just before']);
    // An item leaving the margins is still taken out.
    timeline.setWindow(new Date(2000, 3, 1), new Date(2000, 8, 1), { animation: false });
    await redrawn();
    expect(drawn()).toEqual(['In view']);
    timeline.destroy();
  });

  it('redraws at a new size once: the resize poll does not redraw again at the size a redraw drew at', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      let timelineHeight = 0;
      vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
        return this.classList.contains('vis-timeline') ? timelineHeight : 0;
      });
      const items = new DataSet([{ id: 'e1', content: 'Event 1', start: new Date(2000, 2, 1) }]);
      const { timeline, redrawn } = timelineInHappyDom(items, { start: new Date(2000, 0, 1), end: new Date(2001, 0, 1) });
      await redrawn();
      // The page is laid out: the timeline is taller than when it was made, and the app redraws it (its ResizeObserver).
      timelineHeight = 474;
      await redrawn();
      let redraws = 0;
      timeline.on('changed', () => {
        redraws += 1;
      });
      // Published, the poll had last seen a height of 0 and redrew the whole timeline again.
      vi.advanceTimersByTime(1000);
      expect(redraws).toBe(0);
      // A size no redraw has drawn at is still caught by the poll.
      timelineHeight = 500;
      vi.advanceTimersByTime(1000);
      expect(redraws).toBe(1);
      timeline.destroy();
    } finally {
      vi.useRealTimers();
    }
  });

  describe('a DataSet change with the window where it was (a filter)', () => {
    const LANE_SPACING = { none: 0, css: 10 };
    /**
     * happy-dom lays nothing out: here the timeline is 400 px high, an item 20, and a lane sits below the lanes before it
     * (their heights as vis-timeline set them), plus `spacing` each, as a margin in CSS would put it.
     */
    function layLanesOut(spacing: number) {
      vi.spyOn(HTMLElement.prototype, 'offsetTop', 'get').mockImplementation(function (this: HTMLElement) {
        if (!this.matches('.vis-foreground > .vis-group')) return 0;
        let top = 0;
        for (let lane = this.previousElementSibling; lane instanceof HTMLElement; lane = lane.previousElementSibling) top += (Number.parseFloat(lane.style.height) || 0) + spacing;
        return top;
      });
      vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
        if (this.classList.contains('vis-timeline')) return 400;
        return this.classList.contains('vis-item') ? 20 : 0;
      });
    }

    /** Three lanes with an event each in view; then thirty overlapping events join the top lane and two the bottom one. */
    async function thirtyRowsOnTop(spacing: number) {
      layLanesOut(spacing);
      const groups = new DataSet(['a', 'b', 'c'].map((id) => ({ id, content: id.toUpperCase() })));
      const items = new DataSet<{ id: string; group: string; content: string; start: Date; end: Date }>(
        ['a', 'b', 'c'].map((group) => ({ id: `${group}0`, group, content: `${group} 0`, start: new Date(2000, 1, 1), end: new Date(2000, 1, 20) })),
      );
      const { container, timeline, redrawn } = timelineInHappyDom(items, { start: new Date(2000, 0, 1), end: new Date(2001, 0, 1) }, groups);
      await redrawn();
      const drawnIn = (lane: number) => [...(container.querySelectorAll('.vis-foreground > .vis-group')[lane]?.querySelectorAll('.vis-item') ?? [])].map((item) => item.textContent);
      expect([0, 1, 2].map(drawnIn)).toEqual([['a 0'], ['b 0'], ['c 0']]);
      const rows = Array.from({ length: 30 }, (_, row) => ({ id: `a${row + 1}`, group: 'a', content: `a ${row + 1}`, start: new Date(2000, 3, 1), end: new Date(2000, 5, 1) }));
      const bottom = [1, 2].map((index) => ({ id: `c${index}`, group: 'c', content: `c ${index}`, start: new Date(2000, 6 + index, 1), end: new Date(2000, 6 + index, 20) }));
      // The redraw the add makes at once, before the one vis-timeline schedules for the next frame.
      items.add([...rows, ...bottom]);
      return { timeline, drawnIn };
    }

    it('draws the lanes top-down: a lane pushed below the fold by new rows above draws none of its new events', async () => {
      const { timeline, drawnIn } = await thirtyRowsOnTop(LANE_SPACING.none);
      expect(drawnIn(0)).toHaveLength(31);
      // Out of view below thirty rows, the bottom lane shows nothing. Published, each lane is judged in view by where it
      // was before the add: the bottom lane draws its two new events (see the next test).
      expect(drawnIn(2)).toEqual([]);
      // So does the middle lane, below the thirty rows too (it gained nothing).
      expect(drawnIn(1)).toEqual([]);
      timeline.destroy();
    });

    it('draws them in the published order when the lanes do not sit one right below another', async () => {
      const { timeline, drawnIn } = await thirtyRowsOnTop(LANE_SPACING.css);
      expect(drawnIn(0)).toHaveLength(31);
      expect(drawnIn(2)).toEqual(['c 0', 'c 1', 'c 2']);
      timeline.destroy();
    });
  });

  describe('an item removed from the DataSet and added again', () => {
    type RangeData = { id: string; content: string; start: Date; end: Date };
    /** Two ranges in view, drawn; `element` finds an item's element by its text. */
    async function twoItemsDrawn() {
      const items = new DataSet<RangeData>([1, 2].map((month) => ({ id: `e${month}`, content: `Event ${month}`, start: new Date(2000, month, 1), end: new Date(2000, month, 20) })));
      const { container, timeline, redrawn } = timelineInHappyDom(items, { start: new Date(2000, 0, 1), end: new Date(2001, 0, 1) });
      await redrawn();
      const element = (text: string) => [...container.querySelectorAll<HTMLElement>('.vis-item.vis-range')].find((item) => item.textContent === text);
      const log: string[] = [];
      logItemWritesAndReads(log);
      const removed = (id: string) => {
        const data = items.get(id);
        if (!data) throw new Error(`no item ${id}`);
        items.remove(id);
        expect(element(data.content)).toBeUndefined();
        return data;
      };
      /** Adds the item, and gives the item writes and reads of the add (see logItemWritesAndReads). */
      const added = (data: RangeData) => {
        log.length = 0;
        items.add(data);
        return log.join('');
      };
      return { timeline, element, removed, added };
    }

    it('with the same data is put back as it was: the same element, nothing measured again', async () => {
      const { timeline, element, removed, added } = await twoItemsDrawn();
      const before = element('Event 1');
      expect(before).toBeDefined();
      // Unpatched, a new element is made, drawn and measured ("wr…").
      expect(added(removed('e1'))).toBe('w');
      expect(element('Event 1')).toBe(before);
      expect(before?.isConnected).toBe(true);
      timeline.destroy();
    });

    it('with data made anew from the same facts (a plain object with the same fields) is put back too', async () => {
      type BlockData = { id: string; content: string; start: Date; end: Date; facts: { count: number; period: string } };
      const block = (count: number): BlockData => ({ id: 'b', content: 'Block', start: new Date(2000, 1, 1), end: new Date(2000, 3, 1), facts: { count, period: '2000' } });
      const items = new DataSet<BlockData>([block(12)]);
      const { container, timeline, redrawn } = timelineInHappyDom(items, { start: new Date(2000, 0, 1), end: new Date(2001, 0, 1) });
      await redrawn();
      const element = () => container.querySelector('.vis-item.vis-range');
      const before = element();
      expect(before).not.toBeNull();
      items.remove('b');
      expect(element()).toBeNull();
      // Unpatched, and with only the same object taken for the same data, a new element is made.
      items.add(block(12));
      expect(element()).toBe(before);
      items.remove('b');
      items.add(block(13));
      expect(element()).not.toBe(before);
      expect(element()).not.toBeNull();
      timeline.destroy();
    });

    it('is stacked with its lane again, around the items that moved while it was away', async () => {
      // Two overlapping ranges: two rows.
      const items = new DataSet([1, 2].map((month) => ({ id: `e${month}`, content: `Event ${month}`, start: new Date(2000, month, 1), end: new Date(2000, month + 4, 1) })));
      const { container, timeline, redrawn } = timelineInHappyDom(items, { start: new Date(2000, 0, 1), end: new Date(2001, 0, 1) });
      await redrawn();
      const top = (text: string) => [...container.querySelectorAll<HTMLElement>('.vis-item.vis-range')].find((item) => item.textContent === text)?.style.top;
      expect(top('Event 1')).not.toBe(top('Event 2'));
      const first = items.get('e1');
      if (!first) throw new Error('no item e1');
      items.remove('e1');
      // A day later: a new window restacks the lane, and Event 2 alone moves up to the first row, where Event 1 was.
      timeline.setWindow(new Date(2000, 0, 2), new Date(2001, 0, 2), { animation: false });
      await redrawn();
      const alone = top('Event 2');
      items.add(first);
      // Left in the row it had, it would lie on Event 2.
      expect(top('Event 2')).toBe(alone);
      expect(top('Event 1')).not.toBe(alone);
      timeline.destroy();
    });

    it('with other data, or selected when it was removed, is drawn anew', async () => {
      const { timeline, element, removed, added } = await twoItemsDrawn();
      const first = element('Event 1');
      expect(added({ ...removed('e1'), content: 'Event 1, renamed' })).toMatch(/^w+r+$/);
      expect(element('Event 1, renamed')).not.toBe(first);

      const second = element('Event 2');
      timeline.setSelection(['e2']);
      expect(second?.classList.contains('vis-selected')).toBe(true);
      expect(added(removed('e2'))).toMatch(/^w+r+$/);
      expect(element('Event 2')).not.toBe(second);
      expect(element('Event 2')?.classList.contains('vis-selected')).toBe(false);
      timeline.destroy();
    });

    it('after a redraw that measures every item again (any option, the app’s resize observer) is drawn anew', async () => {
      const { timeline, element, removed, added } = await twoItemsDrawn();
      const before = element('Event 1');
      const data = removed('e1');
      timeline.redraw();
      expect(added(data)).toMatch(/^w+r+$/);
      expect(element('Event 1')).not.toBe(before);
      expect(element('Event 1')?.isConnected).toBe(true);
      timeline.destroy();
    });
  });

  describe('the time axis', () => {
    /** A decade in view, with no items, and its minor labels' texts. */
    function axisTimeline() {
      const { container, timeline, redrawn } = timelineInHappyDom(new DataSet(), { start: new Date(2000, 0, 1), end: new Date(2010, 0, 1) });
      const minorLabels = () => [...container.querySelectorAll('.vis-time-axis .vis-text.vis-minor:not(.vis-measure)')].map((label) => label.textContent);
      return { container, timeline, minorLabels, redrawn };
    }

    it('leaves its labels and grid lines alone on a redraw that changes nothing they follow from', async () => {
      const { timeline, minorLabels, redrawn } = axisTimeline();
      await redrawn();
      const labels = minorLabels();
      expect(labels.length).toBeGreaterThan(3);
      // Unpatched, every redraw takes the axis out of the page, rewrites each label and line, and puts it back.
      const isAxis = (node: unknown) => node instanceof Element && node.closest('.vis-time-axis') !== null;
      const axisChanges: string[] = [];
      for (const method of ['appendChild', 'insertBefore', 'removeChild'] as const) {
        const original = Node.prototype[method] as (this: Node, ...args: Node[]) => Node;
        vi.spyOn(Node.prototype, method).mockImplementation(function (this: Node, ...args: Node[]) {
          if (isAxis(this) || isAxis(args[0])) axisChanges.push(method);
          return original.apply(this, args);
        } as never);
      }
      await redrawn();
      expect(axisChanges).toEqual([]);
      expect(minorLabels()).toEqual(labels);
      timeline.destroy();
    });

    it('repaints them in place when the window moves, rewriting only the labels whose text changed', async () => {
      const { container, timeline, minorLabels, redrawn } = axisTimeline();
      await redrawn();
      const labels = minorLabels();
      const textNodes = () => [...container.querySelectorAll('.vis-time-axis .vis-text.vis-minor:not(.vis-measure)')].map((label) => label.firstChild);
      const nodes = textNodes();
      const removed: Node[] = [];
      const removeChild = Node.prototype.removeChild as (this: Node, child: Node) => Node;
      vi.spyOn(Node.prototype, 'removeChild').mockImplementation(function (this: Node, child: Node) {
        removed.push(child);
        return removeChild.call(this, child);
      } as never);
      // A day later: the same years in view, each label a day's width further left.
      timeline.setWindow(new Date(2000, 0, 2), new Date(2010, 0, 2), { animation: false });
      await redrawn();
      expect(minorLabels()).toEqual(labels);
      // Unpatched, the axis is taken out of the page and back, and every label's text is parsed again as HTML.
      expect(removed.filter((node) => node instanceof Element && node.matches('.vis-time-axis'))).toEqual([]);
      expect(textNodes().map((node, index) => node === nodes[index])).toEqual(nodes.map(() => true));
      timeline.destroy();
    });

    it('repaints them after every lane has read its size, so the browser lays the page out once per redraw', async () => {
      const { timeline, minorLabels, redrawn } = axisTimeline();
      await redrawn();
      const labels = minorLabels();
      const order = await redrawOrder(async () => {
        // A year later: as many labels, each with a new text.
        timeline.setWindow(new Date(2001, 0, 1), new Date(2011, 0, 1), { animation: false });
        await redrawn();
      });
      expect(minorLabels()).not.toEqual(labels);
      // Unpatched, the labels are written first ("aaa…ggg…"), and the lanes' reads that follow force a layout.
      expect(order).toMatch(/^g+a+g*$/);
      timeline.destroy();
    });

    it('redraws them when the window or an option changes', async () => {
      const { timeline, minorLabels, redrawn } = axisTimeline();
      await redrawn();
      const decade = minorLabels();
      timeline.setWindow(new Date(2000, 0, 1), new Date(2001, 0, 1), { animation: false });
      await redrawn();
      const year = minorLabels();
      expect(year).not.toEqual(decade);
      timeline.setOptions({ format: { minorLabels: () => 'tick' } });
      await redrawn();
      expect(new Set(minorLabels())).toEqual(new Set(['tick']));
      expect(minorLabels()).toHaveLength(year.length);
      timeline.destroy();
    });
  });

  it('sets an axis label’s text as the published code does, without parsing HTML when the text has no markup', () => {
    const withCleaner = (xss: (text: string) => string) =>
      new Function('availableUtils', `${AXIS_LABEL_TEXT_HELPER}\nreturn __setAxisLabelText;`)({ xss }) as (element: Element, text: string) => void;
    const published = (xss: (text: string) => string, text: string) => {
      const element = document.createElement('div');
      element.innerHTML = xss(text);
      return element.innerHTML;
    };
    const cleaners = [(text: string) => text, (text: string) => text.replaceAll('<', '&lt;'), (text: string) => text.toUpperCase()];
    for (const xss of cleaners) {
      const setText = withCleaner(xss);
      const label = document.createElement('div');
      label.append(document.createTextNode(''));
      for (const text of ['1990', 'March', 'a <b>bold</b> week', 'x &amp; y', '', 'w51', '日本 1月']) {
        setText(label, text);
        expect(label.innerHTML).toBe(published(xss, text));
      }
      setText(label, '2000');
      setText(label, '2001');
      // Plain text reuses the label's one text node.
      expect(label.childNodes).toHaveLength(1);
      expect(label.firstChild?.nodeValue).toBe(xss('2001'));
      const reused = label.firstChild;
      setText(label, '2002');
      expect(label.firstChild).toBe(reused);
    }
  });

  it('gives every item the locales the constructor merged, made once and shared', () => {
    const builtIn: Locales = { en: { deleteSelected: 'Delete selected' }, nl: { deleteSelected: 'Geselecteerde verwijderen' }, xx: {} };
    const english = builtIn.en!;
    const itemLocales = itemLocalesHelper(builtIn);
    const custom: Locales = { fr: { deleteSelected: 'Supprimer la sélection' } };
    for (const given of [undefined, custom]) {
      const first = itemLocales(given, english);
      expect(first).toEqual(constructorLocales(builtIn, given, english));
      expect(itemLocales(given, english)).toBe(first);
    }
    expect(itemLocales(undefined, english).xx).toEqual({ deleteSelected: 'Delete selected' });
    expect(itemLocales(custom, english)).not.toBe(itemLocales(undefined, english));
  });
});
