import { describe, expect, it } from 'vitest';
import { type IndexedDataset, indexDataset } from '../../src/domain/dataset.ts';
import { exportCsv, exportJson } from '../../src/domain/export-dataset.ts';
import { escapeText, exportIcs, foldLine, isIcsRepresentable } from '../../src/domain/ics-export.ts';
import { type ImportResult, parseDatasetFile } from '../../src/domain/import-dataset.ts';
import type { Dataset, EventRecord } from '../../src/domain/schema.ts';
import { validateDataset } from '../../src/domain/validate-dataset.ts';
import { loadSampleDataset, loadSampleIndex } from '../fixtures/sample-dataset.ts';

function reimport(name: string, text: string): Dataset {
  const result: ImportResult = parseDatasetFile({ name, bytes: new TextEncoder().encode(text) });
  if (!result.ok) throw new Error(`re-import failed: ${JSON.stringify(result.problems)}`);
  return result.dataset;
}

/** The sample dataset plus extra events, validated like any other. */
function indexWith(...extra: Partial<EventRecord>[]): IndexedDataset {
  const sample = loadSampleDataset();
  const base = sample.events.find((event) => event.id === 'khomeini-dies');
  const events = extra.map((changes) => ({ ...base, ...changes }));
  const result = validateDataset({ ...sample, events: [...sample.events, ...events] });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return indexDataset(result.dataset);
}

