// Fast paths in vis-timeline's own code. A facet toggle at 1,000 events brings about a hundred items into view, and a
// zoom redraws every item in view each frame; profiles of both show work with nothing to show for it:
// - every item's constructor merges vis-timeline's 40 built-in locales into a fresh copy (the same result
//   for every item of a timeline): now merged once per locales object and shared;
// - every start and end that enters or leaves its DataSet is converted Date → moment → Date: now Date → Date, and an
//   item leaving it is not converted at all (every field of it was, only for its id);
// - an item added while its date is in view is drawn and measured on its own, a forced layout per item (loading N
//   items into view costs about N²), although the redraw that follows every DataSet change draws new items in one
//   batch (all DOM writes, then all reads): now that redraw draws it. So the app adds items where they belong
//   instead of adding them far off and moving them into view, and one redraw does what took two.
// - the time axis redraws its labels and grid lines on every redraw, a filter's too, although they follow only from
//   the window, a few sizes and the options: now it redraws them when one of those changed (labels formatted with
//   moment; a page's first filter ran that code for the first time). When they did change (a zoom, a pan), it took
//   the axis out of the page and put it back, which made the browser restyle and lay out every label again, and
//   parsed each label's text as HTML: now it repaints the axis in place and sets a label's text only when it changed,
//   as its text node's value when it has no markup.
// - a DataSet change made while the window moves (the app's new display plan, in its 'rangechange' listener) redrew
//   the items at once, although the range change had already scheduled a full redraw for the next frame: now that
//   redraw draws it. Changes at any other time (a filter) are still drawn at once, as published, but for a remove,
//   whose redraw waits for the end of the task: a filter's remove and add then take one redraw, not two.
// - a redraw laid the page out more than once: the lanes read their sizes after the time axis had written its labels,
//   and again after their items were drawn, and each lane drew and measured the items coming into view on its own (a
//   layout per lane). Now the axis writes its labels once every component has read its sizes, a lane's size (and its
//   label's) is read once, before any item is drawn (items are absolutely placed and cannot change it), and the items
//   coming into view in all lanes are drawn in one batch: all writes, then all reads. A zoom's redraw lays the page
//   out once (the browser's own layout at the end of the frame), one that brings a new display plan into view twice.
// - an item removed from the DataSet (a filter hiding it) was thrown away with its DOM, and made, drawn and measured
//   anew when added again (the filter undone): now the latest removed items are kept, and one added again with the
//   same data is put back as it was, as vis-timeline puts back an item scrolled out of view and back.
// - a redraw judged every lane in view or not by where it sat before the redraw, so a filter that stacks new rows in
//   the top lanes had the lanes it pushed below the fold draw and measure their new items, hidden at the next redraw:
//   now a redraw with the window where it was takes the lanes top-down, each placed below the lane above as it now is.
// - the resize poll (once a second) redrew the whole timeline when the timeline's size differed from the one it had
//   seen at its previous poll, although a redraw at the new size had already been made (the app redraws when its
//   ResizeObserver reports a change): after every resize, and once after a page opened, a second full redraw up to a
//   second later, often in the middle of the first filter. Now a redraw records the size it drew at, and a
//   ResizeObserver on the timeline runs the same check at once when its size changes (the app no longer calls
//   redraw() on a resize: that measures every item anew, 10-25 ms, which a new size does not need).
// - vis-timeline draws ahead the items starting within a quarter of the window's width either side of it, but on every
//   redraw it first hid each drawn item outside the window itself (taking its element out of the page), and then
//   found it again in that margin and put it back: 5-47 items out and in again on every wheel step of a zoom, each a
//   removal and an insertion for the browser to restyle and lay out. Now an item is taken out only when it is
//   neither in the window nor in the margin, once the lane's items to draw are all known.
// Each gives what the code it replaces gives once the redraw is done. Each replacement must match vis-timeline's
// text exactly; if an upgrade changes it, the build fails here rather than silently losing the fast path. They apply
// wherever the app runs: the build, the dev server's pre-bundled dependencies and the tests. The benchmark's plain
// vis-timeline pages run vis-timeline as published.
import type { Plugin } from 'vite';

