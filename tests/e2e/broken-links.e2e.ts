// Links are user input. 100 generated broken links (typos in ids, impossible dates, reversed windows, unknown or
// repeated parameters, unsafe data= addresses, hostile text) each open a working timeline with a notice saying what
// was left out, in one browser page, link after link. And 500 rapid pans leave the address on the final view.
import fc from 'fast-check';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltinData } from '../../scripts/builtin-data.ts';
import { indexDataset } from '../../src/domain/dataset.ts';
import { filterEvents } from '../../src/domain/filters.ts';
import { buildSearchIndex } from '../../src/domain/search.ts';
import { allowListsFromIndex, parseViewState } from '../../src/domain/url-codec.ts';
import { HOSTILE_STRINGS } from '../fixtures/hostile-strings.ts';
import { appUrl, openApp } from './support/app-page.ts';
import { launchChromium } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

const builtin = loadBuiltinData().result;
if (!builtin.ok) throw new Error('the built-in stories must load');
const index = indexDataset(builtin.dataset);
const search = buildSearchIndex(index);
const allow = allowListsFromIndex(index);
const ids = (set: ReadonlySet<string>) => [...set].sort();

/** A near miss of a real id: a letter dropped, doubled or swapped, or a different case. */
const typo = (set: ReadonlySet<string>) =>
  fc.tuple(fc.constantFrom(...ids(set)), fc.nat(), fc.constantFrom('drop', 'double', 'swap', 'upper')).map(([id, at, kind]) => {
    const i = at % id.length;
    if (kind === 'drop') return id.slice(0, i) + id.slice(i + 1);
    if (kind === 'double') return id.slice(0, i) + id[i] + id.slice(i);
    if (kind === 'upper') return id.toUpperCase();
    return id.slice(0, i) + (id[i + 1] ?? '') + id[i] + id.slice(i + 2);
  });
const hostile = fc.constantFrom(...HOSTILE_STRINGS.map((text) => [...text].slice(0, 120).join('')));
const idList = (set: ReadonlySet<string>) =>
  fc
    .array(fc.oneof(fc.constantFrom(...ids(set)), typo(set), hostile), { minLength: 1, maxLength: 4 })
    .map((list) => list.join(','));
const badDay = fc.constantFrom('2007-13-45', '2007-02-30', '2007', '10000-01-01', '27/12/2007', 'yesterday', '2007-1-1', '');
const goodDay = fc.integer({ min: 1900, max: 2030 }).map((year) => `${year}-06-15`);

const pair = (key: string, value: string): [string, string] => [key, value];

/** One broken (or, mixed in, valid) part of a link, as key=value pairs. */
const part: fc.Arbitrary<[string, string][]> = fc.oneof(
  fc.oneof(typo(allow.eventIds), hostile).map((value) => [pair('event', value)]),
  idList(allow.countryIds).map((value) => [pair('country', value)]),
  idList(allow.actorIds).map((value) => [pair('actor', value)]),
  idList(allow.typeIds).map((value) => [pair('type', value)]),
  fc.tuple(fc.oneof(badDay, goodDay), fc.oneof(badDay, goodDay)).map(([from, to]) => [pair('from', from), pair('to', to)]),
  fc.tuple(goodDay, goodDay).map(([a, b]) => [pair('from', a > b ? a : b), pair('to', a > b ? b : a)]),
  fc.constantFrom('grid', 'LIST', 'map', '1').map((value) => [pair('view', value)]),
  fc.tuple(fc.constantFrom('context', 'present', 'reveal', 'embed'), fc.constantFrom('yes', 'true', '2', 'on')).map(([key, value]) => [pair(key, value)]),
  fc.tuple(fc.constantFrom('foo', 'Event', 'q ', 'evnt', 'counrty', 'utm_source'), fc.string()).map(([key, value]) => [pair(key, value)]),
  fc.constantFrom('javascript:alert(1)', 'data:,x', '//evil.example/x.json', '/\\evil.example', 'https:evil.example', 'ftp://x/y.json').map((value) => [pair('data', value)]),
  fc.constantFrom(...ids(allow.eventIds)).map((id) => [pair('event', id), pair('event', 'nope')]),
  hostile.map((value) => [pair('', value)]),
  fc.tuple(hostile, hostile).map(([key, value]) => [pair(key, value)]),
);

