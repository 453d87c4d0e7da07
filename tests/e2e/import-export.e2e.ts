import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDatasetFile } from '../../src/domain/import-dataset.ts';
import { launchChromium, projectRoot } from './support/browser.ts';
import { openApp, saveScreenshot } from './support/app-page.ts';
import { builtinEvents } from './support/records.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

// A made-up story with its own countries, types and actors.
const HARBOUR_CSV = [
  'id,title,start,end,country,type,actors,summary,source,quote',
  'ferry-opens,Ferry line opens,1921-05-02,,Lakeshore,Transport,Mira Holt,The first ferry crosses the lake.,Lake Courier,"The ferry sailed at dawn, full."',
  'harbour-fire,Harbour fire,1924-autumn,,Lakeshore,Disaster,,,,',
  'bridge-vote,Bridge vote,1930,,Upper Vale,Vote,Mira Holt; Tom Esk,,Lake Courier,',
].join('\n');
const HARBOUR_IDS = ['bridge-vote', 'ferry-opens', 'harbour-fire'];
const MILL_CSV = ['id,title,start,country', 'mill-burns,Mill burns,1850,Millbrook'].join('\n');

const BROKEN_CSV = ['title,start,country', 'Good row,1990,Lakeshore', 'Bad date,1990-02-30,Lakeshore', 'No country,1991,'].join('\n');

const sampleStory = () => readFileSync(resolve(projectRoot, 'public', 'samples', 'sample-story.csv'));

function drawnIds(page: Page): Promise<string[]> {
  return page.locator('.vis-item[data-id]').evaluateAll((items) => items.map((item) => item.getAttribute('data-id') ?? '').sort());
}

const countryBoxes = (page: Page) =>
  page.getByRole('complementary', { name: 'Filters' }).getByRole('group', { name: 'Country' }).getByRole('checkbox');

async function countryNames(page: Page): Promise<string[]> {
  const names: string[] = [];
  for (const box of await countryBoxes(page).all()) {
    const id = await box.getAttribute('id');
    names.push((await page.locator(`label[for="${id}"]`).textContent()) ?? '');
  }
  return names;
}

/** Drags a file over the page and drops it, as from a file manager: the events carry a DataTransfer holding it. */
async function dropFile(page: Page, name: string, text: string, type = 'text/csv'): Promise<void> {
  const transfer = await page.evaluateHandle(
    ({ name, text, type }) => {
      const data = new DataTransfer();
      data.items.add(new File([text], name, { type }));
      return data;
    },
    { name, text, type },
  );
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: transfer });
  await page.dispatchEvent('main', 'dragover', { dataTransfer: transfer });
  await expect(page.getByText('Drop a CSV or JSON file to open it').isVisible()).resolves.toBe(true);
  await saveScreenshot(page, 'import-drop-overlay');
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
  await expect.poll(() => page.getByText('Drop a CSV or JSON file to open it').count()).toBe(0);
}

