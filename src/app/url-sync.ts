// Keeps the address bar and the store in step: a link opens its view, each step the user takes is a history entry,
// panning, zooming and typing rewrite the current entry, and Back and Forward bring earlier views back. A file the
// user opened has no address, so the entries of its views name it in history.state, and Back and Forward show it
// again while the page keeps it.
import { useEffect } from 'react';
import { resolveLinkView } from '../domain/link-view.ts';
import { type UrlAllowLists, URL_KEYS, allowListsFromIndex, parseViewState } from '../domain/url-codec.ts';
import type { ViewState } from '../domain/view-state.ts';
import { type AppState, type AppStore, type OpenedFileRef, appStore, pickViewState } from '../store/app-store.ts';
import { selectLinkSearch } from '../store/selectors.ts';
import { KEPT_FILES, entryStateOf, fileOfEntry, findOpenedFile, isEntryState } from './opened-files.ts';

export interface UrlSyncOptions {
  /** Quiet time before a pan, zoom or search text is written: one replaceState for a burst of moves. */
  readonly replaceDelayMs?: number;
  /** Steps closer together than this share one history entry (a held arrow key is not a hundred steps). */
  readonly stepMergeMs?: number;
  /** History calls allowed per period: Safari throws after 100 in 30 seconds. */
  readonly maxCallsPerPeriod?: number;
  readonly periodMs?: number;
  readonly now?: () => number;
  /**
   * Runs a step's write once the browser is idle. A history call costs Chromium a few milliseconds (and a re-read
   * of the favicon) that the frames drawing the step need not wait for; the address follows them.
   */
  readonly whenIdle?: (run: () => void) => void;
}

/** Longest wait for an idle moment before a step is written anyway. */
const IDLE_TIMEOUT_MS = 250;
/** Where the browser has no idle callbacks (Safari): a wait that lets a change's frames be drawn first. */
const IDLE_FALLBACK_MS = 100;

type IdleWindow = Pick<Window, 'setTimeout'> & Partial<Pick<Window, 'requestIdleCallback'>>;

/** Runs `run` when the browser is next idle, and within IDLE_TIMEOUT_MS even if it is not. */
export function whenIdle(win: IdleWindow, run: () => void): void {
  if (typeof win.requestIdleCallback === 'function') win.requestIdleCallback(() => run(), { timeout: IDLE_TIMEOUT_MS });
  else win.setTimeout(run, IDLE_FALLBACK_MS);
}

const DEFAULTS: Required<Omit<UrlSyncOptions, 'whenIdle'>> = {
  replaceDelayMs: 300,
  stepMergeMs: 250,
  maxCallsPerPeriod: 60,
  periodMs: 30_000,
  now: () => Date.now(),
};

/** Keys whose changes rewrite the current entry; a change to any other key is a step of its own. */
const REPLACE_KEYS: ReadonlySet<string> = new Set(['from', 'to', 'q']);

const NO_IDS: ReadonlySet<string> = new Set();
const EMPTY_LISTS: UrlAllowLists = { eventIds: NO_IDS, countryIds: NO_IDS, actorIds: NO_IDS, typeIds: NO_IDS };

type WriteMode = 'push' | 'replace';

interface Write {
  mode: WriteMode;
  search: string;
  /** The file the view is of, named in the entry's state. */
  file: OpenedFileRef | undefined;
  /** The first view of another dataset: Back from the steps after it must find it as it opened. */
  opensDataset: boolean;
}

/** The link's data= on its own: it must be loaded before the rest of the link can be checked against it. */
export function readLinkDataUrl(search: string): string | undefined {
  return parseViewState(search, EMPTY_LISTS).state.dataUrl;
}

/** Whether the dataset a view asks for is the one in the store. */
function hasItsData(state: AppState): boolean {
  return state.data !== undefined && state.data.dataUrl === state.dataUrl && state.data.file?.key === state.dataFile;
}

/** The file the current view is of, once it is the one shown. */
function fileOfView(state: AppState): OpenedFileRef | undefined {
  const file = state.data?.file;
  return file !== undefined && file.key === state.dataFile ? file : undefined;
}

export function fileNotKeptMessage(name: string): string {
  return (
    `“${name}” is no longer open: files opened from this device are not kept after a reload (and only the last ` +
    `${KEPT_FILES} are kept). Open it again with Open dataset to see that view.`
  );
}

/** Which dataset a view is of: its link's data=, or the file its entry names (a file has no data=). */
function datasetOf(search: string, fileKey: string | undefined): string {
  return fileKey === undefined ? `data=${new URLSearchParams(search).get('data') ?? ''}` : `file=${fileKey}`;
}

