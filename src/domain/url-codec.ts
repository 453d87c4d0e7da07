// The URL codec: the whole view state as a short, readable query string, and back.
// A link is user input: each key is parsed on its own to valid, invalid (with a reason) or missing; bad parts fall
// back to the default with a plain-sentence notice, good parts are kept, and parsing never throws.
import type { IndexedDataset } from './dataset.ts';
import { formatIsoDay, makeLocalDate, parseIsoDay } from './partial-date.ts';
import { DEFAULT_VIEW_STATE, type TimeWindow, type ViewMode, type ViewState } from './view-state.ts';

/** Every key the URL may carry, in the order links are written. */
export const URL_KEYS = [
  'data',
  'tour',
  'event',
  'country',
  'actor',
  'type',
  'q',
  'from',
  'to',
  'view',
  'context',
  'present',
  'reveal',
  'embed',
] as const;
export type UrlKey = (typeof URL_KEYS)[number];

export const URL_LIMITS = {
  /** Longer links are read only this far, which bounds the work on hostile input. */
  searchLength: 100_000,
  queryCodePoints: 500,
  dataUrlLength: 2_000,
  idsPerList: 100,
  /** User text quoted in a notice is cut to this many characters. */
  quotedCodePoints: 60,
} as const;

/** A plain sentence for a dismissible on-page notice; rendered as text, never HTML. */
export interface UrlNotice {
  /** The parameter it is about; undefined for unknown parameters or the link as a whole. */
  readonly key: UrlKey | undefined;
  readonly message: string;
}

/** The ids a link may name, taken from the loaded dataset. */
export interface UrlAllowLists {
  readonly eventIds: ReadonlySet<string>;
  readonly countryIds: ReadonlySet<string>;
  readonly actorIds: ReadonlySet<string>;
  readonly typeIds: ReadonlySet<string>;
  /** Guided tours; a link to a tour is refused when this is absent. */
  readonly tourIds?: ReadonlySet<string>;
  /** Names an event in a suggestion ("Did you mean 'Benazir Bhutto assassinated'?"). */
  readonly eventLabel?: (id: string) => string;
}

export interface ParsedViewState {
  readonly state: ViewState;
  readonly notices: UrlNotice[];
}

export function allowListsFromIndex(index: IndexedDataset): UrlAllowLists {
  return {
    eventIds: new Set(index.eventsById.keys()),
    countryIds: new Set(index.countriesById.keys()),
    actorIds: new Set(index.actorsById.keys()),
    typeIds: new Set(index.typesById.keys()),
    tourIds: new Set(index.toursById.keys()),
    eventLabel: (id) => index.eventsById.get(id)?.record.title ?? id,
  };
}

/** The query string for a view, without '?'; only what differs from the default, so the default view is ''. */
export function serialiseViewState(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.dataUrl) params.set('data', state.dataUrl);
  if (state.tour) params.set('tour', state.tour);
  if (state.selectedEventId) params.set('event', state.selectedEventId);
  if (state.countries.length) params.set('country', state.countries.join(','));
  if (state.actors.length) params.set('actor', state.actors.join(','));
  if (state.types.length) params.set('type', state.types.join(','));
  if (state.query) params.set('q', state.query);
  const days = windowToDays(state.window);
  if (days) {
    params.set('from', days.from);
    params.set('to', days.to);
  }
  if (state.view === 'list') params.set('view', 'list');
  if (!state.showContext) params.set('context', '0');
  if (state.present) params.set('present', '1');
  if (state.reveal) params.set('reveal', '1');
  if (state.embed) params.set('embed', '1');
  // ',', ':' and '/' mean nothing special inside a query value, so leave them readable (ids and data URLs).
  return params.toString().replace(/%2C|%3A|%2F/g, (escape) => READABLE[escape] ?? escape);
}

const READABLE: Readonly<Record<string, string>> = { '%2C': ',', '%3A': ':', '%2F': '/' };

/** True when the view's link carries nothing: serialising it gives ''. */
export function isDefaultViewState(state: ViewState): boolean {
  return serialiseViewState(state) === '';
}

/** Reads a query string (with or without '?') into a view; never throws, whatever the string. */
export function parseViewState(search: string, allow: UrlAllowLists): ParsedViewState {
  try {
    return parseUnchecked(search, allow);
  } catch {
    // Defence in depth only: no input is known to reach here.
    return { state: DEFAULT_VIEW_STATE, notices: [{ key: undefined, message: 'Could not read the link; showing the default view.' }] };
  }
}