const encode = (pairs: readonly [string, string][]) => pairs.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`).join('&');

/** Links that the codec must complain about and that still leave events to draw on the timeline. */
const LINKS: string[] = fc
  .sample(fc.array(part, { minLength: 1, maxLength: 4 }), { numRuns: 600, seed: 20_260_121 })
  .map((parts) => encode(parts.flat()))
  .filter((link, position, all) => all.indexOf(link) === position)
  .filter((link) => {
    const { state, notices } = parseViewState(link, allow);
    const showsTimeline = state.view === 'timeline' && !state.present && !state.embed && state.tour === undefined;
    return notices.length > 0 && showsTimeline && filterEvents(index, search, state).length > 0;
  })
  .slice(0, 100);

describe('broken links in Chromium', () => {
  it('generates 100 distinct broken links', () => {
    expect(LINKS).toHaveLength(100);
  });

  it('opens each with a working timeline and a notice saying what was left out', async () => {
    const app = await openApp(browser);
    const { page } = app;
    const timeline = page.getByRole('group', { name: 'Timeline events' });
    for (const link of LINKS) {
      await page.goto(appUrl(`?${link}`));
      const notices = page.locator('.notices');
      await expect.poll(() => notices.locator('.notice').count(), { message: link }).toBeGreaterThan(0);
      const shown = (await notices.textContent()) ?? '';
      for (const { message } of parseViewState(link, allow).notices) expect(shown, link).toContain(message);
      await expect(timeline.isVisible(), link).resolves.toBe(true);
      await expect.poll(() => page.locator('.vis-timeline').first().isVisible(), { message: link }).toBe(true);
      await expect(page.locator('.error-boundary').count(), link).resolves.toBe(0);
      // The timeline still responds: the next event opens in the details.
      await timeline.focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => page.getByRole('region', { name: 'Event details' }).count(), { message: link }).toBe(1);
    }
    await app.close();
  }, 120_000);
});

describe('broken %-escapes in Chromium', () => {
  it('says the search text was left out, drops it from the address and applies the rest of the link', async () => {
    const app = await openApp(browser, 'q=%E0%A4%A&country=pakistan');
    const { page } = app;
    const message = "Ignored the search text (q=%E0%A4%A): a '%' must be followed by two hex digits (write % itself as %25).";
    await expect.poll(() => page.getByText(message, { exact: true }).count()).toBe(1);
    await expect(page.getByRole('searchbox', { name: 'Search events' }).inputValue()).resolves.toBe('');
    const countries = page.getByRole('complementary', { name: 'Filters' }).getByRole('group', { name: 'Country' });
    const pakistan = countries.getByRole('checkbox', { name: 'Pakistan', exact: true });
    await expect(pakistan.isChecked()).resolves.toBe(true);
    await expect.poll(() => new URL(page.url()).search).toBe('?country=pakistan');
    await app.close();
  });
});

describe('rapid panning', () => {
  it('takes 500 pans without an error and leaves the address on the final view', async () => {
    const app = await openApp(browser);
    const { page } = app;
    const label = page.getByRole('navigation', { name: 'Timeline navigation' }).locator('strong');
    // Start on a story a few months wide, so 500 pans (two later, one earlier) stay within the calendar.
    await page.getByRole('button', { name: /^Pakistan/ }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('from'), { timeout: 5_000 }).not.toBeNull();
    const entries = await page.evaluate(() => window.history.length);
    await page.evaluate(async () => {
      const buttons = Array.from(document.querySelectorAll('button'));
      const later = buttons.find((button) => button.textContent === 'Later');
      const earlier = buttons.find((button) => button.textContent === 'Earlier');
      for (let pan = 0; pan < 500; pan++) {
        (pan % 3 === 2 ? earlier : later)?.click();
        // One pan per task, so each is rendered and synced on its own, as fast as the page allows.
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    });
    const shown = await label.textContent();
    expect(shown).toMatch(/20[4-6]\d/);
    // Pans rewrite the current entry: no new history entries, however many.
    expect(await page.evaluate(() => window.history.length)).toBe(entries);
    // The address settles on the final view: opened again, it shows the same window.
    await page.waitForTimeout(1_000);
    const settled = page.url();
    await page.goto(settled);
    await expect.poll(() => label.textContent()).toBe(shown);
    await app.close(); // fails on any console error, such as a browser refusing history calls
  }, 60_000);
});
