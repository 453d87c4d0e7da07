// The hostile corpus in Chromium: in every field of a dataset opened by data=, and in every URL parameter. Each string
// shows literally, the sentinel window.__xss is never called, and no element with a handler (or any script-like
// element) is created. The main runs bypass the Content-Security-Policy, so the app's own defence (text, never HTML)
// is what is tested; one run keeps the policy on and must see no violation.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { URL_KEYS } from '../../src/domain/url-codec.ts';
import { validateDataset } from '../../src/domain/validate-dataset.ts';
import { hostileDataset } from '../fixtures/hostile-dataset.ts';
import { HOSTILE_STRINGS } from '../fixtures/hostile-strings.ts';
import { type AppPage, appUrl, openApp, saveScreenshot } from './support/app-page.ts';
import { launchChromium } from './support/browser.ts';
import { injectionReport, installInjectionWatch } from './support/injection-watch.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

const input = hostileDataset();
const checked = validateDataset(input);
if (!checked.ok) throw new Error(`the hostile dataset must be valid: ${JSON.stringify(checked.problems.slice(0, 3))}`);
const dataset = checked.dataset;
const titles = new Set(dataset.events.map((event) => event.title));
const DATA_PATH = 'hostile-dataset.json';

/** Opens the app, then serves the hostile dataset at a path on the site and opens it with data=. */
async function openHostileDataset(options: { bypassCSP: boolean }): Promise<AppPage> {
  const app = await openApp(browser, '', { bypassCSP: options.bypassCSP });
  const { page } = app;
  await installInjectionWatch(page);
  await page.route(`**/${DATA_PATH}`, (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(input) }));
  await page.goto(appUrl(`?data=${DATA_PATH}`));
  await page.getByRole('complementary', { name: 'Filters' }).getByRole('group', { name: 'Country' }).waitFor();
  await expect.poll(() => page.locator('.app-subtitle').textContent()).toBe(dataset.title);
  return app;
}

async function expectNothingInjected(page: Page) {
  await page.waitForTimeout(100); // let any handler an injection would have scheduled run
  const report = await injectionReport(page);
  expect(report.calls).toEqual([]);
  expect(report.injections).toEqual([]);
}

const textsOf = (page: Page, selector: string) => page.locator(selector).allTextContents();

describe('the sentinel and the watch', () => {
  it('catch a handler that runs and the element that carried it (control)', async () => {
    const app = await openApp(browser, '', { bypassCSP: true });
    const { page } = app;
    await installInjectionWatch(page);
    await page.reload();
    await page.evaluate(() => {
      const probe = document.createElement('div');
      probe.setAttribute('onclick', '__xss(1)');
      document.body.append(probe);
      probe.click();
    });
    await expect.poll(() => injectionReport(page)).toEqual({ calls: ['1'], injections: ['<div> has handler attribute onclick'] });
    await app.close();
  });
});

