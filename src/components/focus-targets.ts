// Where focus goes when the control that had it goes away (details closed, filters cleared, a block opened), so that
// it never falls back to the page's body: keyboard and screen-reader users keep their place.

/** The timeline's focusable group of events. */
export const TIMELINE_EVENTS_ID = 'timeline-events';
export const SEARCH_INPUT_ID = 'filter-search';

/** Focuses the element if it is in the page and shown; says whether it did. */
function focusShown(element: HTMLElement | null | undefined): boolean {
  if (!element || element.closest('[hidden]')) return false;
  element.focus();
  return document.activeElement === element;
}

/** The list's row for an event, if the list shows it. */
function listRow(eventId: string): HTMLElement | undefined {
  return [...document.querySelectorAll<HTMLElement>('[data-event-row]')].find((row) => row.dataset.eventRow === eventId);
}

/** Back to where an event was chosen: its row in the list, else the timeline, else the search box. */
export function focusEventOrigin(eventId: string): void {
  if (focusShown(listRow(eventId))) return;
  focusResults();
}

/** The results shown: the timeline, else the list's first row, else the search box. */
export function focusResults(): void {
  if (focusShown(document.getElementById(TIMELINE_EVENTS_ID))) return;
  if (focusShown(document.querySelector<HTMLElement>('[data-event-row]'))) return;
  focusSearch();
}

export function focusSearch(): void {
  focusShown(document.getElementById(SEARCH_INPUT_ID));
}
