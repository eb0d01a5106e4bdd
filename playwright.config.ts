import { defineConfig } from '@playwright/test';

/**
 * The longest files (1.2 to 3.7 minutes each in the runs of December 2026). Playwright hands files to workers in
 * order, alphabetically within a project, so these form a project of their own that starts first: a long file
 * started last keeps one worker busy while the other has nothing left, and `student.e2e.ts`'s one-minute wait for a
 * deadline then overlaps other tests instead of ending the run. A file missing from the list only loses this head
 * start; a long new file belongs here.
 */
const LONGEST_FILES = ['grading.e2e.ts', 'regrade.e2e.ts', 'statistics.e2e.ts', 'student.e2e.ts'];

/**
 * Browser tests: Playwright driving Debian's Chromium headless shell (browser downloads do not work here) against the
 * real server process with a fresh SQLite database, started by e2e/global-setup.ts. Screenshots of the main pages are
 * written to e2e/artifacts/ and kept by CI.
 */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.e2e.ts',
  projects: [
    { name: 'long', testMatch: LONGEST_FILES },
    { name: 'rest', testIgnore: LONGEST_FILES },
  ],
  timeout: 180_000,
  // A web-first assertion waits for its condition, and passes the moment it holds: 5 s (Playwright's default) was
  // once too short for the grader's next answer on a machine busy with the unit tests beside it.
  expect: { timeout: 15_000 },
  // Two files at once: most of a browser test's time is spent waiting (a deadline to pass, a scan job, the server's
  // answer) or in one renderer running axe, so a second worker roughly halves the run on two cores. Every test makes
  // its own exam, sitting and students, so tests never share what they assert on. E2E_WORKERS=1 runs them in turn.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  reporter: [['list']],
  globalSetup: './e2e/global-setup.ts',
  outputDir: 'e2e/artifacts/test-output',
  use: {
    baseURL: process.env.E2E_BASE_URL,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      // Debian's Chromium headless shell (package chromium-headless-shell), the build Playwright itself uses for
      // headless runs: the same engine without the full browser's windowing and GPU process, about a fifth less CPU
      // per test here (50 and 40 s against 59 and 52 s for three files).
      executablePath: '/usr/bin/chromium-headless-shell',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
