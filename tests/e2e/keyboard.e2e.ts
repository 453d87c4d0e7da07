// Every user task by keyboard alone, with focus always visible and never under a panel; targets at least 24×24 px;
// buttons for everything dragging does; reduced motion honoured.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, saveScreenshot } from './support/app-page.ts';
import { launchChromium } from './support/browser.ts';
import { loadBuiltinData } from '../../scripts/builtin-data.ts';
import { indexDataset } from '../../src/domain/dataset.ts';
import { filterEvents } from '../../src/domain/filters.ts';
import { buildSearchIndex } from '../../src/domain/search.ts';
import { DEFAULT_FILTERS, type FilterState } from '../../src/domain/view-state.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

interface FocusReport {
  readonly describe: string;
  readonly indicated: boolean;
  readonly inView: boolean;
  readonly obscuredBy: string | undefined;
}

/** What has focus, whether it shows a focus indicator, and whether anything covers it. */
function focusReport(page: Page): Promise<FocusReport | undefined> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return undefined;
    const name = (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40);
    const describe = `<${element.tagName.toLowerCase()}> ${name}`;
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    const indicated = outline || style.boxShadow !== 'none';
    const rect = element.getBoundingClientRect();
    const inView = rect.bottom > 0 && rect.right > 0 && rect.top < window.innerHeight && rect.left < window.innerWidth;
    // Focus not obscured: the middle of the visible part of the element is the element (or inside it).
    const x = Math.min(Math.max(rect.left + rect.width / 2, 0), window.innerWidth - 1);
    const y = Math.min(Math.max(rect.top + Math.min(rect.height / 2, 12), 0), window.innerHeight - 1);
    const hit = document.elementFromPoint(x, y);
    const covered = hit && hit !== element && !element.contains(hit) && !hit.contains(element);
    const obscuredBy = covered ? `<${hit.tagName.toLowerCase()} class="${hit.getAttribute('class') ?? ''}">` : undefined;
    return { describe, indicated, inView, obscuredBy };
  });
}

async function expectFocusVisible(page: Page) {
  const report = await focusReport(page);
  if (!report) return;
  expect(report.indicated, `focus indicator on ${report.describe}`).toBe(true);
  expect(report.inView, `${report.describe} scrolled into view`).toBe(true);
  expect(report.obscuredBy, `${report.describe} not covered`).toBeUndefined();
}

/** Presses Tab (or Shift+Tab) until the target has focus, checking every stop on the way. */
async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab', maxStops = 120) {
  for (let stop = 0; stop < maxStops; stop++) {
    await page.keyboard.press(key);
    await expectFocusVisible(page);
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`${key} never reached ${target.toString()}`);
}

