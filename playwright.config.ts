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
  workers: 1,
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
