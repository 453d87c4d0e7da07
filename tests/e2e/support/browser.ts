// Shared by the end-to-end tests, the screenshot script and the benchmark: Debian's Chromium driven by playwright-core,
// and the production build served by `vite preview` on 127.0.0.1.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The browser binary: CHROMIUM_PATH if set, else Debian's. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(`No Chromium at ${path}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary.`);
  }
  return path;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
}

export const projectRoot = resolve(import.meta.dirname, '..', '..', '..');

/** The build to serve: DIST_DIR if set (so parallel builds do not collide), else dist/. */
export function distDir(): string {
  return resolve(projectRoot, process.env.DIST_DIR ?? 'dist');
}

/** Serves the production build (run `npm run build` first) on 127.0.0.1 at a free port. */
export async function serveDist(port = 0): Promise<{ url: string; close: () => Promise<void> }> {
  const outDir = distDir();
  if (!existsSync(resolve(outDir, 'index.html'))) throw new Error(`${outDir} has no build: run \`npm run build\` first.`);
  const server: PreviewServer = await preview({
    root: projectRoot,
    configFile: resolve(projectRoot, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: false },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('Preview server has no address');
  return { url: `http://127.0.0.1:${address.port}/`, close: () => server.close() };
}
