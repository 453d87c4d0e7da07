// One page, one run: first render, heap, a facet toggle, search keystrokes, and frames while zooming and panning.
// The app is driven by real input (clicks, keys, wheel, drag); the plain vis-timeline pages by the same wheel and drag,
// and by a DataView filter for the facet and search steps, since they have no filter UI.
import type { CDPSession, Page } from 'playwright-core';
import type { BenchProbes, FrameSample } from './probes.ts';

declare global {
  interface Window {
    __bench: BenchProbes;
    benchTimeline?: { setWindow(start: number, end: number, options: { animation: boolean }): void; redraw(): void };
    benchSpan?: { start: number; end: number };
    benchFilter?: (filter: { onlyType?: string; query?: string }) => void;
  }
}

/** `appAtPart`: the app opened by a link at the tuned page's window (a tenth of the span), to compare like for like. */
export type PageKind = 'app' | 'appAtPart' | 'tuned' | 'default' | 'builtin';

/** Pages driven through the app's own controls. */
export function isApp(kind: PageKind): boolean {
  return kind === 'app' || kind === 'appAtPart';
}

/** Settled: no DOM change for this many frames after an input. */
const QUIET_FRAMES = 5;
const SETTLE_LIMIT_MS = 60_000;
/** vis-timeline's wheel step zooms by 1.2; 24 steps take the ~73-year padded span to about a year. */
export const ZOOM_STEPS = 24;
const PAN_STEPS = 30;
const PAN_STEP_PX = 20;
export const SEARCH_TEXT = 'parl';

export interface LatencySample {
  /** Input to the end of the last frame that changed the page, ms. */
  readonly latency: number;
  /** Main-thread script time in that span (Chromium's ScriptDuration), ms. */
  readonly script: number;
}

export interface FrameStats {
  /** Main-thread time per frame: from its start (or the previous frame's end) to the end of its callbacks, style, layout and paint. */
  readonly work: number[];
  /** Frame start to frame start. */
  readonly interval: number[];
  readonly timedOut: boolean;
}

export async function openMetrics(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return cdp;
}

async function scriptMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((metric) => metric.name === 'ScriptDuration')?.value ?? 0) * 1000;
}

/** Navigation start to the end of the first frame that shows the timeline with items. */
export async function firstRender(page: Page, url: string, limitMs: number): Promise<number | undefined> {
  await page.goto(url, { waitUntil: 'commit' });
  try {
    await page.waitForFunction(() => window.__bench.firstItemsAt !== undefined, undefined, { timeout: limitMs, polling: 100 });
  } catch {
    return undefined;
  }
  return page.evaluate(() => window.__bench.firstItemsAt);
}

export async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 1_048_576;
}

/** Waits for the page to be quiet, so one step's work does not spill into the next. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate((quiet) => window.__bench.settled(performance.now(), quiet, 10_000), QUIET_FRAMES);
}

/** Real input (a click or a key) to the last frame it changed. */
async function measureInput(page: Page, cdp: CDPSession, type: 'click' | 'keydown', act: () => Promise<void>): Promise<LatencySample> {
  await settle(page);
  const before = await scriptMs(cdp);
  await act();
  const latency = await page.evaluate(
    async ({ type, quiet, limit }) => {
      const start = window.__bench.lastInput[type] ?? performance.now();
      return (await window.__bench.settled(start, quiet, limit)) - start;
    },
    { type, quiet: QUIET_FRAMES, limit: SETTLE_LIMIT_MS },
  );
  return { latency, script: (await scriptMs(cdp)) - before };
}

/** A call of the plain page's filter to the last frame it changed. */
async function measureFilterCall(page: Page, cdp: CDPSession, filter: { onlyType?: string; query?: string }): Promise<LatencySample> {
  await settle(page);
  const before = await scriptMs(cdp);
  const latency = await page.evaluate(
    async ({ filter, quiet, limit }) => {
      const start = performance.now();
      window.benchFilter?.(filter);
      return (await window.__bench.settled(start, quiet, limit)) - start;
    },
    { filter, quiet: QUIET_FRAMES, limit: SETTLE_LIMIT_MS },
  );
  return { latency, script: (await scriptMs(cdp)) - before };
}

