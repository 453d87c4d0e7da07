// Presentation mode as pure data: the steps a class goes through (the filtered events in time order, or a tour with
// its title card), moving between them, what "reveal" leaves on the timeline, the progress text and each step's window.
import type { IndexedDataset, TimelineEvent } from './dataset.ts';
import { parsePartialDate, toInterval } from './partial-date.ts';
import type { Story, Tour } from './schema.ts';
import { MIN_WINDOW_MS, paddedWindow } from './timeline-items.ts';
import type { TimeWindow } from './view-state.ts';

export type PresentationStep =
  | { readonly kind: 'title'; readonly tour: Tour; readonly story: Story | undefined }
  | { readonly kind: 'event'; readonly event: TimelineEvent; readonly note: string | undefined };

export interface PresentationDeck {
  readonly steps: readonly PresentationStep[];
  /** The tour presented; undefined when the deck is the filtered events in time order. */
  readonly tour: Tour | undefined;
  /** Steps that are events (every step but a tour's title card). */
  readonly eventCount: number;
}

export type StepCommand = 'next' | 'previous' | 'first' | 'last';
/** What covers the screen while it is blanked (PowerPoint's and Keynote's B and W). */
export type ScreenCover = 'black' | 'white';
export type PresentationCommand = StepCommand | ScreenCover | 'exit';

export const EMPTY_DECK: PresentationDeck = { steps: [], tour: undefined, eventCount: 0 };

/** The events in the order given (the app's filtered list is already in time order), one step each. */
export function deckFromEvents(events: readonly TimelineEvent[]): PresentationDeck {
  return { steps: events.map((event) => ({ kind: 'event', event, note: undefined })), tour: undefined, eventCount: events.length };
}

/**
 * A tour: its title card, then its events in the tour's own order with their teacher notes. Events the dataset does
 * not have are skipped, and an event listed twice is kept at its first place, so every event is exactly one step.
 */
export function deckFromTour(tour: Tour, index: IndexedDataset): PresentationDeck {
  const seen = new Set<string>();
  const steps: PresentationStep[] = [{ kind: 'title', tour, story: index.storiesById.get(tour.story) }];
  for (const step of tour.steps) {
    const event = index.eventsById.get(step.event);
    if (!event || seen.has(event.id)) continue;
    seen.add(event.id);
    steps.push({ kind: 'event', event, note: step.note });
  }
  return { steps, tour, eventCount: steps.length - 1 };
}

/** The tour's deck if the dataset has that tour, else the visible events in time order. */
export function presentationDeck(index: IndexedDataset, visibleEvents: readonly TimelineEvent[], tourId: string | undefined): PresentationDeck {
  const tour = tourId === undefined ? undefined : index.toursById.get(tourId);
  return tour ? deckFromTour(tour, index) : deckFromEvents(visibleEvents);
}

/** Where the selection is in the deck: its event's step, a tour's title card when nothing is selected, else -1. */
export function stepPosition(deck: PresentationDeck, selectedEventId: string | undefined): number {
  if (selectedEventId === undefined) return deck.steps[0]?.kind === 'title' ? 0 : -1;
  return deck.steps.findIndex((step) => step.kind === 'event' && step.event.id === selectedEventId);
}

/** The position after a command; stays within the deck, and from nowhere (-1) every command starts at the first step. */
export function moveStep(deck: PresentationDeck, position: number, command: StepCommand): number {
  const last = deck.steps.length - 1;
  if (last < 0) return -1;
  if (position < 0 || position > last) return command === 'last' ? last : 0;
  switch (command) {
    case 'next':
      return Math.min(position + 1, last);
    case 'previous':
      return Math.max(position - 1, 0);
    case 'first':
      return 0;
    case 'last':
      return last;
  }
}

/** The event a position shows: undefined for a title card or no step, which the store holds as "nothing selected". */
export function stepEventId(deck: PresentationDeck, position: number): string | undefined {
  const step = deck.steps[position];
  return step?.kind === 'event' ? step.event.id : undefined;
}

/** With "reveal" on, the timeline shows only the events of the steps up to and including the current one. */
export function revealedEventIds(deck: PresentationDeck, position: number): ReadonlySet<string> {
  const ids = new Set<string>();
  deck.steps.slice(0, Math.max(position + 1, 0)).forEach((step) => {
    if (step.kind === 'event') ids.add(step.event.id);
  });
  return ids;
}

/** "7 of 23" for the 7th event; "Introduction" on a tour's title card; "No events" for an empty deck. */
export function formatProgress(deck: PresentationDeck, position: number): string {
  const step = deck.steps[position];
  if (!deck.eventCount) return 'No events';
  if (!step) return `${deck.eventCount} ${deck.eventCount === 1 ? 'event' : 'events'}`;
  if (step.kind === 'title') return 'Introduction';
  const offset = deck.steps[0]?.kind === 'title' ? 0 : 1;
  return `${position + offset} of ${deck.eventCount}`;
}