describe('exportCsv', () => {
  it('writes a BOM, the import header and CRLF rows with RFC 4180 quoting', () => {
    const index = loadSampleIndex();
    const csv = exportCsv(index, [index.eventsById.get('alpha-war'), index.eventsById.get('alpha-revolution')].flatMap((event) => (event ? [event] : [])));
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFid,title,start,end,country,type,actors,summary,source,quote',
      'alpha-war,Alpha–Omega war,1980,1988,Alphaland,War and conflict,,A long war with a neighbour.,A sample article,the war of 1980-88',
      'alpha-revolution,Revolution in Alphaland,1979-02,,Alphaland,Revolution,Ruhollah Khomeini,The old regime falls.,A sample article,the revolution of February 1979',
      '',
    ]);
  });

  it('round-trips through import with the same titles, dates, countries, types, actors, summaries, sources and quotes', () => {
    const index = indexWith(
      { id: 'tricky', title: 'A "quoted", multi-line\ntitle', summary: 'Commas, "quotes"; semicolons', actors: ['benazir-bhutto', 'jeremy-corbyn'] },
      { id: 'bare', title: 'No summary, no source', summary: undefined, source: undefined },
      { id: 'unquoted', title: 'A source without a quote', source: { article: 'sample-source' } },
    );
    const imported = reimport('export.csv', exportCsv(index, index.events));
    const names = (dataset: Dataset, event: EventRecord) => ({
      id: event.id,
      title: event.title,
      start: event.start,
      end: event.end,
      precision: event.precision,
      country: dataset.countries.find((country) => country.id === event.country)?.name,
      type: dataset.types.find((type) => type.id === event.type)?.label,
      actors: event.actors.map((id) => dataset.actors.find((actor) => actor.id === id)?.name),
      summary: event.summary,
      source: dataset.sources.find((source) => source.id === event.source?.article)?.title,
      quote: event.source?.quote,
    });
    expect(imported.events.map((event) => names(imported, event))).toEqual(index.events.map(({ record }) => names(index.dataset, record)));
    const bare = imported.events.find((event) => event.id === 'bare');
    expect(bare && 'summary' in bare).toBe(false);
    expect(bare && 'source' in bare).toBe(false);
  });

  it('keeps an actor whose name holds a semicolon or a backslash one actor through export and import', () => {
    const sample = loadSampleDataset();
    const tricky = [
      { id: 'smith-jones', name: 'Smith; Jones & Partners', kind: 'organisation' as const, roles: [] },
      { id: 'backslash', name: 'Back\\slash\\', kind: 'group' as const, roles: [] },
    ];
    const base = sample.events.find((event) => event.id === 'khomeini-dies');
    const result = validateDataset({
      ...sample,
      actors: [...sample.actors, ...tricky],
      events: [...sample.events, { ...base, id: 'firm-event', title: 'Firm event', actors: ['smith-jones', 'backslash', 'jeremy-corbyn'] }],
    });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const index = indexDataset(result.dataset);
    const event = index.eventsById.get('firm-event');
    if (!event) throw new Error('no firm-event');
    const csv = exportCsv(index, [event]);
    expect(csv).toContain('Smith\\; Jones & Partners; Back\\\\slash\\\\; Jeremy Corbyn');
    const imported = reimport('export.csv', csv);
    const names = imported.events[0]?.actors.map((id) => imported.actors.find((actor) => actor.id === id)?.name);
    // Before, the first name came back as two actors, "Smith" and "Jones & Partners".
    expect(names).toEqual(['Smith; Jones & Partners', 'Back\\slash\\', 'Jeremy Corbyn']);
  });

  it('writes empty summary, source and quote cells for an event that has none', () => {
    const index = indexWith({ id: 'bare', title: 'Bare', summary: undefined, source: undefined });
    const bare = index.eventsById.get('bare');
    expect(bare && exportCsv(index, [bare]).split('\r\n')[1]).toBe('bare,Bare,1989-06-03,,Alphaland,Assassination,Ruhollah Khomeini,,,');
  });

  it('neutralises formula-like text but leaves BCE dates alone, and import restores both exactly', () => {
    const index = indexWith({
      id: 'caesar',
      title: '=HYPERLINK("http://evil","click")',
      summary: '+1 more',
      start: '-0044-03-15',
      precision: 'day',
      source: { article: 'sample-source', quote: "@everyone '=not a formula" },
    });
    const caesar = index.eventsById.get('caesar');
    if (!caesar) throw new Error('caesar missing');
    const csv = exportCsv(index, [caesar]);
    const row = csv.split('\r\n')[1];
    expect(row).toBe(`caesar,"'=HYPERLINK(""http://evil"",""click"")",-0044-03-15,,Alphaland,Assassination,Ruhollah Khomeini,'+1 more,A sample article,'@everyone '=not a formula`);
    const [event] = reimport('caesar.csv', csv).events;
    expect([event?.title, event?.summary, event?.start, event?.source?.quote]).toEqual([caesar.record.title, '+1 more', '-0044-03-15', "@everyone '=not a formula"]);
  });
});