// Each key parses to one of these, as in owid-grapher's query-param parser.
type KeyResult<T> =
  | { readonly status: 'valid'; readonly value: T; readonly notes?: readonly string[] }
  | { readonly status: 'invalid'; readonly reason: string }
  | { readonly status: 'missing' };

const MISSING = { status: 'missing' } as const;
const valid = <T>(value: T, notes?: readonly string[]): KeyResult<T> => ({ status: 'valid', value, notes });
const invalid = (reason: string): KeyResult<never> => ({ status: 'invalid', reason });

function parseUnchecked(search: string, allow: UrlAllowLists): ParsedViewState {
  const notices: UrlNotice[] = [];
  const note = (key: UrlKey | undefined, message: string) => notices.push({ key, message });

  let text = String(search);
  if (text.length > URL_LIMITS.searchLength) {
    text = text.slice(0, URL_LIMITS.searchLength);
    note(undefined, `The link is too long; read only its first ${formatCount(URL_LIMITS.searchLength)} characters.`);
  }
  const { values, unknown, nameless } = readParams(text);

  for (const key of URL_KEYS) {
    const first = values.get(key);
    const count = first?.count ?? 0;
    if (count > 1) note(key, `'${key}' was given ${count === 2 ? 'twice' : `${count} times`}; used the first.`);
    if (first?.broken) note(key, `Ignored ${PARTS[key]} (${key}=${clip(first.written)}): ${first.broken}.`);
  }
  if (unknown.length) note(undefined, unknownParametersMessage(unknown));
  if (nameless.length) note(undefined, `Ignored ${quote(`=${nameless[0] ?? ''}`)}${nameless.length > 1 ? ` and ${nameless.length - 1} more` : ''}: a value needs a parameter name.`);

  // Empty values ("country=") mean the same as leaving the key out. A value whose escapes are broken is left out
  // whole (noted above): its decoded text, with U+FFFD in place of the bad bytes, is not what was meant.
  const given = (key: UrlKey): string | undefined => values.get(key)?.value || undefined;
  const raw = (key: UrlKey): string | undefined => (values.get(key)?.broken ? undefined : given(key));
  const take = <T>(key: UrlKey, result: KeyResult<T>, fallback: T): T => {
    if (result.status === 'missing') return fallback;
    if (result.status === 'invalid') {
      note(key, result.reason);
      return fallback;
    }
    for (const message of result.notes ?? []) note(key, message);
    return result.value;
  };

  const dataUrl = take('data', parseDataUrl(raw('data')), DEFAULT_VIEW_STATE.dataUrl);
  const tour = take('tour', parseTourId(raw('tour'), allow), DEFAULT_VIEW_STATE.tour);
  const selectedEventId = take('event', parseEventId(raw('event'), allow), DEFAULT_VIEW_STATE.selectedEventId);
  const countries = take('country', parseIdList(raw('country'), allow.countryIds, NOUNS.country), DEFAULT_VIEW_STATE.countries);
  const actors = take('actor', parseIdList(raw('actor'), allow.actorIds, NOUNS.actor), DEFAULT_VIEW_STATE.actors);
  const types = take('type', parseIdList(raw('type'), allow.typeIds, NOUNS.type), DEFAULT_VIEW_STATE.types);
  const query = take('q', parseQuery(raw('q')), DEFAULT_VIEW_STATE.query);
  const from = take('from', parseDay('from', raw('from')), undefined);
  const to = take('to', parseDay('to', raw('to')), undefined);
  // A bad end is noted on its own; the other end then says nothing more.
  const window = take(given('from') === undefined ? 'to' : 'from', parseWindow(from, to, given('from'), given('to')), DEFAULT_VIEW_STATE.window);
  const view = take('view', parseView(raw('view')), DEFAULT_VIEW_STATE.view);
  const showContext = take('context', parseFlag('context', raw('context')), DEFAULT_VIEW_STATE.showContext);
  const present = take('present', parseFlag('present', raw('present')), DEFAULT_VIEW_STATE.present);
  const reveal = take('reveal', parseFlag('reveal', raw('reveal')), DEFAULT_VIEW_STATE.reveal);
  const embed = take('embed', parseFlag('embed', raw('embed')), DEFAULT_VIEW_STATE.embed);

  return {
    state: { countries, actors, types, query, showContext, selectedEventId, window, view, present, embed, reveal, tour, dataUrl, dataFile: undefined },
    notices,
  };
}

