// Every malformed fixture, opened through "Open dataset", is refused whole: an alert names the file and lists each
// problem with its place, the view the user had (data, filters, selection, window) is unchanged, and nothing in the
// file reaches Object.prototype.
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/domain/dataset.ts';
import { parseDatasetFile } from '../../src/domain/import-dataset.ts';
import { appStore, pickViewState } from '../../src/store/app-store.ts';
import { selectVisibleEvents } from '../../src/store/selectors.ts';
import { renderApp } from '../support/render-app.tsx';

const MALFORMED = resolve(import.meta.dirname, '..', 'fixtures', 'malformed');
// Two fixtures are odd but valid (a byte order mark); they must open, so they are tested elsewhere.
const VALID_ODDITIES = new Set(['bom-utf8.json', 'utf16.csv']);
const FIXTURES = readdirSync(MALFORMED)
  .filter((name) => !name.startsWith('.') && !VALID_ODDITIES.has(name))
  .sort();

const MIME: Record<string, string> = { csv: 'text/csv', json: 'application/json', png: 'image/png', txt: 'text/plain' };

function fixtureFile(name: string): File {
  const bytes = new Uint8Array(readFileSync(resolve(MALFORMED, name)));
  return new File([bytes], name, { type: MIME[name.split('.').pop() ?? ''] ?? 'application/octet-stream' });
}

function expectedProblems(name: string): string[] {
  const result = parseDatasetFile({ name, bytes: new Uint8Array(readFileSync(resolve(MALFORMED, name))) });
  if (result.ok) throw new Error(`${name} should be malformed`);
  return result.problems.map(formatProblem);
}

const prototypeNames = () => Object.getOwnPropertyNames(Object.prototype).sort();

describe('malformed datasets opened through the page', () => {
  it('has at least 20 malformed fixtures, each refused with its own first problem', () => {
    expect(FIXTURES.length).toBeGreaterThanOrEqual(20);
    const firsts = FIXTURES.map((name) => expectedProblems(name)[0]);
    expect(new Set(firsts).size).toBe(FIXTURES.length);
  });

  it('refuses each one with an alert naming the file and every problem by place, and keeps the view as it was', async () => {
    const { user } = renderApp();
    const prototypeBefore = prototypeNames();
    const filters = screen.getByRole('complementary', { name: 'Filters' });
    await user.click(within(within(filters).getByRole('group', { name: 'Country' })).getByRole('checkbox', { name: 'Iran' }));
    const eventId = selectVisibleEvents(appStore.getState())[1]?.id;
    act(() => appStore.getState().actions.selectEvent(eventId));
    await user.click(screen.getByRole('button', { name: 'Zoom in' }));
    const before = appStore.getState();
    const input = screen.getByLabelText('Choose a CSV or JSON file to open');
    // A file dialog's "All files" (or a drop) lets any file through, whatever the input's accept list says.
    const anyFile = userEvent.setup({ applyAccept: false });

    for (const name of FIXTURES) {
      await anyFile.upload(input, fixtureFile(name));
      const alert = await screen.findByRole('alert');
      expect(alert, name).toHaveTextContent(`Could not open “${name}”. The timeline you had is unchanged.`);
      const items = within(alert)
        .getAllByRole('listitem')
        .map((item) => item.textContent);
      expect(items, name).toEqual(expectedProblems(name));
      // Each problem says where: a row and column, a path in the JSON, or the file itself.
      for (const item of items) expect(item, name).toMatch(/^(row \d+|line \d+|top level|[a-z]+(\[\d+\]|\.|:)|.*\.(csv|json|txt|png|xlsx)\b)/);

      const after = appStore.getState();
      expect(after.data, name).toBe(before.data);
      expect(pickViewState(after), name).toEqual(pickViewState(before));
      expect(prototypeNames(), name).toEqual(prototypeBefore);
      expect(({} as Record<string, unknown>).polluted, name).toBeUndefined();
      await user.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    }

    expect(within(filters).getByRole('checkbox', { name: 'Iran' })).toBeChecked();
    expect(within(screen.getByRole('region', { name: 'Event details' })).getByRole('heading', { level: 2 })).toHaveTextContent(
      before.data?.index.eventsById.get(eventId ?? '')?.record.title ?? 'missing',
    );
  }, 60_000);
});

describe('a field with a fixed set of values', () => {
  it('names the record, the field, the value given and the values allowed', async () => {
    const { user } = renderApp();
    const before = appStore.getState().data;
    const dataset = JSON.parse(readFileSync(resolve(import.meta.dirname, '..', 'fixtures', 'sample-dataset.json'), 'utf8')) as {
      events: Record<string, unknown>[];
    };
    dataset.events[2] = { ...dataset.events[2], precision: 'Season' };
    const file = new File([JSON.stringify(dataset)], 'seasons.json', { type: 'application/json' });
    await user.upload(screen.getByLabelText('Choose a CSV or JSON file to open'), file);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not open “seasons.json”. The timeline you had is unchanged.');
    expect(within(alert).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      "events[2], event 'velayat-founded', field 'precision': is 'Season'; expected one of 'day', 'month', 'season' or 'year'",
    ]);
    expect(appStore.getState().data).toBe(before);
  });
});
