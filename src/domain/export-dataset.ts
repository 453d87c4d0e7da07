// The events a user is looking at, written out as CSV (for spreadsheets) or as the app's own JSON format.
import Papa from 'papaparse';
import { CSV_COLUMNS, type CsvColumn, joinActorNames, neutraliseFormula } from './csv-format.ts';
import type { IndexedDataset, TimelineEvent } from './dataset.ts';
import { DATASET_FORMAT, type Dataset } from './schema.ts';

/**
 * One row per event with names, not ids, so that importing the file gives the same records back.
 * Text cells a spreadsheet would run as formulas get a leading `'`, which import removes again; dates are left
 * alone (a BCE year like -0044 is a date, and dates are validated, so they cannot carry a formula).
 * Starts with a BOM so that Excel reads it as UTF-8. What the columns cannot carry is dropped: story, context,
 * approximate, actor details, and source metadata other than the title.
 */
export function exportCsv(index: IndexedDataset, events: readonly TimelineEvent[]): string {
  const rows = events.map(({ record }) => {
    const cells: Record<CsvColumn, string> = {
      id: record.id,
      title: record.title,
      start: record.start,
      end: record.end ?? '',
      country: index.countriesById.get(record.country)?.name ?? record.country,
      type: index.typesById.get(record.type)?.label ?? record.type,
      actors: joinActorNames(record.actors.map((id) => index.actorsById.get(id)?.name ?? id)),
      summary: record.summary ?? '',
      source: record.source ? (index.sourcesById.get(record.source.article)?.title ?? record.source.article) : '',
      quote: record.source?.quote ?? '',
    };
    return CSV_COLUMNS.map((column) => (column === 'start' || column === 'end' ? cells[column] : neutraliseFormula(cells[column])));
  });
  return `\uFEFF${Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { newline: '\r\n' })}\r\n`;
}

/**
 * The app's own format with only the given events and what they reference: their stories, countries, types,
 * actors and sources, and tours cut down to steps whose events remain (tours left empty are dropped).
 */
export function exportJson(index: IndexedDataset, events: readonly TimelineEvent[]): string {
  return `${JSON.stringify(selectDataset(index.dataset, events), null, 2)}\n`;
}

/** The part of a dataset that the given events need; records keep their dataset order. */
export function selectDataset(dataset: Dataset, events: readonly TimelineEvent[]): Dataset {
  const eventIds = new Set(events.map((event) => event.id));
  const keptEvents = dataset.events.filter((event) => eventIds.has(event.id));
  const tours = dataset.tours
    .map((tour) => ({ ...tour, steps: tour.steps.filter((step) => eventIds.has(step.event)) }))
    .filter((tour) => tour.steps.length > 0);

  const storyIds = new Set([...keptEvents.map((event) => event.story), ...tours.map((tour) => tour.story)]);
  const stories = dataset.stories.filter((story) => storyIds.has(story.id));
  const actorIds = new Set(keptEvents.flatMap((event) => event.actors));
  const actors = dataset.actors.filter((actor) => actorIds.has(actor.id));
  const countryIds = new Set([
    ...keptEvents.map((event) => event.country),
    ...stories.map((story) => story.country),
    ...actors.flatMap((actor) => (actor.country ? [actor.country] : [])),
  ]);
  const sourceIds = new Set([...keptEvents.flatMap((event) => (event.source ? [event.source.article] : [])), ...stories.map((story) => story.source)]);
  const typeIds = new Set(keptEvents.map((event) => event.type));

  return {
    format: DATASET_FORMAT,
    version: 1,
    ...(dataset.title ? { title: dataset.title } : {}),
    sources: dataset.sources.filter((source) => sourceIds.has(source.id)),
    stories,
    countries: dataset.countries.filter((country) => countryIds.has(country.id)),
    types: dataset.types.filter((type) => typeIds.has(type.id)),
    actors,
    events: keptEvents,
    tours,
  };
}
