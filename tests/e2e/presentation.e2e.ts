// Presentation mode on a 1920x1080 projector: entering, stepping with a clicker's keys, blanking the screen, Space and
// Enter after a click, large high-contrast type, leaving back to the view before, guided tours, reduced motion, the
// printed handout and axe.
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tour } from '../../src/domain/schema.ts';
import { openApp, saveScreenshot } from './support/app-page.ts';
import { launchChromium, projectRoot } from './support/browser.ts';
import { builtinEvents } from './support/records.ts';

const PROJECTOR: BrowserContextOptions = { viewport: { width: 1920, height: 1080 } };
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const records = builtinEvents();
const pakistanCount = records.filter((record) => record.country === 'pakistan').length;
const pakistanTour = (JSON.parse(readFileSync(resolve(projectRoot, 'data', 'tours', 'pakistan.json'), 'utf8')) as Tour[])[0];
const byTitle = (title: string | null) => records.find((record) => record.title === title);
const toursDir = resolve(projectRoot, 'data', 'tours');
const allTours = readdirSync(toursDir)
  .filter((name) => name.endsWith('.json'))
  .flatMap((name) => JSON.parse(readFileSync(resolve(toursDir, name), 'utf8')) as Tour[]);

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

const presentation = (page: Page) => page.getByRole('region', { name: 'Presentation' });
const progress = (page: Page) => presentation(page).getByRole('status');
const slideTitle = (page: Page) => presentation(page).getByRole('heading', { level: 2 });
const windowLabel = (page: Page) => page.getByRole('navigation', { name: 'Timeline navigation' }).locator('strong');
const resultCount = (page: Page) => page.getByRole('group', { name: 'Results' }).getByRole('status');

async function fontSize(locator: Locator): Promise<number> {
  return locator.evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));
}

