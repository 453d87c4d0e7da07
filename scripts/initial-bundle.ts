// What a visitor's browser loads before the app can start: the scripts and style sheets the built index.html names
// (its entry, preloads and CSS; lazy chunks are left out), and their size gzipped, the measure of the issue's budget.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The initial JS + CSS must stay within this many KB (1,024 bytes) gzipped. */
export const INITIAL_BUNDLE_BUDGET_KB = 250;

export interface InitialBundle {
  readonly files: readonly { readonly file: string; readonly bytes: number; readonly gzip: number }[];
  readonly totalGzip: number;
  /** "239.4 KB gzip (assets/index-….js: 231.3 KB, …)" */
  readonly text: string;
}

export function initialBundle(siteDir: string): InitialBundle {
  const html = readFileSync(resolve(siteDir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.(?:js|css))"/g)].map((match) => match[1] ?? '');
  const sizes = files.map((file) => {
    const content = readFileSync(resolve(siteDir, file));
    return { file, bytes: content.length, gzip: gzipSync(content, { level: 9 }).length };
  });
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  const total = sizes.reduce((sum, file) => sum + file.gzip, 0);
  return { files: sizes, totalGzip: total, text: `${kb(total)} KB gzip (${sizes.map((file) => `${file.file}: ${kb(file.gzip)} KB`).join(', ')})` };
}