interface GivenValue {
  /** The first value, decoded. */
  readonly value: string;
  /** The first value as written in the link, before decoding. */
  readonly written: string;
  /** Why the first value's %-escapes cannot be read; undefined when they can. */
  readonly broken: string | undefined;
  /** How many times the key was given. */
  count: number;
}

interface RawParams {
  readonly values: ReadonlyMap<UrlKey, GivenValue>;
  readonly unknown: readonly string[];
  /** Values given with an empty name ("=x"). */
  readonly nameless: readonly string[];
}

/** What a part of a link is, for a notice about a value that could not be read at all. */
const PARTS: Readonly<Record<UrlKey, string>> = {
  data: 'the dataset address',
  tour: 'the guided tour',
  event: 'the event',
  country: 'the countries',
  actor: 'the actors',
  type: 'the event types',
  q: 'the search text',
  from: 'the start of the time window',
  to: 'the end of the time window',
  view: 'the view',
  context: 'the context events setting',
  present: 'the presentation setting',
  reveal: 'the reveal setting',
  embed: 'the embed setting',
};

function readParams(text: string): RawParams {
  const values = new Map<UrlKey, GivenValue>();
  const unknown = new Set<string>();
  const nameless: string[] = [];
  // Split as URLSearchParams does (one leading '?' dropped, empty pairs skipped, the name ends at the first '='), so
  // each value is also seen as written: URLSearchParams decodes bad escapes to U+FFFD, or keeps a lone '%', silently.
  const body = text.startsWith('?') ? text.slice(1) : text;
  for (const pair of body.split('&')) {
    if (!pair) continue;
    const equals = pair.indexOf('=');
    const name = decodeComponent(equals < 0 ? pair : pair.slice(0, equals));
    const written = equals < 0 ? '' : pair.slice(equals + 1);
    const value = decodeComponent(written);
    if (isUrlKey(name)) {
      const seen = values.get(name);
      if (seen) seen.count += 1;
      else values.set(name, { value, written, broken: brokenEscapes(written), count: 1 });
    } else if (name) unknown.add(name);
    else if (value) nameless.push(value);
  }
  return { values, unknown: [...unknown], nameless };
}

/** A name or value decoded as URLSearchParams decodes it: '+' as a space, bad escapes and lone surrogates as U+FFFD. */
function decodeComponent(written: string): string {
  if (!/[%+\uD800-\uDFFF]/.test(written)) return written;
  return new URLSearchParams(`v=${written}`).get('v') ?? '';
}

/** Why a value's %-escapes cannot be read as UTF-8 text, in words for a notice; undefined when they can. */
function brokenEscapes(written: string): string | undefined {
  if (!written.includes('%')) return undefined;
  if (/%(?![0-9A-Fa-f]{2})/.test(written)) return "a '%' must be followed by two hex digits (write % itself as %25)";
  try {
    decodeURIComponent(written);
    return undefined;
  } catch {
    return 'its %-escapes do not spell UTF-8 text';
  }
}

function isUrlKey(name: string): name is UrlKey {
  return (URL_KEYS as readonly string[]).includes(name);
}

function unknownParametersMessage(names: readonly string[]): string {
  const [first] = names;
  if (names.length === 1 && first !== undefined) {
    return `Ignored unknown parameter ${quote(first)}.${didYouMean(first, URL_KEYS)}`;
  }
  return `Ignored unknown parameters ${quoteList(names)}.`;
}

function parseEventId(text: string | undefined, allow: UrlAllowLists): KeyResult<string | undefined> {
  const id = text?.trim();
  if (!id) return MISSING;
  if (allow.eventIds.has(id)) return valid(id);
  const suggestion = closestId(id, allow.eventIds);
  const named = suggestion === undefined ? '' : ` Did you mean ${quote(allow.eventLabel?.(suggestion) ?? suggestion)}?`;
  return invalid(`No event called ${quote(id)}; showing the timeline.${named}`);
}

function parseTourId(text: string | undefined, allow: UrlAllowLists): KeyResult<string | undefined> {
  const id = text?.trim();
  if (!id) return MISSING;
  const tours = allow.tourIds ?? new Set<string>();
  if (tours.has(id)) return valid(id);
  return invalid(`No guided tour called ${quote(id)}; ignored it.${didYouMean(id, tours)}`);
}

interface Nouns {
  readonly one: string;
  readonly many: string;
}

const NOUNS = {
  country: { one: 'country', many: 'countries' },
  actor: { one: 'actor', many: 'actors' },
  type: { one: 'event type', many: 'event types' },
} as const satisfies Record<string, Nouns>;

