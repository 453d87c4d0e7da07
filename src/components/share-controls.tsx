// Sharing: copy a link to the current view, link to one event alone, and (embedded) open the full app.
// Links are built from the store, so they are right even while the address bar waits to be rewritten.
import { useEffect, useRef, useState } from 'react';
import { toEventLinkSearch } from '../domain/link-view.ts';
import { useAppStore } from '../store/app-store.ts';
import { selectLinkSearch } from '../store/selectors.ts';
import '../styles/share.css';

/** The app's address with this query string (without '?'); the fragment is left out of shared links. */
export function appLinkUrl(search: string): string {
  const { origin, pathname } = window.location;
  return `${origin}${pathname}${search ? `?${search}` : ''}`;
}

/** The current view's link, without the embed flag: the full app's view of the same thing. */
function withoutEmbed(search: string): string {
  // Dropped by hand, not through URLSearchParams, so the codec's readable commas and slashes stay as they are.
  return search
    .split('&')
    .filter((pair) => !pair.startsWith('embed='))
    .join('&');
}

type CopyResult = 'idle' | 'copied' | 'manual' | 'file';

/** Said instead of copying: a link to the app cannot bring a file from the user's device with it. */
export const FILE_LINK_MESSAGE = 'No link: a link cannot carry a file opened from this device. Share the file, or put it online and use ?data=.';

const COPY_STATUS: Readonly<Record<CopyResult, string>> = {
  idle: '',
  copied: 'Link copied',
  manual: 'Could not copy: the link is selected below, copy it by hand.',
  file: FILE_LINK_MESSAGE,
};

/** The last attempt to copy, and the view it was for: once the view changes, its message no longer applies. */
interface CopyAttempt {
  readonly search: string;
  readonly result: Exclude<CopyResult, 'idle'>;
}

export function ShareControls() {
  const search = useAppStore(selectLinkSearch);
  const fromFile = useAppStore((state) => state.data?.file !== undefined);
  const [attempt, setAttempt] = useState<CopyAttempt | undefined>(undefined);
  const fieldRef = useRef<HTMLInputElement>(null);
  const url = appLinkUrl(search);
  const result: CopyResult = attempt?.search === search ? attempt.result : 'idle';

  // Shown for copying by hand: select the whole link so Ctrl+C is all that is left to do.
  useEffect(() => {
    if (result !== 'manual') return;
    fieldRef.current?.focus();
    fieldRef.current?.select();
  }, [result]);

  const copy = async () => {
    if (fromFile) {
      setAttempt({ search, result: 'file' });
      return;
    }
    try {
      // Missing where the page is not a secure context; refused when the user or the browser says no.
      if (typeof navigator.clipboard?.writeText !== 'function') throw new Error('No clipboard');
      await navigator.clipboard.writeText(url);
      setAttempt({ search, result: 'copied' });
    } catch {
      setAttempt({ search, result: 'manual' });
    }
  };

  return (
    <div className="share-controls">
      <button type="button" className="button" onClick={() => void copy()}>
        Copy link
      </button>
      <p className="share-controls__status" role="status">
        {COPY_STATUS[result]}
      </p>
      {result === 'manual' ? (
        <label className="share-controls__field">
          <span>Link to this view</span>
          <input ref={fieldRef} type="text" readOnly value={url} onFocus={(event) => event.currentTarget.select()} />
        </label>
      ) : null}
    </div>
  );
}

export interface EventLinkProps {
  readonly eventId: string;
}

/** A link to one event alone (with the dataset it is in), for pasting into notes or a message; none for a file's. */
export function EventLink({ eventId }: EventLinkProps) {
  const dataUrl = useAppStore((state) => state.dataUrl);
  const fromFile = useAppStore((state) => state.data?.file !== undefined);
  if (fromFile) return null;
  return (
    <a className="event-link" href={appLinkUrl(toEventLinkSearch(eventId, dataUrl))}>
      Link to this event
    </a>
  );
}

/** In an embedded view: the way out to the full app, showing the same view. */
export function OpenInAppLink() {
  const search = useAppStore(selectLinkSearch);
  return (
    <a className="open-in-app" href={appLinkUrl(withoutEmbed(search))} target="_blank" rel="noopener noreferrer">
      Open in Timeline Explorer<span className="visually-hidden"> (opens in a new tab)</span>
    </a>
  );
}
