import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { extend } from 'vis-util/esnext';
import { describe, expect, it } from 'vitest';
import { ITEM_LOCALES_HELPER, REPLACEMENTS, visTimelineFastPaths, withFastPaths } from '../../scripts/vis-timeline-fast-paths.ts';
import viteConfig from '../../vite.config.ts';

const require = createRequire(import.meta.url);
const visTimelineDir = dirname(require.resolve('vis-timeline/package.json'));
const MODULE_FILES = ['vis-timeline-graph2d.js', 'vis-timeline-graph2d.mjs'].map((name) => join(visTimelineDir, 'esnext', 'esm', name));

type Locales = Record<string, Record<string, string>>;

/** The helper the plugin appends, run against given module-scope values. */
function itemLocalesHelper(locales: Locales): (given: Locales | undefined, defaultLocale: Record<string, string>) => Locales {
  return new Function('availableUtils', 'locales', `${ITEM_LOCALES_HELPER}\nreturn __itemLocales;`)({ extend }, locales) as ReturnType<typeof itemLocalesHelper>;
}

/** What vis-timeline's Item constructor computes for every item. */
function constructorLocales(locales: Locales, given: Locales | undefined, defaultLocale: Record<string, string>): Locales {
  const merged = extend({}, locales, given) as Locales;
  for (const locale of Object.keys(merged)) merged[locale] = extend({}, defaultLocale, merged[locale]) as Record<string, string>;
  return merged;
}

describe('vis-timeline fast paths (build plugin)', () => {
  it('applies to the installed vis-timeline, so an upgrade that changes its code fails the build instead of dropping them', () => {
    for (const file of MODULE_FILES) {
      const patched = withFastPaths(readFileSync(file, 'utf8'));
      expect(patched).toContain('__itemLocales(this.options.locales');
      expect(patched).toContain('if (object instanceof Date) return new Date(object.valueOf());');
    }
  });

  it('names the replacement that no longer matches', () => {
    const [locales, date] = REPLACEMENTS;
    expect(() => withFastPaths(`${date?.find}\n`)).toThrow(/"Item constructor: merged locales shared" no longer matches/);
    expect(() => withFastPaths(`${locales?.find}\n`)).toThrow(/"convert to Date without moment" no longer matches/);
    expect(() => withFastPaths(`${date?.find}\n${date?.find}\n${locales?.find}`)).toThrow(/"convert to Date without moment" no longer matches vis-timeline's code exactly once/);
  });

  it('transforms only vis-timeline’s module, and only in the build the app’s Vite config makes', () => {
    const names = [viteConfig.plugins ?? []].flat(3).map((plugin) => (plugin && typeof plugin === 'object' && 'name' in plugin ? plugin.name : undefined));
    const plugin = visTimelineFastPaths();
    expect(names).toContain(plugin.name);
    expect(plugin.apply).toBe('build');
    const transform = plugin.transform as (code: string, id: string) => unknown;
    expect(transform('export const x = 1;', '/app/node_modules/vis-data/esnext/esm/vis-data.js')).toBeUndefined();
    expect(() => transform('export const x = 1;', MODULE_FILES[1]!)).toThrow(/no longer matches/);
  });

  it('gives every item the locales the constructor merged, made once and shared', () => {
    const builtIn: Locales = { en: { deleteSelected: 'Delete selected' }, nl: { deleteSelected: 'Geselecteerde verwijderen' }, xx: {} };
    const english = builtIn.en!;
    const itemLocales = itemLocalesHelper(builtIn);
    const custom: Locales = { fr: { deleteSelected: 'Supprimer la sélection' } };
    for (const given of [undefined, custom]) {
      const first = itemLocales(given, english);
      expect(first).toEqual(constructorLocales(builtIn, given, english));
      expect(itemLocales(given, english)).toBe(first);
    }
    expect(itemLocales(undefined, english).xx).toEqual({ deleteSelected: 'Delete selected' });
    expect(itemLocales(custom, english)).not.toBe(itemLocales(undefined, english));
  });
});
