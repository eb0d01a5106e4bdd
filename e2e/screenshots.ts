import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expectNoSidewaysScroll } from './reflow.js';

const DIRECTORY = fileURLToPath(new URL('./artifacts/screenshots/', import.meta.url));

/** The narrowest width WCAG 2.1's reflow criterion (1.4.10) asks for: 1280 px at 400 % zoom. */
export const NARROW_WIDTH = 320;

/**
 * Keeps full-page screenshots of a main page as test artifacts: at the test's desktop size (`<name>.png`) and at
 * 320 px wide (`<name>-320.png`), so every page can be looked at as a phone or a 400 % zoom shows it. At 320 px the
 * page must not scroll sideways (WCAG 1.4.10), so every page kept here is also held to reflow. The viewport is put back
 * afterwards, and the page keeps its state (focus aside).
 */
export async function keepScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(DIRECTORY, { recursive: true });
  await page.screenshot({ path: `${DIRECTORY}${name}.png`, fullPage: true });
  const desktop = page.viewportSize();
  if (!desktop) return;
  await page.setViewportSize({ width: NARROW_WIDTH, height: desktop.height });
  await page.screenshot({ path: `${DIRECTORY}${name}-${NARROW_WIDTH}.png`, fullPage: true });
  await expectNoSidewaysScroll(page, `${name} at ${NARROW_WIDTH} px`);
  await page.setViewportSize(desktop);
}
