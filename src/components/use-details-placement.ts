// Where the selected event's details are shown now (see details-placement.ts): the page and the list both ask, so
// exactly one of them shows the details.
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { useAppStore } from '../store/app-store.ts';
import { selectIsSelectionVisible } from '../store/selectors.ts';
import { type DetailsPlacement, detailsBesideQuery, detailsPlacement } from './details-placement.ts';

/** Whether a media query matches, following changes (a rotated phone, a resized window). True where none can be asked. */
function useMediaQuery(query: string): boolean {
  const list = useMemo(() => (typeof window.matchMedia === 'function' ? window.matchMedia(query) : undefined), [query]);
  const subscribe = useCallback(
    (onChange: () => void) => {
      list?.addEventListener('change', onChange);
      return () => list?.removeEventListener('change', onChange);
    },
    [list],
  );
  return useSyncExternalStore(subscribe, () => list?.matches ?? true);
}

export function useDetailsPlacement(): DetailsPlacement {
  const embed = useAppStore((state) => state.embed);
  const view = useAppStore((state) => state.view);
  // Looked for only in the list view: the timeline's arrow keys change the selection at every press.
  const selectionListed = useAppStore((state) => state.view === 'list' && selectIsSelectionVisible(state));
  const beside = useMediaQuery(detailsBesideQuery(embed));
  return detailsPlacement({ view, beside, selectionListed });
}
