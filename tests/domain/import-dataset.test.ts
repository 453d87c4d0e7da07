import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, neutraliseFormula, restoreFormula } from '../../src/domain/csv-format.ts';
import { toSlug } from '../../src/domain/csv-import.ts';
import { type ImportResult, MAX_FILE_BYTES, firstInvalidUtf8, limitProblems, parseDatasetFile } from '../../src/domain/import-dataset.ts';
import { findForbiddenKeys, locateJsonSyntaxError, toLineColumn } from '../../src/domain/json-import.ts';
import type { Dataset } from '../../src/domain/schema.ts';
import { loadSampleDataset } from '../fixtures/sample-dataset.ts';

const FIXTURES = resolve(import.meta.dirname, '..', 'fixtures');

function importFixture(name: string): ImportResult {
  return parseDatasetFile({ name, bytes: new Uint8Array(readFileSync(resolve(FIXTURES, 'malformed', name))) });
}

function importText(name: string, text: string): ImportResult {
  return parseDatasetFile({ name, bytes: new TextEncoder().encode(text) });
}

function expectDataset(result: ImportResult): Dataset {
  if (!result.ok) throw new Error(`expected a dataset, got ${JSON.stringify(result.problems)}`);
  return result.dataset;
}

function problemsOf(result: ImportResult) {
  if (result.ok) throw new Error('expected problems, got a dataset');
  return result.problems;
}

const HEADER = 'id,title,start,end,country,type,actors,summary,source,quote';

// The smallest valid JSON dataset's records.
const COUNTRY = { id: 'alphaland', name: 'Alphaland' };
const TYPE = { id: 'election', label: 'Election', description: 'A vote.' };
const EVENT = { id: 'vote', story: 'alpha', country: 'alphaland', title: 'Vote', start: '1990', precision: 'year', type: 'election' };