/** Shows only one event type, then all again: the trap is in bringing items back. */
export async function facetToggle(page: Page, cdp: CDPSession, kind: PageKind, typeId: string, typeLabel: string) {
  if (isApp(kind)) {
    const checkbox = page.getByRole('complementary', { name: 'Filters' }).getByRole('checkbox', { name: typeLabel, exact: true });
    if (!(await checkbox.count())) return undefined;
    // Find it first: Playwright's role query runs on the page's main thread and would count as the app's script.
    await checkbox.scrollIntoViewIfNeeded();
    const box = await checkbox.boundingBox();
    if (!box) return undefined;
    const click = () => page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const on = await measureInput(page, cdp, 'click', click);
    const off = await measureInput(page, cdp, 'click', click);
    return { on, off };
  }
  const on = await measureFilterCall(page, cdp, { onlyType: typeId });
  const off = await measureFilterCall(page, cdp, {});
  return { on, off };
}

/** Types SEARCH_TEXT one key at a time, measuring each, then checks fast typing keeps every key. */
export async function searchKeystrokes(page: Page, cdp: CDPSession, kind: PageKind) {
  const samples: LatencySample[] = [];
  if (isApp(kind)) {
    const box = page.getByRole('searchbox', { name: 'Search events' });
    if (!(await box.count())) return undefined;
    await box.click();
    for (const key of SEARCH_TEXT) samples.push(await measureInput(page, cdp, 'keydown', () => page.keyboard.press(key)));
    await box.fill('');
    await settle(page);
    await page.keyboard.type('parliament reformed');
    await settle(page);
    const kept = (await box.inputValue()) === 'parliament reformed';
    await box.fill('');
    await settle(page);
    return { samples, kept };
  }
  for (let length = 1; length <= SEARCH_TEXT.length; length += 1) {
    samples.push(await measureFilterCall(page, cdp, { query: SEARCH_TEXT.slice(0, length) }));
  }
  await measureFilterCall(page, cdp, {});
  return { samples, kept: true };
}

async function recordFrames(page: Page, limitMs: number, steps: number, step: (index: number) => Promise<void>): Promise<FrameStats> {
  await page.evaluate(() => window.__bench.startFrames());
  const deadline = Date.now() + limitMs;
  let timedOut = false;
  for (let index = 0; index < steps; index += 1) {
    if (Date.now() > deadline) {
      timedOut = true;
      break;
    }
    await step(index);
    await page.evaluate(() => window.__bench.afterNextFrame());
  }
  await settle(page);
  const frames: FrameSample[] = await page.evaluate(() => window.__bench.stopFrames());
  return {
    // From the frame's start, or the end of the previous frame if that was later: a long task is counted once.
    work: frames.map((frame, index) => frame.done - Math.max(frame.start, frames[index - 1]?.done ?? -Infinity)),
    interval: frames.slice(1).map((frame, index) => frame.start - (frames[index]?.start ?? frame.start)),
    timedOut,
  };
}

/** From the whole span to about a year (wheel), a drag there, and back out: frames of each phase. */
export async function zoomAndPan(page: Page, kind: PageKind, limitMs: number) {
  if (isApp(kind)) {
    await page.getByRole('button', { name: 'Fit all' }).click();
    await page.waitForTimeout(700);
  } else {
    await page.evaluate(() => {
      const span = window.benchSpan;
      if (!span) return;
      const margin = (span.end - span.start) * 0.05;
      window.benchTimeline?.setWindow(span.start - margin, span.end + margin, { animation: false });
      window.benchTimeline?.redraw();
    });
  }
  await settle(page);
  const box = await page.locator('.vis-panel.vis-center').boundingBox();
  if (!box) return undefined;
  const x = box.x + box.width / 2;
  const y = box.y + Math.min(box.height / 2, 40);
  await page.mouse.move(x, y);
  const zoomIn = await recordFrames(page, limitMs, ZOOM_STEPS, () => page.mouse.wheel(0, -100));
  const pan = await recordFrames(page, limitMs, PAN_STEPS * 2 + 2, async (index) => {
    if (index === 0) return page.mouse.down();
    if (index === PAN_STEPS * 2 + 1) return page.mouse.up();
    const offset = index <= PAN_STEPS ? -index * PAN_STEP_PX : -(PAN_STEPS * 2 - index) * PAN_STEP_PX;
    return page.mouse.move(x + offset, y);
  });
  const zoomOut = await recordFrames(page, limitMs, ZOOM_STEPS, () => page.mouse.wheel(0, 100));
  return {
    zoom: { work: [...zoomIn.work, ...zoomOut.work], interval: [...zoomIn.interval, ...zoomOut.interval], timedOut: zoomIn.timedOut || zoomOut.timedOut },
    pan,
  };
}