function parseIdList(text: string | undefined, allowed: ReadonlySet<string>, nouns: Nouns): KeyResult<readonly string[]> {
  if (text === undefined) return MISSING;
  const unique = new Set(text.split(',').map((item) => item.trim()).filter(Boolean));
  if (!unique.size) return MISSING;
  const known = [...unique].filter((id) => allowed.has(id));
  const unknown = [...unique].filter((id) => !allowed.has(id));
  const notes: string[] = [];
  if (unknown.length) {
    const [only] = unknown;
    notes.push(
      unknown.length === 1 && only !== undefined
        ? `No ${nouns.one} called ${quote(only)}; ignored it.${didYouMean(only, allowed)}`
        : `No ${nouns.many} called ${quoteList(unknown)}; ignored them.`,
    );
  }
  if (known.length > URL_LIMITS.idsPerList) {
    notes.push(`Kept the first ${URL_LIMITS.idsPerList} ${nouns.many}; ignored ${known.length - URL_LIMITS.idsPerList} more.`);
  }
  const kept = known.slice(0, URL_LIMITS.idsPerList);
  // Nothing usable is the default view, but the notes still say why.
  return kept.length ? valid(kept, notes) : notes.length ? invalid(notes.join(' ')) : MISSING;
}

function parseQuery(text: string | undefined): KeyResult<string> {
  if (text === undefined) return MISSING;
  const max = URL_LIMITS.queryCodePoints;
  // `length` counts UTF-16 units, never fewer than code points, so most values skip the slower count.
  if (text.length <= max) return valid(text);
  const cut = firstCodePoints(text, max);
  return cut === text ? valid(text) : valid(cut, [`Cut the search text to its first ${max} characters.`]);
}

// Relative paths are resolved against a stand-in origin to see whether they stay on it.
const SAME_ORIGIN_BASE = 'https://same-origin.invalid/';
const SAME_ORIGIN = new URL(SAME_ORIGIN_BASE).origin;

function parseDataUrl(text: string | undefined): KeyResult<string | undefined> {
  if (text === undefined) return MISSING;
  const given = `data=${clip(text)}`;
  if (text.length > URL_LIMITS.dataUrlLength) {
    return invalid(`Ignored ${given}: the address is longer than ${formatCount(URL_LIMITS.dataUrlLength)} characters.`);
  }
  return isSafeDataUrl(text) ? valid(text) : invalid(`Ignored ${given}: only http(s) addresses or paths on this site can be loaded.`);
}

/** An absolute http(s) URL, or a relative path that stays on this site. */
function isSafeDataUrl(text: string): boolean {
  // Browsers strip outer spaces and drop tabs and newlines inside URLs, which can turn "/\t/x" into "//x".
  if (text !== text.trim() || /\p{Cc}/u.test(text)) return false;
  const absolute = /^https?:\/\//i.test(text);
  // Any other scheme, including "https:host" (resolved against an http page, it leaves the site).
  if (!absolute && /^[a-z][a-z0-9+.-]*:/i.test(text)) return false;
  if (!URL.canParse(text, SAME_ORIGIN_BASE)) return false;
  const url = new URL(text, SAME_ORIGIN_BASE);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  // WHATWG parsing catches "//host", "/\host" and "\\host", which leave the site.
  return absolute || url.origin === SAME_ORIGIN;
}

const DAY_HINT = 'use YYYY-MM-DD';

function parseDay(key: 'from' | 'to', text: string | undefined): KeyResult<number | undefined> {
  if (text === undefined) return MISSING;
  const date = parseIsoDay(text.trim());
  // Writing the day back catches days that a Date would roll over into the next month (2007-02-30).
  const isDay = date !== undefined && Number.isFinite(date.getTime()) && formatIsoDay(date) === text.trim();
  return isDay ? valid(date.getTime()) : invalid(`Ignored ${key}=${clip(text)}: not a date (${DAY_HINT}).`);
}

/** Both ends, in order; a bad end has already been noted, so only the ends' relation is judged here. */
function parseWindow(
  start: number | undefined,
  end: number | undefined,
  fromText: string | undefined,
  toText: string | undefined,
): KeyResult<TimeWindow | undefined> {
  if (start !== undefined && end !== undefined) {
    const from = (fromText ?? '').trim();
    const to = (toText ?? '').trim();
    if (end < start) return invalid(`Ignored the time window: 'to' (${to}) is before 'from' (${from}).`);
    if (end === start) return invalid(`Ignored the time window: 'to' (${to}) is the same day as 'from'.`);
    return valid({ start, end });
  }
  if (start !== undefined && toText === undefined) {
    return invalid(`Ignored from=${clip(fromText ?? '')}: a time window needs both 'from' and 'to'.`);
  }
  if (end !== undefined && fromText === undefined) {
    return invalid(`Ignored to=${clip(toText ?? '')}: a time window needs both 'from' and 'to'.`);
  }
  return MISSING;
}