const MODULE = /[\\/]vis-timeline[\\/]esnext[\\/]esm[\\/]vis-timeline-graph2d\.m?js$/;

interface Replacement {
  readonly why: string;
  readonly find: string;
  readonly replace: string;
}

const ITEM_LOCALES_BEFORE = `    this.options = availableUtils.extend({}, this.defaultOptions, options);
    this.options.locales = availableUtils.extend({}, locales, this.options.locales);
    const defaultLocales =
      this.defaultOptions.locales[this.defaultOptions.locale];
    Object.keys(this.options.locales).forEach((locale) => {
      this.options.locales[locale] = availableUtils.extend(
        {},
        defaultLocales,
        this.options.locales[locale],
      );
    });
`;

const ITEM_LISTENERS_BEFORE = `    this.itemListeners = {
      add(_event, params) {
        me._onAdd(params.items);
        if (me.options.cluster) {
          me.clusterGenerator.setItems(me.items, {
            applyOnChangedLevel: false,
          });
        }
        me.redraw();
      },
      update(_event, params) {
        me._onUpdate(params.items);
        if (me.options.cluster) {
          me.clusterGenerator.setItems(me.items, {
            applyOnChangedLevel: false,
          });
        }
        me.redraw();
      },
      remove(_event, params) {
        me._onRemove(params.items);
        if (me.options.cluster) {
          me.clusterGenerator.setItems(me.items, {
            applyOnChangedLevel: false,
          });
        }
        me.redraw();
      },
    };
`;

