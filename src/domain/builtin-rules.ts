// What the built-in stories promise beyond any dataset: every event has a summary and cites its article with a
// verbatim quote, and every article has its publication date. Imported data may leave these out; ours may not.
import type { DatasetProblem, ValidateOptions } from './dataset.ts';
import type { Dataset } from './schema.ts';

type DescribeRecord = NonNullable<ValidateOptions['describeRecord']>;

/** Lists every missing summary, source, quote and publication date, placed by file, record and field. */
export function checkBuiltinCompleteness(dataset: Dataset, describe: DescribeRecord = (collection, index) => `${collection}[${index}]`): DatasetProblem[] {
  const problems: DatasetProblem[] = [];
  dataset.events.forEach((event, index) => {
    const where = (field: string) => `${describe('events', index)}, event '${event.id}', field '${field}'`;
    if (event.summary === undefined) problems.push({ where: where('summary'), message: 'is missing; every built-in event needs a summary' });
    if (event.source === undefined) {
      problems.push({ where: where('source'), message: 'is missing; every built-in event needs a source with its article and a verbatim quote' });
    } else if (event.source.quote === undefined) {
      problems.push({ where: where('source.quote'), message: 'is missing; every built-in event needs a verbatim quote from its article' });
    }
  });
  dataset.sources.forEach((source, index) => {
    if (source.published === undefined) {
      problems.push({
        where: `${describe('sources', index)}, source '${source.id}', field 'published'`,
        message: 'is missing; every built-in source needs its publication date',
      });
    }
  });
  return problems;
}
