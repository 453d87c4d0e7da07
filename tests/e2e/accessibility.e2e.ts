// axe-core finds no WCAG 2.2 A/AA violation in any state a user reaches, on a laptop and on a phone.
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppPage, openApp, saveScreenshot } from './support/app-page.ts';
import { launchChromium } from './support/browser.ts';
import { builtinEvents } from './support/records.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const VIEWPORTS = [
  { name: 'laptop', width: 1366, height: 768 },
  { name: 'phone', width: 390, height: 844 },
] as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

/** Each violation as one readable line: rule, impact, help and the first few elements. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact ?? 'unknown'}): ${violation.help} — ${violation.nodes
        .slice(0, 4)
        .map((node) => node.target.join(' '))
        .join(' | ')}${violation.nodes.length > 4 ? ` and ${violation.nodes.length - 4} more` : ''}`,
  );
}

const bhutto = builtinEvents().find((event) => /Bhutto/.test(event.title) && event.type === 'assassination');

/** Opens the filters on a phone, where they fold behind a button. */
async function showFilters(page: Page) {
  const toggle = page.getByRole('button', { name: 'Filters', exact: true });
  if (await toggle.isVisible()) {
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  }
}

/** Opens the header's actions on a phone, where they fold behind a button. */
async function showActions(page: Page) {
  const toggle = page.getByRole('button', { name: 'Actions', exact: true });
  if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

interface State {
  readonly name: string;
  readonly query?: string;
  readonly reach?: (app: AppPage) => Promise<void>;
}

const STATES: readonly State[] = [
  { name: 'main view' },
  {
    name: 'details open',
    query: `?event=${bhutto?.id ?? 'missing'}`,
    reach: async ({ page }) => {
      await page.getByRole('region', { name: 'Event details' }).waitFor();
    },
  },
  {
    name: 'list view',
    query: '?view=list',
    reach: async ({ page }) => {
      await page.getByRole('region', { name: 'Event list' }).waitFor();
    },
  },
  {
    name: 'filters with the actor list open',
    reach: async ({ page }) => {
      await showFilters(page);
      await page.getByRole('combobox', { name: 'Actor' }).fill('Bhutto');
      await page.getByRole('listbox', { name: 'Matching actors' }).waitFor();
    },
  },
  {
    name: 'filters with an actor chosen',
    reach: async ({ page }) => {
      await showFilters(page);
      await page.getByRole('combobox', { name: 'Actor' }).fill('Benazir');
      await page.getByRole('listbox', { name: 'Matching actors' }).waitFor();
      await page.keyboard.press('Enter');
      await page.getByRole('list', { name: 'Selected actors' }).waitFor();
    },
  },
  {
    name: 'presentation mode',
    reach: async ({ page }) => {
      await showActions(page);
      await page.getByRole('button', { name: 'Present', exact: true }).click();
      await page.getByRole('region', { name: 'Presentation' }).waitFor();
      await page.getByRole('button', { name: /^Next/ }).click();
    },
  },
  {
    name: 'header actions open',
    reach: async ({ page }) => {
      await showActions(page);
      await page.getByRole('button', { name: 'Open dataset' }).waitFor();
    },
  },
  {
    name: 'legend open',
    reach: async ({ page }) => {
      const legend = page.getByRole('region', { name: 'Event types' });
      const toggle = legend.getByRole('button', { name: 'Event types', exact: true });
      if (await toggle.isVisible()) await toggle.click();
      await legend.getByRole('listitem').first().waitFor();
    },
  },
  {
    name: 'the import error list',
    reach: async ({ page }) => {
      await page.getByLabel('Choose a CSV or JSON file to open').setInputFiles({
        name: 'broken.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('id,title,start,country,type\nvote,First vote,1990-02-30,,election\n'),
      });
      await page.getByRole('alert').getByRole('listitem').first().waitFor();
    },
  },
];

describe('the axe check itself', () => {
  it('reports a nameless button and low-contrast text, so a pass means something', async () => {
    const app = await openApp(browser);
    await app.page.evaluate(() => {
      const probe = document.createElement('div');
      const button = document.createElement('button');
      const faint = document.createElement('p');
      faint.textContent = 'Faint text';
      faint.style.color = '#eeeeee';
      probe.append(button, faint);
      document.querySelector('main')?.append(probe);
    });
    const found = await violations(app.page);
    expect(found.map((line) => line.split(' ')[0])).toEqual(expect.arrayContaining(['button-name', 'color-contrast']));
    await app.close();
  });
});

describe.each(VIEWPORTS)('axe finds no WCAG 2.2 A/AA violations at $width×$height', (viewport) => {
  it.each(STATES)('in the $name', async (state) => {
    const app = await openApp(browser, state.query ?? '', { viewport: { width: viewport.width, height: viewport.height } });
    await state.reach?.(app);
    await app.page.waitForTimeout(300); // let panels and the timeline settle before axe reads colours
    const found = await violations(app.page);
    if (found.length) await saveScreenshot(app.page, `axe-${state.name.replace(/\W+/g, '-')}-${viewport.width}`);
    expect(found).toEqual([]);
    await app.close();
  });
});
