// Every record's quote must stand verbatim in its article: the check behind "a student can trust every dot".
import type { DatasetProblem } from './dataset.ts';
import type { Dataset } from './schema.ts';

/** Lists events whose quote is not found character for character in its article's text. */
export function findMissingQuotes(dataset: Dataset, articleTexts: ReadonlyMap<string, string>): DatasetProblem[] {
  const problems: DatasetProblem[] = [];
  for (const event of dataset.events) {
    const { article, quote } = event.source ?? {};
    // Events without a quote have nothing to check here; the built-in data requires one elsewhere.
    if (article === undefined || quote === undefined) continue;
    const text = articleTexts.get(article);
    if (text === undefined) continue;
    if (!text.includes(quote)) {
      problems.push({
        where: `event '${event.id}', field 'source.quote'`,
        message: `not found verbatim in '${article}': "${quote.slice(0, 80)}"`,
      });
    }
  }
  return problems;
}
