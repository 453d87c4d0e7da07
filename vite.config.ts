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