describe('keyboard only, in Chromium', () => {
  it('finds an event by search, filters by country and type, opens details, copies a link, presents, steps and leaves', async () => {
    const app = await openApp(browser, '', { permissions: ['clipboard-read', 'clipboard-write'] });
    const { page } = app;
    const filters = page.getByRole('complementary', { name: 'Filters' });
    const status = page.getByRole('group', { name: 'Results' }).getByRole('status');

    await tabTo(page, page.getByRole('link', { name: 'Skip to the timeline' }));
    await tabTo(page, filters.getByRole('searchbox', { name: 'Search events' }));
    await page.keyboard.type('Bhutto');
    await tabTo(page, filters.getByRole('group', { name: 'Country' }).getByRole('checkbox', { name: 'Pakistan', exact: true }));
    await page.keyboard.press('Space');
    const types = filters.getByRole('group', { name: 'Event type' });
    await tabTo(page, types.getByRole('checkbox', { name: 'Attack', exact: true }));
    await page.keyboard.press('Space');
    await tabTo(page, types.getByRole('checkbox', { name: 'Assassination', exact: true }));
    await page.keyboard.press('Space');
    // "Bhutto" matches titles, summaries and actors: wait for exactly the count the domain gives for all three
    // choices, not for the first plausible number (the deferred count may still show an earlier step).
    const expected = expectedCount({ query: 'Bhutto', countries: ['pakistan'], types: ['attack', 'assassination'] });
    expect(expected).toBeGreaterThan(1);
    await expect.poll(() => status.textContent()).toMatch(new RegExp(`^${expected} of \\d+ events$`));
    const matching = String(expected);

    await tabTo(page, page.getByRole('group', { name: 'Timeline events' }));
    const heading = page.getByRole('region', { name: 'Event details' }).getByRole('heading', { level: 2 });
    for (let step = 0; step < 10 && (await heading.count()) === 0; step++) await page.keyboard.press('ArrowRight');
    for (let step = 0; step < 10 && (await heading.textContent()) !== 'Benazir Bhutto assassinated'; step++) {
      await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(50);
    }
    await expect.poll(() => heading.textContent()).toBe('Benazir Bhutto assassinated');
    await page.keyboard.press('Enter');
    await expect.poll(() => heading.evaluate((element) => element === document.activeElement)).toBe(true);

    await tabTo(page, page.getByRole('button', { name: 'Copy link' }), 'Shift+Tab', 200);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Link copied' }).count()).toBe(1);
    const copied = new URL(await page.evaluate(() => navigator.clipboard.readText()));
    expect(copied.searchParams.get('event')).toBe('benazir-bhutto-assassinated');
    expect(copied.searchParams.get('country')).toBe('pakistan');
    expect(copied.searchParams.get('q')).toBe('Bhutto');

    await tabTo(page, page.getByRole('button', { name: 'Present', exact: true }));
    await page.keyboard.press('Enter');
    const progress = page.getByRole('region', { name: 'Presentation' }).getByRole('status');
    await expect.poll(() => progress.textContent()).toMatch(new RegExp(`^\\d of ${matching}\\b`));
    const first = await progress.textContent();
    await page.keyboard.press(first?.startsWith('1') ? 'ArrowRight' : 'ArrowLeft');
    await expect.poll(() => progress.textContent()).not.toBe(first);
    await expectFocusVisible(page);
    await saveScreenshot(page, 'keyboard-presenting');

    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('region', { name: 'Presentation' }).count()).toBe(0);
    await expect.poll(() => status.textContent()).toMatch(new RegExp(`^${matching} of \\d+ events$`));
    await page.keyboard.press('Tab');
    await expectFocusVisible(page);
    await app.close();
  });
});

/** The selected event's element lies inside the timeline's lanes as they are scrolled (not below their fold). */
async function selectedInView(page: Page): Promise<string> {
  const selected = page.locator('.vis-item.vis-selected');
  if (!(await selected.count())) return 'no selected event drawn';
  const panel = await page.locator('.vis-panel.vis-center').boundingBox();
  const box = await selected.first().boundingBox();
  if (!panel || !box) return 'not laid out';
  const inside = box.y >= panel.y - 1 && box.y + box.height <= panel.y + panel.height + 1;
  return inside ? 'in view' : `${await selected.first().getAttribute('data-id')} at y ${Math.round(box.y)}, lanes shown ${Math.round(panel.y)}–${Math.round(panel.y + panel.height)}`;
}

describe('a selection below the fold', () => {
  it('scrolls the lanes to each event the arrow keys select, and to an event a link opens', async () => {
    const app = await openApp(browser);
    const { page } = app;
    await page.getByRole('group', { name: 'Timeline events' }).focus();
    // Across the stories' whole span, these go from Pakistan to Iran and to the United Kingdom, lanes far apart.
    for (let step = 0; step < 9; step += 1) {
      await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(500);
      await expect.poll(async () => `${step + 1} presses: ${await selectedInView(page)}`).toBe(`${step + 1} presses: in view`);
    }
    await saveScreenshot(page, 'keyboard-selection-scrolled-into-view');
    await page.goto(page.url().replace(/\?.*$/, '') + '?event=washington-post-predicts-crisis');
    await page.locator('.vis-item.vis-selected').waitFor();
    await expect.poll(() => selectedInView(page)).toBe('in view');
    await app.close();
  });
});