describe('exportJson', () => {
  it('round-trips the whole dataset unchanged', () => {
    const index = loadSampleIndex();
    expect(reimport('all.json', exportJson(index, index.events))).toEqual(loadSampleDataset());
  });

  it.each([
    {
      name: 'part of a story keeps its tour, cut to the steps that remain',
      ids: ['alpha-revolution', 'alpha-war', 'velayat-founded'],
      expected: { stories: ['alpha'], countries: ['alphaland'], types: ['revolution', 'conflict'], actors: ['ruhollah-khomeini', 'velayat-council'], tours: [['alpha-tour', ['alpha-revolution', 'alpha-war']]] },
    },
    {
      name: 'an event outside every tour drops the tours and keeps its story’s and actors’ countries',
      ids: ['gamma-rally'],
      expected: { stories: ['beta'], countries: ['betastan', 'gammaria'], types: ['election'], actors: ['jeremy-corbyn'], tours: [] },
    },
  ])('$name', ({ ids, expected }) => {
    const index = loadSampleIndex();
    const chosen = index.events.filter((event) => ids.includes(event.id));
    const text = exportJson(index, chosen);
    expect(text).toMatch(/^\{\n {2}"format": "timeline-explorer",\n {2}"version": 1,/);
    const dataset = reimport('part.json', text);
    expect(dataset.events).toEqual(index.dataset.events.filter((event) => ids.includes(event.id)));
    expect({
      stories: dataset.stories.map((story) => story.id),
      countries: dataset.countries.map((country) => country.id),
      types: dataset.types.map((type) => type.id),
      actors: dataset.actors.map((actor) => actor.id),
      tours: dataset.tours.map((tour) => [tour.id, tour.steps.map((step) => step.event)]),
    }).toEqual(expected);
    expect(dataset.sources.map((source) => source.id)).toEqual(['sample-source']);
  });

  it('writes no events as empty collections, which import refuses like any file with nothing to show', () => {
    const text = exportJson(loadSampleIndex(), []);
    expect(JSON.parse(text)).toMatchObject({ stories: [], countries: [], types: [], actors: [], events: [], tours: [] });
    expect(parseDatasetFile({ name: 'none.json', text })).toEqual({
      ok: false,
      problems: [{ where: 'events', message: 'is an empty array; the file has no events to show' }],
    });
  });
});

/** A tiny iCalendar reader for tests: unfolds lines and collects each VEVENT's properties. */
function parseIcs(text: string): Record<string, string>[] {
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | undefined;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT' && current) {
      events.push(current);
      current = undefined;
    } else if (current) {
      const colon = line.indexOf(':');
      current[line.slice(0, colon)] = line.slice(colon + 1);
    }
  }
  return events;
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, char: string) => (char.toLowerCase() === 'n' ? '\n' : char));
}