/** The narrowest window a step zooms to, so a lone event is not blown up to a few days. */
export const MIN_STEP_WINDOW_MS = Math.max(MIN_WINDOW_MS, 60 * 24 * 60 * 60 * 1000);

/** Room beyond a neighbour, as a share of its distance, so its label is not cut at the edge. */
const NEIGHBOUR_MARGIN = 0.35;

/**
 * The window for a step: an event centred, zoomed so its neighbours in time (among `timeOrdered`, the events on the
 * timeline) are in view; a tour's title card shows its story's period (or, without one, the span of its events).
 * Never wider than `limit` when given (the whole dataset), unless the event itself is.
 */
export function stepWindow(
  deck: PresentationDeck,
  position: number,
  timeOrdered: readonly TimelineEvent[],
  limit?: TimeWindow,
): TimeWindow | undefined {
  const step = deck.steps[position];
  if (!step) return undefined;
  if (step.kind === 'title') return titleCardWindow(deck, step.story);
  const { event } = step;
  const centre = event.startMs + (event.endMs - event.startMs) / 2;
  let half = Math.max(((event.endMs - event.startMs) / 2) * 1.25, MIN_STEP_WINDOW_MS / 2);
  const { before, after } = neighbours(event, timeOrdered);
  // A neighbour is in view once its nearest edge is: the end of one before, the start of one after.
  if (before) half = Math.max(half, (centre - before.endMs) * (1 + NEIGHBOUR_MARGIN));
  if (after) half = Math.max(half, (after.startMs - centre) * (1 + NEIGHBOUR_MARGIN));
  if (limit) half = Math.min(half, Math.max((limit.end - limit.start) / 2, ((event.endMs - event.startMs) / 2) * 1.25));
  return { start: centre - half, end: centre + half };
}

function titleCardWindow(deck: PresentationDeck, story: Story | undefined): TimeWindow | undefined {
  const start = story ? parsePartialDate(story.start) : undefined;
  const end = story ? parsePartialDate(story.end) : undefined;
  if (start?.ok && end?.ok) return paddedWindow(toInterval(start.value).start, toInterval(end.value).end, 0.04);
  const events = deck.steps.flatMap((step) => (step.kind === 'event' ? [step.event] : []));
  if (!events.length) return undefined;
  return paddedWindow(Math.min(...events.map((event) => event.startMs)), Math.max(...events.map((event) => event.endMs)));
}

/** The closest other events starting at or before and at or after the event's start, in a list sorted by start. */
function neighbours(event: TimelineEvent, timeOrdered: readonly TimelineEvent[]): { before?: TimelineEvent; after?: TimelineEvent } {
  let before: TimelineEvent | undefined;
  let after: TimelineEvent | undefined;
  for (const other of timeOrdered) {
    if (other.id === event.id) continue;
    if (other.startMs <= event.startMs) before = other;
    else {
      after = other;
      break;
    }
  }
  return { before, after };
}

const KEY_COMMANDS: Readonly<Record<string, PresentationCommand>> = {
  ArrowRight: 'next',
  ArrowDown: 'next',
  PageDown: 'next',
  ' ': 'next',
  Spacebar: 'next',
  Enter: 'next',
  ArrowLeft: 'previous',
  ArrowUp: 'previous',
  PageUp: 'previous',
  Home: 'first',
  End: 'last',
  Escape: 'exit',
  Esc: 'exit',
  // A clicker's "blank screen" button sends B or a full stop, as PowerPoint and Keynote expect; W or a comma is white.
  b: 'black',
  B: 'black',
  '.': 'black',
  w: 'white',
  W: 'white',
  ',': 'white',
};

/**
 * The command for a key while presenting (KeyboardEvent.key); presentation clickers send PageUp and PageDown to step,
 * and B or "." to blank the screen.
 */
export function presentationKeyCommand(key: string): PresentationCommand | undefined {
  return Object.hasOwn(KEY_COMMANDS, key) ? KEY_COMMANDS[key] : undefined;
}

/**
 * What a command does with the screen blanked or not, as in PowerPoint and Keynote: B (W) blanks it black (white) and
 * pressed again shows the slide; on a blank screen a step key shows the same slide again instead of moving.
 */
export function applyScreenCommand(
  cover: ScreenCover | undefined,
  command: Exclude<PresentationCommand, 'exit'>,
): { readonly cover: ScreenCover | undefined; readonly step: StepCommand | undefined } {
  if (command === 'black' || command === 'white') return { cover: cover === command ? undefined : command, step: undefined };
  return cover ? { cover: undefined, step: undefined } : { cover: undefined, step: command };
}
