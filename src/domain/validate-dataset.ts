// Validating a dataset at the boundary: its shape (the zod schema), then its cross-references and date order.
import type { z } from 'zod';
import { COLLECTIONS, type Collection, type DatasetProblem, type DatasetResult, type ValidateOptions } from './dataset.ts';
import { parsePartialDate, toInterval } from './partial-date.ts';
import { type Dataset, datasetSchema } from './schema.ts';

const SINGULAR: Record<Collection, string> = {
  sources: 'source',
  stories: 'story',
  countries: 'country',
  types: 'type',
  actors: 'actor',
  events: 'event',
  tours: 'tour',
};

/** Validates unknown input as a dataset: every problem is listed with its place, none is fixed silently. */
export function validateDataset(input: unknown, options: ValidateOptions = {}): DatasetResult {
  const maxProblems = options.maxProblems ?? 200;
  const describe = options.describeRecord ?? ((collection, index) => `${collection}[${index}]`);
  // The value each issue found, so that a field of the wrong type is not reported as missing.
  const parsed = datasetSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, maxProblems).map((issue) => describeIssue(issue, input, describe));
    return { ok: false, problems };
  }
  const problems = checkReferences(parsed.data, describe).slice(0, maxProblems);
  return problems.length ? { ok: false, problems } : { ok: true, dataset: parsed.data };
}

function describeIssue(
  issue: z.core.$ZodIssue,
  input: unknown,
  describe: NonNullable<ValidateOptions['describeRecord']>,
): DatasetProblem {
  const [collection, index, ...field] = issue.path;
  if (isCollection(collection) && typeof index === 'number') {
    const recordId = idAt(input, collection, index);
    const record = `${describe(collection, index)}${recordId ? `, ${SINGULAR[collection]} '${recordId}'` : ''}`;
    const where = field.length ? `${record}, field '${field.map(String).join('.')}'` : record;
    return { where, message: issueMessage(issue) };
  }
  return { where: issue.path.map(String).join('.'), message: issueMessage(issue) };
}

/** A zod issue in the words of the file's author; the place is said separately. */
export function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) return `is missing (expected ${issue.expected})`;
  if (issue.code === 'invalid_type') return `is ${describeValue(issue.input)}; expected ${EXPECTED[issue.expected] ?? issue.expected}`;
  if (issue.code === 'unrecognized_keys') return `has unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `'${key}'`).join(', ')}`;
  // Every z.enum and z.literal field (precision, kind, format, version): the value given and the values allowed.
  if (issue.code === 'invalid_value') {
    const allowed = allowedValues(issue.values);
    return issue.input === undefined ? `is missing (expected ${allowed})` : `is ${quoteValue(issue.input)}; expected ${allowed}`;
  }
  return issue.message;
}

/** "'day'", or "one of 'day', 'month', 'season' or 'year'". */
function allowedValues(values: readonly unknown[]): string {
  const quoted = values.map(quoteValue);
  if (quoted.length < 2) return quoted.join('');
  return `one of ${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1) ?? ''}`;
}

/** Characters quoted from a file: at most this many, so a huge value cannot swamp the list of problems. */
const QUOTED_CODE_POINTS = 60;

/** A value from the file as a notice shows it: text quoted, cut short, with control and direction characters replaced. */
function quoteValue(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value !== 'string') return describeValue(value);
  // Two UTF-16 units per code point at most, and one more: enough to know whether anything is cut.
  const points = [...value.slice(0, QUOTED_CODE_POINTS * 2 + 2)];
  const kept = points.slice(0, QUOTED_CODE_POINTS).join('').replace(/[\p{Cc}\p{Cs}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu, '\uFFFD');
  return `'${kept}${points.length > QUOTED_CODE_POINTS ? '…' : ''}'`;
}

// What a field should be, in the words of JSON, which is what the user wrote.
const EXPECTED: Partial<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  array: 'an array',
  object: 'an object',
};

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'boolean') return String(value);
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function isCollection(value: unknown): value is Collection {
  return typeof value === 'string' && (COLLECTIONS as readonly string[]).includes(value);
}

function idAt(input: unknown, collection: Collection, index: number): string | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const list: unknown = (input as Record<string, unknown>)[collection];
  if (!Array.isArray(list)) return undefined;
  const record: unknown = list[index];
  if (typeof record !== 'object' || record === null) return undefined;
  const recordId: unknown = (record as Record<string, unknown>).id;
  return typeof recordId === 'string' && recordId.length <= 120 ? recordId : undefined;
}

function checkReferences(dataset: Dataset, describe: NonNullable<ValidateOptions['describeRecord']>): DatasetProblem[] {
  const problems: DatasetProblem[] = [];
  const at = (collection: Collection, index: number, recordId: string, field?: string) =>
    `${describe(collection, index)}, ${SINGULAR[collection]} '${recordId}'${field ? `, field '${field}'` : ''}`;

  const idSets = {} as Record<Collection, Set<string>>;
  for (const collection of COLLECTIONS) {
    const seen = new Set<string>();
    dataset[collection].forEach((record, index) => {
      if (seen.has(record.id)) problems.push({ where: at(collection, index, record.id, 'id'), message: `duplicate id '${record.id}'` });
      seen.add(record.id);
    });
    idSets[collection] = seen;
  }
  const expect = (collection: Collection, value: string | undefined, where: string) => {
    if (value !== undefined && !idSets[collection].has(value)) {
      problems.push({ where, message: `unknown ${SINGULAR[collection]} '${value}'` });
    }
  };

  dataset.stories.forEach((story, index) => {
    expect('countries', story.country, at('stories', index, story.id, 'country'));
    expect('sources', story.source, at('stories', index, story.id, 'source'));
    checkOrder(story.start, story.end, at('stories', index, story.id, 'end'), problems);
  });
  dataset.actors.forEach((actor, index) => {
    expect('countries', actor.country, at('actors', index, actor.id, 'country'));
    actor.roles.forEach((role, roleIndex) => {
      if (role.start && role.end) checkOrder(role.start, role.end, at('actors', index, actor.id, `roles.${roleIndex}.end`), problems);
    });
  });
  dataset.events.forEach((event, index) => {
    const where = (field: string) => at('events', index, event.id, field);
    if (dataset.stories.length) expect('stories', event.story, where('story'));
    expect('countries', event.country, where('country'));
    expect('types', event.type, where('type'));
    if (dataset.sources.length) expect('sources', event.source?.article, where('source.article'));
    event.actors.forEach((actorId, actorIndex) => expect('actors', actorId, where(`actors.${actorIndex}`)));
    const start = parsePartialDate(event.start);
    if (start.ok && start.value.precision !== event.precision) {
      problems.push({
        where: where('precision'),
        message: `'${event.precision}' does not match start '${event.start}', which is given to the ${start.value.precision}`,
      });
    }
    if (event.end) checkOrder(event.start, event.end, where('end'), problems);
  });
  dataset.tours.forEach((tour, index) => {
    expect('stories', tour.story, at('tours', index, tour.id, 'story'));
    tour.steps.forEach((step, stepIndex) => expect('events', step.event, at('tours', index, tour.id, `steps.${stepIndex}.event`)));
  });
  return problems;
}

function checkOrder(startText: string, endText: string, where: string, problems: DatasetProblem[]) {
  const start = parsePartialDate(startText);
  const end = parsePartialDate(endText);
  if (!start.ok || !end.ok) return;
  if (toInterval(end.value).end <= toInterval(start.value).start) {
    problems.push({ where, message: `end '${endText}' is before start '${startText}'` });
  }
}
