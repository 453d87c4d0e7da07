import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../src/domain/dataset.ts';
import { makeLocalDate } from '../../src/domain/partial-date.ts';
import {
  EMPTY_DECK,
  MIN_STEP_WINDOW_MS,
  type PresentationCommand,
  type PresentationDeck,
  type ScreenCover,
  type StepCommand,
  applyScreenCommand,
  deckFromEvents,
  deckFromTour,
  formatProgress,
  moveStep,
  presentationDeck,
  presentationKeyCommand,
  revealedEventIds,
  stepEventId,
  stepPosition,
  stepWindow,
} from '../../src/domain/presentation.ts';
import type { Tour } from '../../src/domain/schema.ts';
import { loadSampleIndex } from '../fixtures/sample-dataset.ts';

const index = loadSampleIndex();
const event = (id: string): TimelineEvent => {
  const found = index.eventsById.get(id);
  if (!found) throw new Error(`no event ${id}`);
  return found;
};
const tour = (steps: Tour['steps'], story = 'alpha'): Tour => ({ id: 'test-tour', story, title: 'A test tour', steps });

const pakistanLike = deckFromEvents(['beta-emergency', 'bhutto-assassinated', 'beta-election'].map(event));
const alphaTour = deckFromTour(
  tour([{ event: 'alpha-war', note: 'Start with the war.' }, { event: 'alpha-revolution' }, { event: 'khomeini-dies', note: 'The end.' }]),
  index,
);
const describeStep = (deck: PresentationDeck, position: number) => {
  const step = deck.steps[position];
  return step === undefined ? 'none' : step.kind === 'title' ? 'title' : step.event.id;
};

describe('deckFromEvents and deckFromTour', () => {
  it('makes one step per event, in the order given, without a title card', () => {
    expect(pakistanLike.steps.map((_, position) => describeStep(pakistanLike, position))).toEqual([
      'beta-emergency',
      'bhutto-assassinated',
      'beta-election',
    ]);
    expect(pakistanLike.eventCount).toBe(3);
    expect(pakistanLike.tour).toBeUndefined();
  });

  it('starts a tour with its title card, keeps the tour’s own order (not time order) and its notes', () => {
    expect(alphaTour.steps.map((_, position) => describeStep(alphaTour, position))).toEqual([
      'title',
      'alpha-war',
      'alpha-revolution',
      'khomeini-dies',
    ]);
    expect(alphaTour.eventCount).toBe(3);
    const [title, first, second] = alphaTour.steps;
    expect(title?.kind === 'title' && title.story?.title).toBe('Alphaland 1979–1989');
    expect(first?.kind === 'event' && first.note).toBe('Start with the war.');
    expect(second?.kind === 'event' && second.note).toBeUndefined();
  });

  it('skips unknown events and keeps a repeated event at its first place', () => {
    const deck = deckFromTour(tour([{ event: 'alpha-war' }, { event: 'no-such-event' }, { event: 'khomeini-dies' }, { event: 'alpha-war' }]), index);
    expect(deck.steps.map((_, position) => describeStep(deck, position))).toEqual(['title', 'alpha-war', 'khomeini-dies']);
    expect(deck.eventCount).toBe(2);
  });

  it.each<[string, string | undefined, string[]]>([
    ['the dataset’s tour by id', 'alpha-tour', ['title', 'alpha-revolution', 'alpha-war', 'khomeini-dies']],
    ['the visible events when there is no tour', undefined, ['beta-emergency', 'bhutto-assassinated', 'beta-election']],
    ['the visible events when the tour is unknown', 'no-such-tour', ['beta-emergency', 'bhutto-assassinated', 'beta-election']],
  ])('presentationDeck presents %s', (_name, tourId, expected) => {
    const deck = presentationDeck(index, ['beta-emergency', 'bhutto-assassinated', 'beta-election'].map(event), tourId);
    expect(deck.steps.map((_, position) => describeStep(deck, position))).toEqual(expected);
  });
});

describe('stepPosition', () => {
  it.each<[string, PresentationDeck, string | undefined, number]>([
    ['an event’s own step', pakistanLike, 'bhutto-assassinated', 1],
    ['no step for an event not in the deck', pakistanLike, 'alpha-war', -1],
    ['no step when nothing is selected and there is no title card', pakistanLike, undefined, -1],
    ['the title card when nothing is selected in a tour', alphaTour, undefined, 0],
    ['a tour event after the title card', alphaTour, 'alpha-revolution', 2],
    ['nothing in an empty deck', EMPTY_DECK, undefined, -1],
  ])('finds %s', (_name, deck, selected, expected) => {
    expect(stepPosition(deck, selected)).toBe(expected);
  });
});

