import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';
import LongestFirstSequencer from './vitest.sequencer.js';

/** The tests of the packages that do no IO (core, tensor, interop, report) and of the web app's logic. */
const PURE_TEST_FILES = ['packages/{core,tensor,interop,report,web}/src/**/*.test.{ts,tsx}'];

export default defineConfig({
  resolve: {
    // Tests run against the sources, not the built dist, so no build step is needed between edit and test.
    alias: {
      '@examforge/core': fileURLToPath(new URL('./packages/core/src/index.ts', import.meta.url)),
      '@examforge/tensor': fileURLToPath(new URL('./packages/tensor/src/index.ts', import.meta.url)),
      '@examforge/checks': fileURLToPath(new URL('./packages/checks/src/index.ts', import.meta.url)),
      '@examforge/omr/files': fileURLToPath(new URL('./packages/omr/src/files/index.ts', import.meta.url)),
      '@examforge/omr': fileURLToPath(new URL('./packages/omr/src/index.ts', import.meta.url)),
      '@examforge/paper': fileURLToPath(new URL('./packages/paper/src/index.ts', import.meta.url)),
      '@examforge/report': fileURLToPath(new URL('./packages/report/src/index.ts', import.meta.url)),
      '@examforge/interop': fileURLToPath(new URL('./packages/interop/src/index.ts', import.meta.url)),
      '@examforge/server/api': fileURLToPath(new URL('./packages/server/src/api/index.ts', import.meta.url)),
      '@examforge/server': fileURLToPath(new URL('./packages/server/src/index.ts', import.meta.url)),
    },
  },
  test: {
    // Budgets, not goals: a test that takes 10 s on a quiet machine may take several times that on a busy one, and
    // must not fail for it (timing goals live in bench/). Tests that wait for something wait for a condition.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Two test files at once even on two cores: most of the long tests wait on servers, PostgreSQL and browsers
    // rather than compute (the suite takes about 10 minutes instead of 14).
    maxWorkers: 2,
    // The longest files first, so that the two workers finish together (see vitest.sequencer.ts).
    sequence: { sequencer: LongestFirstSequencer },
    projects: [
      {
        extends: true,
        test: {
          name: 'io',
          include: ['packages/*/src/**/*.test.{ts,tsx}'],
          exclude: [...PURE_TEST_FILES, ...configDefaults.exclude],
          globalSetup: ['./vitest.global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          // These files share their worker's loaded modules instead of loading every module afresh, which took
          // more time than their tests (about 90 files: 88 s of CPU isolated, 40 s shared). Safe because they call
          // functions that take values and return values; the two that stub timers or fetch undo it after each test.
          name: 'pure',
          include: PURE_TEST_FILES,
          isolate: false,
        },
      },
    ],
  },
});
