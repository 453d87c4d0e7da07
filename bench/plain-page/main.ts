// The baseline the app is measured against: the same records drawn by vis-timeline alone (vis-data DataSet, no React).
// ?config=default: vis-timeline's default options with the whole span in view (items stacked, added while visible).
// ?config=tuned: clustering on (its defaults), the initial window a tenth of the span, items loaded while the window
// is elsewhere.
import { DataSet, DataView } from 'vis-data/esnext';
import { Timeline, type TimelineOptions } from 'vis-timeline/esnext';
import 'vis-timeline/styles/vis-timeline-graph2d.min.css';
import { dataSpan, recordTimes, tunedWindow } from '../tuned-window.ts';

interface PlainRecord {
  id: string;
  country: string;
  type: string;
  title: string;
  start: string;
  end?: string;
}
interface PlainDataset {
  countries: { id: string; name: string }[];
  events: PlainRecord[];
}
interface PlainItem {
  id: string;
  group: string;
  start: number;
  end?: number;
  type: 'point' | 'range';
  content: string;
  /** Not `title`: vis-timeline would show it in its own tooltip, which the benchmark's hover would trigger. */
  label: string;
  eventType: string;
  searchText: string;
}

/** What the benchmark's filter and search steps set: only events of one type, and/or titles containing a text. */
interface PlainFilter {
  onlyType?: string;
  query?: string;
}

const params = new URLSearchParams(location.search);
const config = params.get('config') === 'tuned' ? 'tuned' : 'default';
const dataUrl = params.get('data') ?? '';
const FAR_AWAY = { start: Date.UTC(9000, 0, 1), end: Date.UTC(9001, 0, 1) };

function toItem(record: PlainRecord): PlainItem {
  const { start, end } = recordTimes(record);
  return {
    id: record.id,
    group: record.country,
    start,
    end,
    type: end ? 'range' : 'point',
    content: '',
    label: record.title,
    eventType: record.type,
    searchText: record.title.toLowerCase(),
  };
}

// Text nodes, never HTML: the same item template as the app, so both pay the same per-item DOM cost.
function template(item: PlainItem | undefined): HTMLElement {
  const element = document.createElement('span');
  element.textContent = item?.label ?? '';
  return element;
}

const response = await fetch(dataUrl);
const dataset = (await response.json()) as PlainDataset;
const itemList = dataset.events.map(toItem);
// From the items already made: the tuned page's first render must not pay for parsing the dates twice.
const span = dataSpan(itemList);
const groups = new DataSet(dataset.countries.map((country) => ({ id: country.id, content: country.name })));
const container = document.getElementById('timeline') as HTMLElement;

let filter: PlainFilter = {};
const matches = (item: PlainItem) =>
  (!filter.onlyType || item.eventType === filter.onlyType) && (!filter.query || item.searchText.includes(filter.query));
const allItems = new DataSet<PlainItem, 'id'>();
const items = new DataView(allItems, { filter: matches });

const baseOptions: TimelineOptions = { template, height: '560px' };
let timeline: Timeline;
if (config === 'default') {
  allItems.add(itemList);
  timeline = new Timeline(container, items, groups, { ...baseOptions, start: span.start, end: span.end });
} else {
  // Options start/end, because vis-timeline fits all data on its first redraw without them.
  const initial = tunedWindow(span);
  timeline = new Timeline(container, items, groups, { ...baseOptions, cluster: {}, ...initial });
  timeline.setWindow(FAR_AWAY.start, FAR_AWAY.end, { animation: false });
  allItems.add(itemList);
  timeline.setWindow(initial.start, initial.end, { animation: false });
  // vis-timeline reveals itself on the first redraw after 'rangechanged'; without this it waits for its 1 s poll.
  let revealed = false;
  timeline.on('rangechanged', () => {
    if (!revealed) timeline.redraw();
    revealed = true;
  });
}

// For the benchmark script only: the timeline and the data's span (to set the window before zooming) and a filter.
function benchFilter(next: PlainFilter): void {
  filter = next;
  items.refresh();
}
Object.assign(window, { benchTimeline: timeline, benchSpan: span, benchFilter });