export const REPLACEMENTS: readonly Replacement[] = [
  {
    why: 'Item constructor: merged locales shared',
    find: ITEM_LOCALES_BEFORE,
    replace: `    this.options = availableUtils.extend({}, this.defaultOptions, options);
    this.options.locales = __itemLocales(this.options.locales, this.defaultOptions.locales[this.defaultOptions.locale]);
`,
  },
  {
    why: 'Group.add: a new item drawn by the redraw that follows, in its batch',
    find: `    if (!this.visibleItems.includes(item)) {
      const range = this.itemSet.body.range; // TODO: not nice accessing the range like this
      this._checkIfVisible(item, this.visibleItems, range);
    }
  }
`,
    // An item that is somehow still drawn is placed or hidden at once, as before.
    replace: `    if (item.displayed && !this.visibleItems.includes(item)) {
      const range = this.itemSet.body.range;
      this._checkIfVisible(item, this.visibleItems, range);
    }
  }
`,
  },
  {
    why: 'TimeAxis.redraw: labels redrawn only when what they follow from changed (start)',
    find: `    //  take foreground and background offline while updating (is almost twice as fast)
    const foregroundNextSibling = foreground.nextSibling;
`,
    replace: `    const labelsKey = __timeAxisLabelsKey(this);
    if (!parentChanged && labelsKey !== this.__labelsKey) {
      this.__labelsKey = labelsKey;
      this.__repaintPending = true;
    }
    if (parentChanged) {
    this.__labelsKey = labelsKey;
    //  take foreground and background offline while updating (is almost twice as fast)
    const foregroundNextSibling = foreground.nextSibling;
`,
  },
  {
    why: 'TimeAxis.redraw: labels redrawn only when what they follow from changed (end)',
    find: `      this.body.dom.backgroundVertical.appendChild(background);
    }
    return this._isResized() || parentChanged;
  }
`,
    replace: `      this.body.dom.backgroundVertical.appendChild(background);
    }
    }
    return this._isResized() || parentChanged;
  }
`,
  },
  {
    why: 'TimeAxis.setOptions: labels redrawn after any option',
    find: `      // deep copy the format options
      availableUtils.selectiveDeepExtend(["format"], this.options, options);
`,
    replace: `      this.__labelsKey = undefined;
      // deep copy the format options
      availableUtils.selectiveDeepExtend(["format"], this.options, options);
`,
  },
  {
    why: 'Core: a range change marks the redraw it schedules for the next frame',
    find: `    this.on("rangechange", () => {
      if (this.initialDrawDone === true) {
        this._redraw();
      }
    });
`,
    replace: `    this.on("rangechange", () => {
      if (this.initialDrawDone === true) {
        this.body.rangeRedrawPending = true;
        this._redraw();
      }
    });
`,
  },
  {
    why: 'Core._redraw: the marked redraw is under way',
    find: `  _redraw() {
    this.redrawCount++;
`,
    replace: `  _redraw() {
    if (this.body) this.body.rangeRedrawPending = false;
    this.redrawCount++;
`,
  },
  {
    why: 'Core._redraw: the size it draws at recorded, so the resize poll does not redraw again at that size',
    find: `    if (!dom || !dom.container || dom.root.offsetWidth == 0) return; // when destroyed, or invisible
`,
    replace: `    if (!dom || !dom.container || dom.root.offsetWidth == 0) return; // when destroyed, or invisible
    this.props.lastWidth = dom.root.offsetWidth;
    this.props.lastHeight = dom.root.offsetHeight;
`,
  },
  {
    why: 'Core._startAutoResize: a resize of the timeline noticed at once, not at the next poll',
    find: `    this.watchTimer = setInterval(this._onResize, 1000);
  }
`,
    replace: `    this.watchTimer = setInterval(this._onResize, 1000);
    if (typeof ResizeObserver === "function" && me.dom.root) {
      this.__resizeObserver = new ResizeObserver(() => {
        if (me._onResize) me._onResize();
      });
      this.__resizeObserver.observe(me.dom.root);
    }
  }
`,
  },
  {
    why: 'Core._stopAutoResize: the resize observer stopped too',
    find: `    // remove event listener on window.resize
    if (this._onResize) {
`,
    replace: `    if (this.__resizeObserver) {
      this.__resizeObserver.disconnect();
      this.__resizeObserver = undefined;
    }
    // remove event listener on window.resize
    if (this._onResize) {
`,
  },
  {
    why: 'ItemSet: a DataSet change while the redraw of a range change is pending is drawn by that redraw',
    find: ITEM_LISTENERS_BEFORE,
    // Each of the three listeners (add, update, remove) ends in the same call; a remove's redraw waits for the end of
    // the task, where an add or update made after it has redrawn already.
    replace: (() => {
      const [addAndUpdate = '', remove = ''] = ITEM_LISTENERS_BEFORE.split('      remove(_event, params) {\n');
      return (
        addAndUpdate.replaceAll('        me.redraw();\n', '        if (!me.body.rangeRedrawPending) __redrawForChange(me);\n') +
        '      remove(_event, params) {\n' +
        remove.replace('        me.redraw();\n', '        if (!me.body.rangeRedrawPending) __redrawAfterRemove(me);\n')
      );
    })(),
  },
  {
    why: 'TimeAxis minor label: text set only when it changed',
    find: `    this.dom.minorTexts.push(label);
    label.innerHTML = availableUtils.xss(text);
`,
    replace: `    this.dom.minorTexts.push(label);
    if (label.__visText !== text) {
      label.__visText = text;
      __setAxisLabelText(label, text);
    }
`,
  },
  {
    why: 'TimeAxis major label: text set only when it changed',
    find: `    label.childNodes[0].innerHTML = availableUtils.xss(text);
    label.className = \`vis-text vis-major \${className}\`;
`,
    replace: `    if (label.__visText !== text) {
      label.__visText = text;
      __setAxisLabelText(label.childNodes[0], text);
    }
    label.className = \`vis-text vis-major \${className}\`;
`,
  },
  {
    why: 'Core._redraw: the time axis repainted once every component has read its sizes',
    find: `    // redraw all components
    this.components.forEach((component) => {
      resized = component.redraw() || resized;
    });
`,
    replace: `    // redraw all components
    this.components.forEach((component) => {
      resized = component.redraw() || resized;
    });
    this.components.forEach((component) => {
      if (component.__repaintPending) {
        component.__repaintPending = false;
        component.dom.foreground.style.height = \`\${component.props.height}px\`;
        component._repaintLabels();
      }
    });
`,
  },
  {
    why: 'ItemSet.redraw: the frame\'s width read before any item is drawn',
    find: `    // update class name
    frame.className = "vis-itemset";
`,
    replace: `    const frameWidth = frame.offsetWidth;
    // update class name
    frame.className = "vis-itemset";
`,
  },
  {
    why: 'ItemSet.redraw: the frame\'s width as read before',
    find: `    // calculate actual size
    this.props.width = frame.offsetWidth;
    this.props.height = height;
`,
    replace: `    // calculate actual size
    this.props.width = frameWidth;
    this.props.height = height;
`,
  },
  {
    why: 'Group: the label\'s size read with the group\'s, before any item is drawn',
    find: `  _calculateGroupSizeAndPosition() {
    const { offsetTop, offsetLeft, offsetWidth } = this.dom.foreground;
    this.top = offsetTop;
    this.right = offsetLeft;
    this.width = offsetWidth;
  }
`,
    replace: `  _calculateGroupSizeAndPosition() {
    const { offsetTop, offsetLeft, offsetWidth } = this.dom.foreground;
    this.top = offsetTop;
    this.right = offsetLeft;
    this.width = offsetWidth;
    this.__labelWidth = this.dom.inner.clientWidth;
    this.__labelHeight = this.dom.inner.clientHeight;
  }
`,
  },
  {
    why: 'Group._didResize: the label\'s size as read before the items were drawn',
    find: `    const labelWidth = this.dom.inner.clientWidth;
    const labelHeight = this.dom.inner.clientHeight;
`,
    replace: `    const labelWidth = this.__labelWidth;
    const labelHeight = this.__labelHeight;
`,
  },
  {
    why: 'Group.redraw: the step that judges the lane in view marked, after those that read its sizes',
    find: `      // calculate actual size and position
      this._calculateGroupSizeAndPosition.bind(this),

      () => {
        this.isVisible = this._isGroupVisible.bind(this)(range, margin);
      },
`,
    replace: `      // calculate actual size and position
      this._calculateGroupSizeAndPosition.bind(this),

      Object.assign(() => {
        this.isVisible = this._isGroupVisible.bind(this)(range, margin);
      }, { __judgesLaneInView: true }),
`,
  },
  {
    why: 'Group.redraw: its size and position not read again after its items were drawn',
    find: `      // calculate actual size and position again
      this._calculateGroupSizeAndPosition.bind(this),
`,
    replace: `      // (fast path) size and position as read before the items were drawn: absolutely placed items cannot change them
      () => {},
`,
  },
  {
    why: 'Group.redraw: the items coming into view in every lane drawn in one batch',
    find: `      () => {
        this._redrawItems.bind(this)(
          forceRestack,
          lastIsVisible,
          margin,
          range,
        );
      },
`,
    // The ItemSet runs each step for every lane before the next step: the first collects each lane's new items, the
    // second draws them all, step by step (all DOM writes, then all reads); _redrawItems then finds them drawn.
    replace: `      () => __collectNewItems(this, forceRestack, lastIsVisible, range),
      () => __drawNewItems(this.itemSet),
      () => {
        this._redrawItems.bind(this)(
          forceRestack,
          lastIsVisible,
          margin,
          range,
        );
      },
`,
  },
  {
    why: 'Group._updateItemsInRange: new items queued while collecting',
    find: `    this._sortVisibleItems(
      orderedItems.byStart,
      visibleItems,
      visibleItemsLookup,
    );

    const redrawQueue = {};
`,
    replace: `    this._sortVisibleItems(
      orderedItems.byStart,
      visibleItems,
      visibleItemsLookup,
    );

    if (this.__collectingNewItems) {
      for (let i = 0; i < visibleItems.length; i++) {
        if (!visibleItems[i].displayed) this.itemSet.__newItemQueues.push(visibleItems[i].redraw(true));
      }
      return visibleItems;
    }

    const redrawQueue = {};
`,
  },
  {
    why: 'ItemSet._onRemove: an item removed from the DataSet kept with its DOM and sizes',
    find: `      const item = me.items[id];
      if (item) {
        count++;
        me._removeItem(item);
      }
`,
    replace: `      const item = me.items[id];
      if (item) {
        count++;
        me._removeItem(item);
        __keepRemovedItem(me, id, item);
      }
`,
  },
  {
    why: 'ItemSet._onUpdate: an item added again with the data it was removed with is the item kept',
    find: `        if (constructor) {
          item = new constructor(itemData, me.conversion, me.options);
`,
    replace: `        if (constructor) {
          item = __takeRemovedItem(me, id, itemData, constructor) ?? new constructor(itemData, me.conversion, me.options);
`,
  },
  {
    why: 'ItemSet.markDirty: items to be drawn anew drop the items kept',
    find: `    if (options) {
      if (options.refreshItems) {
        availableUtils.forEach(this.items, (item) => {
`,
    replace: `    if (options) {
      if (options.refreshItems) {
        this.__removedItems?.clear();
        availableUtils.forEach(this.items, (item) => {
`,
  },
  {
    why: 'ItemSet.redraw: with the window unmoved, lanes redrawn one after another from the top',
    find: `      for (let i = 0; i < redrawQueueLength; i++) {
        availableUtils.forEach(redrawQueue, (fns, key) => {
          redrawResults[key] = fns[i]();
        });
      }
`,
    replace: `      if (!__redrawLanesTopDown(this, redrawQueue, redrawResults, forceRestack))
      for (let i = 0; i < redrawQueueLength; i++) {
        availableUtils.forEach(redrawQueue, (fns, key) => {
          redrawResults[key] = fns[i]();
        });
      }
`,
  },
  {
    why: 'convert to Date without moment',
    find: `    case "Date":
      try {
        return convert(object, "Moment").toDate();`,
    replace: `    case "Date":
      if (object instanceof Date) return new Date(object.valueOf());
      if (isNumber(object)) return new Date(object.valueOf());
      try {
        return convert(object, "Moment").toDate();`,
  },
  {
    why: 'typeCoerceDataSet: removed items taken out of the coerced DataSet by id, not converted first',
    // The pipe converts each removed item (every field, dates again) only to read its id, which the conversion keeps
    // (a field with no type is passed through). The listener is read when the pipe starts, so it is set before.
    find: `    .to(coercedDS);

  pipe.all().start();
`,
    replace: `    .to(coercedDS);

  pipe._listeners.remove = (_name, payload) => {
    if (payload != null) coercedDS.remove(payload.items);
  };
  pipe.all().start();
`,
  },
  {
    why: 'Group._updateItemsInRange: items in the margins kept in the page, not taken out and put back',
    find: `    if (oldVisibleItems.length > 0) {
      for (let i = 0; i < oldVisibleItems.length; i++) {
        this._checkIfVisibleWithReference(
          oldVisibleItems[i],
          visibleItems,
          visibleItemsLookup,
          range,
        );
      }
    }
`,
    replace: `    const leaving = [];
    if (oldVisibleItems.length > 0) {
      for (let i = 0; i < oldVisibleItems.length; i++) {
        __checkIfInRange(oldVisibleItems[i], visibleItems, visibleItemsLookup, range, leaving);
      }
    }
`,
  },
  {
    why: 'Group._updateItemsInRange: items in the margins kept in the page (end)',
    find: `    for (let i = 0; i < orderedItems.byEnd.length; i++) {
      this._checkIfVisibleWithReference(
        orderedItems.byEnd[i],
        visibleItems,
        visibleItemsLookup,
        range,
      );
    }

    this._sortVisibleItems(
`,
    replace: `    for (let i = 0; i < orderedItems.byEnd.length; i++) {
      __checkIfInRange(orderedItems.byEnd[i], visibleItems, visibleItemsLookup, range, leaving);
    }
    for (const item of leaving) {
      if (item.displayed && visibleItemsLookup[item.id] === undefined) item.hide();
    }

    this._sortVisibleItems(
`,
  },
];

