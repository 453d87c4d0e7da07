/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { builtinDataset } from './scripts/builtin-dataset-plugin.ts';
import { compileHints } from './scripts/compile-hints.ts';
import { contentSecurityPolicy } from './scripts/content-security-policy.ts';
import { visTimelineFastPaths } from './scripts/vis-timeline-fast-paths.ts';

export default defineConfig({
  plugins: [react(), builtinDataset(), contentSecurityPolicy(), visTimelineFastPaths(), compileHints()],
  // Relative asset paths so dist/ works from any folder of a static host.
  base: './',
  // The entry chunk is about 840 kB minified (vis-timeline, moment, React): over Vite's 500 kB warning, within the
  // budget that matters, 250 KB gzip for the initial JS and CSS, which tests/e2e/bundle.e2e.ts checks on every build.
  build: { chunkSizeWarningLimit: 1_000 },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  test: {
    environment: 'happy-dom',
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    setupFiles: ['tests/setup.ts'],
    restoreMocks: true,
    // Through Vite's plugins, so that the tests run vis-timeline with the app's fast paths (as the build does).
    server: { deps: { inline: [/[\\/]vis-timeline[\\/]/] } },
  },
});