describe('parseDatasetFile with malformed and hostile files', () => {
  // Each fixture is one class of bad input; the problem must say where and what, in the user's terms.
  it.each([
    ['json-syntax-error.json', 'line 5, column 17', "is not valid JSON: expected ',' or '}'"],
    ['truncated.json', 'line 15, column 2', 'the file ends before the JSON is complete'],
    ['trailing-comma.json', 'line 5, column 1', '(a trailing comma?)'],
    ['single-quotes.json', 'line 2, column 3', 'expected a property name in double quotes'],
    ['line-break-in-string.json', 'line 2, column 16', 'a string contains a line break'],
    ['bad-escape.json', 'line 1, column 15', "invalid escape '\\d'"],
    ['proto-pollution.json', 'top level', "key '__proto__' is not allowed"],
    ['constructor-key.json', 'types[0]', "key 'constructor' is not allowed"],
    ['duplicate-ids.json', "events[1], event 'first-vote', field 'id'", "duplicate id 'first-vote'"],
    ['end-before-start.json', "events[0], event 'first-vote', field 'end'", "end '1985' is before start '1990'"],
    ['empty.json', 'empty.json', 'is empty'],
    ['not-a-dataset.json', 'not-a-dataset.json', 'is not a Timeline Explorer dataset: expected a JSON object'],
    ['number.json', 'number.json', 'found a number'],
    ['unknown-type-ref.json', "events[0], event 'first-vote', field 'type'", "unknown type 'referendum'"],
    ['unknown-field.json', "events[0], event 'first-vote'", "has unknown field 'colour'"],
    ['huge-string.json', "events[0], event 'first-vote', field 'title'", 'must be at most 300 characters'],
    ['wrong-format.json', 'format', 'timeline-explorer'],
    ['missing-events.json', 'events', 'is missing (expected array)'],
    ['wrong-types.json', 'countries', 'is a string; expected an array'],
    ['no-events.json', 'events', 'is an empty array; the file has no events to show'],
    ['precision-mismatch.json', "events[0], event 'first-vote', field 'precision'", "'day' does not match start '1990-05'"],
    ['bad-id.json', "events[0], event 'First Vote', field 'id'", 'must be a kebab-case id'],
    ['duplicate-ids.csv', 'row 4, column id', "duplicate id 'vote' (also in row 2)"],
    ['impossible-date.csv', 'row 2, column start', "'2007-02-30' is not a date: day 30 does not exist in that month"],
    ['month-13.csv', 'row 14, column start', "'2007-13-01' is not a date: month 13 does not exist; use YYYY, YYYY-MM, YYYY-MM-DD"],
    ['end-before-start.csv', 'row 2, column end', "end '1980' is before start '1985'"],
    ['missing-title-column.csv', 'row 1', "the header row has no 'title' column"],
    ['missing-required-values.csv', 'row 3, column country', 'is empty'],
    ['empty.csv', 'empty.csv', 'is empty'],
    ['whitespace-only.csv', 'whitespace-only.csv', 'is empty'],
    ['no-data-rows.csv', 'row 1', 'followed by no data rows'],
    ['latin1.csv', 'latin1.csv', 'is not UTF-8 text (save it as UTF-8'],
    ['utf16-no-bom.csv', 'utf16-no-bom.csv', 'contains binary data (NUL bytes); if it is UTF-16 text, save it as UTF-8'],
    ['binary.csv', 'binary.csv', 'is not a CSV or JSON file: it contains binary data'],
    ['xlsx-renamed.csv', 'xlsx-renamed.csv', 'is not a CSV or JSON file: it is a ZIP archive, such as an Excel workbook'],
    ['wrong-extension.xlsx', 'wrong-extension.xlsx', 'is not a CSV or JSON file (.xlsx is a spreadsheet format; save it'],
    ['image.png', 'image.png', 'is not a CSV or JSON file (.png cannot hold a dataset'],
    ['not-a-table.txt', 'not-a-table.txt', 'is not a CSV or JSON file: expected a JSON object, or a CSV file'],
    ['unterminated-quote.csv', 'row 3', 'a quoted cell is never closed'],
    ['stray-quote.csv', 'row 2', 'write "" for a quote mark inside a quoted cell'],
    ['too-many-cells.csv', 'row 2', 'has 11 cells but the header has 10; put cells that contain commas in double quotes'],
    ['unquoted-comma.csv', 'row 3', 'has 11 cells but the header has 10; put cells that contain commas in double quotes'],
    ['duplicate-column.csv', 'row 1', "column 'title' appears twice (columns A and D)"],
    ['bad-id.csv', 'row 2, column id', 'must be a kebab-case id'],
    ['too-long-title.csv', 'row 2, column title', 'must be at most 300 characters'],
  ])('%s is rejected at %s', (file, where, message) => {
    const problems = problemsOf(importFixture(file));
    expect(problems).toContainEqual({ where, message: expect.stringContaining(message) as unknown });
  });

  it('lists every empty required value, by row and column', () => {
    expect(problemsOf(importFixture('missing-required-values.csv'))).toEqual([
      { where: 'row 3, column country', message: 'is empty' },
      { where: 'row 4, column title', message: 'is empty' },
      { where: 'row 4, column start', message: 'is empty' },
    ]);
  });

  it.each(['proto-pollution.json', 'constructor-key.json'])('leaves Object.prototype untouched after %s', (file) => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const result = importFixture(file);
    expect(result.ok).toBe(false);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(problemsOf(result).every((problem) => problem.message.startsWith('key '))).toBe(true);
  });

  it.each([
    ['bom-utf8.json', 'json', 'First vote'],
    ['utf16.csv', 'csv', 'Élection à Alphaland'],
  ])('reads %s despite its byte order mark', (file, format, title) => {
    const result = importFixture(file);
    expect(result.ok && result.format).toBe(format);
    expect(expectDataset(result).events[0]?.title).toBe(title);
  });

  it('refuses an over-size file by its stated size, before reading the bytes', () => {
    const latin1 = new Uint8Array([0x74, 0x69, 0x74, 0x6c, 0x65, 0xe9]);
    expect(parseDatasetFile({ name: 'big.csv', bytes: latin1, size: 80 * 1024 * 1024 })).toEqual({
      ok: false,
      problems: [{ where: 'big.csv', message: 'is too large (80.0 MB); the limit is 50 MB' }],
    });
    expect(problemsOf(parseDatasetFile({ name: 'big.csv', bytes: latin1, size: MAX_FILE_BYTES + 1 }))[0]?.message).toBe(
      'is too large (50.1 MB); the limit is 50 MB',
    );
  });

  it('lists at most 100 problems and counts the rest', () => {
    const rows = Array.from({ length: 150 }, (_, index) => `,Event ${index},not-a-date,,Alphaland,,,,Paper,a quote`);
    const problems = problemsOf(importText('many.csv', [HEADER, ...rows].join('\n')));
    expect(problems).toHaveLength(101);
    expect(problems[0]?.where).toBe('row 2, column start');
    expect(problems[100]).toEqual({ where: '', message: '…and 50 more problems' });
  });
});

