import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { exportCsv, exportJson } from '../../src/domain/export-dataset.ts';
import { parseDatasetFile } from '../../src/domain/import-dataset.ts';
import { appStore, pickViewState } from '../../src/store/app-store.ts';
import { selectVisibleEvents } from '../../src/store/selectors.ts';
import { renderApp } from '../support/render-app.tsx';

// A made-up story, unlike anything built in: its own countries, types and actors.
const LAKESHORE_CSV = [
  'title,start,end,country,type,actors,summary,source,quote',
  'Ferry line opens,1921-05-02,,Lakeshore,Transport,Mira Holt,The first ferry crosses the lake.,Lake Courier,"The ferry sailed at dawn, full."',
  'Harbour fire,1924-autumn,,Lakeshore,Disaster,,,,',
  'Bridge vote,1930,,Upper Vale,Vote,Mira Holt; Tom Esk,,Lake Courier,',
].join('\n');

// Two bad rows: an impossible date and a missing country.
const BROKEN_CSV = ['title,start,country', 'Good row,1990,Lakeshore', 'Bad date,1990-02-30,Lakeshore', 'No country,1991,'].join('\n');

const fileInput = () => screen.getByLabelText('Choose a CSV or JSON file to open');
const filters = () => screen.getByRole('complementary', { name: 'Filters' });
const countryFilter = () => within(within(filters()).getByRole('group', { name: 'Country' }));
const dataset = () => screen.getByRole('group', { name: 'Dataset' });

function csvFile(name: string, text: string): File {
  return new File([text], name, { type: 'text/csv' });
}

describe('opening a dataset', () => {
  it('shows a chosen CSV of a made-up story: its events, its own countries in the filters, its name', async () => {
    const { user } = renderApp();
    expect(countryFilter().getByRole('checkbox', { name: 'Pakistan' })).toBeInTheDocument();

    await user.upload(fileInput(), csvFile('lakeshore.csv', LAKESHORE_CSV));

    expect(await screen.findByText('Opened “lakeshore”: 3 events in 2 countries.')).toBeInTheDocument();
    await waitFor(() => expect(countryFilter().getAllByRole('checkbox')).toHaveLength(2));
    expect(countryFilter().getByRole('checkbox', { name: 'Lakeshore' })).toBeInTheDocument();
    expect(countryFilter().getByRole('checkbox', { name: 'Upper Vale' })).toBeInTheDocument();
    expect(countryFilter().queryByRole('checkbox', { name: 'Pakistan' })).not.toBeInTheDocument();
    expect(within(screen.getByRole('banner')).getByText('lakeshore')).toBeInTheDocument();
    expect(within(screen.getByRole('group', { name: 'Results' })).getByRole('status')).toHaveTextContent('3 events');
    await user.click(screen.getByRole('button', { name: 'List' }));
    const list = screen.getByRole('region', { name: 'Event list' });
    expect(within(list).getAllByRole('button').map((button) => button.textContent)).toEqual([
      expect.stringContaining('Ferry line opens'),
      expect.stringContaining('Harbour fire'),
      expect.stringContaining('Bridge vote'),
    ]);
  });

  it('opens the app’s own JSON format', async () => {
    const { user } = renderApp();
    const json = readFileSync(resolve(import.meta.dirname, '..', 'fixtures', 'sample-dataset.json'), 'utf8');
    await user.upload(fileInput(), new File([json], 'sample.json', { type: 'application/json' }));
    expect(await screen.findByText('Opened “Sample dataset for tests”: 9 events in 3 countries.')).toBeInTheDocument();
    expect(countryFilter().getByRole('checkbox', { name: 'Gammaria' })).toBeInTheDocument();
    // Its stories come with it, as navigation buttons.
    expect(screen.getByRole('button', { name: 'Alphaland 1979–1989' })).toBeInTheDocument();
  });

  it('works with search and presentation once opened', async () => {
    const { user } = renderApp();
    await user.upload(fileInput(), csvFile('lakeshore.csv', LAKESHORE_CSV));
    await screen.findByText(/Opened “lakeshore”/);
    await user.type(within(filters()).getByRole('searchbox', { name: 'Search events' }), 'ferry');
    await waitFor(() => expect(within(screen.getByRole('group', { name: 'Results' })).getByRole('status')).toHaveTextContent('1 of 3 events'));
    await user.clear(within(filters()).getByRole('searchbox', { name: 'Search events' }));

    await user.click(within(screen.getByRole('group', { name: 'Classroom' })).getByRole('button', { name: 'Present' }));
    const presentation = screen.getByRole('region', { name: 'Presentation' });
    expect(within(presentation).getByRole('heading', { name: 'Ferry line opens' })).toBeInTheDocument();
    await user.click(within(presentation).getByRole('button', { name: 'Next event' }));
    expect(within(presentation).getByRole('heading', { name: 'Harbour fire' })).toBeInTheDocument();
  });

  it('shows an event without summary or source without inventing them', async () => {
    const { user } = renderApp();
    await user.upload(fileInput(), csvFile('lakeshore.csv', LAKESHORE_CSV));
    await screen.findByText(/Opened “lakeshore”/);
    act(() => appStore.getState().actions.selectEvent('harbour-fire'));
    const details = screen.getByRole('region', { name: 'Event details' });
    expect(within(details).getByRole('heading', { level: 2 })).toHaveTextContent('Harbour fire');
    expect(within(details).queryByRole('heading', { name: 'Source' })).not.toBeInTheDocument();
    expect(details.querySelector('.event-details__summary')).toBeNull();

    act(() => appStore.getState().actions.selectEvent('bridge-vote'));
    expect(within(details).getByRole('heading', { name: 'Source' })).toBeInTheDocument();
    expect(within(details).getByText('Lake Courier')).toBeInTheDocument();
    expect(details.querySelector('blockquote')).toBeNull();
  });

  it('lists every problem of a broken file and keeps the timeline, filters, window and selection as they were', async () => {
    const { user } = renderApp();
    await user.click(countryFilter().getByRole('checkbox', { name: 'Iran' }));
    const eventId = selectVisibleEvents(appStore.getState())[0]?.id;
    act(() => appStore.getState().actions.selectEvent(eventId));
    const before = appStore.getState();

    await user.upload(fileInput(), csvFile('broken.csv', BROKEN_CSV));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not open “broken.csv”. The timeline you had is unchanged.');
    expect(within(alert).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      "row 3, column start: '1990-02-30' is not a date: day 30 does not exist in that month; use YYYY, YYYY-MM, YYYY-MM-DD or YYYY-season (e.g. 2007-spring)",
      'row 4, column country: is empty',
    ]);
    const after = appStore.getState();
    expect(after.data).toBe(before.data);
    expect(pickViewState(after)).toEqual(pickViewState(before));
    expect(countryFilter().getByRole('checkbox', { name: 'Iran' })).toBeChecked();
  });

  it('says a dataset is loading while it is read', async () => {
    renderApp();
    act(() => appStore.getState().actions.setLoadingDataset('big.csv'));
    expect(within(dataset()).getByRole('status')).toHaveTextContent('Loading dataset “big.csv”…');
  });
});