/** Text colour and the colour actually behind it (the nearest ancestor with an opaque background), as [r, g, b]. */
async function colours(locator: Locator): Promise<{ text: number[]; background: number[] }> {
  const [text, background] = await locator.evaluate((element) => {
    let node: Element | null = element;
    let behind = 'rgb(255, 255, 255)';
    while (node) {
      const colour = getComputedStyle(node).backgroundColor;
      if (colour !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(colour)) {
        behind = colour;
        break;
      }
      node = node.parentElement;
    }
    return [getComputedStyle(element).color, behind];
  });
  const parse = (colour: string) => (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
  return { text: parse(text), background: parse(background) };
}

/** WCAG 2 contrast ratio. */
function contrast(a: number[], b: number[]): number {
  const luminance = (rgb: number[]) => {
    const [r = 0, g = 0, bl = 0] = rgb.map((value) => {
      const channel = value / 255;
      return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}

async function expectContrast(locator: Locator, minimum: number, name: string) {
  const { text, background } = await colours(locator);
  expect(contrast(text, background), `${name}: rgb(${text.join(',')}) on rgb(${background.join(',')})`).toBeGreaterThanOrEqual(minimum);
}

/** Where the event's item sits, as a share of the timeline's width from its centre (0 = centred). */
async function offsetFromCentre(page: Page, eventId: string): Promise<number> {
  return page.evaluate((id) => {
    const panel = document.querySelector('.vis-panel.vis-center')?.getBoundingClientRect();
    const item = document.querySelector(`.vis-item[data-id="${CSS.escape(id)}"]`);
    const marker = item?.classList.contains('vis-point') ? item.querySelector('.vis-dot') : item;
    const box = marker?.getBoundingClientRect();
    if (!panel || !box || !panel.width) return Number.POSITIVE_INFINITY;
    return Math.abs(box.left + box.width / 2 - (panel.left + panel.width / 2)) / panel.width;
  }, eventId);
}

/** Whether the event's item is in view on the timeline with the selected look: the heavy border and the yellow ring. */
async function looksSelected(page: Page, eventId: string): Promise<boolean> {
  return page.evaluate((id) => {
    const item = document.querySelector(`.vis-item[data-id="${CSS.escape(id)}"]`);
    const panel = document.querySelector('.vis-panel.vis-center')?.getBoundingClientRect();
    const box = item?.getBoundingClientRect();
    if (!item || !box || !panel || !box.width || box.right <= panel.left || box.left >= panel.right) return false;
    const style = getComputedStyle(item);
    return Number.parseFloat(style.borderTopWidth) >= 4 && style.boxShadow.includes('rgb(255, 212, 0)');
  }, eventId);
}

/** The ids of every drawn item with the selected look. */
async function selectedLooking(page: Page): Promise<string[]> {
  return page.locator('.vis-item[data-id]').evaluateAll((items) =>
    items
      .filter((item) => getComputedStyle(item).boxShadow.includes('rgb(255, 212, 0)'))
      .map((item) => item.getAttribute('data-id') ?? ''),
  );
}

const nextFrames = (page: Page) =>
  page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));

describe('presentation mode in Chromium at 1920x1080', () => {
  it('steps with a clicker’s keys in large, high-contrast type, and Escape lands back on the view before', async () => {
    const app = await openApp(browser, '?country=pakistan&from=2007-09-01&to=2008-03-01', PROJECTOR);
    const { page } = app;
    const windowBefore = await windowLabel(page).textContent();
    const countBefore = await resultCount(page).textContent();
    expect(windowBefore).toBe('Sep 2007 – Mar 2008');

    await page.getByRole('button', { name: 'Present', exact: true }).click();
    await expect.poll(() => progress(page).textContent()).toMatch(new RegExp(`^1 of ${pakistanCount}\\b`));
    expect(await page.getByRole('complementary', { name: 'Filters' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Present', exact: true }).isVisible()).toBe(false);

    const keys: [string, number][] = [
      ['ArrowRight', 2],
      ['PageDown', 3],
      ['ArrowDown', 4],
      ['Space', 5],
      ['Enter', 6],
      ['ArrowLeft', 5],
      ['PageUp', 4],
      ['ArrowUp', 3],
      ['End', pakistanCount],
      ['Home', 1],
    ];
    for (const [key, expected] of keys) {
      await page.keyboard.press(key);
      await expect.poll(() => progress(page).textContent(), { message: `after ${key}` }).toMatch(new RegExp(`^${expected} of ${pakistanCount}\\b`));
    }
    for (let step = 0; step < 6; step++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => progress(page).textContent()).toMatch(new RegExp(`^7 of ${pakistanCount}\\b`));

    const record = byTitle(await slideTitle(page).textContent());
    expect(record, 'the slide shows a Pakistan record').toBeDefined();
    const summary = presentation(page).getByText(record?.summary ?? 'missing', { exact: true });
    const quote = presentation(page).locator('blockquote');
    await expect(quote.textContent()).resolves.toBe(record?.source?.quote);
    expect(await fontSize(slideTitle(page))).toBeGreaterThanOrEqual(48);
    expect(await fontSize(summary)).toBeGreaterThanOrEqual(28);
    expect(await fontSize(quote)).toBeGreaterThanOrEqual(28);
    for (const [name, locator] of [
      ['title', slideTitle(page)],
      ['summary', summary],
      ['quote', quote],
      ['progress', progress(page)],
      ['Next event', presentation(page).getByRole('button', { name: 'Next event' })],
      ['Previous event', presentation(page).getByRole('button', { name: 'Previous event' })],
      ['Exit presentation', presentation(page).getByRole('button', { name: 'Exit presentation' })],
    ] as const) {
      await expectContrast(locator, 7, name);
    }
    await saveScreenshot(page, 'presentation-1920x1080');

    await page.keyboard.press('Escape');
    // In real full screen the browser takes the first Escape to leave it, which leaves the presentation too.
    await expect.poll(() => presentation(page).count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.fullscreenElement === null)).toBe(true);
    await expect.poll(() => windowLabel(page).textContent()).toBe(windowBefore);
    expect(await resultCount(page).textContent()).toBe(countBefore);
    await expect.poll(() => new URL(page.url()).searchParams.get('country')).toBe('pakistan');
    // The address catches up after the history throttle, so wait for it rather than read it at once.
    await expect.poll(() => new URL(page.url()).searchParams.get('present')).toBeNull();
    await app.close();
  });

  it('blanks the screen with a clicker’s B or full stop (W or comma: white), and shows the same step again after', async () => {
    const app = await openApp(browser, '?present=1&country=pakistan', PROJECTOR);
    const { page } = app;
    const at = (step: number) => expect.poll(() => progress(page).textContent(), { message: `on step ${step}` }).toMatch(new RegExp(`^${step} of ${pakistanCount}\\b`));
    /** What is on top at 60 points across the screen: how many elements, their background colours and their text. */
    const onScreen = () =>
      page.evaluate(() => {
        const elements = new Set<Element | null>();
        for (let x = 0; x < 10; x++) {
          for (let y = 0; y < 6; y++) elements.add(document.elementFromPoint(((x + 0.5) * innerWidth) / 10, ((y + 0.5) * innerHeight) / 6));
        }
        const shown = [...elements];
        const colours = [...new Set(shown.map((element) => (element ? getComputedStyle(element).backgroundColor : 'none')))];
        return { elements: shown.length, colours, text: shown.map((element) => element?.textContent ?? '').join('') };
      });
    const blank = (colour: string) => expect.poll(onScreen).toEqual({ elements: 1, colours: [colour], text: '' });
    const slideShown = () => expect.poll(async () => (await onScreen()).elements).toBeGreaterThan(3);
    const said = page.locator('[aria-live="polite"]').filter({ hasText: /Screen (blacked|whited) out/ });
    await at(1);
    await page.keyboard.press('PageDown');
    await at(2);

    await page.keyboard.press('b');
    await blank('rgb(0, 0, 0)');
    expect(await said.textContent()).toMatch(/^Screen blacked out\./);
    await saveScreenshot(page, 'presentation-blank-black-1920x1080');
    await page.keyboard.press('b');
    await slideShown();
    await at(2);
    expect(await said.count()).toBe(0);

    // Blank, then the clicker's next button: the same slide again, and only the press after that steps.
    await page.keyboard.press('.');
    await blank('rgb(0, 0, 0)');
    await page.keyboard.press('PageDown');
    await slideShown();
    await at(2);
    await page.keyboard.press('PageDown');
    await at(3);

    await page.keyboard.press('w');
    await blank('rgb(255, 255, 255)');
    await saveScreenshot(page, 'presentation-blank-white-1920x1080');
    await page.mouse.click(960, 540);
    await slideShown();
    await at(3);
    await page.keyboard.press(',');
    await blank('rgb(255, 255, 255)');
    await page.keyboard.press('PageUp');
    await at(3);
    await saveScreenshot(page, 'presentation-after-blank-1920x1080');

    // Escape still leaves, blank or not.
    await page.keyboard.press('b');
    await blank('rgb(0, 0, 0)');
    await page.keyboard.press('Escape');
    await expect.poll(() => presentation(page).count()).toBe(0);
    await slideShown();
    await app.close();
  });

  it('takes Space and Enter as the next step after a click on a button, and as that button after Tab', async () => {
    const app = await openApp(browser, '?present=1&country=pakistan', PROJECTOR);
    const { page } = app;
    const at = (step: number) => expect.poll(() => progress(page).textContent(), { message: `on step ${step}` }).toMatch(new RegExp(`^${step} of ${pakistanCount}\\b`));
    const button = (name: string) => presentation(page).getByRole('button', { name });
    await at(1);
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    await at(3);
    await button('Previous event').click();
    await at(2);
    // Space clicks a button as the key comes up: prevented on the way down, it must not also press Previous.
    await page.keyboard.press('Space');
    await at(3);
    await page.waitForTimeout(300);
    await at(3);
    await page.keyboard.press('Enter');
    await at(4);
    await button('Next event').click();
    await at(5);
    await page.keyboard.press('Space');
    await at(6);
    await page.waitForTimeout(300);
    await at(6);

    await button('Reveal step by step').click();
    expect(await button('Reveal step by step').getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Enter');
    await at(7);
    await page.keyboard.press('Space');
    await at(8);
    expect(await button('Reveal step by step').getAttribute('aria-pressed')).toBe('true');

    // Tab is a choice: the focused button (visibly focused) acts.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await button('Previous event').evaluate((element) => element === document.activeElement && element.matches(':focus-visible'))).toBe(true);
    await page.keyboard.press('Enter');
    await at(7);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await expect.poll(() => button('Reveal step by step').getAttribute('aria-pressed')).toBe('false');
    await at(7);
    await app.close();
  });

  it('measures the timeline\'s events again in the presentation\'s larger type, so none overlaps another', async () => {
    // An event selected: presenting starts on its step, and the events around it stay drawn (measured at the old size).
    const app = await openApp(browser, '?event=momentum-corbyn-re-elected-leader&from=2016-09-01&to=2017-04-01', PROJECTOR);
    const { page } = app;
    /** Pairs of event boxes that overlap (by more than a pixel each way): labels measured at another size. */
    const overlaps = () =>
      page.locator('.vis-item.event[data-id]').evaluateAll((items) => {
        const boxes = items.map((item) => ({ id: item.getAttribute('data-id'), box: item.getBoundingClientRect() })).filter(({ box }) => box.width > 0);
        const found: string[] = [];
        for (const [index, a] of boxes.entries()) {
          for (const b of boxes.slice(index + 1)) {
            const across = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
            const down = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
            if (across > 1 && down > 1) found.push(`${a.id} / ${b.id}`);
          }
        }
        return found;
      });
    await page.waitForTimeout(800);
    expect(await page.locator('.vis-item.event[data-id]').count()).toBeGreaterThan(10);
    expect(await overlaps()).toEqual([]);
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    await expect.poll(() => progress(page).textContent()).toMatch(/: Corbyn is re-elected/);
    await page.waitForTimeout(800);
    expect(await overlaps()).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => presentation(page).count()).toBe(0);
    await page.waitForTimeout(800);
    expect(await overlaps()).toEqual([]);
    await app.close();
  });

  it('opens a present=1 link on the step it names, ready for a lesson', async () => {
    const record = records.find((candidate) => candidate.id === 'benazir-bhutto-assassinated');
    const app = await openApp(browser, `?present=1&event=${record?.id}`, PROJECTOR);
    const { page } = app;
    await expect.poll(() => slideTitle(page).textContent()).toBe(record?.title);
    await expect(progress(page).textContent()).resolves.toMatch(new RegExp(` of ${records.length}\\b`));
    await page.getByRole('button', { name: 'Next event' }).click();
    await expect.poll(() => slideTitle(page).textContent()).not.toBe(record?.title);
    await page.getByRole('button', { name: 'Previous event' }).click();
    await expect.poll(() => slideTitle(page).textContent()).toBe(record?.title);
    await app.close();
  });

  it('keeps its step when a stray click lands on empty timeline or on an event that is not a step', async () => {
    const stepId = 'benazir-bhutto-assassinated';
    const app = await openApp(browser, `?present=1&tour=${pakistanTour?.id}&event=${stepId}`, PROJECTOR);
    const { page } = app;
    await expect.poll(() => progress(page).textContent()).toMatch(new RegExp(` of ${pakistanTour?.steps.length}\\b`));
    const before = await progress(page).textContent();
    await page.waitForTimeout(800);
    // The lanes' bottom right corner: below and right of every event of this window.
    const panel = await page.locator('.vis-panel.vis-center').boundingBox();
    if (!panel) throw new Error('no timeline');
    await page.mouse.click(panel.x + panel.width - 6, panel.y + panel.height - 6);
    await page.waitForTimeout(400);
    await expect(progress(page).textContent()).resolves.toBe(before);
    await expect(page.locator(`.vis-item.vis-selected[data-id="${stepId}"]`).count()).resolves.toBe(1);
    const notStep = page.locator('.vis-item[data-id]:not(.vis-selected)').filter({ hasNot: page.locator('button') });
    const outside = (await notStep.evaluateAll((items, steps) => items.map((item) => item.getAttribute('data-id')).filter((id) => id && !steps.includes(id)), pakistanTour?.steps.map((step) => step.event) ?? []))[0];
    expect(outside, 'an event drawn that is not a step of the tour').toBeDefined();
    await page.locator(`.vis-item[data-id="${outside}"]`).click();
    await page.waitForTimeout(400);
    await expect(progress(page).textContent()).resolves.toBe(before);
    await page.keyboard.press('PageDown');
    await expect.poll(() => progress(page).textContent()).not.toBe(before);
    expect(app.problems).toEqual([]);
    await app.close();
  });

  it('starts a story’s tour on its title card and follows it with the teacher’s notes', async () => {
    const app = await openApp(browser, '', PROJECTOR);
    const { page } = app;
    await page.getByText('Guided tours', { exact: true }).click();
    await page.getByRole('button', { name: 'Start tour: Pakistan 2007–2008' }).click();
    await expect.poll(() => slideTitle(page).textContent()).toBe(pakistanTour?.title);
    await expect(progress(page).textContent()).resolves.toMatch(/^Introduction/);
    await page.keyboard.press('PageDown');
    const [first] = pakistanTour?.steps ?? [];
    await expect.poll(() => slideTitle(page).textContent()).toBe(records.find((record) => record.id === first?.event)?.title);
    await expect(progress(page).textContent()).resolves.toMatch(new RegExp(`^1 of ${pakistanTour?.steps.length}\\b`));
    const note = presentation(page).getByRole('note', { name: 'Teacher’s note' });
    await expect(note.textContent()).resolves.toContain(first?.note);
    await expectContrast(note.locator('p'), 7, 'teacher’s note');
    await saveScreenshot(page, 'presentation-tour-1920x1080');
    await app.close();
  });

  it.each([
    { width: 390, height: 844 },
    { width: 800, height: 900 },
  ])('lists the guided tours within the screen at $width px wide, and starts one from there', async (viewport) => {
    const app = await openApp(browser, '', { viewport });
    const { page } = app;
    // On a phone the header's actions fold behind their own button.
    const actions = page.getByRole('button', { name: 'Actions', exact: true });
    if (await actions.isVisible()) await actions.click();
    await page.getByText('Guided tours', { exact: true }).click();
    const start = page.getByRole('button', { name: 'Start tour: Pakistan 2007–2008' });
    await start.waitFor();
    // The list hung from its button ran 110 px (390 wide) and 160 px (800 wide) off the left edge.
    const list = await page.locator('.guided-tours__list').boundingBox();
    expect(list && list.x >= 0 && list.x + list.width <= viewport.width, JSON.stringify(list)).toBe(true);
    await start.click();
    await expect.poll(() => slideTitle(page).textContent()).toBe(pakistanTour?.title);
    expect(app.problems).toEqual([]);
    await app.close();
  });

  it('marks the current step’s event on the timeline with Reveal on, as without it, on every step and after a far jump', async () => {
    const tour = allTours.find((candidate) => candidate.id === 'iran-who-rules');
    for (const reveal of [true, false]) {
      const app = await openApp(browser, `?present=1&tour=iran-who-rules${reveal ? '&reveal=1' : ''}`, { viewport: { width: 1366, height: 768 } });
      const { page } = app;
      await expect.poll(() => progress(page).textContent()).toMatch(/^Introduction/);
      const check = async (label: string) => {
        const current = byTitle(await slideTitle(page).textContent())?.id ?? 'missing';
        await expect.poll(() => looksSelected(page, current), { message: `${label} (reveal ${reveal}): ${current} has the selected look` }).toBe(true);
        expect(await selectedLooking(page), `${label}: only the current event looks selected`).toEqual([current]);
      };
      for (let step = 1; step <= (tour?.steps.length ?? 0); step++) {
        await page.keyboard.press('PageDown');
        await expect.poll(() => progress(page).textContent()).toMatch(new RegExp(`^${step} of `));
        await check(`step ${step}`);
        if (reveal && step === 3) await saveScreenshot(page, 'presentation-reveal-current-1366x768');
      }
      // A step far from the window: the event is drawn only once the window gets there.
      await page.keyboard.press('PageUp');
      await page.keyboard.press('Home');
      await page.keyboard.press('PageDown');
      await expect.poll(() => progress(page).textContent()).toMatch(/^1 of /);
      await check('back to the first step');
      await page.keyboard.press('End');
      await expect.poll(() => progress(page).textContent()).toMatch(new RegExp(`^${tour?.steps.length} of `));
      await check('End');
      await app.close();
    }
  });

  it.each([
    { width: 1280, height: 720 },
    { width: 1024, height: 768 },
  ])('fits every step of every tour on the slide, above its controls, at $width x $height', async (viewport) => {
    expect(allTours.length).toBeGreaterThanOrEqual(3);
    for (const tour of allTours) {
      const app = await openApp(browser, `?present=1&tour=${tour.id}`, { viewport });
      const { page } = app;
      await expect.poll(() => progress(page).textContent()).toMatch(/^Introduction/);
      for (let step = 0; step <= tour.steps.length; step++) {
        if (step > 0) {
          await page.keyboard.press('PageDown');
          await expect.poll(() => progress(page).textContent()).toMatch(new RegExp(`^${step} of `));
        }
        const layout = await presentation(page).evaluate((section) => {
          const slide = section.querySelector('.presentation__slide');
          const controls = section.querySelector('[role="group"]');
          if (!slide || !controls) return undefined;
          const box = slide.getBoundingClientRect();
          const controlsTop = controls.getBoundingClientRect().top;
          // Every piece of text on the slide: inside the slide's box, above the controls and on the screen.
          const outside = [...slide.querySelectorAll('h2, h3, p, blockquote, figcaption')].flatMap((element) => {
            const text = element.getBoundingClientRect();
            const fits = text.top >= box.top - 1 && text.bottom <= box.bottom + 1 && text.bottom <= controlsTop && text.bottom <= window.innerHeight;
            return fits ? [] : [`${element.tagName} ${Math.round(text.bottom)} > ${Math.round(Math.min(box.bottom, controlsTop))}`];
          });
          return { overflow: slide.scrollHeight - slide.clientHeight, outside };
        });
        const where = `${tour.id}, ${step ? `step ${step}` : 'title card'}`;
        expect(layout, where).toBeDefined();
        expect(layout?.overflow, `${where}: text below the slide's edge (px)`).toBeLessThanOrEqual(1);
        expect(layout?.outside, `${where}: text cut off`).toEqual([]);
        // Still large enough to read across a classroom.
        expect(await fontSize(slideTitle(page)), `${where}: title size`).toBeGreaterThanOrEqual(28);
        expect(await fontSize(presentation(page)), `${where}: body size`).toBeGreaterThanOrEqual(18);
        if (tour.id.startsWith('momentum') && step === 9) await saveScreenshot(page, `presentation-momentum-step9-${viewport.width}x${viewport.height}`);
      }
      await app.close();
    }
  });

  it('shows when the last step is reached: Next looks disabled and an End cue appears, and axe still passes', async () => {
    const app = await openApp(browser, '?country=pakistan', { viewport: { width: 1366, height: 768 } });
    const { page } = app;
    const next = presentation(page).getByRole('button', { name: 'Next event' });
    const previous = presentation(page).getByRole('button', { name: 'Previous event' });
    const endCue = progress(page).getByText('End', { exact: true });
    const background = (locator: Locator) => locator.evaluate((element) => getComputedStyle(element).backgroundColor);
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    await expect.poll(() => progress(page).textContent()).toMatch(new RegExp(`^1 of ${pakistanCount}\\b`));
    await page.mouse.move(1, 1);
    // First step: Previous is the disabled one, Next the black button that leads on; no End yet.
    expect(await previous.getAttribute('aria-disabled')).toBe('true');
    expect(await background(next)).toBe('rgb(0, 0, 0)');
    expect(await endCue.count()).toBe(0);
    await expectContrast(previous, 7, 'disabled Previous event');
    const previousLook = await previous.evaluate((element) => [getComputedStyle(element).color, getComputedStyle(element).borderTopStyle]);
    expect(previousLook, 'disabled Previous is grey and dashed, not black').toEqual(['rgb(74, 74, 74)', 'dashed']);

    await page.keyboard.press('End');
    await page.keyboard.press('PageDown');
    await expect.poll(() => progress(page).textContent()).toMatch(new RegExp(`^${pakistanCount} of ${pakistanCount}\\b`));
    expect(await next.getAttribute('aria-disabled')).toBe('true');
    expect(await previous.getAttribute('aria-disabled')).toBe('false');
    // No longer the black "go on" button: a white one, grey text, dashed border.
    expect(await background(next), 'disabled Next is not black').toBe('rgb(255, 255, 255)');
    expect(await next.evaluate((element) => getComputedStyle(element).borderTopStyle)).toBe('dashed');
    await expectContrast(next, 7, 'disabled Next event');
    await next.hover();
    expect(await background(next), 'hovering does not bring the dark fill back').toBe('rgb(255, 255, 255)');
    await page.mouse.move(1, 1);
    expect(await endCue.isVisible(), 'the End cue').toBe(true);
    await expectContrast(endCue, 7, 'End cue');
    await saveScreenshot(page, 'presentation-last-step-1366x768');
    const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(' | ')}`)).toEqual([]);

    await page.keyboard.press('PageUp');
    await expect.poll(() => endCue.count()).toBe(0);
    expect(await background(next)).toBe('rgb(0, 0, 0)');
    await app.close();
  });

  it('moves the window straight to the step with reduced motion, and animates it otherwise', async () => {
    for (const reducedMotion of ['reduce', 'no-preference'] as const) {
      const app = await openApp(browser, '?present=1&country=pakistan', { ...PROJECTOR, reducedMotion });
      const { page } = app;
      await expect.poll(() => progress(page).textContent()).toMatch(/^1 of /);
      // Let the first step's own move settle, then take one far step (the first events are decades apart).
      await page.waitForFunction(() => document.querySelector('.vis-item.vis-selected') !== null);
      await expect.poll(async () => offsetFromCentre(page, byTitle(await slideTitle(page).textContent())?.id ?? '')).toBeLessThan(0.02);
      const before = await slideTitle(page).textContent();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => slideTitle(page).textContent()).not.toBe(before);
      const target = byTitle(await slideTitle(page).textContent())?.id ?? '';
      await nextFrames(page);
      const offset = await offsetFromCentre(page, target);
      if (reducedMotion === 'reduce') expect(offset, 'centred at once').toBeLessThan(0.02);
      else expect(offset, 'still on its way').toBeGreaterThan(0.05);
      await expect.poll(() => offsetFromCentre(page, target)).toBeLessThan(0.02);
      await app.close();
    }
  });

  it('has no axe violations while presenting events, with Reveal, and on a tour', async () => {
    const app = await openApp(browser, '?country=pakistan', PROJECTOR);
    const { page } = app;
    const check = async (state: string) => {
      const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      expect(
        results.violations.map((violation) => `${state}: ${violation.id}: ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(' | ')}`),
      ).toEqual([]);
    };
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    await presentation(page).waitFor();
    await page.keyboard.press('ArrowRight');
    await check('events');
    await presentation(page).getByRole('button', { name: 'Reveal step by step' }).click();
    await check('reveal');
    await page.keyboard.press('Escape');
    await expect.poll(() => presentation(page).count()).toBe(0);
    await page.getByText('Guided tours', { exact: true }).click();
    await check('tours list');
    await page.getByRole('button', { name: 'Start tour: Iran 1979–2009' }).click();
    await presentation(page).waitFor();
    await check('title card');
    await page.keyboard.press('PageDown');
    await check('tour step with a note');
    await app.close();
  });

  it('prints a handout of the selection alone, black on white, with no event cut across pages', async () => {
    const app = await openApp(browser, '?country=pakistan', PROJECTOR);
    const { page } = app;
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    const handout = page.getByRole('region', { name: 'Timeline Explorer: handout' });
    await handout.waitFor();
    await expect(handout.getByRole('listitem').count()).resolves.toBe(pakistanCount);
    expect(await page.locator('.app').isVisible()).toBe(false);
    const first = handout.getByRole('listitem').first();
    await expect(first.evaluate((element) => getComputedStyle(element).breakInside)).resolves.toBe('avoid');
    await expectContrast(first.getByRole('heading', { level: 2 }), 7, 'handout title');
    const { text, background } = await colours(first.locator('p').first());
    expect([text, background]).toEqual([
      [0, 0, 0],
      [255, 255, 255],
    ]);
    for (const format of ['A4', 'Letter'] as const) {
      const pdf = await page.pdf({ format });
      expect(pdf.byteLength, `${format} handout`).toBeGreaterThan(10_000);
    }
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await expect.poll(() => handout.count()).toBe(0);
    await app.close();
  });
});