describe('a dataset of hostile text, opened with data=', () => {
  it('shows every field literally in filters, lanes, items, list, details, tours and presentation, and runs nothing', async () => {
    const app = await openHostileDataset({ bypassCSP: true });
    const { page } = app;
    const filters = page.getByRole('complementary', { name: 'Filters' });
    await expect(filters.getByRole('group', { name: 'Country' }).locator('label').allTextContents()).resolves.toEqual(
      dataset.countries.map((country) => country.name),
    );
    await expect(filters.getByRole('group', { name: 'Event type' }).locator('label').allTextContents()).resolves.toEqual(
      dataset.types.map((type) => type.label),
    );
    await expect(textsOf(page, '.button--story')).resolves.toEqual(dataset.stories.map((story) => story.title));

    // vis-timeline: lane labels and item labels are text nodes; item tooltips are title attributes.
    await page.getByRole('button', { name: 'Fit all' }).click();
    await expect.poll(async () => (await textsOf(page, '.vis-item .event-label')).length).toBeGreaterThan(0);
    const countryNames = new Set(dataset.countries.map((country) => country.name));
    for (const lane of await textsOf(page, '.vis-labelset .lane-label')) expect(countryNames).toContain(lane);
    for (const label of await textsOf(page, '.vis-item .event-label')) expect(titles).toContain(label);
    const tooltips = await page.locator('.vis-item .event-content').evaluateAll((items) => items.map((item) => item.getAttribute('title') ?? ''));
    for (const tooltip of tooltips) expect([...titles].some((title) => tooltip.startsWith(`${title}, `))).toBe(true);
    await saveScreenshot(page, 'hostile-timeline');

    await page.getByRole('button', { name: 'List', exact: true }).click();
    const rows = page.getByRole('region', { name: 'Event list' }).locator('.event-row__title');
    await expect(rows.allTextContents()).resolves.toEqual(dataset.events.map((event) => event.title));
    const details = page.getByRole('region', { name: 'Event details' });
    for (const [position, record] of dataset.events.entries()) {
      await rows.nth(position).click();
      await expect.poll(() => details.getByRole('heading', { level: 2 }).textContent()).toBe(record.title);
      await expect(details.locator('.event-details__summary').textContent()).resolves.toBe(record.summary);
      await expect(details.locator('blockquote').textContent()).resolves.toBe(record.source?.quote);
    }
    await saveScreenshot(page, 'hostile-details');

    await page.getByText('Guided tours').click();
    await expect(textsOf(page, '.guided-tours__title')).resolves.toEqual(dataset.tours.map((tour) => tour.title));
    await page.locator('.guided-tours__item').first().getByRole('button').click();
    const presentation = page.getByRole('region', { name: 'Presentation' });
    await presentation.waitFor();
    for (let step = 0; step < 3; step++) {
      await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(100);
    }
    const slideText = (await presentation.textContent()) ?? '';
    expect(dataset.events.some((event) => slideText.includes(event.title)) || dataset.tours.some((tour) => slideText.includes(tour.title))).toBe(true);
    await saveScreenshot(page, 'hostile-presentation');
    await expectNothingInjected(page);
    await app.close();
  });

  it('with the Content-Security-Policy on, opens it and its details with no violation', async () => {
    const app = await openHostileDataset({ bypassCSP: false });
    const { page } = app;
    await page.getByRole('button', { name: 'List', exact: true }).click();
    const rows = page.getByRole('region', { name: 'Event list' }).locator('.event-row__title');
    for (let position = 0; position < dataset.events.length; position += 7) await rows.nth(position).click();
    await expectNothingInjected(page);
    await app.close(); // fails on any CSP violation or console error
  });
});

describe('hostile text in every URL parameter', () => {
  it(`shows each of the ${HOSTILE_STRINGS.length} strings only as text, in every parameter, and runs nothing`, async () => {
    const app = await openApp(browser, '', { bypassCSP: true });
    const { page } = app;
    await installInjectionWatch(page);
    // Every link carries a different string in each parameter; across the run every string visits every parameter.
    const keys = [...URL_KEYS, 'unknown'] as const;
    for (const [position, text] of HOSTILE_STRINGS.entries()) {
      // Values are cut so the address stays under the server's header limit (a 16 KB request line).
      const at = (offset: number) => [...(HOSTILE_STRINGS[(position + offset) % HOSTILE_STRINGS.length] ?? '')].slice(0, 200).join('');
      const value = (key: string, offset: number) => (key === 'q' ? [...text].slice(0, 600).join('') : at(offset));
      const params = keys.map((key, offset) => `${encodeURIComponent(key === 'unknown' ? at(offset) : key)}=${encodeURIComponent(value(key, offset))}`);
      await page.goto(appUrl(`?${params.join('&')}`));
      const notice = page.locator('.notices .notice').first();
      await notice.waitFor({ timeout: 10_000 });
      const search = page.getByRole('searchbox', { name: 'Search events' });
      const expected = [...text].slice(0, 500).join('').replace(/[\r\n]/g, '');
      await expect.poll(() => search.inputValue(), { message: `q=${JSON.stringify(text.slice(0, 40))}` }).toBe(expected);
      const report = await injectionReport(page);
      expect(report, `link ${position}`).toEqual({ calls: [], injections: [] });
    }
    await saveScreenshot(page, 'hostile-url');
    // Some strings are plausible paths on the site (data=constructor): Chromium logs the 404 itself; the app says why.
    app.expectProblems(/^console: Failed to load resource: the server responded with a status of 404/);
    await app.close();
  }, 180_000);
});
