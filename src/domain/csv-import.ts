// A spreadsheet's rows → a dataset: one event per row, with countries, types and actors made from their names.
// Every problem names the row and column a spreadsheet user sees (the header is row 1).
import Papa from 'papaparse';
import type { z } from 'zod';
import { CSV_COLUMNS, type CsvColumn, restoreFormula, splitActorNames } from './csv-format.ts';
import type { DatasetProblem, DatasetResult } from './dataset.ts';
import { type Precision, parsePartialDate, toInterval } from './partial-date.ts';
import { type ActorKind, actorSchema, countrySchema, eventRecordSchema, eventTypeSchema, sourceArticleSchema } from './schema.ts';
import { issueMessage, validateDataset } from './validate-dataset.ts';

const REQUIRED_COLUMNS: readonly CsvColumn[] = ['title', 'start', 'country'];

/** The type of rows with an empty `type` cell. */
export const DEFAULT_TYPE_NAME = 'Event';

/** Events need a story id; a CSV has no stories, and the validator only resolves story ids when stories exist. */
export const IMPORTED_STORY_ID = 'imported';

/** A CSV says nothing about what an actor is; 'group' claims least (INTERIM until `kind` may be left out). */
export const IMPORTED_ACTOR_KIND: ActorKind = 'group';

const TEXT_COLUMNS: readonly CsvColumn[] = ['title', 'country', 'type', 'actors', 'summary', 'source', 'quote'];

export interface CsvImportOptions {
  /** The dataset's title, e.g. the file name. */
  readonly title?: string;
}

/** Parses CSV text (header row first) into a validated dataset, or lists every problem by row and column. */
export function parseCsvDataset(text: string, options: CsvImportOptions = {}): DatasetResult {
  const delimiter = detectDelimiter(text);
  const parsed = Papa.parse<string[]>(text, { header: false, delimiter, skipEmptyLines: false });
  const quoteProblems = parsed.errors.filter((error) => error.type === 'Quotes').map(describePapaError);
  if (quoteProblems.length) return { ok: false, problems: quoteProblems };

  // Record n is spreadsheet row n + 1, blank rows included, so numbers match what the user sees.
  const rows = parsed.data.map((cells, index) => ({ number: index + 1, cells })).filter((row) => !isBlank(row.cells));
  const [headerRow, ...dataRows] = rows;
  if (!headerRow) return { ok: false, problems: [{ where: '', message: 'has no header row' }] };
  const header = readHeader(headerRow.cells, headerRow.number);
  if (!header.ok) return { ok: false, problems: header.problems };
  if (!dataRows.length) return { ok: false, problems: [{ where: `row ${headerRow.number}`, message: 'the header row is followed by no data rows' }] };

  const problems: DatasetProblem[] = [];
  const headerLength = headerRow.cells.length;
  const rowLength = { header: headerLength, allowed: headerLength + spreadsheetPadding(dataRows, headerLength) };
  const records = dataRows.map((row) => readRow(row, header.columns, rowLength, delimiter, problems));
  const ids = assignEventIds(records, problems);
  const countries = new NameRegistry('country', (id, name) => ({ id, name }));
  const types = new NameRegistry('type', (id, name) => ({ id, label: name, description: name }));
  const actors = new NameRegistry('actor', (id, name) => ({ id, name, variants: [], kind: IMPORTED_ACTOR_KIND, roles: [] }));
  // A CSV names a source by its title only; the record keeps that title so export writes it back.
  const sources = new NameRegistry('source', (id, title) => ({ id, title }));

  const events = records.map((record, index) => ({
    id: ids[index] ?? '',
    story: IMPORTED_STORY_ID,
    country: countries.idFor(record.country),
    title: record.title,
    ...(record.summary ? { summary: record.summary } : {}),
    start: record.start,
    precision: record.precision,
    ...(record.end ? { end: record.end } : {}),
    approximate: false,
    type: types.idFor(record.type || DEFAULT_TYPE_NAME),
    actors: record.actors.map((name) => actors.idFor(name)),
    context: false,
    ...(record.source ? { source: { article: sources.idFor(record.source), ...(record.quote ? { quote: record.quote } : {}) } } : {}),
  }));
  if (problems.length) return { ok: false, problems };

  const rowNumbers = records.map((record) => record.rowNumber);
  const input = {
    ...(options.title ? { title: options.title } : {}),
    sources: sources.records,
    countries: countries.records,
    types: types.records,
    actors: actors.records,
    events,
  };
  // Row checks above cover what a CSV can get wrong; the schema stays the final word, placed by row.
  return validateDataset(input, {
    maxProblems: Number.POSITIVE_INFINITY,
    describeRecord: (collection, index) => (collection === 'events' ? `row ${rowNumbers[index] ?? index + 2}` : `${collection}[${index}]`),
  });
}

