// npm run bench: the app beside vis-timeline alone, at N = 100, 1,000, 10,000 and 50,000 synthetic events.
// Builds the app and the plain pages into a fresh temporary folder (never dist/, and never one another run shares),
// writes the datasets beside them, serves the folder on 127.0.0.1 and drives one headless Chromium. Prints the table
// and writes bench/results.md and .json.
// A benchmark, not a test: it never fails on a time. `--smoke` fails only if it could not measure at all.
//   tsx bench/run.ts [--n 1000,10000] [--runs 5] [--smoke]
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { initialBundle } from '../scripts/initial-bundle.ts';
import { launchChromium, projectRoot, serveDist } from '../tests/e2e/support/browser.ts';
import { generateDataset } from './generate.ts';
import {
  type FrameStats,
  type LatencySample,
  type PageKind,
  facetToggle,
  firstRender,
  heapMb,
  isApp,
  openMetrics,
  searchKeystrokes,
  zoomAndPan,
} from './measure.ts';
import { PROBES_SCRIPT } from './probes.ts';
import { dataSpan, recordTimes, tunedWindow, windowQuery } from './tuned-window.ts';
import { type Cell, type Row, markdownTable, mean, percentile, summarise } from './report.ts';

const { values: args } = parseArgs({
  options: {
    n: { type: 'string', default: '100,1000,10000,50000' },
    runs: { type: 'string', default: '5' },
    'default-max': { type: 'string', default: '1000' },
    smoke: { type: 'boolean', default: false },
  },
});
const sizes = args.n.split(',').map((value) => Number(value.replace(/_/g, '')));
const runs = Number(args.runs);
/** vis-timeline's default page is quadratic (~85 s at 10,000): run it only up to this N. */
const defaultMax = Number(args['default-max']);
const LIMIT_MS = { render: 60_000, frames: 20_000 };
/** Above this N, the tuned page's filter, search and zoom steps take minutes per run (a filter brought back: ~25 s at
 * 50,000), so they run once; its first render still runs every time. */
const TUNED_INTERACTIONS_ONCE_ABOVE = 10_000;

const outputDir = resolve(projectRoot, 'bench', 'output');
// Private to this run: `npm test` runs the smoke check while other runs may be going.
const siteDir = mkdtempSync(join(tmpdir(), 'timeline-bench-'));
mkdirSync(outputDir, { recursive: true });
const TYPE = { id: 'election', label: 'Election' };

console.log(`Building the app and the plain vis-timeline pages into ${siteDir} …`);
await build({ root: projectRoot, configFile: resolve(projectRoot, 'vite.config.ts'), logLevel: 'warn', build: { outDir: siteDir, emptyOutDir: true } });
await build({
  root: resolve(projectRoot, 'bench', 'plain-page'),
  configFile: false,
  base: './',
  logLevel: 'warn',
  build: { outDir: resolve(siteDir, 'plain'), emptyOutDir: true, chunkSizeWarningLimit: 2_000 },
});
mkdirSync(resolve(siteDir, 'data'), { recursive: true });
/** Per N, the link parameters that open the app at the tuned page's window. */
const tunedWindowQuery = new Map<number, string>();
for (const n of sizes) {
  const dataset = generateDataset(n);
  writeFileSync(resolve(siteDir, 'data', `events-${n}.json`), JSON.stringify(dataset));
  tunedWindowQuery.set(n, windowQuery(tunedWindow(dataSpan(dataset.events.map(recordTimes)))));
}

const urls = (base: string, n: number): Record<PageKind, string> => ({
  app: `${base}?data=data/events-${n}.json`,
  appAtPart: `${base}?data=data/events-${n}.json&${tunedWindowQuery.get(n) ?? ''}`,
  builtin: base,
  tuned: `${base}plain/index.html?config=tuned&data=../data/events-${n}.json`,
  default: `${base}plain/index.html?config=default&data=../data/events-${n}.json`,
});

interface RunResult {
  /** Whether the filter, search and frame steps ran (they are skipped on some pages and runs). */
  interactive?: boolean;
  firstRender?: number;
  heap?: number;
  facetOn?: LatencySample;
  facetOff?: LatencySample;
  /** The same toggle once more in the same page: its code is then warm (compiled and optimised). */
  facetOnAgain?: LatencySample;
  facetOffAgain?: LatencySample;
  keystrokes?: LatencySample[];
  keysKept?: boolean;
  zoom?: FrameStats;
  pan?: FrameStats;
}

type Results = Record<number, Partial<Record<PageKind, RunResult[]>>>;
const results: Results = {};

