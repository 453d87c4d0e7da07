import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/schema.ts';
import {
  buildSearchIndex,
  findMatchRanges,
  matchesQuery,
  normaliseText,
  parseQuery,
  searchActors,
  splitByMatches,
} from '../../src/domain/search.ts';
import { loadSampleIndex } from '../fixtures/sample-dataset.ts';

const index = loadSampleIndex();
const search = buildSearchIndex(index);

function matchingIds(query: string): string[] {
  const terms = parseQuery(query);
  return index.events.filter((_, position) => matchesQuery(search.haystacks[position]!, terms)).map((event) => event.id);
}

function highlighted(text: string, query: string): string[] {
  return findMatchRanges(text, query).map((range) => text.slice(range.start, range.end));
}

describe('normaliseText', () => {
  it.each([
    ['Velâyat', 'velayat'],
    ['VELÂYAT', 'velayat'],
    ['Vela\u0302yat', 'velayat'],
    ['Straße', 'strasse'],
    ['Łódź', 'lodz'],
    ['Ærø', 'aero'],
    ['İstanbul', 'istanbul'],
    ['ΟΔΟΣ', 'οδοσ'],
    ['ﬁnal', 'final'],
    ['Ḥasan ʿAlī', 'hasan ʿali'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseText(input)).toBe(expected);
  });

  it('gives the same result char by char as for the whole string, so highlights line up', () => {
    // Random code points, plus the ones whose case or decomposition depends on context or expands.
    const tricky = fc.oneof(
      fc.constantFrom('Σ', 'ς', 'İ', 'ẞ', 'ß', 'ﬁ', 'ǅ', 'Å', 'ŉ', '\u0301', '\u0345', 'A', ' '),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    );
    fc.assert(
      fc.property(fc.string({ unit: tricky, maxLength: 30 }), (text) => {
        const byChar = [...text].map(normaliseText).join('');
        expect(byChar).toBe(normaliseText(text));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('parseQuery', () => {
  it.each([
    ['', []],
    ['   ', []],
    ['  Velâyat  ', ['velayat']],
    ['Bhutto  ASSASSINATED\tbhutto', ['bhutto', 'assassinated']],
  ])('%j → %j', (query, expected) => {
    expect(parseQuery(query)).toEqual(expected);
  });
});

describe('matchesQuery', () => {
  it.each([
    ['benazir bhutto', [], true],
    ['benazir bhutto', ['bhu'], true],
    ['benazir bhutto', ['bhutto', 'benazir'], true],
    ['benazir bhutto', ['bhutto', 'corbyn'], false],
  ])('%j with %j → %s', (haystack, terms, expected) => {
    expect(matchesQuery(haystack, terms)).toBe(expected);
  });
});

describe('buildSearchIndex', () => {
  it('keeps one haystack per event, aligned with the index', () => {
    expect(search.events).toBe(index.events);
    expect(search.haystacks).toHaveLength(index.events.length);
  });

  it.each([
    ['velayat', ['velayat-founded'], 'title with an accent, and the actor'],
    ['VELÂYAT', ['velayat-founded'], 'accent and case in the query'],
    ['faqih', ['velayat-founded'], 'actor name only'],
    ['KHOMEINI', ['alpha-revolution', 'khomeini-dies'], 'actor names and title'],
    ['ayatollah', ['alpha-revolution', 'khomeini-dies'], 'actor variant only'],
    ['jurist', ['velayat-founded'], 'summary'],
    ['gammaria', ['gamma-rally'], 'country name'],
    ['war conflict', ['alpha-war'], 'terms from title and type label'],
    ['bhutto rally', ['bhutto-assassinated'], 'every term must match'],
    ['bhutto corbyn', [], 'terms from two different events'],
    ['  ', index.events.map((event) => event.id), 'blank query'],
  ])('%j matches %j (%s)', (query, expected) => {
    expect(matchingIds(query)).toEqual(expected);
  });

  it('does not match a term across two fields', () => {
    // "Khomeini dies" + summary "The first leader…": a term spanning the join must not match.
    expect(matchingIds('diesthe')).toEqual([]);
    expect(matchingIds('dies the')).toEqual(['khomeini-dies']);
  });
});

describe('findMatchRanges', () => {
  it.each([
    ['Velâyat council founded', 'velayat', [{ start: 0, end: 7 }]],
    ['Vela\u0302yat', 'velayat', [{ start: 0, end: 8 }]],
    ['Vela\u0302', 'vela', [{ start: 0, end: 5 }]],
    ['Große Straße', 'strasse', [{ start: 6, end: 12 }]],
    ['Große Straße', 'ss', [{ start: 3, end: 4 }, { start: 10, end: 11 }]],
    ['banana', 'ana', [{ start: 1, end: 6 }]],
    ['Benazir Bhutto assassinated', 'bhutto BENAZIR', [{ start: 0, end: 7 }, { start: 8, end: 14 }]],
    ['BenazirBhutto', 'bhutto BENAZIR', [{ start: 0, end: 13 }]],
    ['Benazir Bhutto', 'nazir zir', [{ start: 2, end: 7 }]],
    ['Alpha–Omega war', 'corbyn', []],
    ['Alpha', '', []],
    ['', 'alpha', []],
    ['😀 Café 😀', 'cafe', [{ start: 3, end: 7 }]],
  ])('%j, %j → %j', (text, query, expected) => {
    expect(findMatchRanges(text, query)).toEqual(expected);
  });

  it('highlights the original accented text', () => {
    expect(highlighted('Council of Velâyat-e Faqih', 'VELAYAT faqih')).toEqual(['Velâyat', 'Faqih']);
  });

  it('returns sorted, separate ranges inside the text, each of which matches a term', () => {
    const words = ['velâyat', 'ss', 'a', 'an', 'e\u0301', 'ß', 'Ω', '😀', 'ﬁ'];
    const piece = (maxLength: number) => fc.oneof(fc.constantFrom(...words), fc.string({ unit: 'binary', maxLength }));
    const text = fc.array(fc.oneof(piece(3), fc.constant(' ')), { maxLength: 8 }).map((parts) => parts.join(''));
    const query = fc.array(piece(2), { maxLength: 3 }).map((parts) => parts.join(' '));
    fc.assert(
      fc.property(text, query, (text, query) => {
        const ranges = findMatchRanges(text, query);
        const terms = parseQuery(query);
        let previousEnd = -1;
        for (const range of ranges) {
          expect(range.start).toBeGreaterThan(previousEnd);
          expect(range.end).toBeGreaterThan(range.start);
          expect(range.end).toBeLessThanOrEqual(text.length);
          expect(terms.some((term) => normaliseText(text.slice(range.start, range.end)).includes(term))).toBe(true);
          previousEnd = range.end;
        }
        // Every term found in the normalised text is highlighted somewhere, and only then.
        const found = terms.some((term) => normaliseText(text).includes(term));
        expect(ranges.length > 0).toBe(found);
      }),
      { numRuns: 500 },
    );
  });
});

describe('splitByMatches', () => {
  it.each([
    ['Velâyat council founded', 'velayat', [{ text: 'Velâyat', match: true }, { text: ' council founded', match: false }]],
    [
      'Khomeini dies',
      'DIES',
      [
        { text: 'Khomeini ', match: false },
        { text: 'dies', match: true },
      ],
    ],
    ['Khomeini dies', '', [{ text: 'Khomeini dies', match: false }]],
    ['', 'x', []],
  ])('%j, %j → %j', (text, query, expected) => {
    expect(splitByMatches(text, query)).toEqual(expected);
  });

  it('joins back to the original text with no empty segments', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.string({ maxLength: 6 }), (text, query) => {
        const segments = splitByMatches(text, query);
        expect(segments.map((segment) => segment.text).join('')).toBe(text);
        expect(segments.every((segment) => segment.text.length > 0)).toBe(true);
        // Runs alternate: two neighbours never share a kind, or they would have been one run.
        segments.slice(1).forEach((segment, position) => expect(segment.match).not.toBe(segments[position]!.match));
      }),
      { numRuns: 300 },
    );
  });
});

describe('searchActors', () => {
  const actor = (id: string, name: string, variants: string[] = []): Actor => ({ id, name, variants, kind: 'person', roles: [] });
  const actors = [
    ...index.dataset.actors,
    actor('irgc', 'Islamic Revolutionary Guard Corps', ['IRGC', 'Sepâh-e Pâsdârân']),
    actor('jeremy-hunt', 'Jeremy Hunt'),
    actor('ajeremyan', 'Ajeremyan'),
  ];
  const ids = (query: string, limit?: number) => searchActors(actors, query, limit).map((found) => found.id);

  it.each([
    ['Jeremy', ['jeremy-corbyn', 'jeremy-hunt', 'ajeremyan'], 'name prefixes before an infix match'],
    ['corbyn', ['jeremy-corbyn'], 'a later word of the name'],
    ['IRGC', ['irgc'], 'a variant'],
    ['pasdaran', ['irgc'], 'a variant, without accents'],
    ['velayat', ['velayat-council'], 'accented name, plain query'],
    ['khomeini', ['ruhollah-khomeini'], 'name and variants'],
    ['ayatollah ruhollah', ['ruhollah-khomeini'], 'terms from a variant and the name'],
    ['guard revolutionary', ['irgc'], 'word prefixes in any order'],
    ['hutto', ['benazir-bhutto'], 'infix'],
    ['nobody', [], 'no match'],
  ])('%j → %j (%s)', (query, expected) => {
    expect(ids(query)).toEqual(expected);
  });

  it('ranks a name starting with the query first, then word prefixes, then infixes', () => {
    // Alphabetically the reverse of the ranking, so only the ranking can put them in this order.
    const ranked = [actor('infix', 'Banna'), actor('word', 'Mo Anna'), actor('name', 'Zed', ['Anna'])];
    expect(searchActors(ranked, 'ann').map((found) => found.id)).toEqual(['name', 'word', 'infix']);
  });

  it('lists every actor by name for a blank query, up to the limit', () => {
    expect(ids('', 3)).toEqual(['ajeremyan', 'benazir-bhutto', 'velayat-council']);
    expect(ids('jeremy', 1)).toEqual(['jeremy-corbyn']);
    expect(ids('jeremy', 0)).toEqual([]);
  });
});