// Appended to the module: the merge the Item constructor did, once per locales object (the built-in set, or a
// timeline's \`locales\` option) and default locale.
export const ITEM_LOCALES_HELPER = `
const __mergedItemLocales = new WeakMap();
const __noLocalesOption = {};
function __itemLocales(given, defaultLocale) {
  const key = given ?? __noLocalesOption;
  let byDefault = __mergedItemLocales.get(key);
  if (!byDefault) __mergedItemLocales.set(key, (byDefault = new Map()));
  let merged = byDefault.get(defaultLocale);
  if (!merged) {
    merged = availableUtils.extend({}, locales, given);
    Object.keys(merged).forEach((locale) => {
      merged[locale] = availableUtils.extend({}, defaultLocale, merged[locale]);
    });
    byDefault.set(defaultLocale, merged);
  }
  return merged;
}
`;

// Appended too: everything a time axis's labels and grid lines follow from, but its options (a change of option clears
// the key): the window, the width of the timeline's centre (time to pixels), the axis's height and its measured sizes.
export const TIME_AXIS_LABELS_KEY_HELPER = `
function __timeAxisLabelsKey(axis) {
  const { props, body } = axis;
  return [
    body.range.start, body.range.end, body.domProps.center.width, body.domProps.top.height,
    props.minorCharWidth, props.minorCharHeight, props.majorCharWidth, props.majorCharHeight,
    props.minorLabelHeight, props.majorLabelHeight, props.minorLineHeight, props.majorLineHeight, props.height,
  ].join();
}
`;

