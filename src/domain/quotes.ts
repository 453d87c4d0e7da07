// Every record's quote must stand verbatim in its article: the check behind "a student can trust every dot".
import type { DatasetProblem } from './dataset.ts';
import type { Dataset } from './schema.ts';

/** Lists events whose quote is not found character for character in its article's text. */
export function findMissingQuotes(dataset: Dataset, articleTexts: ReadonlyMap<string, string>): DatasetProblem[] {
  const problems: DatasetProblem[] = [];
  for (const event of dataset.events) {
    const text = articleTexts.get(event.source.article);
    if (text === undefined) continue;
    if (!text.includes(event.source.quote)) {
      problems.push({
        where: `event '${event.id}', field 'source.quote'`,
        message: `not found verbatim in '${event.source.article}': "${event.source.quote.slice(0, 80)}"`,
      });
    }
  }
  return problems;
}
