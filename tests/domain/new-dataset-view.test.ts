import { describe, expect, it } from 'vitest';
import { fitAllWindow } from '../../src/domain/link-view.ts';
import { viewForNewDataset } from '../../src/domain/new-dataset-view.ts';
import { buildSearchIndex } from '../../src/domain/search.ts';
import { DEFAULT_VIEW_STATE, type ViewState } from '../../src/domain/view-state.ts';
import { loadSampleIndex } from '../fixtures/sample-dataset.ts';

const index = loadSampleIndex();
const search = buildSearchIndex(index);
const OLD_WINDOW = { start: 0, end: 1 };

describe('viewForNewDataset', () => {
  it.each<[string, Partial<ViewState>, Partial<ViewState>]>([
    ['keeps ids the dataset has and drops the others', { countries: ['betastan', 'iran'], types: ['election', 'speech'], actors: ['benazir-bhutto', 'nobody'] }, { countries: ['betastan'], types: ['election'], actors: ['benazir-bhutto'] }],
    ['keeps a search that finds something', { query: 'Bhutto' }, { query: 'Bhutto' }],
    ['clears a search that finds nothing', { query: 'Corbynista' }, { query: '' }],
    ['keeps a selected event the dataset has', { selectedEventId: 'beta-election' }, { selectedEventId: 'beta-election' }],
    ['drops a selected event it has not', { selectedEventId: 'iran-1979-revolution' }, { selectedEventId: undefined }],
    ['keeps the view mode and context switch', { view: 'list', showContext: false }, { view: 'list', showContext: false }],
    ['ends a presentation of the old data', { present: true, reveal: true, tour: 'alpha-tour' }, { present: false, reveal: false, tour: undefined }],
    ['keeps the embedded layout', { embed: true }, { embed: true }],
  ])('%s', (_, given, expected) => {
    const view = viewForNewDataset({ ...DEFAULT_VIEW_STATE, window: OLD_WINDOW, ...given }, index, search, { dataUrl: undefined, dataFile: undefined });
    expect(view).toEqual({ ...DEFAULT_VIEW_STATE, window: fitAllWindow(index), ...given, ...expected });
  });

  it.each([
    ['an address', { dataUrl: 'https://example.org/story.csv', dataFile: undefined }],
    ['a file (its key: it has no address)', { dataUrl: undefined, dataFile: 'k1-2' }],
    ['the built-in stories', { dataUrl: undefined, dataFile: undefined }],
  ])('records where the dataset came from: %s', (_, source) => {
    const view = viewForNewDataset({ ...DEFAULT_VIEW_STATE, dataUrl: 'old.csv', dataFile: 'k1-1' }, index, search, source);
    expect({ dataUrl: view.dataUrl, dataFile: view.dataFile }).toEqual(source);
  });
});
