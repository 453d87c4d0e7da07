// Files the user opened in this page, kept so that Back and Forward can show them again. A file has no address to
// load it from, so its views' history entries name it by a key, in history.state; a reload keeps no file.
import type { IndexedDataset } from '../domain/dataset.ts';
import type { OpenedFileRef } from '../store/app-store.ts';

export interface OpenedFile extends OpenedFileRef {
  readonly index: IndexedDataset;
  readonly label: string;
}

/** Each kept file holds its whole dataset, so only the latest few are kept. */
export const KEPT_FILES = 3;

const kept = new Map<string, OpenedFile>();
let opened = 0;
// Keys differ from one page load to the next, so an entry from before a reload never names a file opened after it.
const pageKey = Math.round(performance.timeOrigin + performance.now()).toString(36);

/** Keeps a file the user opened; returns its key and name, for the store and the history entries of its views. */
export function keepOpenedFile(name: string, index: IndexedDataset, label: string): OpenedFileRef {
  opened += 1;
  const key = `${pageKey}-${opened}`;
  kept.set(key, { key, name, index, label });
  for (const oldest of kept.keys()) {
    if (kept.size <= KEPT_FILES) break;
    kept.delete(oldest);
  }
  return { key, name };
}

export function findOpenedFile(key: string): OpenedFile | undefined {
  return kept.get(key);
}

/** The state of each history entry this app writes: the file its view is of, or null (its link's data= says). */
export interface EntryState {
  readonly dataFile: OpenedFileRef | null;
}

export function entryStateOf(file: OpenedFileRef | undefined): EntryState {
  return { dataFile: file ? { key: file.key, name: file.name } : null };
}

/**
 * Whether this app wrote the entry. Others have no state: the page's first entry before the app starts, and the
 * entry a link to a fragment (the skip link) adds, whose view is the one before it.
 */
export function isEntryState(state: unknown): state is EntryState {
  if (typeof state !== 'object' || state === null || !('dataFile' in state)) return false;
  const file: unknown = state.dataFile;
  if (file === null) return true;
  if (typeof file !== 'object' || !('key' in file) || !('name' in file)) return false;
  return typeof file.key === 'string' && file.key !== '' && typeof file.name === 'string';
}

/** The file a history entry names, if this app wrote it for a view of a file. */
export function fileOfEntry(state: unknown): OpenedFileRef | undefined {
  return isEntryState(state) ? (state.dataFile ?? undefined) : undefined;
}
