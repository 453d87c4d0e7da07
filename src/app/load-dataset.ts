// Opening another dataset: from an address (a link's data=) or a file the user chose or dropped. The whole file is
// checked before anything changes; on any problem the user keeps the timeline they had and is told every problem.
// The parser (papaparse, the CSV and JSON readers) is fetched only when a dataset is opened, not with the app.
import { type DatasetProblem, formatProblem, indexDataset } from '../domain/dataset.ts';
import type { ImportResult } from '../domain/import-dataset.ts';
import { type AppStore, appStore, viewOfShownData } from '../store/app-store.ts';
import { keepOpenedFile } from './opened-files.ts';

export const FETCH_TIMEOUT_MS = 20_000;

export interface LoadOptions {
  readonly store?: AppStore;
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
  /** Said after "could not be opened" on failure; by default, that the timeline shown is unchanged. */
  readonly failureNote?: string;
}

/** loaded: it is shown; failed: a notice says why; superseded: another dataset was opened meanwhile. */
export type LoadOutcome = 'loaded' | 'failed' | 'superseded';

const UNCHANGED = 'The timeline you had is unchanged.';

// Only the latest request may change what is shown: opening B while A still loads means B.
let latestRequest = 0;
/** The address of the latest request while it loads; undefined for a file, or once it ended. */
let loadingUrl: string | undefined;
const inFlight = new Map<string, Promise<LoadOutcome>>();

const importer = () => import('../domain/import-dataset.ts');

/** Fetches a dataset from a same-origin path or a CORS-enabled address and shows it; concurrent calls for one address share a request. */
export function loadDatasetFromUrl(url: string, options: LoadOptions = {}): Promise<LoadOutcome> {
  const running = inFlight.get(url);
  if (running) return running;
  // On record before it starts: its first store update (the loading status) reaches subscribers, which may ask
  // for this same address again.
  let start: (outcome: Promise<LoadOutcome>) => void = () => undefined;
  const promise: Promise<LoadOutcome> = new Promise<LoadOutcome>((resolve) => (start = resolve)).finally(() => {
    // A later request for the same address (after abandonLoadNotFor) keeps its own entry.
    if (inFlight.get(url) === promise) inFlight.delete(url);
  });
  inFlight.set(url, promise);
  start(fetchAndOpen(url, options));
  return promise;
}

/**
 * The view no longer names the address still loading (Back or Forward left its link before its dataset came): that
 * load must not replace what is shown when it ends, and asking for the address again starts afresh. A file being read
 * is left alone (opening one does not change the view until it is shown).
 */
export function abandonLoadNotFor(dataUrl: string | undefined, store: AppStore = appStore): void {
  if (loadingUrl === undefined || loadingUrl === dataUrl) return;
  loadingUrl = undefined;
  latestRequest += 1;
  inFlight.clear();
  store.getState().actions.setLoadingDataset(undefined);
}

/** Reads a file the user chose or dropped and shows it. */
export async function loadDatasetFromFile(file: File, options: LoadOptions = {}): Promise<LoadOutcome> {
  const store = options.store ?? appStore;
  const request = begin(store, file.name, undefined);
  try {
    const { parseDatasetFile, MAX_FILE_BYTES } = await importer();
    // An over-size file is refused by its stated size, without reading it into memory.
    const bytes = file.size > MAX_FILE_BYTES ? new Uint8Array() : new Uint8Array(await file.arrayBuffer());
    const result = parseDatasetFile({ name: file.name, size: file.size, bytes });
    return finish(store, request, result, { name: file.name, dataUrl: undefined, failureNote: options.failureNote });
  } catch (error) {
    const problems = [{ where: file.name, message: `could not be read (${describeError(error)})` }];
    return finish(store, request, { ok: false, problems }, { name: file.name, dataUrl: undefined, failureNote: options.failureNote });
  }
}

/** The last part of an address's path, e.g. "story.csv" from "https://host/data/story.csv?x=1". */
export function fileNameOfUrl(url: string): string {
  try {
    const path = new URL(url, 'https://base.invalid/').pathname;
    const last = path.split('/').filter(Boolean).pop() ?? '';
    return decodeURIComponent(last) || 'dataset';
  } catch {
    return 'dataset';
  }
}

async function fetchAndOpen(url: string, options: LoadOptions): Promise<LoadOutcome> {
  const store = options.store ?? appStore;
  const name = fileNameOfUrl(url);
  const request = begin(store, name, url);
  const fetched = await fetchBytes(url, name, options);
  const result: ImportResult = fetched.ok ? fetched.parse() : { ok: false, problems: fetched.problems };
  return finish(store, request, result, { name, dataUrl: url, failureNote: options.failureNote });
}

type Fetched = { ok: true; parse: () => ImportResult } | { ok: false; problems: DatasetProblem[] };