// Appended too: a label's text. Sanitised text with no markup or entity makes one text node, so it is set as that
// node's value (no HTML parsing, no new node); anything else goes the published way.
export const AXIS_LABEL_TEXT_HELPER = `
function __setAxisLabelText(element, text) {
  const clean = availableUtils.xss(text);
  if (typeof clean === "string" && clean !== "" && !/[<>&]/.test(clean) && element.childNodes.length === 1 && element.firstChild.nodeType === 3) {
    element.firstChild.nodeValue = clean;
  } else {
    element.innerHTML = clean;
  }
}
`;

// Appended too: the items a lane's redraw is about to show for the first time, found as _redrawItems will find them
// (only when it restacks, with the same items and the same window), and their drawing queues run for every lane at
// once: each item's DOM written, then every item measured (one layout, not one per lane), then sized.
export const NEW_ITEMS_HELPER = `
function __collectNewItems(group, forceRestack, lastIsVisible, range) {
  if (!(forceRestack || group.stackDirty || (group.isVisible && !lastIsVisible))) return;
  if (!group.itemSet.__newItemQueues) group.itemSet.__newItemQueues = [];
  group.__collectingNewItems = true;
  try {
    group._updateItemsInRange(
      {
        byEnd: group.orderedItems.byEnd.filter((item) => !item.isCluster),
        byStart: group.orderedItems.byStart.filter((item) => !item.isCluster),
      },
      group.visibleItems.filter((item) => !item.isCluster),
      range,
    );
  } finally {
    group.__collectingNewItems = false;
  }
}
function __drawNewItems(itemSet) {
  const queues = itemSet.__newItemQueues;
  if (!queues || !queues.length) return;
  itemSet.__newItemQueues = [];
  const steps = Math.max(...queues.map((queue) => queue.length));
  for (let step = 0; step < steps; step++) {
    for (const queue of queues) if (step < queue.length) queue[step]();
  }
}
`;