describe('exportIcs', () => {
  const index = indexWith(
    { id: 'year-only', title: 'Khamenei becomes supreme leader', start: '1989', precision: 'year' },
    { id: 'winter', title: 'A winter', start: '2007-winter', precision: 'season' },
    {
      id: 'escapes',
      title: 'Back\\slash; semi, comma',
      summary: 'Line one\nLine two',
      start: '2001-09-11',
      precision: 'day',
    },
    {
      id: 'long-unicode',
      title: `${'Velâyat-e Faqih – ولایت فقیه – '.repeat(6)}end`,
      start: '1979-04-01',
      precision: 'day',
    },
    { id: 'caesar', title: 'Caesar dies', start: '-0044-03-15', precision: 'day' },
    { id: 'bare', title: 'Bare', summary: undefined, source: undefined },
    { id: 'unquoted', title: 'Unquoted', source: { article: 'sample-source' } },
  );
  const now = new Date(Date.UTC(2024, 4, 6, 7, 8, 9));
  const ics = exportIcs(index, index.events, { now });
  const byUid = new Map(parseIcs(ics).map((event) => [event.UID, event]));
  const entry = (id: string) => byUid.get(`${id}@timeline-explorer`) ?? {};

  it.each([
    ['khomeini-dies', 'day', '19890603', '19890604'],
    ['alpha-revolution', 'month', '19790201', '19790301'],
    ['velayat-founded', 'spring', '19790301', '19790601'],
    ['winter', 'winter, into the next year', '20071201', '20080301'],
    ['year-only', 'year', '19890101', '19900101'],
    ['alpha-war', 'range of years', '19800101', '19890101'],
    ['beta-emergency', 'range of days', '20071103', '20071216'],
  ])('%s (%s) spans %s to %s, end exclusive', (id, _, start, end) => {
    expect([entry(id)['DTSTART;VALUE=DATE'], entry(id)['DTEND;VALUE=DATE']]).toEqual([start, end]);
  });

  it.each([
    ['year-only', 'Khamenei becomes supreme leader (1989)', 'Date: 1989 (year only; the calendar entry spans the whole year)'],
    ['velayat-founded', 'Velâyat council founded (c. Spring 1979)', 'Date: c. Spring 1979 (season only; the calendar entry spans the whole season, March to May)'],
    ['alpha-revolution', 'Revolution in Alphaland (February 1979)', 'Date: February 1979 (month only; the calendar entry spans the whole month)'],
    ['alpha-war', 'Alpha–Omega war (1980–1988)', 'Date: 1980–1988 (not given to the day; the calendar entry runs from the start of 1980 to the end of 1988)'],
    ['khomeini-dies', 'Khomeini dies', 'Date: 3 June 1989\n\nThe first leader dies.\n\nSource: A sample article: "died on 3 June 1989"'],
  ])('%s says how precise its date is', (id, summary, description) => {
    expect(unescapeText(entry(id).SUMMARY ?? '')).toBe(summary);
    expect(unescapeText(entry(id).DESCRIPTION ?? '')).toMatch(new RegExp(`^${description.replace(/[()[\]\\.*+?^$|{}]/g, '\\$&')}`));
  });

  it.each([
    ['bare', 'Date: 3 June 1989'],
    ['unquoted', 'Date: 3 June 1989\n\nThe first leader dies.\n\nSource: A sample article'],
  ])('%s describes only what the record gives', (id, description) => {
    expect(unescapeText(entry(id).DESCRIPTION ?? '')).toBe(description);
  });

  it('escapes backslashes, semicolons, commas and line breaks', () => {
    expect(entry('escapes').SUMMARY).toBe('Back\\\\slash\\; semi\\, comma');
    expect(entry('escapes').DESCRIPTION).toContain('Line one\\nLine two');
    expect(unescapeText(entry('escapes').SUMMARY ?? '')).toBe('Back\\slash; semi, comma');
  });

  it('uses CRLF only and folds lines to at most 75 octets without breaking characters', () => {
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const octets = ics.split('\r\n').map((line) => new TextEncoder().encode(line).length);
    expect(Math.max(...octets)).toBeLessThanOrEqual(75);
    expect(unescapeText(entry('long-unicode').SUMMARY ?? '')).toBe(index.eventsById.get('long-unicode')?.record.title);
  });

  it('stamps every entry and gives each a stable UID, leaving out what iCalendar cannot date', () => {
    expect(byUid.size).toBe(index.events.length - 1);
    expect(entry('caesar').UID).toBeUndefined();
    expect(index.events.filter((event) => !isIcsRepresentable(event)).map((event) => event.id)).toEqual(['caesar']);
    expect(entry('khomeini-dies').DTSTAMP).toBe('20240506T070809Z');
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
  });

  it.each([
    ['plain', 'plain'],
    ['a;b,c\\d', 'a\\;b\\,c\\\\d'],
    ['one\r\ntwo\rthree\nfour', 'one\\ntwo\\nthree\\nfour'],
    ['bell\u0007gone', 'bellgone'],
  ])('escapeText(%j) → %j', (text, escaped) => {
    expect(escapeText(text)).toBe(escaped);
  });

  it.each([
    ['short', ['short']],
    ['x'.repeat(75), ['x'.repeat(75)]],
    ['x'.repeat(76), ['x'.repeat(75), ' x']],
    [`${'x'.repeat(74)}é`, ['x'.repeat(74), ' é']],
    [`${'x'.repeat(73)}😀`, ['x'.repeat(73), ' 😀']],
  ])('foldLine splits %j at octet 75', (line, pieces) => {
    expect(foldLine(line).split('\r\n')).toEqual(pieces);
  });
});

describe('the actors cell', () => {
  it('splits at unescaped semicolons only, undoing escapes, and reads a hand-written cell as before', async () => {
    const { joinActorNames, splitActorNames } = await import('../../src/domain/csv-format.ts');
    expect(splitActorNames('Ann Lee; Bob Roe ;; ')).toEqual(['Ann Lee', 'Bob Roe']);
    expect(splitActorNames(String.raw`A\; B; C\\; D\x`)).toEqual(['A; B', 'C\\', String.raw`D\x`]);
    for (const names of [['plain'], ['semi;colon', 'back\\slash\\'], [';', '\\', '\\;'], []]) {
      expect(splitActorNames(joinActorNames(names))).toEqual(names);
    }
  });
});
