import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';
import LongestFirstSequencer, { LONGEST_FILES } from './vitest.sequencer.js';

/** The tests of the packages that do no IO (core, tensor, interop, report) and of the web app's logic. */
const PURE_TEST_FILES = ['packages/{core,tensor,interop,report,web}/src/**/*.test.{ts,tsx}'];

/**
 * The server's, CLI's and paper's tests, except the longest files: each builds its apps and databases in process,
 * and loading the server's modules afresh (about 1.5 s of CPU a file) often cost more than its tests. The checks'
 * tests stay isolated: their sandbox runs code in node:vm, whose dynamic import() a worker's earlier files change
 * (a denied import failed with another error when shared).
 */
const SHARED_IO_TEST_FILES = ['packages/{server,cli,paper}/src/**/*.test.ts'];
const LONGEST_SHARED_IO_FILES = LONGEST_FILES.filter((file) => /^packages\/(server|cli|paper)\//.test(file));

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
          exclude: [...PURE_TEST_FILES, ...SHARED_IO_TEST_FILES, ...configDefaults.exclude],
          globalSetup: ['./vitest.global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          // The longest of the server's, CLI's and paper's files, isolated like the rest of 'io': their own work
          // dwarfs the loading, and the storms among them time the event loop, which another file's leftovers must
          // not disturb.
          name: 'io-long',
          include: LONGEST_SHARED_IO_FILES,
          globalSetup: ['./vitest.global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          // These files share their worker's loaded modules, as the pure files do (about 60 files, 1.5 s of CPU each
          // saved). Safe because what the server keeps in modules is keyed by what no other file can produce: the
          // random ids of exam versions and attempts (parsed versions, student views, answer-check reports, typed
          // answers), or is a pure function's result for its input (lint reports, answer groups); each file closes
          // the apps, databases and servers it opens.
          name: 'io-shared',
          include: SHARED_IO_TEST_FILES,
          exclude: [...LONGEST_SHARED_IO_FILES, ...configDefaults.exclude],
          globalSetup: ['./vitest.global-setup.ts'],
          isolate: false,
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