process.env.DIST_DIR = siteDir;
const server = await serveDist();
const browser = await launchChromium();
const started = Date.now();
try {
  const measure = async (kind: PageKind, n: number, interactions: boolean): Promise<RunResult> => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    await context.addInitScript({ content: PROBES_SCRIPT });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    try {
      const cdp = await openMetrics(page);
      const result: RunResult = { firstRender: await firstRender(page, urls(server.url, n)[kind], LIMIT_MS.render) };
      if (result.firstRender === undefined) return result;
      await page.waitForTimeout(300);
      result.heap = await heapMb(cdp);
      if (!interactions) return result;
      result.interactive = true;
      const facet = await facetToggle(page, cdp, kind, TYPE.id, TYPE.label);
      result.facetOn = facet?.on;
      result.facetOff = facet?.off;
      if (isApp(kind) || n <= TUNED_INTERACTIONS_ONCE_ABOVE) {
        const again = await facetToggle(page, cdp, kind, TYPE.id, TYPE.label);
        result.facetOnAgain = again?.on;
        result.facetOffAgain = again?.off;
      }
      const search = await searchKeystrokes(page, cdp, kind);
      result.keystrokes = search?.samples;
      result.keysKept = search?.kept;
      // Zooming starts from the whole span on every page: once for the app is enough.
      if (kind === 'appAtPart') return result;
      const frames = await zoomAndPan(page, kind, LIMIT_MS.frames);
      result.zoom = frames?.zoom;
      result.pan = frames?.pan;
      return result;
    } finally {
      if (problems.length) console.warn(`  ${kind} N=${n}: page errors: ${problems.join('; ')}`);
      await context.close();
    }
  };

  const builtin: RunResult[] = [];
  for (let run = 0; run < runs; run += 1) builtin.push(await measure('builtin', 0, false));
  for (const n of sizes) {
    const perKind: Partial<Record<PageKind, RunResult[]>> = (results[n] = {});
    for (let run = 0; run < runs; run += 1) {
      const kinds: PageKind[] = n <= defaultMax ? ['app', 'appAtPart', 'tuned', 'default'] : ['app', 'appAtPart', 'tuned'];
      for (const kind of kinds) {
        const interactions = isApp(kind) || (kind === 'tuned' && (n <= TUNED_INTERACTIONS_ONCE_ABOVE || run === 0));
        const result = await measure(kind, n, interactions);
        (perKind[kind] ??= []).push(result);
        console.log(`  N=${n} run ${run + 1}/${runs} ${kind}: first render ${result.firstRender?.toFixed(0) ?? 'timed out'} ms`);
      }
    }
  }
  results[0] = { builtin };
} finally {
  await browser.close();
  await server.close();
}

// --- Report ---------------------------------------------------------------------------------------------------

const cellOf = (values: (number | undefined)[], limitNote?: string): Cell => {
  const summary = summarise(values);
  return summary ? { summary, note: summary.count < values.length ? `(${summary.count} of ${values.length} runs)` : undefined } : { note: limitNote ?? '—' };
};
const frameCell = (stats: (FrameStats | undefined)[], pick: (stats: FrameStats) => number): Cell => {
  const present = stats.filter((value): value is FrameStats => value !== undefined && value.work.length > 0);
  if (!present.length) return { note: '—' };
  const timedOut = present.some((value) => value.timedOut);
  return { summary: summarise(present.map(pick)), note: timedOut ? `(stopped at ${LIMIT_MS.frames / 1000} s)` : undefined };
};

const rows: Row[] = sizes.map((n) => {
  const get = (kind: PageKind) => results[n]?.[kind] ?? [];
  const cells: Record<string, Cell> = {};
  for (const kind of ['app', 'appAtPart', 'tuned', 'default'] as const) {
    const all = get(kind);
    const ran = all.length > 0;
    const list = all.filter((run) => run.interactive);
    cells[`${kind}.first`] = ran ? cellOf(all.map((run) => run.firstRender), `> ${LIMIT_MS.render / 1000} s`) : { note: '—' };
    cells[`${kind}.heap`] = ran ? cellOf(all.map((run) => run.heap)) : { note: '—' };
    cells[`${kind}.facetOn`] = cellOf(list.map((run) => run.facetOn?.latency));
    cells[`${kind}.facetOff`] = cellOf(list.map((run) => run.facetOff?.latency));
    cells[`${kind}.facetScript`] = cellOf(list.map((run) => Math.max(run.facetOn?.script ?? NaN, run.facetOff?.script ?? NaN)));
    cells[`${kind}.facetScriptAgain`] = cellOf(list.map((run) => Math.max(run.facetOnAgain?.script ?? NaN, run.facetOffAgain?.script ?? NaN)));
    cells[`${kind}.key`] = cellOf(list.map((run) => (run.keystrokes?.length ? percentile(run.keystrokes.map((key) => key.latency), 0.5) : undefined)));
    cells[`${kind}.keyScript`] = cellOf(list.map((run) => (run.keystrokes?.length ? percentile(run.keystrokes.map((key) => key.script), 0.5) : undefined)));
    cells[`${kind}.zoomMean`] = frameCell(list.map((run) => run.zoom), (stats) => mean(stats.work));
    cells[`${kind}.zoomP95`] = frameCell(list.map((run) => run.zoom), (stats) => percentile(stats.work, 0.95));
    cells[`${kind}.panMean`] = frameCell(list.map((run) => run.pan), (stats) => mean(stats.work));
    cells[`${kind}.panP95`] = frameCell(list.map((run) => run.pan), (stats) => percentile(stats.work, 0.95));
  }
  const kept = [...get('app'), ...get('appAtPart')].map((run) => run.keysKept);
  cells['app.kept'] = { note: kept.some((value) => value === false) ? 'no' : kept.some((value) => value) ? 'yes' : '—' };
  return { n, cells };
});

