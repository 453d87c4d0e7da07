import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../../bench/generate.ts';
import { dataSpan, recordTimes, tunedWindow, windowQuery } from '../../bench/tuned-window.ts';
import { launchChromium } from './support/browser.ts';
import { type AppPage, appUrl, openApp } from './support/app-page.ts';

// 10,000 synthetic events over 70 years, served by the test itself at a path on the app's own origin.
const DATA_PATH = 'synthetic-10000.json';
const generated = generateDataset(10_000);
const dataset = JSON.stringify(generated);
const MAX_DRAWN = 200;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

async function openLarge(view = ''): Promise<AppPage> {
  const app = await openApp(browser);
  await app.page.route(`**/${DATA_PATH}`, (route) => route.fulfill({ contentType: 'application/json', body: dataset }));
  await app.page.goto(appUrl(`data=${DATA_PATH}${view}`));
  await app.page.getByText('10000 of 10000 events').waitFor({ timeout: 30_000 });
  await app.page.locator('.event-aggregate').first().waitFor();
  return app;
}

const shownPeriod = (page: Page) => page.getByRole('navigation', { name: 'Timeline navigation' }).locator('strong').textContent();
const blocks = (page: Page) => page.getByRole('group', { name: 'Timeline events' }).getByRole('button', { name: /^Show \d+ events in / });

