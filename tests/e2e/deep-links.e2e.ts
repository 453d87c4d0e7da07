import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser.ts';
import { appUrl, openApp, saveScreenshot } from './support/app-page.ts';
import { builtinEvents } from './support/records.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

const BHUTTO = 'benazir-bhutto-assassinated';
const records = builtinEvents();
const iranIds = records.filter((record) => record.country === 'iran').map((record) => record.id);

const details = (page: Page) => page.getByRole('region', { name: 'Event details' });
const detailsHeading = (page: Page) => details(page).getByRole('heading', { level: 2 });
const windowLabel = (page: Page) => page.getByRole('navigation', { name: 'Timeline navigation' }).locator('strong');
const countryBox = (page: Page, name: string) =>
  page.getByRole('complementary', { name: 'Filters' }).getByRole('group', { name: 'Country' }).getByRole('checkbox', { name, exact: true });
const query = (page: Page) => new URL(page.url()).searchParams;
const drawnIds = (page: Page) => page.locator('.vis-item[data-id]').evaluateAll((items) => items.map((item) => item.getAttribute('data-id') ?? ''));

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (value: number) => String(value).padStart(2, '0');

/** "27 Dec 2007" (the toolbar's format for short windows) → "2007-12-27". */
function isoDay(label: string): string {
  const [day, month, year] = label.trim().split(' ');
  return `${year}-${pad(MONTHS.indexOf(month ?? '') + 1)}-${pad(Number(day))}`;
}

function nextIsoDay(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  const next = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, (day ?? 1) + 1));
  return `${next.getUTCFullYear()}-${pad(next.getUTCMonth() + 1)}-${pad(next.getUTCDate())}`;
}

/** What a user sees of a view: the selected event, the country filters and the window. */
async function seenView(page: Page) {
  return {
    event: (await details(page).count()) ? await detailsHeading(page).textContent() : undefined,
    pakistan: await countryBox(page, 'Pakistan').isChecked(),
    iran: await countryBox(page, 'Iran').isChecked(),
    window: await windowLabel(page).textContent(),
  };
}