// Appended too: items removed from the DataSet, kept (the latest 2,000) with their DOM and measured sizes, and taken
// back when an item is added again with the same id, type and data (each field the same value, dates the same time, a
// plain object's fields the same values: data made anew from the same facts, such as the app's "N events" blocks). A
// filter shown and hidden again, or a window moved back, then draws it as vis-timeline draws an item scrolled back into
// view: put back in its lane (which stacks its items anew), no template run, no element made, nothing measured. Only
// an item drawn, not since marked to be drawn anew (by any option or redraw(), which drop the kept items too) and not
// selected is kept; none with clustering, whose clusters hold items of their own.
export const REMOVED_ITEMS_HELPER = `
const __REMOVED_ITEMS_KEPT = 2000;
function __keepRemovedItem(itemSet, id, item) {
  if (!item.dom || item.dirty || item.selected || itemSet.options.cluster) return;
  if (!itemSet.__removedItems) itemSet.__removedItems = new Map();
  const kept = itemSet.__removedItems;
  kept.delete(id);
  kept.set(id, item);
  if (kept.size > __REMOVED_ITEMS_KEPT) kept.delete(kept.keys().next().value);
}
function __takeRemovedItem(itemSet, id, data, constructor) {
  const kept = itemSet.__removedItems;
  const item = kept && kept.get(id);
  if (!item) return undefined;
  kept.delete(id);
  return item.constructor === constructor && __sameItemData(item.data, data) ? item : undefined;
}
function __sameFields(before, now, same) {
  const keys = Object.keys(before);
  if (keys.length !== Object.keys(now).length) return false;
  return keys.every((key) => Object.prototype.hasOwnProperty.call(now, key) && same(before[key], now[key]));
}
function __isPlainObject(value) {
  return value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype;
}
function __sameItemData(before, now) {
  return __sameFields(before, now, (a, b) =>
    a === b ||
    (a instanceof Date && b instanceof Date && a.getTime() === b.getTime()) ||
    (__isPlainObject(a) && __isPlainObject(b) && __sameFields(a, b, (x, y) => x === y)));
}
`;

