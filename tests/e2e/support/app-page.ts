// Opens the built app in a fresh browser context and records what must never happen: console errors,
// uncaught exceptions and Content-Security-Policy violations.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { inject } from 'vitest';
import { projectRoot } from './browser.ts';

export interface AppPage {
  readonly page: Page;
  /** Console errors, page errors and CSP violations seen so far. */
  readonly problems: string[];
  /** Marks problems a test provokes on purpose (e.g. /^CSP: /), so close() does not count them. */
  expectProblems(pattern: RegExp): void;
  /** Closes the context, then fails the test if any other problem was seen: checked here for every test. */
  close(): Promise<void>;
}

export const screenshotDir = resolve(projectRoot, 'test-output', 'screenshots');

export async function openApp(browser: Browser, query = '', options: BrowserContextOptions = {}): Promise<AppPage> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, ...options });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.exposeFunction('__reportCspViolation', (text: string) => problems.push(`CSP: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation;
      report(`${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  await page.goto(appUrl(query));
  await page.locator('.vis-item').first().waitFor({ timeout: 15_000 }).catch(() => undefined);
  const expected: RegExp[] = [];
  return {
    page,
    problems,
    expectProblems: (pattern) => expected.push(pattern),
    close: async () => {
      await context.close();
      const unexpected = problems.filter((problem) => !expected.some((pattern) => pattern.test(problem)));
      if (unexpected.length) throw new Error(`The page reported ${unexpected.length} problem(s):\n${unexpected.join('\n')}`);
    },
  };
}

export function appUrl(query = ''): string {
  const base = inject('baseUrl');
  return query ? `${base}${query.startsWith('?') ? query : `?${query}`}` : base;
}

export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: resolve(screenshotDir, `${name}.png`) });
}
