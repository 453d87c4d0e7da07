import { describe, expect, it } from 'vitest';
import { loadSampleIndex } from '../fixtures/sample-dataset.ts';

describe('sample dataset fixture', () => {
  it('validates and indexes with events sorted by start', () => {
    const index = loadSampleIndex();
    expect(index.events.map((event) => event.id)[0]).toBe('constitutional-revolution');
    expect(index.laneCountries.map((country) => country.name)).toEqual(['Alphaland', 'Betastan', 'Gammaria']);
  });
});
