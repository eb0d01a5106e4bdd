import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';

const DIRECTORY = fileURLToPath(new URL('./artifacts/screenshots/', import.meta.url));

/** Keeps a full-page screenshot of a main page as a test artifact. */
export async function keepScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(DIRECTORY, { recursive: true });
  await page.screenshot({ path: `${DIRECTORY}${name}.png`, fullPage: true });
}