describe('pointer targets and motion', () => {
  it.each([
    { width: 1366, height: 768 },
    { width: 390, height: 844 },
  ])('makes every button, field and link at least 24×24 px at $width×$height, filters open', async (viewport) => {
    const app = await openApp(browser, '', { viewport });
    const toggle = app.page.getByRole('button', { name: 'Filters', exact: true });
    if (await toggle.isVisible()) await toggle.click();
    const small = await app.page.evaluate(() => {
      const targets = document.querySelectorAll('button, input, select, textarea, a[href], summary, [role="option"], [tabindex="0"]');
      return Array.from(targets).flatMap((element) => {
        const own = element.getBoundingClientRect();
        if (own.width === 0 && own.height === 0) return []; // not rendered (hidden, folded away)
        // A checkbox's target includes its label: clicking either toggles it.
        const labels = element instanceof HTMLInputElement ? Array.from(element.labels ?? []) : [];
        const rects = [own, ...labels.map((label) => label.getBoundingClientRect())];
        const rect = {
          width: Math.max(...rects.map((box) => box.right)) - Math.min(...rects.map((box) => box.left)),
          height: Math.max(...rects.map((box) => box.bottom)) - Math.min(...rects.map((box) => box.top)),
        };
        if (element.closest('.visually-hidden')) return [];
        if (rect.width >= 24 && rect.height >= 24) return [];
        const name = (element.getAttribute('aria-label') ?? element.textContent ?? element.id).trim().slice(0, 40);
        return [`<${element.tagName.toLowerCase()}> ${name}: ${Math.round(rect.width)}×${Math.round(rect.height)}`];
      });
    });
    expect(small).toEqual([]);
    await app.close();
  });

  it('offers buttons for what dragging does: Earlier, Later, Zoom in and Zoom out move the window', async () => {
    const app = await openApp(browser);
    const { page } = app;
    const label = page.getByRole('navigation', { name: 'Timeline navigation' }).locator('strong');
    let previous = await label.textContent();
    for (const name of ['Zoom in', 'Earlier', 'Later', 'Zoom out']) {
      await page.getByRole('button', { name, exact: true }).click();
      await expect.poll(() => label.textContent(), { message: `${name} moves the window` }).not.toBe(previous);
      previous = await label.textContent();
    }
    await app.close();
  });

  it('moves the timeline without animation when the user prefers reduced motion, and animates otherwise', async () => {
    /** How many frames drew the time axis somewhere new after a story button moved the window (its labels' places). */
    const axisMovesAfterStoryButton = async (reducedMotion: 'reduce' | 'no-preference') => {
      const app = await openApp(browser, '', { reducedMotion });
      const { page } = app;
      await page.evaluate(() => {
        const moves: string[] = [];
        const sample = () => {
          const labels = [...document.querySelectorAll<HTMLElement>('.vis-time-axis .vis-text.vis-minor:not(.vis-measure)')];
          const where = labels.map((label) => `${label.textContent}@${label.style.transform || label.style.left}`).join(' ');
          if (moves.at(-1) !== where) moves.push(where);
          requestAnimationFrame(sample);
        };
        requestAnimationFrame(sample);
        Object.assign(window, { axisMoves: moves });
      });
      // The sampler has recorded where the axis is before the click.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const before = await page.evaluate(() => (window as unknown as { axisMoves: string[] }).axisMoves.length);
      await page.getByRole('button', { name: /^Pakistan/ }).click();
      await page.waitForTimeout(1_500);
      const moves = (await page.evaluate(() => (window as unknown as { axisMoves: string[] }).axisMoves.length)) - before;
      const transitions = await page.getByRole('button', { name: 'Zoom in' }).evaluate((element) => getComputedStyle(element).transitionDuration);
      await app.close();
      return { moves, transitions };
    };
    const reduced = await axisMovesAfterStoryButton('reduce');
    // One jump (and at most a redraw as the lanes settle at the new window).
    expect(reduced.moves).toBeGreaterThanOrEqual(1);
    expect(reduced.moves).toBeLessThanOrEqual(2);
    expect(reduced.transitions).toMatch(/^0s/);
    const animated = await axisMovesAfterStoryButton('no-preference');
    expect(animated.moves).toBeGreaterThan(4);
  });
});

function expectedCount(filters: Partial<FilterState>): number {
  const { result } = loadBuiltinData();
  if (!result.ok) throw new Error('built-in data invalid');
  const index = indexDataset(result.dataset);
  return filterEvents(index, buildSearchIndex(index), { ...DEFAULT_FILTERS, ...filters }).length;
}
