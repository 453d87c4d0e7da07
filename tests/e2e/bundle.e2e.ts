// The size budget, checked on every build: the JS and CSS a visitor loads before the app can start, gzipped.
// (Vite's chunk-size warning counts one chunk's minified bytes; this is the budget that matters.)
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INITIAL_BUNDLE_BUDGET_KB, initialBundle } from '../../scripts/initial-bundle.ts';
import { distDir } from './support/browser.ts';

describe('the built app', () => {
  it(`loads at most ${INITIAL_BUNDLE_BUDGET_KB} KB of JS and CSS (gzip) before it starts; import and export load when used`, () => {
    const bundle = initialBundle(distDir());
    const initial = bundle.files.map((file) => file.file);
    expect(initial.some((file) => file.endsWith('.js'))).toBe(true);
    expect(initial.some((file) => file.endsWith('.css'))).toBe(true);
    expect(bundle.totalGzip / 1024, bundle.text).toBeLessThanOrEqual(INITIAL_BUNDLE_BUDGET_KB);
    const lazy = readdirSync(resolve(distDir(), 'assets')).filter((file) => /^(import-dataset|export-dataset|ics-export)-.*\.js$/.test(file));
    expect(lazy).toHaveLength(3);
    for (const file of lazy) expect(initial).not.toContain(`assets/${file}`);
  });
});