describe('deep links in Chromium', () => {
  it('opens a link with its event selected and in view, its details open and its filters applied', async () => {
    const app = await openApp(browser, `event=${BHUTTO}&country=pakistan`);
    const { page } = app;
    await expect(detailsHeading(page).textContent()).resolves.toBe('Benazir Bhutto assassinated');
    await expect(page.title()).resolves.toBe('Benazir Bhutto assassinated — Timeline Explorer');
    await expect(countryBox(page, 'Pakistan').isChecked()).resolves.toBe(true);
    await expect(countryBox(page, 'Iran').isChecked()).resolves.toBe(false);
    // A window of 1/8 of the Pakistan story, centred on 27 December 2007.
    await expect(windowLabel(page).textContent()).resolves.toMatch(/^\d+ Dec 2007 – \d+ Jan 2008$/);
    await expect.poll(() => page.locator(`.vis-item.vis-selected[data-id="${BHUTTO}"]`).count()).toBe(1);
    const drawn = await drawnIds(page);
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn.filter((id) => iranIds.includes(id))).toEqual([]);
    // The link is already as short as the view allows, so it stays as it was.
    expect(page.url()).toBe(appUrl(`event=${BHUTTO}&country=pakistan`));
    await saveScreenshot(page, 'deep-link-1366x768');
    expect(app.problems).toEqual([]);
    await app.close();
  });

  it.each([
    // 27 December in 1 December – 1 January, and in the event's own window, 18 December – 6 January.
    ['from=2007-12-01&to=2008-01-01', 26 / 31],
    [`event=${BHUTTO}`, 9 / 19],
    // Wider than vis-timeline's own zoom limit was (1,000 years): it drew 2500–3500 under a label of 1000–5000.
    ['from=1000-01-01&to=5000-01-01&country=pakistan', (2007.99 - 1000) / 4000],
  ])('draws the window the link names, where its label says it is: %s', async (search, expected) => {
    const app = await openApp(browser, search);
    const { page } = app;
    const dot = page.locator(`.vis-item[data-id="${BHUTTO}"] .vis-dot`);
    await dot.waitFor();
    await page.waitForTimeout(600);
    const centre = await page.locator('.vis-panel.vis-center').boundingBox();
    const box = await dot.boundingBox();
    if (!centre || !box) throw new Error('the timeline or the event is not drawn');
    // Where the event sits across the timeline is the window drawn, whatever the label says.
    const across = (box.x + box.width / 2 - centre.x) / centre.width;
    expect(Math.abs(across - expected), `drawn at ${across.toFixed(3)} of the width`).toBeLessThan(0.04);
    expect(app.problems).toEqual([]);
    await app.close();
  });

  it('adds a history entry for a filter, and Back and Forward step through it', async () => {
    const app = await openApp(browser, `event=${BHUTTO}`);
    const { page } = app;
    const actor = details(page).getByRole('button', { name: 'Benazir Bhutto', exact: true });
    await actor.click();
    await expect.poll(() => query(page).get('actor')).toBe('benazir-bhutto');
    await expect(actor.getAttribute('aria-pressed')).resolves.toBe('true');

    await page.goBack();
    await expect.poll(() => actor.getAttribute('aria-pressed')).toBe('false');
    expect(query(page).get('actor')).toBeNull();
    await expect(detailsHeading(page).textContent()).resolves.toBe('Benazir Bhutto assassinated');

    await page.goForward();
    await expect.poll(() => actor.getAttribute('aria-pressed')).toBe('true');
    expect(app.problems).toEqual([]);
    await app.close();
  });

  it('rewrites the current entry while panning, however fast, and the address ends on the final view', async () => {
    const app = await openApp(browser, `event=${BHUTTO}`);
    const { page } = app;
    const entries = () => page.evaluate(() => window.history.length);
    const before = await entries();
    for (let step = 0; step < 60; step += 1) await page.getByRole('button', { name: step % 3 === 2 ? 'Earlier' : 'Later' }).click();
    await expect.poll(() => query(page).get('from'), { timeout: 5_000 }).not.toBeNull();
    await page.waitForTimeout(1_500);
    expect(await entries()).toBe(before);

    // The address covers the window shown, to the day: its start, and its end or the day after (whole days).
    const [start, end] = ((await windowLabel(page).textContent()) ?? '').split(' – ').map(isoDay);
    expect(query(page).get('from')).toBe(start);
    expect([end, nextIsoDay(end ?? '')]).toContain(query(page).get('to'));
    expect(app.problems).toEqual([]);
    await app.close();
  });

  it('copies a link that opens the same view in another browser', async () => {
    const app = await openApp(browser, '', { permissions: ['clipboard-read', 'clipboard-write'] });
    const { page } = app;
    await countryBox(page, 'Pakistan').check();
    await page.getByRole('button', { name: /^Pakistan/ }).click();
    await page.locator(`.vis-item[data-id="${BHUTTO}"]`).click();
    await expect(detailsHeading(page).textContent()).resolves.toBe('Benazir Bhutto assassinated');
    await page.waitForTimeout(800); // the story button animates the window
    const shown = await seenView(page);

    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Link copied' }).count()).toBe(1);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(new URL(copied).searchParams.get('event')).toBe(BHUTTO);

    const other = await openApp(browser, new URL(copied).search);
    await expect.poll(() => seenView(other.page)).toEqual(shown);
    expect(app.problems).toEqual([]);
    expect(other.problems).toEqual([]);
    await other.close();
    await app.close();
  });

  it('shows the link selected, to copy by hand, when the clipboard is refused', async () => {
    const app = await openApp(browser, `event=${BHUTTO}`);
    const { page } = app;
    // As when the user or the browser says no: the page keeps working and offers the link another way.
    await page.evaluate(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
    });
    await page.getByRole('button', { name: 'Copy link' }).click();
    const field = page.getByRole('textbox', { name: 'Link to this view' });
    await expect(field.inputValue()).resolves.toBe(page.url());
    await expect(field.evaluate((input: HTMLInputElement) => [input.selectionStart, input.selectionEnd, input.value.length])).resolves.toEqual([
      0,
      page.url().length,
      page.url().length,
    ]);
    await expect(field.evaluate((input) => input === document.activeElement)).resolves.toBe(true);
    await saveScreenshot(page, 'copy-by-hand-1366x768');
    const results = await new AxeBuilder({ page }).include('.app-header').include('.event-details').analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
    expect(app.problems).toEqual([]);
    await app.close();
  });

  it.each([
    ['an unknown event', 'event=bhuto-assassinated', "No event called 'bhuto-assassinated'; showing the timeline."],
    ['an unknown country and a good one', 'country=pakistan,narnia', "No country called 'narnia'; ignored it."],
    ['a malformed date', 'from=2007-13-45&to=2008-01-01', 'Ignored from=2007-13-45: not a date (use YYYY-MM-DD).'],
    ['a window ending before it starts', 'from=2008-01-01&to=2007-01-01', "Ignored the time window: 'to' (2007-01-01) is before 'from' (2008-01-01)."],
    ['a repeated parameter', `event=${BHUTTO}&event=nope`, "'event' was given twice; used the first."],
    ['a truncated country', 'country=pakis', "No country called 'pakis'; ignored it."],
    ['an unknown view', 'view=grid', 'Ignored view=grid: use view=list (or leave it out for the timeline).'],
  ])('copes with %s: a notice says what was ignored, and the timeline works', async (_name, search, message) => {
    const app = await openApp(browser, search);
    const { page } = app;
    const notice = page.getByRole('status').filter({ hasText: message });
    await expect.poll(() => notice.count()).toBe(1);
    await expect.poll(async () => (await drawnIds(page)).length).toBeGreaterThan(0);
    // The bad parts do not stay in the address.
    expect(page.url()).not.toContain('bhuto');
    expect(page.url()).not.toContain('narnia');
    expect(page.url()).not.toContain('2007-13-45');
    expect(page.url()).not.toMatch(/pakis(?!tan)/);
    expect(page.url()).not.toContain('view=grid');
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => notice.count()).toBe(0);
    expect(app.problems).toEqual([]);
    await app.close();
  });

  it('shows an embedded view for an iframe: timeline, details and a way out to the full app', async () => {
    const app = await openApp(browser, `embed=1&event=${BHUTTO}`, { viewport: { width: 800, height: 600 } });
    const { page } = app;
    await expect(detailsHeading(page).textContent()).resolves.toBe('Benazir Bhutto assassinated');
    await expect(page.getByRole('button', { name: 'Copy link' }).count()).resolves.toBe(0);
    await expect(page.getByRole('complementary', { name: 'Filters' }).count()).resolves.toBe(0);
    const out = page.getByRole('link', { name: /^Open in Timeline Explorer/ });
    await expect(out.getAttribute('target')).resolves.toBe('_blank');
    await expect(out.getAttribute('href')).resolves.toBe(appUrl(`event=${BHUTTO}`));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await saveScreenshot(page, 'embed-800x600');
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
    expect(app.problems).toEqual([]);
    await app.close();
  });
});
