// What a reader can read on the timeline: every event's whole title in a story's own view (a year is a few pixels
// wide over three decades), and years on the axis as the events' dates write them.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUrl, openApp } from './support/app-page.ts';
import { launchChromium } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

interface DrawnTitle {
  readonly title: string;
  /** The box of the event and its title together, in page pixels. */
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  /** Whether the title's last letters are painted: the point there hits the event, not what lies under it. */
  readonly endShown: boolean;
}

/** Every event drawn whole inside the timeline's window, with where its title ends. */
function drawnTitles(page: Page): Promise<DrawnTitle[]> {
  return page.evaluate(() => {
    const panel = document.querySelector('.vis-panel.vis-center')?.getBoundingClientRect();
    if (!panel) return [];
    return [...document.querySelectorAll<HTMLElement>('.vis-item.event')].flatMap((item) => {
      const content = item.querySelector<HTMLElement>('.vis-item-content');
      const box = item.getBoundingClientRect();
      const text = content?.getBoundingClientRect();
      if (!content || !text || text.width === 0) return [];
      const left = Math.min(box.left, text.left);
      const right = Math.max(box.right, text.right);
      if (left < panel.left || right > panel.right || box.top < panel.top || box.bottom > panel.bottom) return [];
      const hit = document.elementFromPoint(text.right - 3, (text.top + text.bottom) / 2);
      return [{ title: content.textContent ?? '', left, right, top: box.top, bottom: box.bottom, endShown: hit !== null && item.contains(hit) }];
    });
  });
}

describe('titles on the timeline', () => {
  it('shows every event’s whole title in the Iran story’s own view, none over another', async () => {
    const app = await openApp(browser);
    const { page } = app;
    await page.getByRole('button', { name: 'Iran 1979–2009' }).click();
    await expect.poll(() => page.getByText('Showing').textContent()).toContain('1977 – 2011');
    await page.waitForTimeout(500);
    const titles = await drawnTitles(page);
    // Known to the year only: a span a few pixels wide; its title was cut to its first letter.
    const miniState = titles.find((drawn) => drawn.title.includes('Khomeini builds a "mini-state"'));
    expect(miniState?.endShown).toBe(true);
    expect(titles.length).toBeGreaterThan(5);
    expect(titles.filter((drawn) => !drawn.endShown).map((drawn) => drawn.title)).toEqual([]);
    const overlapping = titles.flatMap((a, i) =>
      titles.slice(i + 1).filter((b) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1).map((b) => `${a.title} / ${b.title}`),
    );
    expect(overlapping).toEqual([]);
    await app.close();
  });
});

describe('years on the axis', () => {
  it('writes years before 1 CE as BCE and early years without zero padding', async () => {
    const app = await openApp(browser);
    const { page } = app;
    const csv = ['id,title,start,country', 'caesar-dies,Caesar assassinated,-0043-03-15,Rome', 'augustus,Augustus becomes emperor,-0026,Rome', 'hadrian-wall,Hadrian’s Wall begun,0122,Britannia'].join('\n');
    await page.route('**/rome.csv', (route) => route.fulfill({ contentType: 'text/csv', body: csv }));
    await page.goto(appUrl('data=rome.csv'));
    await expect.poll(() => page.getByText('Showing').textContent(), { timeout: 15_000 }).toMatch(/BCE/);
    const axis = await page.locator('.vis-time-axis .vis-text:not(.vis-measure)').allTextContents();
    const years = axis.filter((text) => /\d/.test(text));
    expect(years.length).toBeGreaterThan(2);
    // Astronomical year 0 is 1 BCE; moment wrote it "0000", and 50 "0050", -50 "-0050".
    expect(years).toContain('1 BCE');
    expect(years.filter((text) => !/^(\d+ BCE|[1-9]\d*)$/.test(text))).toEqual([]);
    const overview = await page.getByRole('group', { name: 'Overview of the whole timeline' }).locator('.overview__axis span').allTextContents();
    // The dataset's span with a margin: from 44 BCE less a little to 122 CE and a little more.
    expect(overview).toEqual([expect.stringMatching(/^4\d BCE$/), expect.stringMatching(/^12\d$/)]);
    await app.close();
  });
});
