import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/**
 * One file for the client build and the four test projects (STYLE.md §8):
 * unit tests sit next to the code; integration and browser tests share one throwaway PostGIS cluster
 * started by tests/helpers/global-setup.ts. The projects run one after another (sequence.groupOrder: unit,
 * then integration, then browser), and integration and browser files one at a time (fileParallelism), so
 * that a browser, two servers and PostgreSQL never compete for two cores. Unit files run in parallel.
 */
export default defineConfig({
  root: 'client',
  publicDir: 'static',
  plugins: [react()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      // The inspectors' workspace's service worker is built beside the page, at a fixed URL (a worker's
      // URL must not change between builds, and its scope cannot reach above its own folder).
      input: { index: join(import.meta.dirname, 'client/index.html'), 'inspect-sw': join(import.meta.dirname, 'client/inspect/offline/service-worker.ts') },
      output: { entryFileNames: (chunk) => (chunk.name === 'inspect-sw' ? 'inspect-sw.js' : 'assets/[name]-[hash].js') },
    },
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/tiles': 'http://127.0.0.1:8080',
      '/ogc': 'http://127.0.0.1:8080',
      '/archives': 'http://127.0.0.1:8080',
    },
  },
  test: {
    // The Vite root is client/; tests are found from the project root.
    root: import.meta.dirname,
    globalSetup: ['tests/helpers/global-setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['server/**/*.test.ts', 'client/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          sequence: { groupOrder: 1 },
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          sequence: { groupOrder: 2 },
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
