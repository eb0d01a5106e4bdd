import { defineConfig } from '@playwright/test';

/**
 * Browser tests: Playwright driving Debian's Chromium (browser downloads do not work here) against the real server
 * process with a fresh SQLite database, started by e2e/global-setup.ts. Screenshots of the main pages are written to
 * e2e/artifacts/ and kept by CI.
 */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.e2e.ts',
  timeout: 180_000,
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
      executablePath: '/usr/bin/chromium',
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