describe('downloading the events shown', () => {
  function captureDownloads() {
    const blobs: Blob[] = [];
    const names: string[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return `blob:test/${blobs.length}`;
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    return { blobs, names };
  }

  it('saves exactly the filtered events as CSV, which opens again as the same events', async () => {
    const downloads = captureDownloads();
    const { user } = renderApp();
    await user.click(countryFilter().getByRole('checkbox', { name: 'Pakistan' }));
    const state = appStore.getState();
    const visible = selectVisibleEvents(state);
    const index = state.data?.index;
    if (!index) throw new Error('no data');

    await user.click(within(dataset()).getByRole('button', { name: 'Download' }));
    const menu = within(dataset()).getByRole('group', { name: 'Download the events shown' });
    expect(menu).toHaveTextContent(`The ${visible.length} of ${index.events.length} events that match the filters`);
    await user.click(within(menu).getByRole('button', { name: 'Download CSV' }));

    await waitFor(() => expect(downloads.blobs).toHaveLength(1));
    const text = await downloads.blobs[0]?.text();
    expect(text?.replace(/^\uFEFF/, '')).toBe(exportCsv(index, visible).replace(/^\uFEFF/, ''));
    expect(downloads.names).toEqual(['iran-1979-2009-pakistan-2007-08-momentum-2016-17.csv']);
    expect(within(dataset()).getByRole('status')).toHaveTextContent(`Saved ${visible.length} events as CSV.`);
    const reopened = parseDatasetFile({ name: 'again.csv', text: text ?? '' });
    expect(reopened.ok && reopened.dataset.events.map((event) => event.id)).toEqual(visible.map((event) => event.id));
  });

  it('saves the app’s JSON and a calendar, saying how many events a calendar cannot hold', async () => {
    const downloads = captureDownloads();
    const { user } = renderApp();
    // Two events a calendar cannot date (before the year 1) among three.
    const csv = ['title,start,country', 'Caesar dies,-0044-03-15,Rome', 'Rome founded,-0753,Rome', 'Pompeii buried,0079-08-24,Rome'].join('\n');
    await user.upload(fileInput(), csvFile('rome.csv', csv));
    await screen.findByText(/Opened “rome”/);
    const index = appStore.getState().data?.index;
    if (!index) throw new Error('no data');

    await user.click(within(dataset()).getByRole('button', { name: 'Download' }));
    await user.click(screen.getByRole('button', { name: 'Download JSON' }));
    await waitFor(() => expect(downloads.blobs).toHaveLength(1));
    expect(await downloads.blobs[0]?.text()).toBe(exportJson(index, index.events));

    await user.click(within(dataset()).getByRole('button', { name: 'Download' }));
    await user.click(screen.getByRole('button', { name: 'Download calendar (.ics)' }));
    await waitFor(() => expect(downloads.blobs).toHaveLength(2));
    const ics = (await downloads.blobs[1]?.text()) ?? '';
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(downloads.names).toEqual(['rome.json', 'rome.ics']);
    expect(within(dataset()).getByRole('status')).toHaveTextContent(
      'Saved 1 event as a calendar; 2 events left out, as calendars cannot hold dates before the year 1 or after 9999.',
    );
  });
});