describe('the timeline at 10,000 events', () => {
  it('draws a bounded number of items, with dense buckets as "N events" blocks that name their lane and period', async () => {
    const app = await openLarge();
    const { page } = app;
    await expect(page.locator('.vis-item').count()).resolves.toBeLessThanOrEqual(MAX_DRAWN);
    const names = await blocks(page).evaluateAll((buttons) => buttons.map((button) => button.getAttribute('aria-label') ?? ''));
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) expect(name).toMatch(/^Show \d+ events in (Avalon|Borduria|Carpania|Dorne|Elbonia), \d{4}–\d{4}$/);
    // The toolbar's buttons keep names of their own.
    await expect(page.getByRole('button', { name: 'Zoom in' }).count()).resolves.toBe(1);
    expect(app.problems).toEqual([]);
    await app.close();
  });

  it('relabels the blocks in place when a filter changes their counts, and back again', async () => {
    const app = await openLarge();
    const { page } = app;
    const labels = () =>
      blocks(page).evaluateAll((buttons) =>
        Object.fromEntries(buttons.map((button) => [button.closest('.vis-item')?.getAttribute('data-id') ?? '', button.getAttribute('aria-label') ?? ''])),
      );
    const before = await labels();
    // Marks on the drawn buttons: a block rebuilt by the timeline would come back without one.
    await blocks(page).evaluateAll((buttons) => buttons.forEach((button) => button.setAttribute('data-test-mark', '')));
    const election = page.getByRole('complementary', { name: 'Filters' }).getByRole('checkbox', { name: 'Election', exact: true });
    await election.check();
    await page.getByText(/^\d+ of 10000 events$/).filter({ hasNotText: '10000 of' }).waitFor();
    await expect.poll(async () => Object.values(await labels()).some((label, index) => label !== Object.values(before)[index])).toBe(true);
    const filtered = await labels();
    const kept = Object.keys(filtered).filter((id) => id in before);
    expect(kept.length).toBeGreaterThan(10);
    const count = (label: string | undefined) => Number(/^Show (\d+) /.exec(label ?? '')?.[1]);
    // Every block still drawn counts only elections now: fewer than all its events.
    for (const id of kept) expect(count(filtered[id])).toBeLessThan(count(before[id]));
    await expect(page.locator('.vis-item .event-aggregate__button:not([data-test-mark])').count()).resolves.toBe(Object.keys(filtered).length - kept.length);
    await election.uncheck();
    await page.getByText('10000 of 10000 events').waitFor();
    await expect.poll(labels).toEqual(before);
    expect(app.problems).toEqual([]);
    await app.close();
  });

  it('puts the same blocks back when a filter that turned them into events is undone', async () => {
    // A tenth of the span: elections alone are few enough there to be drawn one by one, so the blocks leave the page.
    const app = await openLarge(`&${windowQuery(tunedWindow(dataSpan(generated.events.map(recordTimes))))}`);
    const { page } = app;
    const labels = () => blocks(page).evaluateAll((buttons) => buttons.map((button) => button.getAttribute('aria-label') ?? '').sort());
    const before = await labels();
    expect(before.length).toBeGreaterThan(10);
    await blocks(page).evaluateAll((buttons) => buttons.forEach((button) => button.setAttribute('data-test-mark', '')));
    const election = page.getByRole('complementary', { name: 'Filters' }).getByRole('checkbox', { name: 'Election', exact: true });
    await election.check();
    await expect.poll(() => blocks(page).count()).toBe(0);
    await election.uncheck();
    await page.getByText('10000 of 10000 events').waitFor();
    await expect.poll(labels).toEqual(before);
    // Made anew, a block's button would come back without the mark (and be drawn and measured again).
    await expect(page.locator('.vis-item .event-aggregate__button:not([data-test-mark])').count()).resolves.toBe(0);
    expect(app.problems).toEqual([]);
    await app.close();
  });

  it('passes axe with blocks drawn, and each block is at least 24×24 px', async () => {
    const app = await openLarge();
    const { page } = app;
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
    const sizes = await blocks(page).evaluateAll((buttons) => buttons.map((button) => button.getBoundingClientRect()).filter((box) => box.right > 0));
    for (const box of sizes) expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(24);
    await app.close();
  });

  it('zooms into a block from the keyboard: Tab from the timeline reaches it and Enter opens its period', async () => {
    const app = await openLarge();
    const { page } = app;
    const before = await shownPeriod(page);
    await page.getByRole('group', { name: 'Timeline events' }).focus();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    expect(focused).toMatch(/^Show \d+ events in .*, (\d{4})–(\d{4})$/);
    // The focus ring goes round the whole block, not only round its count.
    const ring = await page.evaluate(() => {
      const block = document.activeElement?.closest('.vis-item');
      const style = block ? getComputedStyle(block) : undefined;
      return style ? `${style.outlineStyle} ${style.outlineWidth}` : '';
    });
    expect(ring).toBe('solid 3px');
    const [, from, to] = /, (\d{4})–(\d{4})$/.exec(focused) ?? [];
    await page.keyboard.press('Enter');
    await expect.poll(() => shownPeriod(page)).not.toBe(before);
    // The window now spans the block's years (with a small margin), and the drawing stays bounded.
    const years = (await shownPeriod(page))?.match(/\d{4}/g)?.map(Number) ?? [];
    expect(years[0]).toBeGreaterThanOrEqual(Number(from) - 1);
    expect(years[1]).toBeLessThanOrEqual(Number(to) + 1);
    await expect(page.locator('.vis-item').count()).resolves.toBeLessThanOrEqual(MAX_DRAWN);
    expect(app.problems).toEqual([]);
    await app.close();
  });

  it('zooms into a block when it is clicked, until single events are drawn', async () => {
    const app = await openLarge();
    const { page } = app;
    for (let step = 0; step < 6 && (await page.locator('.vis-item[data-id^="event-"]').count()) === 0; step += 1) {
      const before = await shownPeriod(page);
      await blocks(page).first().click();
      await expect.poll(() => shownPeriod(page)).not.toBe(before);
      await page.waitForTimeout(600); // the window animates, then finer blocks or events are drawn at rest
    }
    await expect.poll(() => page.locator('.vis-item[data-id^="event-"]').count()).toBeGreaterThan(0);
    expect(app.problems).toEqual([]);
    await app.close();
  });

  it('zooming out with the wheel, plans made while moving draw no lane finer than at rest: at most about 16 blocks across the window', async () => {
    // A window whose first plan ahead lands on half-year buckets the old way (a calendar step that does not round up).
    const app = await openLarge('&from=1990-01-01&to=1991-12-01');
    const { page } = app;
    const centre = await page.locator('.vis-panel.vis-center').boundingBox();
    if (!centre) throw new Error('no timeline');
    await page.mouse.move(centre.x + centre.width / 2, centre.y + 40);
    /** The most blocks any lane shows across the window now. */
    const mostBlocksInALane = () =>
      page.evaluate(() => {
        const panel = document.querySelector('.vis-panel.vis-center')?.getBoundingClientRect();
        if (!panel) return 0;
        const lanes = [...document.querySelectorAll('.vis-foreground .vis-group')];
        return Math.max(
          ...lanes.map(
            (lane) =>
              [...lane.querySelectorAll('.vis-item.event-aggregate')].filter((block) => {
                const box = block.getBoundingClientRect();
                return box.right > panel.left && box.left < panel.right;
              }).length,
          ),
        );
      });
    const whileMoving: number[] = [];
    for (let step = 1; step <= 16; step += 1) {
      await page.mouse.wheel(0, 100);
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      // The plan made at rest serves the first four steps (to twice its window, up to twice as many blocks as at rest);
      // from the fifth on, plans made while moving do.
      if (step > 4) whileMoving.push(await mostBlocksInALane());
    }
    // 16 buckets a window at rest, plus one cut at each edge. Plans sized for their own window drew up to twice as many.
    expect(Math.min(...whileMoving)).toBeGreaterThan(0);
    expect(Math.max(...whileMoving)).toBeLessThanOrEqual(18);
    expect(app.problems).toEqual([]);
    await app.close();
  });

  it('draws the selected event on its own, even where its neighbours are counted in blocks', async () => {
    const app = await openLarge();
    const { page } = app;
    await page.getByRole('group', { name: 'Timeline events' }).focus();
    await page.keyboard.press('ArrowRight');
    const heading = page.getByRole('region', { name: 'Event details' }).getByRole('heading', { level: 2 });
    await heading.waitFor();
    const title = await heading.textContent();
    const selected = page.locator('.vis-item.vis-selected[data-id^="event-"]');
    await expect.poll(() => selected.count()).toBe(1);
    await expect(selected.textContent()).resolves.toContain(title ?? '');
    expect(await page.locator('.event-aggregate').count()).toBeGreaterThan(0);
    expect(app.problems).toEqual([]);
    await app.close();
  });
});
