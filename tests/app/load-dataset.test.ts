// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { abandonLoadNotFor, fileNameOfUrl, loadDatasetFromFile, loadDatasetFromUrl } from '../../src/app/load-dataset.ts';
import { fitAllWindow } from '../../src/domain/link-view.ts';
import { MAX_FILE_BYTES } from '../../src/domain/import-dataset.ts';
import { type AppStore, createAppStore, pickViewState } from '../../src/store/app-store.ts';
import { loadSampleIndex } from '../fixtures/sample-dataset.ts';

const GOOD_CSV = ['title,start,end,country,type,actors', 'Ferry line opens,1921-05-02,,Lakeshore,Transport,Mira Holt', 'Bridge vote,1930,,Upper Vale,Vote,'].join('\n');

/** A store showing the sample dataset with a view a user has set up: filters, a window and a selection. */
function storeWithView(): AppStore {
  const store = createAppStore();
  const { actions } = store.getState();
  actions.setData(loadSampleIndex(), 'Sample');
  actions.setFilters({ countries: ['betastan'], query: 'emergency' });
  actions.setWindow({ start: Date.UTC(2007, 0, 1), end: Date.UTC(2008, 0, 1) });
  actions.selectEvent('beta-emergency');
  return store;
}

function respond(body: BodyInit | null, init: ResponseInit = {}): typeof fetch {
  return vi.fn<typeof fetch>(() => Promise.resolve(new Response(body, init)));
}

/** Runs a load that must fail and returns its one notice, checking that nothing else changed. */
async function expectFailure(url: string, fetchImpl: typeof fetch) {
  const store = storeWithView();
  const before = store.getState();
  await expect(loadDatasetFromUrl(url, { store, fetch: fetchImpl, timeoutMs: 50 })).resolves.toBe('failed');
  const after = store.getState();
  expect(after.data).toBe(before.data);
  expect(pickViewState(after)).toEqual(pickViewState(before));
  expect(after.loadingDataset).toBeUndefined();
  expect(after.notices).toHaveLength(1);
  const [notice] = after.notices;
  expect(notice?.tone).toBe('error');
  expect(notice?.text).toBe(`Could not open the dataset at ${url}. The timeline you had is unchanged.`);
  return notice?.details ?? [];
}

