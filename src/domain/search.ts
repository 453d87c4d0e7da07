// Text search: one normal form for records and queries (case- and accent-insensitive), a per-dataset index of
// searchable text, highlight ranges in the original text, and the actor type-ahead.
import type { IndexedDataset, TimelineEvent } from './dataset.ts';
import type { Actor } from './schema.ts';

// Nonspacing marks only: accents go, but spacing vowel signs that carry meaning (e.g. in Devanagari) stay.
const NONSPACING_MARKS = /\p{Mn}/gu;
// Letters that are not decomposed by Unicode but that people type without the stroke or ligature.
// Final sigma folds to sigma because toLowerCase picks it by context, which char-by-char normalising cannot see.
const FOLDS: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ı: 'i', ς: 'σ' };
const FOLDABLE = /[ßæœøłđıς]/g;
const WHITESPACE = /\s+/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * The search form of a text: compatibility-decomposed (NFKD, so "ﬁ" is "fi"), lowercased, accents stripped and a
 * few letters folded ("ß" → "ss"). Normalising a string char by char gives the same result, which highlights rely on.
 */
export function normaliseText(text: string): string {
  return text.normalize('NFKD').toLowerCase().replace(NONSPACING_MARKS, '').replace(FOLDABLE, (char) => FOLDS[char] ?? char);
}

/** The normalised, de-duplicated terms of a query; all must match. Empty for a blank query. */
export function parseQuery(query: string): string[] {
  // Most filter changes come with no query: skip the Unicode normalisation.
  if (!query.trim()) return [];
  return [...new Set(normaliseText(query).split(WHITESPACE).filter((term) => term.length > 0))];
}

/** True if every (normalised) term occurs somewhere in the (normalised) haystack; no terms match everything. */
export function matchesQuery(haystack: string, terms: readonly string[]): boolean {
  for (const term of terms) if (!haystack.includes(term)) return false;
  return true;
}

/** Normalised searchable text per event, built once per dataset so filtering per keystroke only scans strings. */
export interface SearchIndex {
  /** The events the index was built for; filters check it is the same array they are given. */
  readonly events: readonly TimelineEvent[];
  /** Aligned with `events`. */
  readonly haystacks: readonly string[];
}

// Fields are joined by a newline: terms never contain whitespace, so no term can match across two fields.
const FIELD_SEPARATOR = '\n';

/** Indexes each event's title, summary, actor names and variants, type label and country name. */
export function buildSearchIndex(index: IndexedDataset): SearchIndex {
  // Actors, types and countries recur across many events: normalise their names once.
  const actorText = new Map(
    index.dataset.actors.map((actor) => [actor.id, normaliseText([actor.name, ...actor.variants].join(FIELD_SEPARATOR))]),
  );
  const typeText = new Map(index.dataset.types.map((type) => [type.id, normaliseText(type.label)]));
  const countryText = new Map(index.dataset.countries.map((country) => [country.id, normaliseText(country.name)]));
  const haystacks = index.events.map(({ record }) => {
    const fields = [
      normaliseText(record.title),
      normaliseText(record.summary ?? ''),
      ...record.actors.map((actorId) => actorText.get(actorId) ?? ''),
      typeText.get(record.type) ?? '',
      countryText.get(record.country) ?? '',
    ];
    return fields.join(FIELD_SEPARATOR);
  });
  return { events: index.events, haystacks };
}

/** A half-open range of UTF-16 indexes, [start, end), in the original text. */
export interface MatchRange {
  readonly start: number;
  readonly end: number;
}

/** Where the query's terms occur in the original text: sorted, merged, never overlapping or touching. */
export function findMatchRanges(text: string, query: string): MatchRange[] {
  const terms = parseQuery(query);
  if (terms.length === 0 || text.length === 0) return [];
  const { normalised, starts, ends } = normaliseWithOffsets(text);
  const ranges: MatchRange[] = [];
  for (const term of terms) {
    for (let at = normalised.indexOf(term); at !== -1; at = normalised.indexOf(term, at + 1)) {
      ranges.push({ start: starts[at]!, end: ends[at + term.length - 1]! });
    }
  }
  return mergeRanges(ranges);
}

export interface TextSegment {
  readonly text: string;
  readonly match: boolean;
}

/** The text cut into matching and non-matching runs, in order, for rendering highlights as plain text nodes. */
export function splitByMatches(text: string, query: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let offset = 0;
  for (const range of findMatchRanges(text, query)) {
    if (range.start > offset) segments.push({ text: text.slice(offset, range.start), match: false });
    segments.push({ text: text.slice(range.start, range.end), match: true });
    offset = range.end;
  }
  if (offset < text.length) segments.push({ text: text.slice(offset), match: false });
  return segments;
}

const charCache = new Map<string, string>();

function normaliseChar(char: string): string {
  let normalised = charCache.get(char);
  if (normalised === undefined) {
    normalised = normaliseText(char);
    charCache.set(char, normalised);
  }
  return normalised;
}

/** Normalises code point by code point, recording for each normalised unit the original range it came from. */
function normaliseWithOffsets(text: string): { normalised: string; starts: number[]; ends: number[] } {
  let normalised = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let offset = 0;
  let groupStart = 0;
  for (const char of text) {
    const next = offset + char.length;
    const folded = normaliseChar(char);
    if (folded.length > 0) {
      groupStart = starts.length;
      for (let unit = 0; unit < folded.length; unit += 1) {
        starts.push(offset);
        ends.push(next);
      }
      normalised += folded;
    } else {
      // A separate combining accent belongs to the letter before it, so a highlight never cuts it off.
      for (let unit = groupStart; unit < ends.length; unit += 1) ends[unit] = next;
    }
    offset = next;
  }
  return { normalised, starts, ends };
}

function mergeRanges(ranges: readonly MatchRange[]): MatchRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: { start: number; end: number }[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ start: range.start, end: range.end });
  }
  return merged;
}

// Ranks for the actor type-ahead, best first.
const RANK_NAME_PREFIX = 0;
const RANK_WORD_PREFIX = 1;
const RANK_INFIX = 2;

/**
 * Actors whose name or variants match every query term, for a type-ahead: names starting with the query first, then
 * those where every term starts a word, then matches inside words; ties by name. A blank query lists all by name.
 */
export function searchActors(actors: readonly Actor[], query: string, limit = 10): Actor[] {
  const terms = parseQuery(query);
  const phrase = terms.join(' ');
  const ranked: { actor: Actor; rank: number }[] = [];
  for (const actor of actors) {
    const names = [actor.name, ...actor.variants].map((name) => normaliseText(name).split(WHITESPACE).join(' '));
    const haystack = names.join(FIELD_SEPARATOR);
    if (!matchesQuery(haystack, terms)) continue;
    const rank = names.some((name) => name.startsWith(phrase))
      ? RANK_NAME_PREFIX
      : terms.every((term) => hasWordPrefix(haystack, term))
        ? RANK_WORD_PREFIX
        : RANK_INFIX;
    ranked.push({ actor, rank });
  }
  ranked.sort((a, b) => a.rank - b.rank || a.actor.name.localeCompare(b.actor.name));
  return ranked.slice(0, Math.max(0, limit)).map(({ actor }) => actor);
}

function hasWordPrefix(haystack: string, term: string): boolean {
  for (let at = haystack.indexOf(term); at !== -1; at = haystack.indexOf(term, at + 1)) {
    if (at === 0 || !WORD_CHAR.test(haystack.charAt(at - 1))) return true;
  }
  return false;
}
