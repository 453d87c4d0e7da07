// Bring your own timeline: "Open dataset" (a CSV or JSON file chosen, or dropped anywhere on the page) and
// "Download" (the events shown, as CSV, the app's JSON or a calendar). Export code is loaded when first used.
import { useCallback, useId, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { useAppActions, useAppStore } from '../store/app-store.ts';
import { selectData, selectVisibleEvents } from '../store/selectors.ts';
import { fileBaseName, saveTextFile } from './save-file.ts';
import { useFileDrop } from './use-file-drop.ts';
import '../styles/dataset.css';
import { useCloseOnOutsidePointer } from './use-close-on-outside-pointer.ts';

export const FILE_ACCEPT = '.csv,.json,text/csv,application/json';

export interface DatasetControlsProps {
  /** Reads, checks and shows a file; on any problem the current timeline stays and a notice lists the problems. */
  readonly onOpenFile: (file: File) => Promise<unknown>;
}

type Format = 'csv' | 'json' | 'ics';

export function DatasetControls({ onOpenFile }: DatasetControlsProps) {
  const loading = useAppStore((state) => state.loadingDataset);
  const actions = useAppActions();
  const inputRef = useRef<HTMLInputElement>(null);
  const [saved, setSaved] = useState('');

  const openFiles = useCallback(
    (files: readonly File[]) => {
      const [first, ...rest] = files;
      if (!first) return;
      if (rest.length) actions.addNotice(`Only one dataset can be open at a time, so only “${first.name}” was opened.`, 'warning');
      setSaved('');
      void onOpenFile(first);
    },
    [actions, onOpenFile],
  );
  const dragging = useFileDrop(openFiles);

  const onChosen = (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.currentTarget.files ?? [])];
    // Cleared so that choosing the same file again (after fixing it) is a change too.
    event.currentTarget.value = '';
    openFiles(files);
  };

  return (
    <div className="dataset-controls" role="group" aria-label="Dataset">
      <button type="button" className="button" onClick={() => inputRef.current?.click()}>
        Open dataset
      </button>
      <input ref={inputRef} type="file" accept={FILE_ACCEPT} aria-label="Choose a CSV or JSON file to open" hidden onChange={onChosen} />
      <DownloadMenu onSaved={setSaved} />
      <p className="dataset-controls__status" role="status">
        {loading === undefined ? saved : `Loading dataset “${loading}”…`}
      </p>
      {dragging ? (
        <div className="drop-overlay">
          <p className="drop-overlay__message">Drop a CSV or JSON file to open it</p>
        </div>
      ) : null}
    </div>
  );
}

interface DownloadMenuProps {
  readonly onSaved: (message: string) => void;
}

function DownloadMenu({ onSaved }: DownloadMenuProps) {
  const data = useAppStore(selectData);
  const [open, setOpen] = useState(false);
  // Closed, the menu shows nothing of the filters, so it does not re-render on each of their changes.
  const visible = useAppStore((state) => (open ? selectVisibleEvents(state) : NO_EVENTS));
  const total = data?.index.events.length ?? 0;
  const closeMenu = useCallback(() => setOpen(false), []);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);

  useCloseOnOutsidePointer(rootRef, open, closeMenu);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape' || !open) return;
    event.stopPropagation();
    setOpen(false);
    toggleRef.current?.focus();
  };

  const download = async (format: Format) => {
    if (!data) return;
    const base = fileBaseName(data.label);
    const count = (n: number) => `${n} event${n === 1 ? '' : 's'}`;
    if (format === 'ics') {
      const { exportIcs, isIcsRepresentable } = await import('../domain/ics-export.ts');
      saveTextFile(`${base}.ics`, exportIcs(data.index, visible), 'text/calendar;charset=utf-8');
      const left = visible.filter((event) => !isIcsRepresentable(event)).length;
      onSaved(
        `Saved ${count(visible.length - left)} as a calendar${left ? `; ${count(left)} left out, as calendars cannot hold dates before the year 1 or after 9999` : ''}.`,
      );
    } else {
      const { exportCsv, exportJson } = await import('../domain/export-dataset.ts');
      const text = format === 'csv' ? exportCsv(data.index, visible) : exportJson(data.index, visible);
      saveTextFile(`${base}.${format}`, text, format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json;charset=utf-8');
      onSaved(`Saved ${count(visible.length)} as ${format === 'csv' ? 'CSV' : 'JSON'}.`);
    }
    setOpen(false);
    toggleRef.current?.focus();
  };

  return (
    <div className="download-menu" ref={rootRef} onKeyDown={onKeyDown}>
      <button
        ref={toggleRef}
        type="button"
        className="button"
        aria-expanded={open}
        aria-controls={panelId}
        disabled={!data}
        onClick={() => setOpen(!open)}
      >
        Download
      </button>
      {open ? (
        <div id={panelId} className="download-menu__panel" role="group" aria-label="Download the events shown">
          <p className="download-menu__scope">
            {!visible.length
              ? 'No events match the filters, so there is nothing to download.'
              : visible.length === total
                ? `All ${total} events`
                : `The ${visible.length} of ${total} events that match the filters`}
          </p>
          {(['csv', 'json', 'ics'] as const).map((format) => (
            <button key={format} type="button" className="button" disabled={!visible.length} onClick={() => void download(format)}>
              {FORMAT_LABELS[format]}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}

const NO_EVENTS: ReturnType<typeof selectVisibleEvents> = [];

const FORMAT_LABELS: Record<Format, string> = {
  csv: 'Download CSV',
  json: 'Download JSON',
  ics: 'Download calendar (.ics)',
};