const builtinCell = cellOf((results[0]?.builtin ?? []).map((run) => run.firstRender));
const bundle = initialBundle(siteDir);
rmSync(siteDir, { recursive: true, force: true });

const ms = ' ms';
/** One page's facet-toggle columns: the two latencies, then script for the first and the second (warm) pair. */
const facetColumns = (kind: PageKind, label: string) => [
  { key: `${kind}.facetOn`, label: `${label}: one type`, unit: ms },
  { key: `${kind}.facetOff`, label: `${label}: all again`, unit: ms },
  { key: `${kind}.facetScript`, label: `${label} script, first`, unit: ms },
  { key: `${kind}.facetScriptAgain`, label: `${label} script, again`, unit: ms },
];
const tables = [
  markdownTable(
    {
      title: 'First render: navigation to the first frame with the timeline’s items drawn (ms)',
      note: 'App, whole span: a new dataset opens showing all of it. App, same window: opened by a link at the tuned page’s window.',
      columns: [
        { key: 'app.first', label: 'app, whole span', unit: ms },
        { key: 'appAtPart.first', label: 'app, same window', unit: ms },
        { key: 'tuned.first', label: 'vis-timeline tuned', unit: ms },
        { key: 'app.first', label: 'app (whole span) ÷ tuned', ratioTo: 'tuned.first' },
        { key: 'appAtPart.first', label: 'app (same window) ÷ tuned', ratioTo: 'tuned.first' },
        { key: 'default.first', label: 'vis-timeline default', unit: ms },
      ],
    },
    rows,
  ),
  markdownTable(
    {
      title: 'Facet toggle at the tuned page’s window (a tenth of the span): input to the end of the last frame it changed (ms)',
      note: [
        'Show only one event type, then all again, twice in the same page. The app, opened by a link at the same window as the tuned page,',
        'by a click on the Filters checkbox; the plain page by its DataView filter. Latencies are of the first pair. Script: main-thread',
        'JavaScript in that span (the larger of the two), for the first pair (the page’s first toggle: its code runs for the first time,',
        'in the interpreter) and for the second (warm).',
      ].join(' '),
      columns: [
        ...facetColumns('appAtPart', 'app'),
        ...facetColumns('tuned', 'tuned'),
        { key: 'appAtPart.facetOn', label: 'app ÷ tuned (one)', ratioTo: 'tuned.facetOn' },
        { key: 'appAtPart.facetOff', label: 'app ÷ tuned (all)', ratioTo: 'tuned.facetOff' },
      ],
    },
    rows,
  ),
  markdownTable(
    {
      title: 'Facet toggle with the whole span in view (the app’s view of a new dataset) (ms)',
      note: 'The same toggles in the app as it opens a dataset, all of it in view. No plain page is driven in this view (the tuned page opens at a tenth of the span; the default page is measured for first render and heap only).',
      columns: facetColumns('app', 'app'),
    },
    rows,
  ),
  markdownTable(
    {
      title: `Search keystroke: key to the end of the last frame it changed (ms, median of the keys of “${'parl'}”)`,
      note: 'App with the whole span in view, and at the tuned page’s window. Keys kept: typing “parliament reformed” at full speed leaves exactly that in the box.',
      columns: [
        { key: 'app.key', label: 'app, whole span', unit: ms },
        { key: 'app.keyScript', label: 'script', unit: ms },
        { key: 'appAtPart.key', label: 'app, same window', unit: ms },
        { key: 'appAtPart.keyScript', label: 'script', unit: ms },
        { key: 'tuned.key', label: 'tuned (DataView filter)', unit: ms },
        { key: 'appAtPart.key', label: 'app (same window) ÷ tuned', ratioTo: 'tuned.key' },
        { key: 'app.kept', label: 'keys kept' },
      ],
    },
    rows,
  ),
  markdownTable(
    {
      title: 'Frames while zooming (wheel, whole span → about a year → back) and panning (drag at a year): work per frame (ms)',
      note: 'Work per frame: from the frame’s start (or the previous frame’s end, if later) to the end of its script, style, layout and paint; 16.7 ms is one 60 Hz frame.',
      columns: [
        { key: 'app.zoomMean', label: 'app zoom mean', unit: ms },
        { key: 'app.zoomP95', label: 'app zoom p95', unit: ms },
        { key: 'tuned.zoomP95', label: 'tuned zoom p95', unit: ms },
        { key: 'app.zoomP95', label: 'app ÷ tuned (zoom p95)', ratioTo: 'tuned.zoomP95' },
        { key: 'app.panMean', label: 'app pan mean', unit: ms },
        { key: 'app.panP95', label: 'app pan p95', unit: ms },
        { key: 'tuned.panP95', label: 'tuned pan p95', unit: ms },
        { key: 'app.panP95', label: 'app ÷ tuned (pan p95)', ratioTo: 'tuned.panP95' },
      ],
    },
    rows,
  ),
  markdownTable(
    {
      title: 'JS heap after the first render, after a garbage collection (MB)',
      columns: [
        { key: 'app.heap', label: 'app', unit: ' MB' },
        { key: 'tuned.heap', label: 'vis-timeline tuned', unit: ' MB' },
        { key: 'app.heap', label: 'app ÷ tuned', ratioTo: 'tuned.heap' },
        { key: 'default.heap', label: 'vis-timeline default', unit: ' MB' },
      ],
    },
    rows,
  ),
];

