import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../../bench/generate.ts';
import type { EventRecord } from '../../src/domain/schema.ts';
import { launchChromium, projectRoot } from './support/browser.ts';
import { drawnIdsInEveryLane } from './support/lanes.ts';
import { appUrl, openApp, saveScreenshot, screenshotDir } from './support/app-page.ts';
import { builtinEvents } from './support/records.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

const records = builtinEvents();
const builtinTypes = (): { id: string; label: string }[] => JSON.parse(readFileSync(resolve(projectRoot, 'data', 'types.json'), 'utf8'));
const countText = (matching: readonly EventRecord[]) => `${matching.length} of ${records.length} events`;
const ids = (matching: readonly EventRecord[]) => matching.map((record) => record.id).sort();

const filters = (page: Page) => page.getByRole('complementary', { name: 'Filters' });
const status = (page: Page) => page.getByRole('group', { name: 'Results' }).getByRole('status');
const checkbox = (page: Page, group: string, name: string) =>
  filters(page).getByRole('group', { name: group }).getByRole('checkbox', { name, exact: true });

const ALL_SYNTHETIC = '1000 of 1000 events';

/** 1,000 synthetic events at a seven-year window holding about a hundred of them: lanes of stacked rows that overflow. */
async function openStackedLanes(options: BrowserContextOptions = {}) {
  const app = await openApp(browser, '', options);
  const { page } = app;
  await page.route('**/synthetic-1000.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(generateDataset(1000)) }));
  await page.goto(appUrl('data=synthetic-1000.json&from=1981-01-01&to=1988-06-01'));
  await expect.poll(() => status(page).textContent(), { timeout: 20_000 }).toBe(ALL_SYNTHETIC);
  return app;
}

/** The ids of the items vis-timeline has drawn; it draws only those in (or near) the window. */
function drawnIds(page: Page): Promise<string[]> {
  return page
    .locator('.vis-item[data-id]')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-id') ?? '').sort());
}

/** Fits the window to the results and waits for vis-timeline to settle on it. */
async function fitResults(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Fit results' }).click();
  await page.waitForTimeout(800);
}

describe('filters in Chromium', () => {
  it('draws exactly the events matching a country and an event type, after fitting the window to them', async () => {
    const app = await openApp(browser);
    const { page } = app;
    const windowLabel = page.getByRole('navigation', { name: 'Timeline navigation' }).locator('strong');
    const before = await windowLabel.textContent();
    await checkbox(page, 'Country', 'Pakistan').check();
    const pakistan = records.filter((record) => record.country === 'pakistan');
    await expect.poll(() => status(page).textContent()).toBe(countText(pakistan));
    // Filtering keeps the window; only "Fit results" moves it.
    await expect(windowLabel.textContent()).resolves.toBe(before);
    await fitResults(page);
    await expect.poll(() => windowLabel.textContent()).not.toBe(before);
    await expect.poll(() => drawnIds(page)).toEqual(ids(pakistan));

    await checkbox(page, 'Event type', 'Assassination').check();
    const expected = pakistan.filter((record) => record.type === 'assassination');
    await expect.poll(() => status(page).textContent()).toBe(countText(expected));
    await fitResults(page);
    await expect.poll(() => drawnIds(page)).toEqual(ids(expected));
    // A type with no Pakistan events stays listed, marked as having no matches.
    const pakistanTypes = new Set(pakistan.map((record) => record.type));
    const absent = records.find((record) => !pakistanTypes.has(record.type));
    const label = builtinTypes().find((type) => type.id === absent?.type)?.label ?? 'missing';
    const absentBox = checkbox(page, 'Event type', label);
    await expect(absentBox.isVisible()).resolves.toBe(true);
    const description = await absentBox.evaluate((box) => document.getElementById(box.getAttribute('aria-describedby') ?? '')?.innerText);
    expect(description).toContain('no matching events');
    expect(app.problems).toEqual([]);
    await app.close();
  });

  it('puts every event back where it was when a filter is undone', async () => {
    const app = await openStackedLanes();
    const { page } = app;
    const places = () =>
      page.locator('.vis-item.event[data-id]').evaluateAll((items) =>
        items.map((item) => {
          const box = item.getBoundingClientRect();
          return `${item.getAttribute('data-id')} at ${Math.round(box.left)},${Math.round(box.top)} ${Math.round(box.width)}×${Math.round(box.height)}`;
        }).sort(),
      );
    await page.waitForTimeout(800);
    const before = await places();
    expect(before.length).toBeGreaterThan(30);
    const election = checkbox(page, 'Event type', 'Election');
    await election.check();
    await expect.poll(() => status(page).textContent()).not.toBe(ALL_SYNTHETIC);
    await expect.poll(async () => (await places()).length).toBeLessThan(before.length);
    await election.uncheck();
    await expect.poll(() => status(page).textContent()).toBe(ALL_SYNTHETIC);
    await expect.poll(places).toEqual(before);
    expect(app.problems).toEqual([]);
    await app.close();
  });

  it('draws no event into a lane that the rows a filter stacks above it push below the fold', async () => {
    const app = await openStackedLanes();
    const { page } = app;
    const election = checkbox(page, 'Event type', 'Election');
    await election.check();
    await expect.poll(() => status(page).textContent()).not.toBe(ALL_SYNTHETIC);
    await page.waitForTimeout(800);
    // Every event element attached to a lane from here on, by lane, even if vis-timeline takes it out again.
    await page.evaluate(() => {
      const lanes = () => [...document.querySelectorAll('.vis-foreground > .vis-group')];
      const attached: number[] = [];
      new MutationObserver((records) => {
        for (const record of records) {
          const lane = lanes().indexOf(record.target as Element);
          for (const node of record.addedNodes) if (lane >= 0 && node instanceof Element && node.matches('.vis-item.event')) attached.push(lane);
        }
      }).observe(document.querySelector('.vis-foreground') as Element, { childList: true, subtree: true });
      Object.assign(window, { attachedToLanes: attached });
    });
    await election.uncheck();
    await expect.poll(() => status(page).textContent()).toBe(ALL_SYNTHETIC);
    await page.waitForTimeout(800);
    const { attached, belowFold } = await page.evaluate(() => {
      const fold = (document.querySelector('.vis-panel.vis-center') as Element).getBoundingClientRect().bottom;
      const lanes = [...document.querySelectorAll('.vis-foreground > .vis-group')];
      return {
        attached: (window as unknown as { attachedToLanes: number[] }).attachedToLanes,
        belowFold: lanes.flatMap((lane, index) => (lane.getBoundingClientRect().top >= fold ? [index] : [])),
      };
    });
    // Showing all again stacks rows in the top lanes and pushes the others out of view.
    expect(belowFold.length).toBeGreaterThan(0);
    expect(attached.length).toBeGreaterThan(30);
    expect(attached.filter((lane) => belowFold.includes(lane))).toEqual([]);
    expect(app.problems).toEqual([]);
    await app.close();
  });

  it('keeps the timeline\'s touch-action where no pointer is coarse, and lets it follow the lanes\' overflow on a touch screen', async () => {
    // vis-timeline sets it when the lanes start or stop overflowing; a change restyles the whole timeline.
    const touchActions = async (hasTouch: boolean) => {
      const app = await openStackedLanes({ hasTouch });
      const { page } = app;
      const root = page.locator('.vis-timeline');
      const read = () => root.evaluate((element: HTMLElement) => `${element.style.touchAction} → ${getComputedStyle(element).touchAction}`);
      await expect.poll(read).toMatch(/^none/);
      const overflowing = await read();
      await checkbox(page, 'Event type', 'Election').check();
      await expect.poll(read).toMatch(/^pan-y/);
      const fitting = await read();
      expect(app.problems).toEqual([]);
      await app.close();
      return [overflowing, fitting];
    };
    expect(await touchActions(false)).toEqual(['none → auto', 'pan-y → auto']);
    expect(await touchActions(true)).toEqual(['none → none', 'pan-y → pan-y']);
  });

  it('finds an actor by first name, filters by it and removes it with its chip', async () => {
    const app = await openApp(browser);
    const { page } = app;
    await filters(page).getByRole('combobox', { name: 'Actor' }).fill('Jeremy');
    await page.getByRole('option', { name: /^Jeremy Corbyn/ }).click();
    const corbyn = records.filter((record) => record.actors.includes('jeremy-corbyn'));
    await expect.poll(() => status(page).textContent()).toBe(countText(corbyn));
    await fitResults(page);
    await expect.poll(() => drawnIds(page)).toEqual(ids(corbyn));
    await filters(page).getByRole('button', { name: 'Remove Jeremy Corbyn' }).click();
    await expect.poll(() => status(page).textContent()).toBe(countText(records));
    expect(app.problems).toEqual([]);
    await app.close();
  });

  it('searches without regard to accents, highlights matches in the list, and offers to clear when nothing matches', async () => {
    const app = await openApp(browser);
    const { page } = app;
    const search = filters(page).getByRole('searchbox', { name: 'Search events' });
    await search.fill('VELÁYAT');
    const matching = records.filter((record) => `${record.title} ${record.summary}`.toLowerCase().includes('velayat'));
    expect(matching.length).toBeGreaterThan(0);
    await expect.poll(() => status(page).textContent()).toBe(countText(matching));
    await page.getByRole('button', { name: 'List' }).click();
    const list = page.getByRole('region', { name: 'Event list' });
    await expect.poll(() => list.locator('mark').first().textContent()).toMatch(/^velayat$/i);

    await search.fill('velayat zqxjv');
    await expect.poll(() => status(page).textContent()).toBe(`0 of ${records.length} events`);
    const main = page.getByRole('main');
    await expect.poll(() => main.getByText('No events match these filters.').count()).toBe(1);
    await main.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => status(page).textContent()).toBe(countText(records));
    await expect(search.inputValue()).resolves.toBe('');
    expect(app.problems).toEqual([]);
    await app.close();
  });

  it('hides context events with the Context events toggle', async () => {
    const app = await openApp(browser);
    const { page } = app;
    await filters(page).getByRole('checkbox', { name: 'Context events' }).uncheck();
    const focused = records.filter((record) => !record.context);
    await expect.poll(() => status(page).textContent()).toBe(countText(focused));
    await expect(drawnIdsInEveryLane(page)).resolves.toEqual(ids(focused));
    expect(app.problems).toEqual([]);
    await app.close();
  });

  it('works by keyboard alone: a checkbox, the list view and a row that opens the details', async () => {
    const app = await openApp(browser);
    const { page } = app;
    const focusedName = () =>
      page.evaluate(() => {
        const element = document.activeElement;
        if (!element) return '';
        const label = element.id ? document.querySelector(`label[for="${element.id}"]`)?.textContent : undefined;
        return `${element.tagName}:${label ?? element.textContent ?? ''}`;
      });
    const tabTo = async (target: string, limit = 80, key = 'Tab') => {
      for (let step = 0; step < limit; step += 1) {
        await page.keyboard.press(key);
        if ((await focusedName()) === target) return;
      }
      throw new Error(`Tab never reached ${target}`);
    };

    await tabTo('INPUT:Pakistan');
    await page.keyboard.press('Space');
    const pakistan = records.filter((record) => record.country === 'pakistan');
    await expect.poll(() => status(page).textContent()).toBe(countText(pakistan));
    await tabTo('BUTTON:List');
    await page.keyboard.press('Enter');
    const list = page.getByRole('region', { name: 'Event list' });
    await list.waitFor();
    await expect(page.getByRole('region', { name: 'Timeline' }).count()).resolves.toBe(0);

    const first = [...pakistan].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))[0];
    await tabTo(`BUTTON:${first?.title}`);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const details = page.getByRole('region', { name: 'Event details' });
    const title = await details.getByRole('heading', { level: 2 }).textContent();
    expect(pakistan.map((record) => record.title)).toContain(title);
    expect(title).not.toBe(first?.title);
    await expect(list.getByRole('button', { name: title ?? '', exact: true }).getAttribute('aria-current')).resolves.toBe('true');

    // Back on the timeline: drawn again at the right size, with the same selection.
    await tabTo('BUTTON:Timeline', 20, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.vis-item.vis-selected').count()).toBe(1);
    const selectedBox = await page.locator('.vis-item.vis-selected').boundingBox();
    const canvasBox = await page.getByRole('group', { name: 'Timeline events' }).boundingBox();
    expect(selectedBox && canvasBox && selectedBox.x >= canvasBox.x && selectedBox.x < canvasBox.x + canvasBox.width).toBe(true);
    expect(app.problems).toEqual([]);
    await app.close();
  });

  it('passes axe with filters applied, in both views', async () => {
    const app = await openApp(browser);
    const { page } = app;
    await checkbox(page, 'Country', 'Pakistan').check();
    await filters(page).getByRole('combobox', { name: 'Actor' }).fill('bhutto');
    await page.getByRole('option').first().waitFor();
    const timelineResults = await new AxeBuilder({ page }).include('.filter-panel').include('.results-bar').analyze();
    expect(timelineResults.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
    await page.keyboard.press('Enter');
    await filters(page).getByRole('searchbox', { name: 'Search events' }).fill('bhutto');
    await page.getByRole('button', { name: 'List' }).click();
    await page.getByRole('region', { name: 'Event list' }).waitFor();
    const listResults = await new AxeBuilder({ page }).include('.filter-panel').include('.app-main').analyze();
    expect(listResults.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
    await app.close();
  });

  it('lays out without overflow on a phone and a laptop, with the filters reachable, and writes review screenshots', async () => {
    for (const viewport of [
      { width: 360, height: 740 },
      { width: 390, height: 844 },
      { width: 1366, height: 768 },
    ]) {
      const app = await openApp(browser, '', { viewport });
      const { page } = app;
      const toggle = filters(page).getByRole('button', { name: 'Filters', exact: true });
      if (viewport.width < 1024) await toggle.click();
      else await expect(toggle.isVisible()).resolves.toBe(false);
      await checkbox(page, 'Country', 'Pakistan').check();
      await filters(page).getByRole('combobox', { name: 'Actor' }).fill('Benazir');
      await page.getByRole('option', { name: /^Benazir Bhutto/ }).click();
      await fitResults(page);
      const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      await expect(overflow(), `horizontal overflow at ${viewport.width}px`).resolves.toBeLessThanOrEqual(0);
      const name = `${viewport.width}x${viewport.height}`;
      await page.screenshot({ path: resolve(screenshotDir, `filters-${name}.png`), fullPage: viewport.width < 1024 });
      await page.getByRole('button', { name: 'List' }).click();
      await page.getByRole('region', { name: 'Event list' }).getByRole('button').first().click();
      await page.getByRole('region', { name: 'Event details' }).waitFor();
      await expect(overflow(), `list overflow at ${viewport.width}px`).resolves.toBeLessThanOrEqual(0);
      await saveScreenshot(page, `filters-list-${name}`);
      expect(app.problems).toEqual([]);
      await app.close();
    }
  });
});