describe('moveStep', () => {
  it.each<[string, PresentationDeck, number, StepCommand, number]>([
    ['next goes forward one', pakistanLike, 0, 'next', 1],
    ['next stops at the last step', pakistanLike, 2, 'next', 2],
    ['previous goes back one', pakistanLike, 2, 'previous', 1],
    ['previous stops at the first step', pakistanLike, 0, 'previous', 0],
    ['first goes to the first step', pakistanLike, 2, 'first', 0],
    ['last goes to the last step', pakistanLike, 0, 'last', 2],
    ['next from nowhere starts at the first step', pakistanLike, -1, 'next', 0],
    ['previous from nowhere starts at the first step', pakistanLike, -1, 'previous', 0],
    ['last from nowhere goes to the last step', pakistanLike, -1, 'last', 2],
    ['next from a tour’s title card goes to its first event', alphaTour, 0, 'next', 1],
    ['previous from a tour’s first event goes back to the title card', alphaTour, 1, 'previous', 0],
    ['first in a tour is the title card', alphaTour, 3, 'first', 0],
    ['a position past the end starts again at the first step', pakistanLike, 7, 'next', 0],
    ['nowhere to go in an empty deck', EMPTY_DECK, 0, 'next', -1],
  ])('%s', (_name, deck, position, command, expected) => {
    expect(moveStep(deck, position, command)).toBe(expected);
  });
});

describe('stepEventId', () => {
  it.each<[string, PresentationDeck, number, string | undefined]>([
    ['an event step selects its event', pakistanLike, 1, 'bhutto-assassinated'],
    ['a title card selects nothing', alphaTour, 0, undefined],
    ['a tour event step selects its event', alphaTour, 1, 'alpha-war'],
    ['no step selects nothing', pakistanLike, -1, undefined],
  ])('%s', (_name, deck, position, expected) => {
    expect(stepEventId(deck, position)).toBe(expected);
  });
});

describe('revealedEventIds', () => {
  it.each<[string, PresentationDeck, number, string[]]>([
    ['only the first event at the first step', pakistanLike, 0, ['beta-emergency']],
    ['every event up to the current step', pakistanLike, 1, ['beta-emergency', 'bhutto-assassinated']],
    ['every event at the last step', pakistanLike, 2, ['beta-emergency', 'bhutto-assassinated', 'beta-election']],
    ['nothing on a tour’s title card', alphaTour, 0, []],
    ['a tour’s events in tour order, up to the current step', alphaTour, 2, ['alpha-war', 'alpha-revolution']],
    ['nothing before the first step', pakistanLike, -1, []],
  ])('reveals %s', (_name, deck, position, expected) => {
    expect([...revealedEventIds(deck, position)]).toEqual(expected);
  });
});

describe('formatProgress', () => {
  const twentyThree = deckFromEvents(Array.from({ length: 23 }, () => event('alpha-war')));
  it.each<[string, PresentationDeck, number, string]>([
    ['the step among the events', twentyThree, 6, '7 of 23'],
    ['the first event', pakistanLike, 0, '1 of 3'],
    ['the title card as the introduction', alphaTour, 0, 'Introduction'],
    ['tour events counted after the title card', alphaTour, 1, '1 of 3'],
    ['the last tour event', alphaTour, 3, '3 of 3'],
    ['how many events there are before the first step', pakistanLike, -1, '3 events'],
    ['an empty deck', EMPTY_DECK, -1, 'No events'],
  ])('says %s', (_name, deck, position, expected) => {
    expect(formatProgress(deck, position)).toBe(expected);
  });
});