// Appended too: a redraw with the window where it was (a DataSet change: a filter) takes the lanes one after another,
// from the top, each placed right below the lane above it as that lane now is, and judged in or out of view from
// there. Published, every lane is judged by the place it had before the redraw, so a filter that stacks new rows in
// the top lanes had the lanes below draw and measure their new items, then found them pushed out of view. The steps
// that read the lanes' sizes still run for every lane first (one layout); then the lanes go top-down, each with the
// rest of its steps. It runs only while the lanes sit as this reckons, each lane's top the one above's top and
// height; otherwise, and when the window moved (new items in every lane, measured in one batch), the published order.
export const LANES_TOP_DOWN_HELPER = `
function __redrawLanesTopDown(itemSet, queues, results, forceRestack) {
  if (forceRestack) return false;
  const ids = itemSet.groupIds;
  if (ids.length < 2 || Object.keys(queues).length !== ids.length) return false;
  const lanes = ids.map((id) => itemSet.groups[id]);
  if (lanes.some((lane) => !lane || !queues[lane.groupId])) return false;
  const steps = queues[lanes[0].groupId].length;
  const judged = queues[lanes[0].groupId].findIndex((step) => step.__judgesLaneInView);
  if (judged < 0) return false;
  const run = (lane, step) => {
    results[lane.groupId] = queues[lane.groupId][step]();
  };
  for (let step = 0; step < judged; step++) for (const lane of lanes) run(lane, step);
  const asReckoned = lanes.every((lane, k) => k === 0 || lane.top === lanes[k - 1].top + lanes[k - 1].height);
  if (!asReckoned) {
    for (let step = judged; step < steps; step++) for (const lane of lanes) run(lane, step);
    return true;
  }
  let top = lanes[0].top;
  for (const lane of lanes) {
    lane.top = top;
    for (let step = judged; step < steps; step++) run(lane, step);
    top += lane.height;
  }
  return true;
}
`;

