// Reading an event from a long list on a phone: its details open under its row, in view at once, and closing them
// returns to the row. Before, they followed the whole list, 19,000 px below the row picked from 1,000 events.
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../../bench/generate.ts';
import { appUrl, openApp, saveScreenshot } from './support/app-page.ts';
import { launchChromium } from './support/browser.ts';

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1366, height: 768 };

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

/** The app at this size, in list view, on 1,000 synthetic events. */
async function openLongList(viewport: { width: number; height: number }) {
  const app = await openApp(browser, '', { viewport });
  const { page } = app;
  await page.route('**/synthetic-1000.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(generateDataset(1000)) }));
  await page.goto(appUrl('data=synthetic-1000.json&view=list'));
  const status = page.getByRole('group', { name: 'Results' }).getByRole('status');
  await expect.poll(() => status.textContent(), { timeout: 20_000 }).toBe('1000 of 1000 events');
  return app;
}

const list = (page: Page) => page.getByRole('region', { name: 'Event list' });
const rowButtons = (page: Page) => list(page).locator('[data-event-row]');
const detailsHeading = (page: Page) => page.getByRole('region', { name: 'Event details' }).getByRole('heading', { level: 2 });

/** Where an element is against the window: 'in view' when all of it is inside, as the page is now scrolled. */
async function placement(page: Page, selector: string): Promise<string> {
  return page.evaluate((target) => {
    const element = document.querySelector(target);
    if (!element) return 'missing';
    const box = element.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight ? 'in view' : `top ${Math.round(box.top)}, bottom ${Math.round(box.bottom)}`;
  }, selector);
}

const rowSelector = (id: string) => `[data-event-row="${id}"]`;

describe('the list’s details on a phone', () => {
  it('opens a picked event’s details under its row, in view with it, and closing them returns to the row', async () => {
    const app = await openLongList(PHONE);
    const { page } = app;
    const row = rowButtons(page).nth(150);
    const id = (await row.getAttribute('data-event-row')) ?? 'missing';
    const title = await row.textContent();
    await row.click();

    // No scrolling by the test from here: the page shows the details, and the row they belong to, by itself.
    await expect.poll(() => detailsHeading(page).textContent()).toBe(title);
    await expect.poll(() => placement(page, '#event-details-heading')).toBe('in view');
    const heading = await detailsHeading(page).boundingBox();
    expect(heading && heading.y >= 0 && heading.y + heading.height <= PHONE.height, JSON.stringify(heading)).toBe(true);
    await expect(placement(page, rowSelector(id))).resolves.toBe('in view');
    // Focus stays on the row, and the details come next in the reading and Tab order.
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-event-row'))).resolves.toBe(id);
    await saveScreenshot(page, 'list-details-390x844');

    await page.getByRole('button', { name: 'Close details' }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Event details' }).count()).toBe(0);
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-event-row'))).resolves.toBe(id);
    await expect(placement(page, rowSelector(id))).resolves.toBe('in view');
    expect(app.problems).toEqual([]);
    await app.close();
  });

  it('moves the details to the next row picked, below the open ones, with that row in view', async () => {
    const app = await openLongList(PHONE);
    const { page } = app;
    await rowButtons(page).nth(120).click();
    await expect.poll(() => placement(page, '#event-details-heading')).toBe('in view');
    // The next row but one, under the open details: they close above it as its own open, moving it up the page.
    const next = rowButtons(page).nth(122);
    const id = (await next.getAttribute('data-event-row')) ?? 'missing';
    const title = await next.textContent();
    await next.click();
    await expect.poll(() => detailsHeading(page).textContent()).toBe(title);
    await expect(page.getByRole('region', { name: 'Event details' }).count()).resolves.toBe(1);
    await expect.poll(() => placement(page, '#event-details-heading')).toBe('in view');
    await expect(placement(page, rowSelector(id))).resolves.toBe('in view');
    expect(app.problems).toEqual([]);
    await app.close();
  });

  it('works by keyboard: Enter opens the details under the row, Tab enters them, Escape returns to the row', async () => {
    const app = await openLongList(PHONE);
    const { page } = app;
    const row = rowButtons(page).nth(180);
    const id = (await row.getAttribute('data-event-row')) ?? 'missing';
    await row.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => placement(page, '#event-details-heading')).toBe('in view');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Close details');
    // Arrow keys within the details are theirs, not the list's.
    await page.keyboard.press('ArrowDown');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Close details');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('region', { name: 'Event details' }).count()).toBe(0);
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-event-row'))).resolves.toBe(id);
    await expect(placement(page, rowSelector(id))).resolves.toBe('in view');
    // The arrows move between rows again.
    await page.keyboard.press('ArrowDown');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-event-row'))).resolves.not.toBe(id);
    expect(app.problems).toEqual([]);
    await app.close();
  });

  it('passes axe with the details open in the list, and shows them below the timeline when switching to it', async () => {
    const app = await openLongList(PHONE);
    const { page } = app;
    await rowButtons(page).nth(10).click();
    await list(page).getByRole('region', { name: 'Event details' }).waitFor();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);

    await page.getByRole('button', { name: 'Timeline', exact: true }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Event details' }).count()).toBe(1);
    const gap = await page.evaluate(() => {
      const canvas = document.querySelector('.timeline-canvas')?.getBoundingClientRect();
      const panel = document.querySelector('.event-details')?.getBoundingClientRect();
      return canvas && panel ? panel.top - canvas.bottom : Infinity;
    });
    expect(gap).toBeGreaterThanOrEqual(0);
    expect(app.problems).toEqual([]);
    await app.close();
  });
});

describe('the list’s details on a laptop', () => {
  it('stay beside the list, outside it', async () => {
    const app = await openLongList(LAPTOP);
    const { page } = app;
    await rowButtons(page).nth(150).click();
    const details = page.getByRole('region', { name: 'Event details' });
    await details.waitFor();
    await expect(list(page).getByRole('region', { name: 'Event details' }).count()).resolves.toBe(0);
    const [listBox, detailsBox] = await Promise.all([list(page).boundingBox(), details.boundingBox()]);
    expect(listBox && detailsBox && detailsBox.x >= listBox.x + listBox.width, JSON.stringify({ listBox, detailsBox })).toBe(true);
    expect(app.problems).toEqual([]);
    await app.close();
  });
});
