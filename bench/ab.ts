// npm run bench:ab: two builds of the app, pages interleaved in one browser, to see a change of a millisecond or two
// through the machine's noise (a full `npm run bench` on a shared 2-core machine drifts more than that between runs).
// "base" is a git commit (default HEAD), built from a temporary worktree; "work" is the working tree.
//   tsx bench/ab.ts [--base HEAD] [--n 10000] [--pages 8] [--steps zoom,toggle] [--view part|whole]
// The toggle runs at the tuned page's window (part), or with the whole span in view (whole: a new dataset's view).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { launchChromium, projectRoot, serveDist } from '../tests/e2e/support/browser.ts';
import { generateDataset } from './generate.ts';
import { facetToggle, firstRender, heapMb, openMetrics, zoomAndPan } from './measure.ts';
import { PROBES_SCRIPT } from './probes.ts';
import { mean, percentile } from './report.ts';
import { dataSpan, recordTimes, tunedWindow, windowQuery } from './tuned-window.ts';

const { values: args } = parseArgs({
  options: {
    base: { type: 'string', default: 'HEAD' },
    n: { type: 'string', default: '10000' },
    pages: { type: 'string', default: '8' },
    steps: { type: 'string', default: 'zoom,toggle' },
    view: { type: 'string', default: 'part' },
  },
});
const n = Number(args.n);
const pages = Number(args.pages);
const steps = new Set(args.steps.split(','));
if (args.view !== 'part' && args.view !== 'whole') throw new Error(`--view is part or whole, not ${args.view}`);
const wholeSpan = args.view === 'whole';
const FRAME_MS = 1000 / 60;

const scratch = mkdtempSync(join(tmpdir(), 'timeline-ab-'));
const baseTree = join(scratch, 'base-tree');
execFileSync('git', ['worktree', 'add', '--detach', baseTree, args.base], { cwd: projectRoot, stdio: 'ignore' });
symlinkSync(resolve(projectRoot, 'node_modules'), join(baseTree, 'node_modules'));

const variants = [
  { name: 'base', root: baseTree, outDir: join(scratch, 'base') },
  { name: 'work', root: projectRoot, outDir: join(scratch, 'work') },
];
const generated = generateDataset(n);
const dataset = JSON.stringify(generated);
const atPart = windowQuery(tunedWindow(dataSpan(generated.events.map(recordTimes))));
try {
  for (const variant of variants) {
    await build({ root: variant.root, configFile: join(variant.root, 'vite.config.ts'), logLevel: 'warn', build: { outDir: variant.outDir, emptyOutDir: true } });
    mkdirSync(join(variant.outDir, 'data'), { recursive: true });
    writeFileSync(join(variant.outDir, 'data', `events-${n}.json`), dataset);
  }
} finally {
  // A failed build must not leave the worktree registered in the repository.
  execFileSync('git', ['worktree', 'remove', '--force', baseTree], { cwd: projectRoot, stdio: 'ignore' });
}

interface Sample {
  zoomWork?: number[];
  panWork?: number[];
  toggleScript?: number[];
  toggleLatency?: number[];
}
const samples = new Map<string, Sample[]>(variants.map((variant) => [variant.name, []]));
const servers = [];
for (const variant of variants) {
  process.env.DIST_DIR = variant.outDir;
  servers.push({ variant, server: await serveDist() });
}
const browser = await launchChromium();
try {
  for (let page = 0; page < pages; page += 1) {
    // Alternate which build goes first, so neither always runs on the warmer machine.
    const order = page % 2 === 0 ? servers : [...servers].reverse();
    for (const { variant, server } of order) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      await context.addInitScript({ content: PROBES_SCRIPT });
      const tab = await context.newPage();
      const sample: Sample = {};
      const cdp = await openMetrics(tab);
      if (steps.has('toggle')) {
        await firstRender(tab, `${server.url}?data=data/events-${n}.json${wholeSpan ? '' : `&${atPart}`}`, 60_000);
        // As in the full run, where the heap is measured (after a garbage collection) before the toggles: a collection
        // of what the first render left would otherwise land in a random toggle.
        await heapMb(cdp);
        const kind = wholeSpan ? 'app' : 'appAtPart';
        const first = await facetToggle(tab, cdp, kind, 'election', 'Election');
        const again = await facetToggle(tab, cdp, kind, 'election', 'Election');
        sample.toggleScript = [first?.on.script, first?.off.script, again?.on.script, again?.off.script].map((value) => value ?? NaN);
        sample.toggleLatency = [first?.on.latency, first?.off.latency].map((value) => value ?? NaN);
      }
      if (steps.has('zoom')) {
        await firstRender(tab, `${server.url}?data=data/events-${n}.json`, 60_000);
        const frames = await zoomAndPan(tab, 'app', 20_000);
        sample.zoomWork = frames?.zoom.work;
        sample.panWork = frames?.pan.work;
      }
      samples.get(variant.name)?.push(sample);
      await context.close();
    }
    process.stdout.write(`page ${page + 1}/${pages}\n`);
  }
} finally {
  await browser.close();
  for (const { server } of servers) await server.close();
  rmSync(scratch, { recursive: true, force: true });
}

const median = (values: number[]) => percentile(values, 0.5);
const fixed = (value: number) => value.toFixed(1);
console.log(`\nA/B at N = ${n}, ${pages} pages each${steps.has('toggle') ? `, toggles with ${wholeSpan ? 'the whole span' : 'a tenth of the span'} in view` : ''}: median over pages (min–max)`);
for (const [name, list] of samples) {
  const row = (label: string, values: number[]) =>
    values.length ? `  ${label}: ${fixed(median(values))} (${fixed(Math.min(...values))}–${fixed(Math.max(...values))})` : '';
  const zoom = list.flatMap((sample) => (sample.zoomWork ? [sample.zoomWork] : []));
  const pan = list.flatMap((sample) => (sample.panWork ? [sample.panWork] : []));
  const toggles = list.flatMap((sample) => (sample.toggleScript ? [sample.toggleScript] : []));
  const latencies = list.flatMap((sample) => (sample.toggleLatency ? [sample.toggleLatency] : []));
  console.log(
    [
      name,
      row('zoom p95', zoom.map((work) => percentile(work, 0.95))),
      row('zoom mean', zoom.map(mean)),
      row('zoom frames > 16.7 ms', zoom.map((work) => work.filter((value) => value > FRAME_MS).length)),
      row('zoom work sum', zoom.map((work) => work.reduce((sum, value) => sum + value, 0))),
      row('pan p95', pan.map((work) => percentile(work, 0.95))),
      row('toggle script: one type, first', toggles.map((values) => values[0] ?? NaN)),
      row('all again, first', toggles.map((values) => values[1] ?? NaN)),
      row('one type, warm', toggles.map((values) => values[2] ?? NaN)),
      row('all again, warm', toggles.map((values) => values[3] ?? NaN)),
      row('click to frame: one type, first', latencies.map((values) => values[0] ?? NaN)),
      row('all again, first', latencies.map((values) => values[1] ?? NaN)),
    ]
      .filter(Boolean)
      .join('\n'),
  );
}