describe('stepWindow', () => {
  const timeOrdered = index.events;
  const centreOf = (id: string) => {
    const found = event(id);
    return found.startMs + (found.endMs - found.startMs) / 2;
  };
  const contains = (window: { start: number; end: number } | undefined, time: number) =>
    window !== undefined && window.start < time && time < window.end;

  it.each<[string, string]>([
    ['a day-precise event between close neighbours', 'bhutto-assassinated'],
    ['a month-precise event', 'alpha-revolution'],
    ['an event with a neighbour years away', 'khomeini-dies'],
  ])('centres %s and shows its neighbours in time', (_name, id) => {
    const deck = deckFromEvents([event(id)]);
    const window = stepWindow(deck, 0, timeOrdered);
    const position = timeOrdered.findIndex((other) => other.id === id);
    expect(window).toBeDefined();
    expect(((window?.start ?? 0) + (window?.end ?? 0)) / 2).toBeCloseTo(centreOf(id), -3);
    const before = timeOrdered[position - 1];
    const after = timeOrdered[position + 1];
    if (before) expect(contains(window, before.endMs - 1)).toBe(true);
    if (after) expect(contains(window, after.startMs + 1)).toBe(true);
  });

  it('never zooms closer than the minimum step window', () => {
    const window = stepWindow(deckFromEvents([event('bhutto-assassinated')]), 0, [event('bhutto-assassinated')]);
    expect((window?.end ?? 0) - (window?.start ?? 0)).toBe(MIN_STEP_WINDOW_MS);
  });

  it('stays within the limit when neighbours are far apart', () => {
    const limit = { start: makeLocalDate(1900, 1, 1).getTime(), end: makeLocalDate(1950, 1, 1).getTime() };
    const window = stepWindow(deckFromEvents([event('constitutional-revolution')]), 0, timeOrdered, limit);
    expect((window?.end ?? 0) - (window?.start ?? 0)).toBeLessThanOrEqual(limit.end - limit.start + 1);
  });

  it('shows a title card’s story period, and nothing for no step', () => {
    const window = stepWindow(alphaTour, 0, timeOrdered);
    expect(contains(window, makeLocalDate(1979, 1, 2).getTime())).toBe(true);
    expect(contains(window, makeLocalDate(1989, 12, 30).getTime())).toBe(true);
    expect(contains(window, makeLocalDate(1977, 1, 1).getTime())).toBe(false);
    expect(stepWindow(alphaTour, 9, timeOrdered)).toBeUndefined();
  });

  it('shows the span of a tour’s events when its story is unknown', () => {
    const deck = deckFromTour(tour([{ event: 'beta-emergency' }, { event: 'beta-election' }], 'no-such-story'), index);
    const window = stepWindow(deck, 0, timeOrdered);
    expect(contains(window, event('beta-emergency').startMs)).toBe(true);
    expect(contains(window, event('beta-election').endMs - 1)).toBe(true);
  });
});

describe('presentationKeyCommand', () => {
  it.each<[string, string | undefined]>([
    ['ArrowRight', 'next'],
    ['ArrowDown', 'next'],
    ['PageDown', 'next'],
    [' ', 'next'],
    ['Enter', 'next'],
    ['ArrowLeft', 'previous'],
    ['ArrowUp', 'previous'],
    ['PageUp', 'previous'],
    ['Home', 'first'],
    ['End', 'last'],
    ['Escape', 'exit'],
    ['b', 'black'],
    ['B', 'black'],
    ['.', 'black'],
    ['w', 'white'],
    ['W', 'white'],
    [',', 'white'],
    ['F5', undefined],
    ['a', undefined],
    ['Tab', undefined],
    ['toString', undefined],
  ])('maps %j to %s', (key, expected) => {
    expect(presentationKeyCommand(key)).toBe(expected);
  });
});

describe('applyScreenCommand', () => {
  it.each<[ScreenCover | undefined, Exclude<PresentationCommand, 'exit'>, ScreenCover | undefined, StepCommand | undefined]>([
    // On the slide: B and W blank it, step keys step.
    [undefined, 'black', 'black', undefined],
    [undefined, 'white', 'white', undefined],
    [undefined, 'next', undefined, 'next'],
    [undefined, 'previous', undefined, 'previous'],
    [undefined, 'first', undefined, 'first'],
    // Blank: the same key again, or any step key, shows the same slide; the other colour swaps.
    ['black', 'black', undefined, undefined],
    ['white', 'white', undefined, undefined],
    ['black', 'white', 'white', undefined],
    ['white', 'black', 'black', undefined],
    ['black', 'next', undefined, undefined],
    ['black', 'previous', undefined, undefined],
    ['white', 'last', undefined, undefined],
  ])('with the screen %s, %s leaves it %s and steps %s', (cover, command, after, step) => {
    expect(applyScreenCommand(cover, command)).toEqual({ cover: after, step });
  });
});