describe('parseDatasetFile with JSON', () => {
  it('loads the app’s own format and validates it into the same dataset', () => {
    const text = readFileSync(resolve(FIXTURES, 'sample-dataset.json'), 'utf8');
    const result = importText('sample.JSON', text);
    expect(result.ok && result.format).toBe('json');
    expect(expectDataset(result)).toEqual(loadSampleDataset());
  });

  it.each([
    ['a name without an extension', 'dataset'],
    ['an unknown extension', 'dataset.txt'],
  ])('sniffs JSON from the content for %s', (_, name) => {
    const result = importText(name, ` \n${JSON.stringify({ countries: [COUNTRY], types: [TYPE], events: [EVENT] })}`);
    expect(result.ok && result.format).toBe('json');
  });

  it('says a field of the wrong type is of the wrong type, and is missing only when it is absent', () => {
    // JSON.stringify leaves out the undefined type: that field is absent from the file.
    const event = { ...EVENT, title: 123, start: 2007, actors: 'bob', approximate: 'yes', context: null, summary: ['a'], source: 'paper', type: undefined };
    const problems = problemsOf(importText('types.json', JSON.stringify({ countries: 'x', types: [TYPE], events: [event, 'vote'] })));
    const field = (name: string) => `events[0], event 'vote', field '${name}'`;
    expect(problems).toEqual([
      { where: 'countries', message: 'is a string; expected an array' },
      { where: field('title'), message: 'is a number; expected a string' },
      { where: field('summary'), message: 'is an array; expected a string' },
      { where: field('start'), message: 'is a number; expected a string' },
      { where: field('approximate'), message: 'is a string; expected true or false' },
      { where: field('type'), message: 'is missing (expected string)' },
      { where: field('actors'), message: 'is a string; expected an array' },
      { where: field('context'), message: 'is null; expected true or false' },
      { where: field('source'), message: 'is a string; expected an object' },
      { where: 'events[1]', message: 'is a string; expected an object' },
    ]);
    expect(problemsOf(importText('types.json', JSON.stringify({ types: [TYPE], events: [{ ...EVENT, title: true }] })))).toEqual([
      { where: 'countries', message: 'is missing (expected array)' },
      { where: "events[0], event 'vote', field 'title'", message: 'is true; expected a string' },
    ]);
  });

  it('names the value given and the values allowed for a field with a fixed set of values, and says when it is missing', () => {
    // JSON.stringify leaves out the undefined precision: that field is absent from the file.
    const noPrecision = { ...EVENT, precision: undefined };
    const hostile = `\u202Eday\n${'x'.repeat(200)}`;
    const events = [
      { ...EVENT, id: 'a', precision: 'Month' },
      noPrecision,
      { ...EVENT, id: 'b', precision: 4 },
      { ...EVENT, id: 'c', precision: null },
      { ...EVENT, id: 'd', precision: hostile },
      { ...EVENT, id: 'Not An Id', precision: ['year'] },
    ];
    const actor = { id: 'bob', name: 'Bob', kind: 'wizard' };
    const file = { format: 'timeline', version: 2, countries: [COUNTRY], types: [TYPE], actors: [actor], events };
    const precisions = "one of 'day', 'month', 'season' or 'year'";
    expect(problemsOf(importText('enums.json', JSON.stringify(file)))).toEqual([
      { where: 'format', message: "is 'timeline'; expected 'timeline-explorer'" },
      { where: 'version', message: 'is 2; expected 1' },
      {
        where: "actors[0], actor 'bob', field 'kind'",
        message: "is 'wizard'; expected one of 'person', 'party', 'organisation', 'institution', 'armed-force', 'government', 'movement', 'media' or 'group'",
      },
      { where: "events[0], event 'a', field 'precision'", message: `is 'Month'; expected ${precisions}` },
      { where: "events[1], event 'vote', field 'precision'", message: `is missing (expected ${precisions})` },
      { where: "events[2], event 'b', field 'precision'", message: `is 4; expected ${precisions}` },
      { where: "events[3], event 'c', field 'precision'", message: `is null; expected ${precisions}` },
      // Quoted text is cut to 60 characters, with control and direction characters replaced.
      { where: "events[4], event 'd', field 'precision'", message: `is '\uFFFDday\uFFFD${'x'.repeat(55)}…'; expected ${precisions}` },
      { where: "events[5], event 'Not An Id', field 'id'", message: 'must be a kebab-case id (lowercase letters, digits and single hyphens)' },
      { where: "events[5], event 'Not An Id', field 'precision'", message: `is an array; expected ${precisions}` },
    ]);
  });

  it('refuses a dataset with no events, as it refuses a CSV with no data rows, so the open timeline stays', () => {
    const noEvents = { where: 'events', message: 'is an empty array; the file has no events to show' };
    expect(importText('empty.json', '{"countries": [], "types": [], "events": []}')).toEqual({ ok: false, problems: [noEvents] });
    expect(problemsOf(importText('empty.json', JSON.stringify({ countries: [COUNTRY], types: [TYPE], actors: 'x', events: [] })))).toEqual([
      noEvents,
      { where: 'actors', message: 'is a string; expected an array' },
    ]);
  });
});