describe('bring your own timeline, in Chromium', () => {
  it('opens a chosen CSV: its events on the timeline, its own countries in the filters, no data= in the link', async () => {
    const app = await openApp(browser);
    const { page } = app;
    await page.getByLabel('Choose a CSV or JSON file to open').setInputFiles({ name: 'harbour.csv', mimeType: 'text/csv', buffer: Buffer.from(HARBOUR_CSV) });
    await expect.poll(() => drawnIds(page)).toEqual(HARBOUR_IDS);
    await expect.poll(() => countryNames(page)).toEqual(['Lakeshore', 'Upper Vale']);
    const lanes = await page.locator('.vis-labelset .vis-label').allTextContents();
    expect(lanes).toEqual(['Lakeshore', 'Upper Vale']);
    await expect(page.getByRole('banner').getByText('harbour', { exact: true }).count()).resolves.toBe(1);
    expect(new URL(page.url()).searchParams.has('data')).toBe(false);
    expect(app.problems).toEqual([]);
    await app.close();
  });

  it('opens a CSV dropped on the page, showing an overlay while it is dragged', async () => {
    const app = await openApp(browser);
    const { page } = app;
    await dropFile(page, 'harbour.csv', HARBOUR_CSV);
    await expect.poll(() => drawnIds(page)).toEqual(HARBOUR_IDS);
    await expect.poll(() => countryNames(page)).toEqual(['Lakeshore', 'Upper Vale']);
    await saveScreenshot(page, 'import-dropped');
    expect(app.problems).toEqual([]);
    await app.close();
  });

  it('lists the problems of a broken dropped file and keeps the old timeline and its filter', async () => {
    const app = await openApp(browser);
    const { page } = app;
    await page.getByRole('complementary', { name: 'Filters' }).getByRole('checkbox', { name: 'Pakistan', exact: true }).check();
    await page.getByRole('button', { name: 'Fit results' }).click();
    await page.waitForTimeout(800);
    const pakistan = builtinEvents()
      .filter((event) => event.country === 'pakistan')
      .map((event) => event.id)
      .sort();
    await expect.poll(() => drawnIds(page)).toEqual(pakistan);
    const searchBefore = new URL(page.url()).search;

    await dropFile(page, 'broken.csv', BROKEN_CSV);

    const alert = page.getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain('Could not open “broken.csv”. The timeline you had is unchanged.');
    await expect(alert.getByRole('listitem').allTextContents()).resolves.toEqual([
      "row 3, column start: '1990-02-30' is not a date: day 30 does not exist in that month; use YYYY, YYYY-MM, YYYY-MM-DD or YYYY-season (e.g. 2007-spring)",
      'row 4, column country: is empty',
    ]);
    await saveScreenshot(page, 'import-errors');
    await expect.poll(() => drawnIds(page)).toEqual(pakistan);
    await expect(page.getByRole('checkbox', { name: 'Pakistan', exact: true }).isChecked()).resolves.toBe(true);
    expect(new URL(page.url()).search).toBe(searchBefore);
    expect(app.problems).toEqual([]);
    await app.close();
  });

  it('goes Back from opened files to the stories’ view and Forward again; a reload says the file is gone', async () => {
    const app = await openApp(browser);
    const { page } = app;
    const input = page.getByLabel('Choose a CSV or JSON file to open');
    await page.getByRole('complementary', { name: 'Filters' }).getByRole('checkbox', { name: 'Pakistan', exact: true }).check();
    await expect.poll(() => new URL(page.url()).searchParams.get('country')).toBe('pakistan');
    const pakistanCount = builtinEvents().filter((event) => event.country === 'pakistan').length;
    const total = builtinEvents().length;
    const count = () => page.getByRole('group', { name: 'Results' }).getByRole('status').textContent();

    await input.setInputFiles({ name: 'harbour.csv', mimeType: 'text/csv', buffer: Buffer.from(HARBOUR_CSV) });
    await expect.poll(() => drawnIds(page)).toEqual(HARBOUR_IDS);
    // A second file whose view has the same link as the first's (the whole of each): only the entries tell them apart.
    await input.setInputFiles({ name: 'mill.csv', mimeType: 'text/csv', buffer: Buffer.from(MILL_CSV) });
    await expect.poll(() => drawnIds(page)).toEqual(['mill-burns']);
    await expect.poll(() => new URL(page.url()).search).toBe('');

    await page.goBack();
    await expect.poll(() => drawnIds(page)).toEqual(HARBOUR_IDS);
    await page.goBack();
    await expect.poll(() => count()).toBe(`${pakistanCount} of ${total} events`);
    await expect(page.getByRole('checkbox', { name: 'Pakistan', exact: true }).isChecked()).resolves.toBe(true);
    expect(new URL(page.url()).searchParams.get('country')).toBe('pakistan');
    // The stories' filter met the stories, not a file: nothing was left out, so no notice says so.
    await expect(page.getByText(/could not be used|left out/).count()).resolves.toBe(0);
    await saveScreenshot(page, 'import-back-to-stories');

    await page.goForward();
    await expect.poll(() => drawnIds(page)).toEqual(HARBOUR_IDS);
    // The skip link adds an entry for its fragment: the file stays, there and on the way Back from it.
    await page.getByRole('link', { name: 'Skip to the timeline' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).hash).toBe('#timeline-main');
    await page.waitForTimeout(300);
    await expect(drawnIds(page)).resolves.toEqual(HARBOUR_IDS);
    await page.goBack();
    await expect.poll(() => new URL(page.url()).hash).toBe('');
    await page.waitForTimeout(300);
    await expect(drawnIds(page)).resolves.toEqual(HARBOUR_IDS);
    await expect(page.getByRole('button', { name: 'Copy link' }).click()).resolves.toBeUndefined();
    await expect(page.getByText(/a link cannot carry a file/).count()).resolves.toBe(1);
    await saveScreenshot(page, 'import-file-no-link');

    await page.reload();
    const notice = page.getByText('“harbour.csv” is no longer open', { exact: false });
    await notice.waitFor();
    // A long notice wraps its text, never its button's word.
    const dismiss = await page.getByRole('status').filter({ hasText: 'harbour.csv' }).getByRole('button', { name: 'Dismiss' }).boundingBox();
    const oneLine = await page.getByRole('button', { name: 'Copy link' }).boundingBox();
    expect(dismiss?.height).toBe(oneLine?.height);
    await expect.poll(() => count()).toBe(`${total} of ${total} events`);
    await expect(page.getByText(/could not be used|left out/).count()).resolves.toBe(0);
    await expect.poll(() => new URL(page.url()).search).toBe('');
    await saveScreenshot(page, 'import-reload-file-gone');
    expect(app.problems).toEqual([]);
    await app.close();
  });

  it('keeps the timeline wide when a country has a very long name: the lane name wraps', async () => {
    const app = await openApp(browser);
    const { page } = app;
    const long = 'The United Kingdom of Great Britain and Northern Ireland, including the Crown Dependencies and the Overseas Territories';
    const csv = ['title,start,country', 'Harbour opens,1921,Norland', `Bridge vote,1930,"${long}"`, 'Canal,1925,Unbrokenwordthatgoesonandonandonandonandonandonandonandonandon'].join('\n');
    await page.getByLabel('Choose a CSV or JSON file to open').setInputFiles({ name: 'long.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(() => page.locator('.vis-item[data-id]').count()).toBe(3);
    const region = await page.getByRole('region', { name: 'Timeline' }).boundingBox();
    const centre = await page.locator('.vis-panel.vis-center').boundingBox();
    if (!region || !centre) throw new Error('no timeline');
    expect(centre.width / region.width).toBeGreaterThan(0.7);
    await saveScreenshot(page, 'import-long-country-name');
    expect(app.problems).toEqual([]);
    await app.close();
  });

  it('opens a data= link to a CSV on the site, and keeps data= in the link as the view changes', async () => {
    const parsed = parseDatasetFile({ name: 'sample-story.csv', bytes: new Uint8Array(sampleStory()) });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const app = await openApp(browser, '?data=samples/sample-story.csv');
    const { page } = app;
    await expect.poll(() => drawnIds(page)).toEqual(parsed.dataset.events.map((event) => event.id).sort());
    await expect.poll(() => countryNames(page)).toEqual(parsed.dataset.countries.map((country) => country.name));
    await saveScreenshot(page, 'import-data-link');
    await page.locator('.vis-item[data-id="canal-opens"]').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('event')).toBe('canal-opens');
    expect(new URL(page.url()).searchParams.get('data')).toBe('samples/sample-story.csv');
    expect(app.problems).toEqual([]);
    await app.close();
  });

  it('says why a data= link failed and shows the built-in stories instead, never a blank page', async () => {
    const app = await openApp(browser, '?data=samples/no-such-file.csv');
    const { page } = app;
    const alert = page.getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain('Could not open the dataset at samples/no-such-file.csv. The built-in stories are shown instead.');
    const total = builtinEvents().length;
    await expect.poll(() => page.getByRole('group', { name: 'Results' }).getByRole('status').textContent()).toBe(`${total} of ${total} events`);
    await expect(page.locator('.vis-labelset .vis-label').allTextContents()).resolves.toEqual(expect.arrayContaining(['Iran', 'Pakistan', 'United Kingdom']));
    await expect.poll(() => new URL(page.url()).searchParams.has('data')).toBe(false);
    // The preview server answers a missing path with the app's page: a 404 would be logged, this is not.
    expect(app.problems).toEqual([]);
    await app.close();
  });

  it('downloads the filtered events as CSV, row for row what the list shows', async () => {
    const app = await openApp(browser);
    const { page } = app;
    await page.getByRole('complementary', { name: 'Filters' }).getByRole('checkbox', { name: 'Pakistan', exact: true }).check();
    await page.getByRole('button', { name: 'List' }).click();
    const list = page.getByRole('region', { name: 'Event list' });
    const expected = builtinEvents().filter((event) => event.country === 'pakistan');
    await expect.poll(() => list.getByRole('listitem').count()).toBe(expected.length);
    const listedTitles = await list.getByRole('listitem').getByRole('button').allTextContents();

    await page.getByRole('group', { name: 'Dataset' }).getByRole('button', { name: 'Download' }).click();
    await saveScreenshot(page, 'export-menu');
    const axe = await new AxeBuilder({ page }).include('.dataset-controls').analyze();
    expect(axe.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const text = readFileSync(await download.path(), 'utf8');
    const reopened = parseDatasetFile({ name: download.suggestedFilename(), text });
    if (!reopened.ok) throw new Error(JSON.stringify(reopened.problems));
    // Same rows in the same order as the list, and exactly the Pakistan records.
    expect(reopened.dataset.events.map((event) => event.title)).toEqual(listedTitles);
    expect(reopened.dataset.events.map((event) => event.id).sort()).toEqual(expected.map((event) => event.id).sort());
    await expect(page.getByRole('group', { name: 'Dataset' }).getByRole('status').textContent()).resolves.toBe(`Saved ${expected.length} events as CSV.`);
    expect(app.problems).toEqual([]);
    await app.close();
  });

  it('works from the keyboard on a phone: Open dataset and the Download menu are reachable, and Escape closes the menu', async () => {
    const app = await openApp(browser, '', { viewport: { width: 390, height: 844 } });
    const { page } = app;
    // On a phone the header's actions fold behind their own button.
    await page.getByRole('button', { name: 'Actions', exact: true }).focus();
    await page.keyboard.press('Enter');
    const controls = page.getByRole('group', { name: 'Dataset' });
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Open dataset');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toContain('Download');
    await page.keyboard.press('Enter');
    await controls.getByRole('button', { name: 'Download CSV' }).waitFor();
    await saveScreenshot(page, 'export-menu-390x844');
    const box = await controls.getByRole('group', { name: 'Download the events shown' }).boundingBox();
    expect(box, 'the menu fits the screen').toEqual(expect.objectContaining({ x: expect.any(Number) as unknown }));
    expect(box && box.x >= 0 && box.x + box.width <= 390, JSON.stringify(box)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => controls.getByRole('button', { name: 'Download CSV' }).count()).toBe(0);
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toContain('Download');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(app.problems).toEqual([]);
    await app.close();
  });
});