/** A change that only moves the window or edits the search text rewrites the entry; anything else is a step. */
export function isStep(before: string, after: string): boolean {
  const a = new URLSearchParams(before);
  const b = new URLSearchParams(after);
  return URL_KEYS.some((key) => !REPLACE_KEYS.has(key) && a.get(key) !== b.get(key));
}

/** Starts syncing; returns the function that stops it. */
export function startUrlSync(store: AppStore, win: Window, options: UrlSyncOptions = {}): () => void {
  const { replaceDelayMs, stepMergeMs, maxCallsPerPeriod, periodMs, now } = { ...DEFAULTS, ...options };
  const runWhenIdle = options.whenIdle ?? ((run: () => void) => whenIdle(win, run));
  const { history, location } = win;

  /** A link waiting for its dataset; until it is applied, the store is not written to the address bar. */
  let pendingLink: string | undefined;
  /** What the current history entry holds, as far as this sync knows: its link and the key of the file it names. */
  let written = currentSearch();
  let writtenFile = fileOfEntry(history.state)?.key;
  /** The latest view asked for: `written` plus the writes still queued. */
  let target = written;
  let targetFile = writtenFile;
  const queue: Write[] = [];
  const callTimes: number[] = [];
  let lastStepAt = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** A step is queued, to be written when the browser is idle. */
  let waitingForIdle = false;
  /** Set while the sync itself changes the store, so that change is not written back as a step. */
  let applying = false;

  function currentSearch(): string {
    return location.search.replace(/^\?/, '');
  }

  function urlFor(search: string): string {
    return `${location.pathname}${search ? `?${search}` : ''}${location.hash}`;
  }

  function schedule(delay: number) {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      flush();
    }, Math.max(0, delay));
  }

  function cancel() {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    queue.length = 0;
  }

  /** Milliseconds until another history call is allowed; 0 if one is allowed now. */
  function budgetWait(): number {
    const time = now();
    while (callTimes.length && (callTimes[0] ?? 0) <= time - periodMs) callTimes.shift();
    return callTimes.length < maxCallsPerPeriod ? 0 : (callTimes[0] ?? time) + periodMs - time;
  }

  function callHistory(mode: WriteMode, search: string, file: OpenedFileRef | undefined) {
    callTimes.push(now());
    try {
      if (mode === 'push') history.pushState(entryStateOf(file), '', urlFor(search));
      else history.replaceState(entryStateOf(file), '', urlFor(search));
      written = search;
      writtenFile = file?.key;
    } catch {
      // A browser that refuses (rate limit, sandboxed frame) keeps the old address; the view itself is unharmed.
      // The next change or flush tries again with the latest view.
    }
  }

  function flush() {
    while (queue.length) {
      const wait = budgetWait();
      if (wait > 0) {
        schedule(wait);
        return;
      }
      const next = queue.shift();
      if (!next) break;
      if (next.mode === 'replace' && next.search === written && next.file?.key === writtenFile) continue;
      callHistory(next.mode, next.search, next.file);
    }
  }

  function flushWhenIdle() {
    if (waitingForIdle) return;
    waitingForIdle = true;
    runWhenIdle(() => {
      waitingForIdle = false;
      flush();
    });
  }

  function enqueue(write: Write) {
    const last = queue.at(-1);
    // A rewrite after a queued write joins it; so does a step after a step still waiting to be written, unless either
    // opens another dataset: Back must find each dataset's first view, and the view before it.
    const joins = write.mode === 'replace' || (last?.mode === 'push' && !last.opensDataset && !write.opensDataset);
    if (last && joins) {
      last.search = write.search;
      last.file = write.file;
    } else queue.push(write);
  }

  /** The store changed: write its view to the address bar, as a step or as a rewrite of the current entry. */
  function onViewChange(search: string, file: OpenedFileRef | undefined) {
    if (search === target && file?.key === targetFile) return;
    // Another dataset is always a step of its own, even when the link reads the same (a file has no data=).
    const newDataset = datasetOf(target, targetFile) !== datasetOf(search, file?.key);
    // In an iframe, history entries would join the host page's Back button, so an embedded view only rewrites.
    const step = (isStep(target, search) || newDataset) && !store.getState().embed;
    target = search;
    targetFile = file?.key;
    const merged = step && !newDataset && now() - lastStepAt < stepMergeMs;
    // The next step never joins a dataset's first view: Back from it must find the dataset as it opened.
    if (step) lastStepAt = newDataset ? -Infinity : now();
    if (step && !merged) {
      enqueue({ mode: 'push', search, file, opensDataset: newDataset });
      flushWhenIdle();
      return;
    }
    enqueue({ mode: 'replace', search, file, opensDataset: false });
    // A step held back by the budget is written with the rewrite folded into it, when the budget allows.
    if (!queue.some((write) => write.mode === 'push')) schedule(merged ? stepMergeMs : replaceDelayMs);
  }

  function applyView(view: ViewState) {
    applying = true;
    try {
      store.getState().actions.applyViewState(view);
    } finally {
      applying = false;
    }
  }

  /**
   * Opens a link: first its dataset (its data=, or the file its entry names), then (once that is in the store)
   * everything else, checked against it.
   */
  function openLink(search: string, file: OpenedFileRef | undefined) {
    const state = store.getState();
    const dataUrl = readLinkDataUrl(search);
    const dataFile = dataUrl === undefined ? file?.key : undefined;
    if (file && dataFile !== undefined && dataFile !== state.data?.file?.key && !findOpenedFile(dataFile)) {
      fileNotKept(file);
      return;
    }
    if (dataUrl !== state.dataUrl || dataFile !== state.dataFile) applyView({ ...pickViewState(state), dataUrl, dataFile });
    pendingLink = search;
    applyPendingLink();
  }

  /**
   * An entry names a file the page no longer has: its filters mean nothing in another dataset, so none of the link is
   * applied. The view shown stays (at start, the stories' own), and the entry is rewritten to say what is shown.
   */
  function fileNotKept(file: OpenedFileRef) {
    const state = store.getState();
    state.actions.addNotice(fileNotKeptMessage(file.name), 'warning');
    cancel();
    if (!state.data) {
      // Starting up: the stories open at their own view, as a bare link opens them.
      pendingLink = '';
      return;
    }
    pendingLink = undefined;
    rewriteEntryAsShown();
  }

  /** The current entry says what is shown: its link, and the file it names (written only where it differs). */
  function rewriteEntryAsShown() {
    const shown = store.getState();
    const file = fileOfView(shown);
    target = selectLinkSearch(shown);
    targetFile = file?.key;
    const entry: unknown = history.state;
    if (target !== currentSearch() || !isEntryState(entry) || fileOfEntry(entry)?.key !== targetFile) callHistory('replace', target, file);
    written = currentSearch();
    writtenFile = fileOfEntry(history.state)?.key;
  }

  function applyPendingLink() {
    const state = store.getState();
    const search = pendingLink;
    if (search === undefined || !state.data || !hasItsData(state)) return;
    pendingLink = undefined;
    const parsed = parseViewState(search, allowListsFromIndex(state.data.index));
    const resolved = resolveLinkView(parsed.state, state.data.index, state.data.search);
    // The dataset in the store is the one shown, even if the link's could not be loaded (its loader says why).
    applyView({ ...resolved.view, dataUrl: state.dataUrl, dataFile: state.dataFile });
    const messages = [...parsed.notices.map((notice) => notice.message), ...resolved.notices];
    const [only] = messages;
    if (messages.length === 1 && only !== undefined) state.actions.addNotice(only, 'warning');
    else if (messages.length) state.actions.addNotice('Parts of this link could not be used, so they were left out:', 'warning', messages);
    // The address now says what is shown: the bad parts of a hand-edited link do not linger, and the entry names the
    // dataset shown, whatever it named before.
    cancel();
    rewriteEntryAsShown();
  }

  const onPopState = () => {
    const search = currentSearch();
    const entry: unknown = history.state;
    const file = fileOfEntry(entry);
    if (search === written && pendingLink === undefined) {
      // Only the fragment changed (the skip link): same view, and a pending rewrite still belongs to it. The entry
      // the fragment added is given the dataset shown, so that Back and Forward to it later find the same view.
      if (!isEntryState(entry)) {
        // At once, even with a step queued: that step is pushed after this entry, and Back returns here.
        callHistory('replace', written, fileOfView(store.getState()));
        return;
      }
      if (file?.key === writtenFile) return;
    }
    cancel();
    written = search;
    writtenFile = file?.key;
    target = search;
    targetFile = file?.key;
    // The next step is a new entry: merged into this one, it would overwrite the entry the user came back to.
    lastStepAt = -Infinity;
    openLink(search, file);
  };

  const unsubscribe = store.subscribe((state) => {
    if (pendingLink !== undefined) {
      applyPendingLink();
      return;
    }
    if (applying) return;
    onViewChange(selectLinkSearch(state), fileOfView(state));
  });
  win.addEventListener('popstate', onPopState);
  openLink(currentSearch(), fileOfEntry(history.state));

  return () => {
    unsubscribe();
    win.removeEventListener('popstate', onPopState);
    // Leave the address on the latest view, within the browser's limits.
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (queue.length && budgetWait() === 0) flush();
    cancel();
  };
}

/** Syncs the app's store with the address bar of this window while the app is mounted. */
export function useUrlSync(): void {
  useEffect(() => startUrlSync(appStore, window), []);
}
