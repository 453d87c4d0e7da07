// Where the selected event's details go. Beside the results on a wide screen; below them on a narrow one, except in
// the list, where they open under the chosen row: after a long list, a phone's reader would scroll thousands of
// pixels down to read the event and back up to go on.
import type { ViewMode } from '../domain/view-state.ts';

/** 'panel': the page's own details panel, beside or below the results; 'list': inside the chosen row of the list. */
export type DetailsPlacement = 'panel' | 'list';

/** The widths from which the details sit beside the results (styles/app.css; an embed's, styles/share.css). */
export function detailsBesideQuery(embed: boolean): string {
  return embed ? '(min-width: 44rem)' : '(min-width: 64rem)';
}

export interface DetailsPlacementInput {
  readonly view: ViewMode;
  /** The screen is wide enough for the details to sit beside the results. */
  readonly beside: boolean;
  /** The selected event is among the filtered events, so the list has a row for it. */
  readonly selectionListed: boolean;
}

export function detailsPlacement({ view, beside, selectionListed }: DetailsPlacementInput): DetailsPlacement {
  return view === 'list' && !beside && selectionListed ? 'list' : 'panel';
}

/**
 * How to scroll a block (e.g. a row and its details), whose top and bottom are given relative to a viewport this tall,
 * into view: all of it when it fits, else from its top (never its bottom alone, as `block: 'nearest'` would for a tall
 * block that starts above the viewport). Undefined when it is in view already.
 */
export function revealAlignment(top: number, bottom: number, viewportHeight: number): 'start' | 'end' | undefined {
  const tall = bottom - top > viewportHeight;
  if (top < 0 || (tall && top > 0)) return 'start';
  if (!tall && bottom > viewportHeight) return 'end';
  return undefined;
}
