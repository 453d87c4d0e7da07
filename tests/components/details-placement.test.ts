import { describe, expect, it } from 'vitest';
import { detailsBesideQuery, detailsPlacement, revealAlignment } from '../../src/components/details-placement.ts';

describe('detailsPlacement', () => {
  it.each([
    // Only a narrow screen's list, holding the selected event's row, shows the details under it.
    { view: 'list', beside: false, selectionListed: true, expected: 'list' },
    { view: 'list', beside: true, selectionListed: true, expected: 'panel' },
    { view: 'list', beside: false, selectionListed: false, expected: 'panel' },
    { view: 'timeline', beside: false, selectionListed: true, expected: 'panel' },
    { view: 'timeline', beside: true, selectionListed: true, expected: 'panel' },
  ] as const)('$view view, beside $beside, listed $selectionListed: $expected', ({ expected, ...input }) => {
    expect(detailsPlacement(input)).toBe(expected);
  });
});

describe('detailsBesideQuery', () => {
  it.each([
    { embed: false, expected: '(min-width: 64rem)' },
    { embed: true, expected: '(min-width: 44rem)' },
  ])('embed $embed: $expected, the widths the stylesheets put the details beside from', ({ embed, expected }) => {
    expect(detailsBesideQuery(embed)).toBe(expected);
  });
});

describe('revealAlignment', () => {
  it.each([
    { case: 'in view', top: 100, bottom: 700, expected: undefined },
    { case: 'filling the view exactly', top: 0, bottom: 844, expected: undefined },
    { case: 'running off the bottom, short', top: 500, bottom: 1200, expected: 'end' },
    { case: 'starting above, short', top: -200, bottom: 400, expected: 'start' },
    { case: 'running off the bottom, tall', top: 300, bottom: 1500, expected: 'start' },
    { case: 'starting above, tall (nearest would show its bottom)', top: -900, bottom: 400, expected: 'start' },
    { case: 'tall, from the top of the view', top: 0, bottom: 1500, expected: undefined },
    { case: 'far below', top: 19_000, bottom: 19_600, expected: 'end' },
  ] as const)('$case: $expected', ({ top, bottom, expected }) => {
    expect(revealAlignment(top, bottom, 844)).toBe(expected);
  });
});