const markdown = [
  '# Benchmark results',
  '',
  `${new Date().toISOString().slice(0, 10)}, headless Chromium on ${process.platform}, ${runs} run${runs > 1 ? 's' : ''} per figure: median (min–max).`,
  `Whole run: ${((Date.now() - started) / 60_000).toFixed(1)} min. Regenerate with \`npm run bench\`; sizes and runs with \`--n 1000,10000 --runs 3\`.`,
  '',
  'Pages: **app** is the production build loading the dataset with `?data=`, the whole span in view (its view of a new dataset), and',
  'again opened by a link (`&from=…&to=…`) at the tuned page’s window for like-for-like ratios; **vis-timeline tuned** is vis-timeline alone (vis-data',
  'DataSet, no React) with clustering on, the initial window a tenth of the span and items loaded while the window is elsewhere;',
  `**vis-timeline default** is its default options with the whole span in view, run only up to N = ${defaultMax.toLocaleString('en-GB')} (quadratic: ~85 s at 10,000),`,
  `first render and heap only. Above N = ${TUNED_INTERACTIONS_ONCE_ABOVE.toLocaleString('en-GB')} the tuned page's filter, search and frame figures come from one run (each takes minutes).`,
  '',
  `**Built-in stories**, first render: ${builtinCell.summary ? `${builtinCell.summary.median.toFixed(0)} ms (${builtinCell.summary.min.toFixed(0)}–${builtinCell.summary.max.toFixed(0)})` : '—'}.`,
  '',
  `**Initial JS + CSS**: ${bundle.text}.`,
  '',
  ...tables.flatMap((table) => [table, '']),
].join('\n');

console.log(`\n${markdown}`);
const name = args.smoke ? 'smoke' : 'results';
writeFileSync(resolve(args.smoke ? outputDir : resolve(projectRoot, 'bench'), `${name}.md`), markdown);
const summary = { date: new Date().toISOString(), runs, sizes, bundle, builtinFirstRender: builtinCell.summary, rows };
writeFileSync(resolve(args.smoke ? outputDir : resolve(projectRoot, 'bench'), `${name}.json`), `${JSON.stringify(summary, null, 1)}\n`);
writeFileSync(resolve(outputDir, `${name}-raw.json`), JSON.stringify(results));

if (args.smoke) {
  const app = results[sizes[0] ?? 0]?.app?.[0];
  const missing = [
    app?.firstRender === undefined && 'app first render',
    results[sizes[0] ?? 0]?.appAtPart?.[0]?.firstRender === undefined && 'app first render at the tuned page’s window',
    results[sizes[0] ?? 0]?.tuned?.[0]?.firstRender === undefined && 'tuned page first render',
    !app?.zoom?.work.length && 'app zoom frames',
  ].filter(Boolean);
  if (missing.length) {
    console.error(`Smoke check failed: no ${missing.join(', ')}.`);
    process.exitCode = 1;
  }
}
