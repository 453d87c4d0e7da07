// The Content-Security-Policy is in force in the built app, and openApp() really reports violations: a test that
// breaks the policy must see it in app.problems, or every "no problems" assertion elsewhere proves nothing.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp } from './support/app-page.ts';
import { launchChromium } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

describe('Content-Security-Policy in the built app', () => {
  it('ships the policy as a meta tag, with no inline or eval', async () => {
    const app = await openApp(browser);
    const policy = await app.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(app.problems).toEqual([]);
    await app.close();
  });

  it('blocks an injected inline script, and openApp reports the violation', async () => {
    const app = await openApp(browser);
    const ran = await app.page.evaluate(async () => {
      const flags = window as unknown as { __inlineRan?: boolean };
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.append(script);
      await new Promise((resolve) => setTimeout(resolve, 50));
      return flags.__inlineRan === true;
    });
    expect(ran).toBe(false);
    await expect.poll(() => app.problems.filter((problem) => problem.startsWith('CSP: ')).length).toBeGreaterThan(0);
    expect(app.problems.find((problem) => problem.startsWith('CSP: '))).toMatch(/script-src/);
    app.expectProblems(/^CSP: |^console: .*Content Security Policy/);
    await app.close();
  });

  it('blocks an inline event handler and a javascript: URL, and reports both', async () => {
    const app = await openApp(browser);
    await app.page.evaluate(() => {
      const button = document.createElement('button');
      button.setAttribute('onclick', 'window.__handlerRan = true');
      document.body.append(button);
      button.click();
      const link = document.createElement('a');
      link.href = 'javascript:window.__linkRan = true';
      document.body.append(link);
      link.click();
    });
    const ran = await app.page.evaluate(() => {
      const flags = window as unknown as { __handlerRan?: boolean; __linkRan?: boolean };
      return [flags.__handlerRan === true, flags.__linkRan === true];
    });
    expect(ran).toEqual([false, false]);
    await expect.poll(() => app.problems.filter((problem) => problem.startsWith('CSP: ')).length).toBeGreaterThanOrEqual(2);
    app.expectProblems(/^CSP: |^console: .*Content Security Policy/);
    await app.close();
  });

  it('fails a test at close() when a problem was not expected', async () => {
    const app = await openApp(browser);
    await app.page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = '1';
      document.body.append(script);
    });
    await expect.poll(() => app.problems.length).toBeGreaterThan(0);
    await expect(app.close()).rejects.toThrow(/The page reported \d+ problem\(s\):\n(CSP|console): /);
  });
});