describe('loadDatasetFromUrl', () => {
  it('shows a good dataset whole, with the filters and selection it does not have cleared, and remembers its address', async () => {
    const store = storeWithView();
    const fetchImpl = respond(GOOD_CSV, { headers: { 'content-type': 'text/csv' } });
    await expect(loadDatasetFromUrl('samples/lakeshore.csv', { store, fetch: fetchImpl })).resolves.toBe('loaded');
    expect(fetchImpl).toHaveBeenCalledWith('samples/lakeshore.csv', expect.objectContaining({ signal: expect.any(AbortSignal) as unknown }));
    const state = store.getState();
    expect(state.data?.label).toBe('lakeshore');
    expect(state.data?.dataUrl).toBe('samples/lakeshore.csv');
    expect(state.data?.index.laneCountries.map((country) => country.name)).toEqual(['Lakeshore', 'Upper Vale']);
    expect(state.dataUrl).toBe('samples/lakeshore.csv');
    expect([state.countries, state.query, state.selectedEventId]).toEqual([[], '', undefined]);
    expect(state.data && state.window).toEqual(state.data && fitAllWindow(state.data.index));
    expect(state.notices.map((notice) => [notice.tone, notice.text])).toEqual([['info', 'Opened “lakeshore”: 2 events in 2 countries.']]);
  });

  it('keeps the filters and selection that still apply to the new dataset', async () => {
    const store = storeWithView();
    const csv = ['id,title,start,country', 'beta-emergency,State of emergency,2007-11-03,Betastan', 'other,Other,2009,Gammaria'].join('\n');
    await loadDatasetFromUrl('again.csv', { store, fetch: respond(csv) });
    const state = store.getState();
    expect([state.countries, state.query, state.selectedEventId]).toEqual([['betastan'], 'emergency', 'beta-emergency']);
  });

  it('says the server answered 404', async () => {
    const details = await expectFailure('https://example.org/data/story.csv', respond('Not here', { status: 404, statusText: 'Not Found' }));
    expect(details).toEqual(['story.csv: could not be loaded: the server answered 404 Not Found; check the address']);
  });

  it('says the address could not be reached, naming CORS as a cause', async () => {
    const details = await expectFailure('https://other.example/story.json', vi.fn<typeof fetch>(() => Promise.reject(new TypeError('Failed to fetch'))));
    expect(details).toEqual([
      'story.json: could not be reached (Failed to fetch): check the address, your connection, and that the site allows other sites to load it (CORS)',
    ]);
  });

  it('says when the server takes too long', async () => {
    const hanging = vi.fn<typeof fetch>(
      (_, init) => new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
    );
    const details = await expectFailure('slow.csv', hanging);
    expect(details).toEqual(['slow.csv: took longer than 1 seconds to load; try again, or download the file and open it with Open dataset']);
  });

  it('says where a .json file is not JSON', async () => {
    const details = await expectFailure('story.json', respond('title,start,country\nA,1990,X\n', { headers: { 'content-type': 'application/json' } }));
    expect(details).toEqual([expect.stringMatching(/^line 1, column 1: is not valid JSON: expected a value, found 't'/)]);
  });

  it('recognises a web page served in place of the file', async () => {
    const details = await expectFailure('story.json', respond('<!doctype html><html><body>App</body></html>', { headers: { 'content-type': 'text/html' } }));
    expect(details).toEqual(['story.json: is a web page, not a CSV or JSON file: check the address (a mistyped path often gets the site’s own page)']);
  });

  it('refuses a file the server announces as too large, without reading it', async () => {
    const body = vi.fn();
    const huge = vi.fn<typeof fetch>(() =>
      Promise.resolve({ ok: true, status: 200, headers: new Headers({ 'content-length': String(60 * 1024 * 1024) }), body } as unknown as Response),
    );
    expect(await expectFailure('huge.csv', huge)).toEqual(['huge.csv: is too large (60.0 MB); the limit is 50 MB']);
    expect(body).not.toHaveBeenCalled();
  });

  it('stops reading a body that grows past the limit when no size was announced', async () => {
    const chunk = new Uint8Array(1024 * 1024).fill(0x41);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.byteLength;
        controller.enqueue(chunk);
        if (sent > MAX_FILE_BYTES + 4 * chunk.byteLength) controller.close();
      },
    });
    const details = await expectFailure('endless.csv', respond(stream));
    expect(details).toEqual(['endless.csv: is too large (more than 50 MB); the limit is 50 MB']);
    expect(sent).toBeLessThanOrEqual(MAX_FILE_BYTES + 2 * chunk.byteLength);
  });

  it('lists every problem of invalid data by row and column', async () => {
    const csv = ['title,start,country', 'Good,1990,X', 'Bad date,1990-13,X', 'No country,1991,'].join('\n');
    const details = await expectFailure('story.csv', respond(csv));
    expect(details).toEqual([expect.stringMatching(/^row 3, column start: '1990-13' is not a date: month 13 does not exist/), 'row 4, column country: is empty']);
  });

  it('puts the address back to the dataset still shown when a link’s data= fails', async () => {
    const store = storeWithView();
    store.getState().actions.applyViewState({ ...pickViewState(store.getState()), dataUrl: 'gone.csv' });
    await loadDatasetFromUrl('gone.csv', { store, fetch: respond('', { status: 404 }) });
    expect(store.getState().dataUrl).toBeUndefined();
  });

  it('shares one request between calls for the same address, and lets a later dataset win', async () => {
    const store = storeWithView();
    let release: (response: Response) => void = () => undefined;
    const slow = vi.fn<typeof fetch>(() => new Promise((resolve) => (release = resolve)));
    const first = loadDatasetFromUrl('slow.csv', { store, fetch: slow });
    const again = loadDatasetFromUrl('slow.csv', { store, fetch: slow });
    expect(store.getState().loadingDataset).toBe('slow.csv');
    await expect(loadDatasetFromUrl('fast.csv', { store, fetch: respond(GOOD_CSV) })).resolves.toBe('loaded');
    release(new Response('title,start,country\nLate,1990,X\n'));
    await expect(first).resolves.toBe('superseded');
    await expect(again).resolves.toBe('superseded');
    expect(slow).toHaveBeenCalledTimes(1);
    expect(store.getState().data?.label).toBe('fast');
  });

  it('drops a load the view no longer names, and asks afresh when the address is named again', async () => {
    const store = storeWithView();
    let release: (response: Response) => void = () => undefined;
    const slow = vi.fn<typeof fetch>(() => new Promise((resolve) => (release = resolve)));
    const first = loadDatasetFromUrl('slow.csv', { store, fetch: slow });
    abandonLoadNotFor('slow.csv', store);
    expect(store.getState().loadingDataset).toBe('slow.csv');
    // Back to a view of the dataset shown: the link's load is dropped.
    abandonLoadNotFor(undefined, store);
    expect(store.getState().loadingDataset).toBeUndefined();
    const again = loadDatasetFromUrl('slow.csv', { store, fetch: respond(GOOD_CSV) });
    release(new Response('title,start,country\nLate,1990,X\n'));
    await expect(first).resolves.toBe('superseded');
    await expect(again).resolves.toBe('loaded');
    expect(store.getState().data?.index.events.map((event) => event.record.title)).toEqual(['Ferry line opens', 'Bridge vote']);
  });

  it('leaves a file being read alone when the view names no address', async () => {
    const store = storeWithView();
    const reading = loadDatasetFromFile(new File([GOOD_CSV], 'story.csv'), { store });
    abandonLoadNotFor(undefined, store);
    await expect(reading).resolves.toBe('loaded');
  });
});

describe('loadDatasetFromFile', () => {
  it('shows a good file, with no address to link to', async () => {
    const store = storeWithView();
    const outcome = await loadDatasetFromFile(new File([GOOD_CSV], 'lakeshore.csv', { type: 'text/csv' }), { store });
    expect(outcome).toBe('loaded');
    expect(store.getState().data?.dataUrl).toBeUndefined();
    expect(store.getState().dataUrl).toBeUndefined();
  });

  it('names the file in its error and keeps the current data and view', async () => {
    const store = storeWithView();
    const before = store.getState();
    await loadDatasetFromFile(new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0])], 'book.csv'), { store });
    const after = store.getState();
    expect(after.data).toBe(before.data);
    expect(pickViewState(after)).toEqual(pickViewState(before));
    expect(after.notices.map((notice) => [notice.text, notice.details])).toEqual([
      ['Could not open “book.csv”. The timeline you had is unchanged.', [expect.stringContaining('book.csv: is not a CSV or JSON file: it is a ZIP archive')]],
    ]);
  });
});

it.each([
  ['samples/sample-story.csv', 'sample-story.csv'],
  ['https://example.org/a/b/My%20story.json?download=1#x', 'My story.json'],
  ['https://example.org/', 'dataset'],
  ['https://example.org/%E0%A4%A', 'dataset'],
])('fileNameOfUrl(%j) is %j', (url, name) => {
  expect(fileNameOfUrl(url)).toBe(name);
});
