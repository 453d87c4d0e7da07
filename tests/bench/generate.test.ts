import { describe, expect, it } from 'vitest';
import { ACTOR_COUNT, COUNTRY_COUNT, FIRST_YEAR, TYPE_COUNT, YEARS, generateDataset, seededRandom } from '../../bench/generate.ts';
import { validateDataset } from '../../src/domain/validate-dataset.ts';

describe('the benchmark dataset generator', () => {
  it.each([0, 1, 100, 2_000])('writes a valid dataset of %i events in the app format', (count) => {
    const result = validateDataset(generateDataset(count));
    expect(result.ok ? [] : result.problems).toEqual([]);
    if (!result.ok) return;
    expect(result.dataset.events).toHaveLength(count);
    expect(result.dataset.countries).toHaveLength(COUNTRY_COUNT);
    expect(result.dataset.types).toHaveLength(TYPE_COUNT);
    expect(result.dataset.actors).toHaveLength(ACTOR_COUNT);
  });

  it('gives the same file for the same seed and a different one for another seed', () => {
    expect(JSON.stringify(generateDataset(300, 7))).toBe(JSON.stringify(generateDataset(300, 7)));
    expect(JSON.stringify(generateDataset(300, 7))).not.toBe(JSON.stringify(generateDataset(300, 8)));
  });

  it('mixes points and ranges and day, month and year precision over the 70 years', () => {
    const events = generateDataset(2_000).events;
    const share = (test: (event: (typeof events)[number]) => boolean) => events.filter(test).length / events.length;
    expect(share((event) => event.end !== undefined)).toBeGreaterThan(0.1);
    expect(share((event) => event.end === undefined)).toBeGreaterThan(0.7);
    for (const precision of ['day', 'month', 'year'] as const) expect(share((event) => event.precision === precision)).toBeGreaterThan(0.1);
    const years = events.map((event) => Number(event.start.slice(0, 4)));
    expect(Math.min(...years)).toBe(FIRST_YEAR);
    expect(Math.max(...years)).toBe(FIRST_YEAR + YEARS - 1);
  });

  it('draws seeded numbers in [0, 1)', () => {
    const random = seededRandom(42);
    const draws = Array.from({ length: 1_000 }, random);
    expect(draws.every((value) => value >= 0 && value < 1)).toBe(true);
    expect(new Set(draws).size).toBeGreaterThan(990);
  });
});
