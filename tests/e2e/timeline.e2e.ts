import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser.ts';
import { drawnIdsInEveryLane } from './support/lanes.ts';
import { openApp, saveScreenshot } from './support/app-page.ts';
import { builtinEvents } from './support/records.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

describe('the timeline in Chromium', () => {
  it('draws every record as an item, in lanes by country', async () => {
    const app = await openApp(browser);
    const { page } = app;
    const expected = builtinEvents().map((event) => event.id).sort();
    await expect.poll(() => page.locator('.vis-item[data-id]').count()).toBeGreaterThan(0);
    await expect(drawnIdsInEveryLane(page)).resolves.toEqual(expected);
    const lanes = await page.locator('.vis-labelset .vis-label').allTextContents();
    expect(lanes).toEqual(expect.arrayContaining(['Iran', 'Pakistan', 'United Kingdom']));
    expect(app.problems).toEqual([]);
    await app.close();
  });

  it('marks each event with its type’s glyph, the one the legend shows beside the type’s name', async () => {
    const app = await openApp(browser);
    const { page } = app;
    await expect.poll(() => page.locator('.vis-item[data-id] .event-label').count()).toBeGreaterThan(0);
    const legend = new Map(
      await page.locator('.legend__item:has(.legend__swatch)').evaluateAll((items) =>
        items.map((item) => [item.className.match(/event--slot-\d+/)?.[0] ?? '', item.querySelector('.legend__swatch')?.textContent ?? ''] as const),
      ),
    );
    const drawn = await page.locator('.vis-item[data-id]:has(.event-label)').evaluateAll((items) =>
      items.map((item) => ({
        slot: item.className.match(/event--slot-\d+/)?.[0] ?? '',
        // The glyph is drawn before the title by CSS; the title's own text stays the record's title alone.
        glyph: getComputedStyle(item.querySelector('.event-label') as Element, '::before').content,
        label: item.querySelector('.event-label')?.textContent ?? '',
      })),
    );
    expect(drawn.length).toBeGreaterThan(10);
    for (const item of drawn) {
      const glyph = legend.get(item.slot);
      expect(glyph, item.slot).toBeTruthy();
      expect(item.glyph).toContain(glyph);
      expect(item.label).not.toContain(glyph);
    }
    await app.close();
  });

  it('draws a period as a range and a day-precise event as a point', async () => {
    // Pakistan's lane alone: with every lane, it may sit below the fold, where vis-timeline draws nothing.
    const app = await openApp(browser, 'country=pakistan');
    const events = builtinEvents();
    const period = events.find((event) => event.end && event.story === 'pakistan');
    const day = events.find((event) => !event.end && event.precision === 'day' && event.country === 'pakistan');
    expect(period, 'a Pakistan period in the records').toBeDefined();
    expect(day).toBeDefined();
    await expect(app.page.locator(`.vis-item.vis-range[data-id="${period?.id}"]`).count()).resolves.toBe(1);
    await expect(app.page.locator(`.vis-item.vis-point[data-id="${day?.id}"]`).count()).resolves.toBe(1);
    await app.close();
  });

  it('opens details with the verbatim quote when an item is clicked, and closes them with Escape', async () => {
    const app = await openApp(browser);
    const { page } = app;
    const event = builtinEvents().find((record) => /Bhutto/.test(record.title) && record.type === 'assassination');
    expect(event).toBeDefined();
    await page.getByRole('button', { name: /^Pakistan/ }).click();
    const item = page.locator(`.vis-item[data-id="${event?.id}"]`);
    await item.waitFor();
    await page.waitForTimeout(700); // the story button animates the window
    await item.click();
    const details = page.getByRole('region', { name: 'Event details' });
    await expect(details.getByRole('heading', { level: 2 }).textContent()).resolves.toBe(event?.title);
    await expect(details.locator('blockquote').textContent()).resolves.toBe(event?.source?.quote);
    await saveScreenshot(page, 'details-1366x768');
    await page.keyboard.press('Escape');
    await page.getByRole('group', { name: 'Timeline events' }).focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => details.count()).toBe(0);
    expect(app.problems).toEqual([]);
    await app.close();
  });

  it('redraws at a new size in the frame it changes, without measuring its events again', async () => {
    const app = await openApp(browser);
    const { page } = app;
    const event = builtinEvents().find((record) => /Bhutto/.test(record.title) && record.type === 'assassination');
    await page.getByRole('button', { name: /^Pakistan/ }).click();
    const item = page.locator(`.vis-item[data-id="${event?.id}"]`);
    await item.waitFor();
    await page.waitForTimeout(700); // the story button animates the window
    // vis-timeline measures an item by lifting its content's max-width ('none') and putting it back: count those.
    await page.evaluate(() => {
      const measured: string[] = [];
      new MutationObserver((records) => {
        for (const record of records) {
          if (record.oldValue?.includes('max-width: none')) measured.push((record.target as Element).closest('.vis-item')?.getAttribute('data-id') ?? '');
        }
      }).observe(document.querySelector('.vis-itemset') as Element, { attributes: true, attributeFilter: ['style'], attributeOldValue: true, subtree: true });
      Object.assign(window, { measuredItems: measured });
    });
    const widthBefore = await page.locator('.vis-panel.vis-center').evaluate((panel) => panel.getBoundingClientRect().width);
    await item.click();
    await page.getByRole('region', { name: 'Event details' }).waitFor();
    await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
    const after = await page.evaluate(() => {
      const root = (document.querySelector('.vis-timeline') as Element).getBoundingClientRect();
      const center = (document.querySelector('.vis-panel.vis-center') as Element).getBoundingClientRect();
      return { rootRight: root.right, centerRight: center.right, centerWidth: center.width, measured: (window as unknown as { measuredItems: string[] }).measuredItems };
    });
    // The details took room from the timeline, and its panels already fit it (vis-timeline's own poll waits up to 1 s).
    expect(after.centerWidth).toBeLessThan(widthBefore - 100);
    expect(after.centerRight).toBeLessThanOrEqual(after.rootRight + 2);
    // Published, redraw() on a resize measured every item again (the app's own ResizeObserver did that before).
    expect(after.measured).toEqual([]);

    // A resize with nothing else to redraw the timeline (its box narrowed by script) is drawn at once too: the panel
    // fits the new width and an event keeps its place as a share of it (left alone, both wait for the 1 s poll).
    const place = () =>
      item.evaluate((element) => {
        const center = (document.querySelector('.vis-panel.vis-center') as Element).getBoundingClientRect();
        return { width: center.width, share: (element.getBoundingClientRect().left - center.left) / center.width };
      });
    const placeBefore = await place();
    await page.locator('.timeline-canvas').evaluate((canvas: HTMLElement) => {
      canvas.style.width = `${canvas.getBoundingClientRect().width - 200}px`;
    });
    await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
    const placeAfter = await place();
    expect(placeAfter.width).toBeLessThan(placeBefore.width - 150);
    expect(Math.abs(placeAfter.share - placeBefore.share)).toBeLessThan(0.02);
    expect(app.problems).toEqual([]);
    await app.close();
  });

  it('moves the selection to the next event in time with the Right arrow key', async () => {
    const app = await openApp(browser);
    const { page } = app;
    const sorted = builtinEvents()
      .filter((event) => event.story === 'pakistan')
      .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
    await page.getByRole('group', { name: 'Timeline events' }).focus();
    await page.keyboard.press('ArrowRight');
    const heading = page.getByRole('region', { name: 'Event details' }).getByRole('heading', { level: 2 });
    const first = await heading.textContent();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => heading.textContent()).not.toBe(first);
    expect(sorted.length).toBeGreaterThan(0);
    await expect(page.locator('.vis-item.vis-selected').count()).resolves.toBe(1);
    await app.close();
  });

  it('keeps the timeline and the selected event in view on a phone while the arrow keys step through events', async () => {
    const app = await openApp(browser, '', { viewport: { width: 390, height: 844 } });
    const { page } = app;
    await page.getByRole('group', { name: 'Timeline events' }).focus();
    const heading = page.getByRole('region', { name: 'Event details' }).getByRole('heading', { level: 2 });
    const seen: string[] = [];
    for (let step = 0; step < 4; step += 1) {
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => heading.textContent()).not.toBe(seen.at(-1) ?? '');
      seen.push((await heading.textContent()) ?? '');
      await page.waitForTimeout(300);
      const view = await page.evaluate(() => {
        const box = (selector: string) => document.querySelector(selector)?.getBoundingClientRect();
        const inView = (rect: DOMRect | undefined) => rect !== undefined && rect.top >= 0 && rect.bottom <= window.innerHeight;
        return {
          focused: document.activeElement?.id,
          selected: inView(box('.vis-item.vis-selected')),
          heading: inView(box('.event-details h2')),
        };
      });
      // Before, each key scrolled the page to the details, below the timeline: the focus and the selection left it.
      expect(view, `after ${step + 1} presses`).toEqual({ focused: 'timeline-events', selected: true, heading: true });
    }
    await app.close();
  });

  it('gives the timeline the first screen on a phone: the header folds its actions and lane names take a narrow column', async () => {
    const app = await openApp(browser, '', { viewport: { width: 390, height: 844 } });
    const { page } = app;
    const toggle = page.getByRole('button', { name: 'Actions', exact: true });
    const open = page.getByRole('button', { name: 'Open dataset' });
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(open.isVisible()).resolves.toBe(false);
    const layout = () =>
      page.evaluate(() => {
        const canvas = document.querySelector('.timeline-canvas')?.getBoundingClientRect();
        const names = document.querySelector('.vis-panel.vis-left')?.getBoundingClientRect();
        return { canvasTop: canvas?.top ?? Infinity, canvasWidth: canvas?.width ?? 0, namesWidth: names?.width ?? Infinity };
      });
    const folded = await layout();
    // A quarter of the first screen at least is timeline (before, rows of buttons left it 32 px of 844).
    expect(folded.canvasTop, JSON.stringify(folded)).toBeLessThanOrEqual(844 * 0.75);
    // "United Kingdom" wraps, so the time axis keeps two thirds of the width (before, the names took 46%).
    expect(folded.namesWidth, JSON.stringify(folded)).toBeLessThanOrEqual(folded.canvasWidth / 3);
    await toggle.click();
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(open.isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Present', exact: true }).isVisible()).resolves.toBe(true);
    await saveScreenshot(page, 'actions-open-390x844');
    expect(app.problems).toEqual([]);
    await app.close();

    // On a laptop the actions are always there and nothing folds them.
    const laptop = await openApp(browser, '', { viewport: { width: 1366, height: 768 } });
    await expect(laptop.page.getByRole('button', { name: 'Open dataset' }).isVisible()).resolves.toBe(true);
    await expect(laptop.page.getByRole('button', { name: 'Actions', exact: true }).isVisible()).resolves.toBe(false);
    const laptopLegend = laptop.page.getByRole('region', { name: 'Event types' });
    await expect(laptopLegend.getByRole('button', { name: 'Event types', exact: true }).isVisible()).resolves.toBe(false);
    await expect(laptopLegend.getByRole('listitem').filter({ hasText: 'Assassination' }).isVisible()).resolves.toBe(true);
    expect(laptop.problems).toEqual([]);
    await laptop.close();
  });

  it('shows the timeline and its first events on the first screen of a phone on its side', async () => {
    const app = await openApp(browser, '', { viewport: { width: 844, height: 390 } });
    const { page } = app;
    await expect(page.getByRole('button', { name: 'Actions', exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Open dataset' }).isVisible()).resolves.toBe(false);
    // The toolbar names and moves the window; the overview strip would take the timeline's place.
    await expect(page.getByRole('group', { name: 'Overview of the whole timeline' }).isVisible()).resolves.toBe(false);
    const firstEvent = await page.evaluate(() => {
      const tops = [...document.querySelectorAll('.vis-item.event')].map((item) => item.getBoundingClientRect().bottom);
      return Math.min(...tops);
    });
    // Before, rows of buttons and the strip left the whole timeline below the 390 px of the first screen.
    expect(firstEvent).toBeLessThanOrEqual(390);
    await saveScreenshot(page, 'phone-landscape-844x390');
    await app.close();
  });

  it('folds the legend on a phone, so an event’s details follow the timeline, and opens it with its button', async () => {
    const event = builtinEvents().find((record) => record.type === 'assassination');
    const app = await openApp(browser, `?event=${event?.id ?? 'missing'}`, { viewport: { width: 390, height: 844 } });
    const { page } = app;
    const details = page.getByRole('region', { name: 'Event details' });
    await details.waitFor();
    const gap = () =>
      page.evaluate(() => {
        const canvas = document.querySelector('.timeline-canvas')?.getBoundingClientRect();
        const panel = document.querySelector('.event-details')?.getBoundingClientRect();
        return canvas && panel ? panel.top - canvas.bottom : Infinity;
      });
    const legend = page.getByRole('region', { name: 'Event types' });
    const toggle = legend.getByRole('button', { name: 'Event types', exact: true });
    const key = legend.getByRole('listitem').filter({ hasText: 'Assassination' });
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(key.isVisible()).resolves.toBe(false);
    // One row of button between them (the open key is 300 px tall at this width).
    const folded = await gap();
    expect(folded).toBeLessThanOrEqual(80);
    await toggle.click();
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(key.isVisible()).resolves.toBe(true);
    expect(await gap()).toBeGreaterThan(folded + 150);
    expect(app.problems).toEqual([]);
    await app.close();
  });

  it('brings a tapped event’s details into view on a phone: all of them, or from their top', async () => {
    const app = await openApp(browser, '', { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const { page } = app;
    const item = page.locator('.vis-item.vis-point[data-id]').first();
    await item.waitFor();
    await item.scrollIntoViewIfNeeded();
    await item.locator('.vis-item-content').tap();
    const details = page.getByRole('region', { name: 'Event details' });
    await details.waitFor();
    const placed = () =>
      page.evaluate(() => {
        const panel = document.querySelector('.event-details')?.getBoundingClientRect();
        if (!panel) return 'no details';
        // Below the fold but for its heading (the old "nearest" scroll of the heading) is what this rules out.
        return panel.top >= -1 && (panel.bottom <= window.innerHeight + 1 || panel.top <= 1) ? 'in view' : `top ${panel.top}, bottom ${panel.bottom}`;
      });
    await expect.poll(placed).toBe('in view');
    expect(app.problems).toEqual([]);
    await app.close();
  });

  it('lays out without overflow on a phone and a projector, and writes review screenshots', async () => {
    for (const viewport of [
      { width: 390, height: 844 },
      { width: 1366, height: 768 },
      { width: 1920, height: 1080 },
    ]) {
      const app = await openApp(browser, '', { viewport });
      const overflow = await app.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `horizontal overflow at ${viewport.width}px`).toBeLessThanOrEqual(0);
      await saveScreenshot(app.page, `main-${viewport.width}x${viewport.height}`);
      expect(app.problems).toEqual([]);
      await app.close();
    }
  });

  it("serves its entry script with V8's eager-compilation hint on the first line (scripts/compile-hints.ts)", async () => {
    const app = await openApp(browser);
    const source = await app.page.evaluate(async () => {
      const script = document.querySelector<HTMLScriptElement>('script[type="module"][src]');
      return script ? (await fetch(script.src)).text() : '';
    });
    expect(source.split('\n')[0]).toBe('//# allFunctionsCalledOnLoad');
    expect(app.problems).toEqual([]);
    await app.close();
  });
});