/** Kebab-case ASCII id from a name: "Côte d'Ivoire" → "cote-d-ivoire"; empty when nothing is left. */
export function toSlug(text: string, maxLength = 100): string {
  const folded = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøđðþłı]/g, (letter) => LETTER_FOLDS[letter] ?? '');
  return folded
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
}

// Letters NFKD does not decompose into a base letter and a mark.
const LETTER_FOLDS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ı: 'i' };

interface CsvRecord {
  readonly rowNumber: number;
  readonly id: string;
  readonly title: string;
  readonly start: string;
  readonly precision: Precision;
  readonly end: string;
  readonly country: string;
  readonly type: string;
  readonly actors: readonly string[];
  readonly summary: string;
  readonly source: string;
  readonly quote: string;
}

type ColumnIndexes = Partial<Record<CsvColumn, number>>;

function readHeader(cells: readonly string[], rowNumber: number): { ok: true; columns: ColumnIndexes } | { ok: false; problems: DatasetProblem[] } {
  const where = `row ${rowNumber}`;
  const columns: ColumnIndexes = {};
  const problems: DatasetProblem[] = [];
  cells.forEach((cell, index) => {
    const name = cell.trim().toLowerCase();
    if (!isCsvColumn(name)) return;
    const earlier = columns[name];
    if (earlier !== undefined) {
      problems.push({ where, message: `column '${name}' appears twice (columns ${columnLetter(earlier)} and ${columnLetter(index)})` });
    } else {
      columns[name] = index;
    }
  });
  const known = Object.keys(columns).length;
  for (const required of REQUIRED_COLUMNS) {
    if (columns[required] !== undefined) continue;
    const hint = known ? `required columns: ${REQUIRED_COLUMNS.join(', ')}` : `the first row must name the columns, e.g. ${CSV_COLUMNS.join(',')}`;
    problems.push({ where, message: `the header row has no '${required}' column (${hint})` });
  }
  return problems.length ? { ok: false, problems } : { ok: true, columns };
}

function readRow(
  row: { number: number; cells: readonly string[] },
  columns: ColumnIndexes,
  rowLength: { readonly header: number; readonly allowed: number },
  delimiter: string,
  problems: DatasetProblem[],
): CsvRecord {
  const at = (column: CsvColumn) => `row ${row.number}, column ${column}`;
  // Even when the surplus cells are empty, the cells before them have moved: "a, b" in a summary pushes " b" into source.
  if (row.cells.length > rowLength.allowed) {
    problems.push({
      where: `row ${row.number}`,
      message: `has ${row.cells.length} cells but the header has ${rowLength.header}; put cells that contain ${DELIMITER_NAMES[delimiter] ?? delimiter} in double quotes`,
    });
  }
  const cell = (column: CsvColumn): string => {
    const index = columns[column];
    const raw = index === undefined ? '' : (row.cells[index] ?? '').trim();
    return TEXT_COLUMNS.includes(column) ? restoreFormula(raw) : raw;
  };
  const check = (column: CsvColumn, value: string, schema: z.ZodType) => {
    const message = firstIssue(schema, value);
    if (message) problems.push({ where: at(column), message });
  };

  for (const column of REQUIRED_COLUMNS) {
    if (cell(column) === '') problems.push({ where: at(column), message: 'is empty' });
  }
  const id = cell('id');
  if (id) check('id', id, eventRecordSchema.shape.id);
  const title = cell('title');
  if (title) check('title', title, eventRecordSchema.shape.title);
  const summary = cell('summary');
  if (summary) check('summary', summary, eventRecordSchema.shape.summary);
  const country = cell('country');
  if (country) check('country', country, countrySchema.shape.name);
  const type = cell('type');
  if (type) check('type', type, eventTypeSchema.shape.label);
  const actors = splitActorNames(cell('actors'));
  actors.forEach((name) => check('actors', name, actorSchema.shape.name));
  const source = cell('source');
  if (source) check('source', source, sourceArticleSchema.shape.title);
  const quote = cell('quote');
  if (quote) check('quote', quote, eventRecordSchema.shape.source.unwrap().shape.quote);
  if (quote && !source) problems.push({ where: at('source'), message: 'is empty; a quote needs the title of the source it comes from' });

  const startText = cell('start');
  const endText = cell('end');
  const start = startText ? parsePartialDate(startText) : undefined;
  const end = endText ? parsePartialDate(endText) : undefined;
  if (start && !start.ok) problems.push({ where: at('start'), message: start.error });
  if (end && !end.ok) problems.push({ where: at('end'), message: end.error });
  if (start?.ok && end?.ok && toInterval(end.value).end <= toInterval(start.value).start) {
    problems.push({ where: at('end'), message: `end '${endText}' is before start '${startText}'` });
  }
  return {
    rowNumber: row.number,
    id,
    title,
    start: startText,
    precision: start?.ok ? start.value.precision : 'day',
    end: endText,
    country,
    type,
    actors,
    summary,
    source,
    quote,
  };
}