async function fetchBytes(url: string, name: string, options: LoadOptions): Promise<Fetched> {
  const fail = (message: string): Fetched => ({ ok: false, problems: [{ where: name, message }] });
  const timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const [{ parseDatasetFile, MAX_FILE_BYTES, MAX_FILE_MB }, response] = await Promise.all([
      importer(),
      // No custom headers: a plain GET needs no CORS preflight, so more hosts can serve it.
      (options.fetch ?? fetch)(url, { signal: controller.signal }),
    ]);
    if (!response.ok) return fail(`could not be loaded: the server answered ${describeStatus(response)}`);
    const stated = Number(response.headers.get('content-length'));
    if (Number.isFinite(stated) && stated > MAX_FILE_BYTES) {
      // The size message is the parser's own, so a file and an address are refused in the same words.
      return { ok: true, parse: () => parseDatasetFile({ name, size: stated, bytes: new Uint8Array() }) };
    }
    const { bytes, size } = await readAtMost(response, MAX_FILE_BYTES);
    // Reading stopped at the limit, so the true size is unknown.
    if (size > MAX_FILE_BYTES) return fail(`is too large (more than ${MAX_FILE_MB} MB); the limit is ${MAX_FILE_MB} MB`);
    if (isWebPage(response, bytes)) {
      return fail('is a web page, not a CSV or JSON file: check the address (a mistyped path often gets the site’s own page)');
    }
    return { ok: true, parse: () => parseDatasetFile({ name, size, bytes }) };
  } catch (error) {
    if (controller.signal.aborted) {
      return fail(`took longer than ${Math.max(1, Math.round(timeoutMs / 1000))} seconds to load; try again, or download the file and open it with Open dataset`);
    }
    return fail(
      `could not be reached (${describeError(error)}): check the address, your connection, and that the site allows other sites to load it (CORS)`,
    );
  } finally {
    clearTimeout(timer);
  }
}

/** Reads the body, stopping as soon as it is larger than `max` (a server may send more than it announced). */
async function readAtMost(response: Response, max: number): Promise<{ bytes: Uint8Array; size: number }> {
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { bytes, size: bytes.byteLength };
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return { bytes: new Uint8Array(), size };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { bytes, size };
}

function isWebPage(response: Response, bytes: Uint8Array): boolean {
  if ((response.headers.get('content-type') ?? '').toLowerCase().includes('text/html')) return true;
  const start = new TextDecoder().decode(bytes.subarray(0, 64)).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  return start.startsWith('<!doctype html') || start.startsWith('<html');
}

function describeStatus(response: Response): string {
  const hints: Record<number, string> = { 404: '; check the address', 403: '; the file is not public', 401: '; the file is not public' };
  return `${response.status}${response.statusText ? ` ${response.statusText}` : ''}${hints[response.status] ?? ''}`;
}

function describeError(error: unknown): string {
  return error instanceof Error && error.message ? error.message : String(error);
}

function begin(store: AppStore, name: string, url: string | undefined): number {
  latestRequest += 1;
  loadingUrl = url;
  store.getState().actions.setLoadingDataset(name);
  return latestRequest;
}

interface Finish {
  readonly name: string;
  /** The address it came from; undefined for a file the user opened. */
  readonly dataUrl: string | undefined;
  readonly failureNote: string | undefined;
}

function finish(store: AppStore, request: number, result: ImportResult, { name, dataUrl, failureNote }: Finish): LoadOutcome {
  if (request !== latestRequest) return 'superseded';
  loadingUrl = undefined;
  const { actions } = store.getState();
  actions.setLoadingDataset(undefined);
  if (result.ok) {
    const index = indexDataset(result.dataset);
    const label = result.dataset.title ?? name;
    // A file is kept for Back and Forward to show again: no address can bring it back.
    const file = dataUrl === undefined ? keepOpenedFile(name, index, label) : undefined;
    actions.openDataset(index, label, dataUrl, file);
    const count = index.events.length;
    const lanes = index.laneCountries.length;
    actions.addNotice(`Opened “${label}”: ${count} event${count === 1 ? '' : 's'} in ${lanes} countr${lanes === 1 ? 'y' : 'ies'}.`);
    return 'loaded';
  }
  const what = dataUrl === undefined ? `“${name}”` : `the dataset at ${dataUrl}`;
  actions.addNotice(`Could not open ${what}. ${failureNote ?? UNCHANGED}`, 'error', result.problems.map(formatProblem));
  // A link whose dataset failed: the address goes back to the dataset still shown, so no link carries a bad data=.
  const state = store.getState();
  if (state.dataUrl !== state.data?.dataUrl) actions.applyViewState(viewOfShownData(state));
  return 'failed';
}
