// Deterministic synthetic datasets in the app's own format: N events over 70 years, 5 countries, 10 types, 200 actors,
// points and ranges, day/month/year precision. The same seed always gives the same file.
import type { DatasetInput } from '../src/domain/schema.ts';

export const FIRST_YEAR = 1950;
export const YEARS = 70;
export const COUNTRY_COUNT = 5;
export const TYPE_COUNT = 10;
export const ACTOR_COUNT = 200;

const COUNTRIES = ['Avalon', 'Borduria', 'Carpania', 'Dorne', 'Elbonia'];
const TYPES = ['Election', 'Protest', 'Coup', 'Treaty', 'Reform', 'Trial', 'Strike', 'Summit', 'Uprising', 'Decree'];
const NOUNS = ['parliament', 'army', 'court', 'press', 'union', 'council', 'capital', 'province', 'border', 'ministry'];
const VERBS = ['dissolved', 'reformed', 'challenged', 'restored', 'divided', 'opened', 'closed', 'censured', 'renamed', 'taken'];
const SYLLABLES = ['ka', 'ren', 'mo', 'li', 'sa', 'vor', 'ta', 'nek', 'ul', 'dri', 'po', 'zan', 'mi', 'ost', 'be', 'gal'];

/** mulberry32: a small, fast, seeded PRNG returning numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pad2 = (value: number) => String(value).padStart(2, '0');
const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-');
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

type Precision = 'day' | 'month' | 'year';

interface DatePick {
  readonly text: string;
  readonly precision: Precision;
  /** Sortable position in months, to keep ends after starts. */
  readonly monthIndex: number;
}

export function generateDataset(eventCount: number, seed = 1): DatasetInput {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

  const countries = COUNTRIES.slice(0, COUNTRY_COUNT).map((name) => ({ id: slug(name), name }));
  const types = TYPES.slice(0, TYPE_COUNT).map((label) => ({ id: slug(label), label, description: `Synthetic ${label.toLowerCase()} events.` }));
  const actors = Array.from({ length: ACTOR_COUNT }, (_, position) => {
    const name = `${capitalise(pick(SYLLABLES) + pick(SYLLABLES))} ${capitalise(pick(SYLLABLES) + pick(SYLLABLES) + pick(SYLLABLES))}`;
    return { id: `actor-${position + 1}`, name, variants: [], kind: 'person' as const, country: pick(countries).id, roles: [] };
  });

  const datePick = (precision: Precision, monthIndex: number): DatePick => {
    const year = FIRST_YEAR + Math.floor(monthIndex / 12);
    const month = (monthIndex % 12) + 1;
    if (precision === 'year') return { text: String(year), precision, monthIndex: (year - FIRST_YEAR) * 12 };
    if (precision === 'month') return { text: `${year}-${pad2(month)}`, precision, monthIndex };
    const day = 1 + Math.floor(random() * (DAYS_IN_MONTH[month - 1] ?? 28));
    return { text: `${year}-${pad2(month)}-${pad2(day)}`, precision, monthIndex };
  };
  const precisionOf = (): Precision => {
    const roll = random();
    return roll < 0.6 ? 'day' : roll < 0.85 ? 'month' : 'year';
  };

  const events = Array.from({ length: eventCount }, (_, position) => {
    const country = pick(countries);
    const type = pick(types);
    const start = datePick(precisionOf(), Math.floor(random() * (YEARS * 12 - 1)));
    // About one event in five is a period: a few months to a few years, never past the 70 years.
    let end: DatePick | undefined;
    if (random() < 0.2) {
      const precision = start.precision === 'year' ? 'year' : random() < 0.5 ? 'month' : 'day';
      const length = 12 * (start.precision === 'year' ? 1 : 0) + 1 + Math.floor(random() * 36);
      const monthIndex = Math.min(start.monthIndex + length, YEARS * 12 - 1);
      const candidate = datePick(precision, monthIndex);
      end = candidate.monthIndex > start.monthIndex ? candidate : undefined;
    }
    const actorIds = [...new Set(Array.from({ length: Math.floor(random() * 4) }, () => pick(actors).id))];
    const noun = pick(NOUNS);
    const verb = pick(VERBS);
    return {
      id: `event-${position + 1}`,
      story: 'synthetic',
      country: country.id,
      title: `${type.label}: ${noun} ${verb} in ${country.name} (${position + 1})`,
      summary: `Synthetic record ${position + 1}: the ${noun} was ${verb} during a ${type.label.toLowerCase()} in ${country.name}.`,
      start: start.text,
      precision: start.precision,
      ...(end ? { end: end.text } : {}),
      approximate: random() < 0.1,
      type: type.id,
      actors: actorIds,
      context: random() < 0.05,
      source: { article: 'synthetic-source', quote: `record ${position + 1}` },
    };
  });

  return {
    format: 'timeline-explorer',
    version: 1,
    title: `Synthetic benchmark dataset, ${eventCount} events`,
    sources: [{ id: 'synthetic-source', title: 'Generated by bench/generate.ts', published: '2020' }],
    stories: [],
    countries,
    types,
    actors,
    events,
    tours: [],
  };
}