describe('parseDatasetFile with CSV', () => {
  it('makes events, countries, types and actors from names, with columns in any order and case', () => {
    const csv = [
      ' Quote ,Country,TITLE,start,Notes,actors,type,source,end,summary',
      'they voted,United Kingdom,Brexit vote,2016-06-23,ignored,David Cameron; Nigel Farage ;,Referendum,The Paper,,Leave wins.',
      '"said ""no""",Côte d’Ivoire,A rally,2007-spring,,Nigel Farage,,The Paper,2007-summer,',
      'x,United Kingdom,Long war,1939,,,"War, and peace",Another paper,1945,',
    ].join('\r\n');
    const dataset = expectDataset(importText('My votes.csv', csv));
    expect(dataset.title).toBe('My votes');
    expect(dataset.countries).toEqual([
      { id: 'united-kingdom', name: 'United Kingdom' },
      { id: 'cote-d-ivoire', name: 'Côte d’Ivoire' },
    ]);
    expect(dataset.types).toEqual([
      { id: 'referendum', label: 'Referendum', description: 'Referendum' },
      { id: 'event', label: 'Event', description: 'Event' },
      { id: 'war-and-peace', label: 'War, and peace', description: 'War, and peace' },
    ]);
    expect(dataset.actors.map((actor) => [actor.id, actor.name, actor.kind])).toEqual([
      ['david-cameron', 'David Cameron', 'group'],
      ['nigel-farage', 'Nigel Farage', 'group'],
    ]);
    expect(dataset.stories).toEqual([]);
    expect(dataset.sources).toEqual([
      { id: 'the-paper', title: 'The Paper' },
      { id: 'another-paper', title: 'Another paper' },
    ]);
    expect(dataset.events).toEqual([
      {
        id: 'brexit-vote',
        story: 'imported',
        country: 'united-kingdom',
        title: 'Brexit vote',
        summary: 'Leave wins.',
        start: '2016-06-23',
        precision: 'day',
        approximate: false,
        type: 'referendum',
        actors: ['david-cameron', 'nigel-farage'],
        context: false,
        source: { article: 'the-paper', quote: 'they voted' },
      },
      expect.objectContaining({ id: 'a-rally', precision: 'season', end: '2007-summer', type: 'event', source: { article: 'the-paper', quote: 'said "no"' } }),
      expect.objectContaining({ id: 'long-war', precision: 'year', start: '1939', end: '1945' }),
    ]);
  });

  it('keeps explicit ids and makes the others unique from titles', () => {
    const csv = [HEADER, ',Vote,1990,,A,,,,P,q', 'vote-2,Vote,1991,,A,,,,P,q', ',Vote,1992,,A,,,,P,q', ',¿¡!,1993,,A,,,,P,q'].join('\n');
    expect(expectDataset(importText('votes.csv', csv)).events.map((event) => event.id)).toEqual(['vote', 'vote-2', 'vote-3', 'event']);
  });

  it('numbers rows as a spreadsheet shows them: blank rows count, a cell with a line break does not add one', () => {
    const csv = [HEADER, '', ',"Two', 'lines",1990,,A,,,,P,q', ',Bad,1990-00,,A,,,,P,q'].join('\n');
    expect(problemsOf(importText('rows.csv', csv))).toEqual([
      { where: 'row 4, column start', message: expect.stringContaining("'1990-00' is not a date: month 00 does not exist") as unknown },
    ]);
  });

  it.each([
    ['semicolons (European Excel)', 'title;start;country;source;quote\n"Vote; again";1990;Alphaland;P;q'],
    ['tabs', 'title\tstart\tcountry\tsource\tquote\nVote; again\t1990\tAlphaland\tP\tq'],
  ])('reads a header separated by %s', (_, csv) => {
    expect(expectDataset(importText('votes.tsv', csv)).events[0]?.title).toBe('Vote; again');
  });

  it('sniffs CSV by its title column when the name says nothing', () => {
    const result = importText('export.txt', 'Title,Start,Country,Source,Quote\nVote,1990,Alphaland,P,q\n');
    expect(result.ok && result.format).toBe('csv');
  });

  it('removes the apostrophe that export puts before formula-like text', () => {
    const csv = [HEADER, `,'=SUM(A1),1990,,'+Alphaland,,'@Someone,'-minus,'hello,''=quoted`].join('\n');
    const [event] = expectDataset(importText('formulas.csv', csv)).events;
    expect([event?.title, event?.summary, event?.source?.article, event?.source?.quote]).toEqual(['=SUM(A1)', '-minus', 'hello', "'=quoted"]);
  });

  it('leaves out the summary when the cell is empty, rather than repeating the title', () => {
    const csv = [HEADER, ',A rally,2007,,X,,,,,'].join('\n');
    const [event] = expectDataset(importText('rally.csv', csv)).events;
    expect(event && 'summary' in event).toBe(false);
  });

  it('needs only title, start and country: no summary, source or quote is made up', () => {
    const dataset = expectDataset(importText('minimal.csv', 'title,start,country\nA,1990,X\nB,1991-05,X\n'));
    expect(dataset.events).toEqual([
      { id: 'a', story: 'imported', country: 'x', title: 'A', start: '1990', precision: 'year', approximate: false, type: 'event', actors: [], context: false },
      { id: 'b', story: 'imported', country: 'x', title: 'B', start: '1991-05', precision: 'month', approximate: false, type: 'event', actors: [], context: false },
    ]);
    expect(dataset.sources).toEqual([]);
  });

  it('keeps a source without a quote, and one source record per title', () => {
    const dataset = expectDataset(importText('sources.csv', 'title,start,country,source,quote\nA,1990,X,The Paper,\nB,1991,X,The Paper,said so\n'));
    expect(dataset.sources).toEqual([{ id: 'the-paper', title: 'The Paper' }]);
    expect(dataset.events.map((event) => event.source)).toEqual([{ article: 'the-paper' }, { article: 'the-paper', quote: 'said so' }]);
  });

  it('names the missing required columns once, not once per row', () => {
    const csv = ['title,source', 'A,P', 'B,P'].join('\n');
    expect(problemsOf(importText('no-dates.csv', csv))).toEqual([
      { where: 'row 1', message: "the header row has no 'start' column (required columns: title, start, country)" },
      { where: 'row 1', message: "the header row has no 'country' column (required columns: title, start, country)" },
    ]);
  });

  it('refuses a row with an unquoted comma even when the cells it pushes past the header are empty', () => {
    const csv = [HEADER, ',Flood halts work,2000,,Sudmark,,,"The river rose, and work stopped",,', ',Flood halts work,2001,,Sudmark,,,The river rose, and work stopped,,'];
    expect(problemsOf(importText('flood.csv', csv.join('\n')))).toEqual([
      { where: 'row 3', message: 'has 11 cells but the header has 10; put cells that contain commas in double quotes' },
    ]);
    // A single row cannot show a spreadsheet's padding: one cell too many, even if empty, is refused.
    expect(problemsOf(importText('flood.csv', [HEADER, csv[2]].join('\n')))).toEqual([
      { where: 'row 2', message: 'has 11 cells but the header has 10; put cells that contain commas in double quotes' },
    ]);
  });

  it.each([
    ['rows with different numbers of empty extra cells', 'title,start,country\nA,1990,X,\nB,1991,X,,\n', [2, 3]],
    ['one row longer than the rest', 'title,start,country\nA,1990,X\nB,1991,X,\n', [3]],
    ['padding with text in it', 'title,start,country\nA,1990,X,,\nB,1991,X,,note\n', [2, 3]],
    ['a semicolon file with an unquoted semicolon', 'title;start;country;actors\nA;1990;X;Ann\nB;1991;X;Ann; Bob\n', [3]],
  ])('refuses %s, by row', (_, csv, rows) => {
    const problems = problemsOf(importText('cells.csv', csv));
    expect(problems.map((problem) => problem.where)).toEqual(rows.map((row) => `row ${row}`));
    expect(problems[0]?.message).toMatch(/^has \d+ cells but the header has [34]; put cells that contain (commas|semicolons) in double quotes$/);
  });

  it.each([
    ['commas', 'title,start,country\nA,1990,X,,\n\nB,1991,X,,\n'],
    ['semicolons', 'title;start;country\r\nA;1990;X;;;\r\nB;1991;X;;;\r\n'],
  ])('accepts the empty cells a spreadsheet adds to every row alike, with %s', (_, csv) => {
    const dataset = expectDataset(importText('padded.csv', csv));
    expect(dataset.events.map((event) => [event.title, event.start, event.country])).toEqual([
      ['A', '1990', 'x'],
      ['B', '1991', 'x'],
    ]);
  });

  it('refuses a quote without the source it comes from', () => {
    expect(problemsOf(importText('orphan.csv', 'title,start,country,source,quote\nA,1990,X,,they said\n'))).toEqual([
      { where: 'row 2, column source', message: 'is empty; a quote needs the title of the source it comes from' },
    ]);
  });
});