// Appended too: Group._checkIfVisibleWithReference, but an item that fails its test (in the window) is only noted:
// _updateItemsInRange hides it after its search over the margins, if that did not find it either.
export const MARGIN_ITEMS_HELPER = `
function __checkIfInRange(item, visibleItems, visibleItemsLookup, range, leaving) {
  if (item.isVisible(range)) {
    if (visibleItemsLookup[item.id] === undefined) {
      visibleItemsLookup[item.id] = true;
      visibleItems.push(item);
    }
  } else if (item.displayed) {
    leaving.push(item);
  }
}
`;

// Appended too: a DataSet remove's redraw put off to the end of the task (a microtask). A filter's new plan is one remove
// and one add, in one task: the add's redraw draws both, so the remove's (a full redraw, a forced layout) is dropped.
// A remove alone is still drawn before the browser renders the next frame.
export const REMOVE_REDRAW_HELPER = `
function __redrawAfterRemove(itemSet) {
  if (itemSet.__redrawAfterRemove) return;
  itemSet.__redrawAfterRemove = true;
  queueMicrotask(() => {
    if (!itemSet.__redrawAfterRemove) return;
    itemSet.__redrawAfterRemove = false;
    if (itemSet.body) itemSet.redraw();
  });
}
function __redrawForChange(itemSet) {
  itemSet.__redrawAfterRemove = false;
  itemSet.redraw();
}
`;

/**
 * Parts of vis-timeline's instance the app reads or sets, which its published types leave out
 * (src/components/timeline-view.tsx). An upgrade that renames one fails the build here instead of silently losing
 * what it does. (`_redraw`, which revealInLanes calls too, is checked by a replacement's text.)
 */
export const REQUIRED_INTERNALS: readonly { readonly why: string; readonly code: string }[] = [
  { why: 'the one-time fit the app marks done (a link keeps its window)', code: 'if (!me.initialFitDone && !me.options.rollingMode) {' },
  { why: 'the lanes scrolled to a selection (revealInLanes)', code: '  _setScrollTop(scrollTop) {' },
  { why: 'the height of the lanes in view (revealInLanes)', code: 'props.leftContainer.height = containerHeight;' },
  { why: 'the drawn items by id, with their lane and row (revealInLanes)', code: 'this.items = {}; // object with an Item for every data item' },
];

/** vis-timeline's module with the fast paths; throws if any replacement does not match exactly once. */
export function withFastPaths(code: string): string {
  for (const { why, code: internal } of REQUIRED_INTERNALS) {
    if (!code.includes(internal)) {
      throw new Error(`vis-timeline fast paths: the app relies on ${why}, and vis-timeline's code no longer has it; review src/components/timeline-view.tsx`);
    }
  }
  let patched = code;
  for (const { why, find, replace } of REPLACEMENTS) {
    const at = patched.indexOf(find);
    if (at === -1 || patched.indexOf(find, at + 1) !== -1) {
      throw new Error(`vis-timeline fast paths: "${why}" no longer matches vis-timeline's code exactly once; review scripts/vis-timeline-fast-paths.ts`);
    }
    patched = patched.slice(0, at) + replace + patched.slice(at + find.length);
  }
  return patched + ITEM_LOCALES_HELPER + TIME_AXIS_LABELS_KEY_HELPER + AXIS_LABEL_TEXT_HELPER + NEW_ITEMS_HELPER + REMOVED_ITEMS_HELPER + LANES_TOP_DOWN_HELPER + MARGIN_ITEMS_HELPER + REMOVE_REDRAW_HELPER;
}

const NAME = 'timeline-explorer-vis-timeline-fast-paths';

function transform(code: string, id: string): { code: string; map: null } | undefined {
  if (!MODULE.test(id)) return undefined;
  return { code: withFastPaths(code), map: null };
}

/**
 * The fast paths for the build and the tests (with vis-timeline inlined, so that it passes through Vite's plugins),
 * and for the dev server's pre-bundling of dependencies, which does not.
 */
export function visTimelineFastPaths(): Plugin {
  return {
    name: NAME,
    transform,
    config: () => ({ optimizeDeps: { rolldownOptions: { plugins: [{ name: `${NAME}:deps`, transform }] } } }),
  };
}