function parseView(text: string | undefined): KeyResult<ViewMode> {
  if (text === undefined) return MISSING;
  if (text === 'list' || text === 'timeline') return valid(text);
  return invalid(`Ignored view=${clip(text)}: use view=list (or leave it out for the timeline).`);
}

function parseFlag(key: 'context' | 'present' | 'reveal' | 'embed', text: string | undefined): KeyResult<boolean> {
  if (text === undefined) return MISSING;
  if (text === '1') return valid(true);
  if (text === '0') return valid(false);
  return invalid(`Ignored ${key}=${clip(text)}: use ${key}=1 for on or ${key}=0 for off.`);
}

/** Day-aligned bounds covering the window: start rounds down, end up, to local midnight. */
function windowToDays(window: TimeWindow | undefined): { from: string; to: string } | undefined {
  if (!window || !Number.isFinite(window.start) || !Number.isFinite(window.end) || window.start >= window.end) return undefined;
  const start = new Date(window.start);
  const end = new Date(window.end);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return undefined;
  const endMidnight = makeLocalDate(end.getFullYear(), end.getMonth() + 1, end.getDate());
  const endDay = endMidnight.getTime() === window.end ? endMidnight : makeLocalDate(end.getFullYear(), end.getMonth() + 1, end.getDate() + 1);
  return { from: formatIsoDay(start), to: formatIsoDay(endDay) };
}

/** The one allowed id closest to a mistyped one, if it is only a typo away. */
function closestId(text: string, allowed: Iterable<string>): string | undefined {
  const typed = text.toLowerCase();
  const maxDistance = Math.min(2, Math.floor(typed.length / 4));
  let best: string | undefined;
  let bestDistance = maxDistance + 1;
  for (const candidate of allowed) {
    const distance = editDistanceWithin(typed, candidate.toLowerCase(), Math.min(maxDistance, bestDistance - 1));
    if (distance !== undefined && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function didYouMean(text: string, allowed: Iterable<string>): string {
  const suggestion = closestId(text, allowed);
  return suggestion === undefined ? '' : ` Did you mean ${quote(suggestion)}?`;
}

/** Levenshtein distance if it is at most `max`, else undefined; only a band of width 2·max+1 is computed. */
function editDistanceWithin(a: string, b: string, max: number): number | undefined {
  if (max < 0 || Math.abs(a.length - b.length) > max) return undefined;
  const over = max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => Math.min(j, over));
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1).fill(over);
    current[0] = Math.min(i, over);
    let rowMin = current[0];
    for (let j = Math.max(1, i - max); j <= Math.min(b.length, i + max); j++) {
      const substitute = (previous[j - 1] ?? over) + (a[i - 1] === b[j - 1] ? 0 : 1);
      const value = Math.min(substitute, (previous[j] ?? over) + 1, (current[j - 1] ?? over) + 1, over);
      current[j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return undefined;
    previous = current;
  }
  const distance = previous[b.length] ?? over;
  return distance <= max ? distance : undefined;
}

/** User text for a notice: control and direction-changing characters replaced, cut short, never HTML. */
function clip(text: string): string {
  const safe = text.replace(/[\p{Cc}\p{Cs}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu, '\uFFFD');
  const cut = firstCodePoints(safe, URL_LIMITS.quotedCodePoints);
  return cut === safe ? safe : `${cut}…`;
}

function quote(text: string): string {
  return `'${clip(text)}'`;
}

/** "'a'", "'a' and 'b'", "'a', 'b', 'c' and 4 more". */
function quoteList(items: readonly string[]): string {
  const shown = items.slice(0, 3).map(quote);
  const rest = items.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  if (shown.length < 2) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown.at(-1) ?? ''}`;
}

function firstCodePoints(text: string, max: number): string {
  if (text.length <= max) return text;
  let count = 0;
  let end = 0;
  for (const char of text) {
    if (count === max) return text.slice(0, end);
    count += 1;
    end += char.length;
  }
  return text;
}

function formatCount(value: number): string {
  return value.toLocaleString('en-GB');
}