describe('formula neutralising', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+44 20', "'+44 20"],
    ['-0044', "'-0044"],
    ['@handle', "'@handle"],
    ['\tindented', "'\tindented"],
    ['\rreturn', "'\rreturn"],
    ["'=already", "''=already"],
    ["'plain", "'plain"],
    ['plain = text', 'plain = text'],
    ['', ''],
  ])('%j is written as %j', (cell, written) => {
    expect(neutraliseFormula(cell)).toBe(written);
    expect(restoreFormula(written)).toBe(cell);
  });

  it('round-trips any text', () => {
    fc.assert(fc.property(fc.string(), (text) => restoreFormula(neutraliseFormula(text)) === text));
  });
});

describe('toSlug', () => {
  it.each([
    ['United Kingdom', 'united-kingdom'],
    ["Côte d'Ivoire", 'cote-d-ivoire'],
    ['Straße & Søn', 'strasse-son'],
    ['  --Jeremy   Corbyn!-- ', 'jeremy-corbyn'],
    ['Velâyat-e Faqih', 'velayat-e-faqih'],
    ['伊朗', ''],
    ['a'.repeat(150), 'a'.repeat(100)],
  ])('%j → %j', (name, slug) => {
    expect(toSlug(name)).toBe(slug);
  });
});

describe('JSON helpers', () => {
  it.each([
    ['{"a": 1,}', 8, 'expected a property name in double quotes'],
    ['[1, 2,]', 6, 'expected a value'],
    ['{"a" 1}', 5, "expected ':'"],
    ['{"a": tru}', 6, 'expected a value'],
    ['{"a": 01}', 7, "expected ',' or '}'"],
    ['{"a": "b"} x', 11, 'after the end of the JSON value'],
    ['{"a": [1, 2}', 11, "expected ',' or ']'"],
    ['"open', 0, 'a string is never closed'],
    ['', 0, 'the file ends before the JSON is complete'],
  ])('locates the syntax error in %j at offset %i', (text, offset, reason) => {
    expect(locateJsonSyntaxError(text)).toEqual({ offset, reason: expect.stringContaining(reason) as unknown });
  });

  it('finds an error exactly when JSON.parse throws', () => {
    const accepts = (text: string) => {
      try {
        JSON.parse(text);
        return true;
      } catch {
        return false;
      }
    };
    const nearJson = fc.oneof(fc.json(), fc.json().map((text) => text.slice(0, -1)), fc.string({ unit: fc.constantFrom(...'{}[]:,"\\ 0-1e.tnul'.split('')) }));
    fc.assert(fc.property(nearJson, (text) => (locateJsonSyntaxError(text) === undefined) === accepts(text)));
  });

  it('turns an offset into a 1-based line and column', () => {
    expect(toLineColumn('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(toLineColumn('abc', 0)).toEqual({ line: 1, column: 1 });
  });

  it('finds forbidden keys at any depth, with their path', () => {
    const value: unknown = JSON.parse('{"a": [{"b": {"prototype": 1}}, {"constructor": 2}], "__proto__": 3}');
    expect(findForbiddenKeys(value)).toEqual([
      { where: 'top level', message: "key '__proto__' is not allowed" },
      { where: 'a[0].b', message: "key 'prototype' is not allowed" },
      { where: 'a[1]', message: "key 'constructor' is not allowed" },
    ]);
  });
});

describe('firstInvalidUtf8', () => {
  it.each([
    [[0x41, 0x42], -1],
    [[0x41, 0xe9, 0x42], 1],
    [[0xc3, 0xa9], -1],
    [[0xc0, 0x80], 0],
    [[0xed, 0xa0, 0x80], 0],
    [[0xf4, 0x90, 0x80, 0x80], 0],
    [[0x41, 0xe2, 0x82], 1],
  ])('%j → %i', (bytes, offset) => {
    expect(firstInvalidUtf8(new Uint8Array(bytes))).toBe(offset);
  });

  it('agrees with a strict TextDecoder on any bytes', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const valid = (bytes: Uint8Array) => {
      try {
        decoder.decode(bytes);
        return true;
      } catch {
        return false;
      }
    };
    fc.assert(fc.property(fc.uint8Array({ maxLength: 12 }), (bytes) => (firstInvalidUtf8(bytes) === -1) === valid(bytes)));
  });
});

describe('limitProblems', () => {
  it.each([
    [3, 5, 3, undefined],
    [5, 5, 5, undefined],
    [6, 5, 6, '…and 1 more problem'],
    [9, 5, 6, '…and 4 more problems'],
  ])('%i problems with a limit of %i → %i lines', (count, max, lines, last) => {
    const problems = Array.from({ length: count }, (_, index) => ({ where: `row ${index + 2}`, message: 'is empty' }));
    const limited = limitProblems(problems, max);
    expect(limited).toHaveLength(lines);
    if (last) expect(limited.at(-1)?.message).toBe(last);
  });
});

it('exports the same column list that import reads', () => {
  expect(CSV_COLUMNS.join(',')).toBe(HEADER);
});