/**
 * How many empty cells a spreadsheet added past the header to every data row alike (0 when it did not): the same
 * count in each row, all empty. One row cannot show that pattern, so a single row with extra cells is refused.
 */
function spreadsheetPadding(rows: readonly { readonly cells: readonly string[] }[], headerLength: number): number {
  const extra = (rows[0]?.cells.length ?? 0) - headerLength;
  if (rows.length < 2 || extra <= 0) return 0;
  const padded = rows.every((row) => row.cells.length === headerLength + extra && isBlank(row.cells.slice(headerLength)));
  return padded ? extra : 0;
}

/** Keeps explicit ids (duplicates are errors) and makes the rest from titles, unique with -2, -3 suffixes. */
function assignEventIds(records: readonly CsvRecord[], problems: DatasetProblem[]): string[] {
  const firstRowOfId = new Map<string, number>();
  for (const record of records) {
    if (!record.id) continue;
    const earlier = firstRowOfId.get(record.id);
    if (earlier === undefined) firstRowOfId.set(record.id, record.rowNumber);
    else problems.push({ where: `row ${record.rowNumber}, column id`, message: `duplicate id '${record.id}' (also in row ${earlier})` });
  }
  const taken = new Set(firstRowOfId.keys());
  return records.map((record) => record.id || takeUnique(toSlug(record.title) || 'event', taken));
}

function takeUnique(base: string, taken: Set<string>): string {
  let candidate = base;
  for (let suffix = 2; taken.has(candidate); suffix += 1) candidate = `${base}-${suffix}`;
  taken.add(candidate);
  return candidate;
}

/** Records made from names: the same name always gets the same id; different names never share one. */
class NameRegistry<T> {
  readonly records: T[] = [];
  private readonly idsByName = new Map<string, string>();
  private readonly taken = new Set<string>();
  private readonly fallback: string;
  private readonly make: (id: string, name: string) => T;

  constructor(fallback: string, make: (id: string, name: string) => T) {
    this.fallback = fallback;
    this.make = make;
  }

  idFor(name: string): string {
    const known = this.idsByName.get(name);
    if (known) return known;
    const id = takeUnique(toSlug(name) || this.fallback, this.taken);
    this.idsByName.set(name, id);
    this.records.push(this.make(id, name));
    return id;
  }
}

const DELIMITER_NAMES: Record<string, string> = { ',': 'commas', ';': 'semicolons', '\t': 'tabs' };

/** The header decides: the first of comma, semicolon (European Excel) or tab that yields a `title` column. */
function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const hasTitle = (delimiter: string) =>
    firstLine.split(delimiter).some((cell) => cell.trim().replace(/^"|"$/g, '').trim().toLowerCase() === 'title');
  return [',', ';', '\t'].find(hasTitle) ?? ',';
}

function describePapaError(error: Papa.ParseError): DatasetProblem {
  const where = error.row === undefined ? '' : `row ${error.row + 1}`;
  if (error.code === 'MissingQuotes') return { where, message: 'a quoted cell is never closed: a closing " is missing' };
  if (error.code === 'InvalidQuotes') return { where, message: 'a quoted cell has text after its closing "; write "" for a quote mark inside a quoted cell' };
  return { where, message: error.message };
}

function firstIssue(schema: z.ZodType, value: string): string | undefined {
  // Worded as the JSON path words it; reportInput gives the message the value a cell holds.
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return undefined;
  const [issue] = result.error.issues;
  return issue ? issueMessage(issue) : 'is not valid';
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

function isCsvColumn(name: string): name is CsvColumn {
  return (CSV_COLUMNS as readonly string[]).includes(name);
}

function columnLetter(index: number): string {
  let letters = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}
