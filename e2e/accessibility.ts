import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import type { AxeResults, Result, RunOptions } from 'axe-core';

// Every rule runs on the whole page either way; these two settings only spare work after the audit. Legacy mode runs
// axe in the page itself instead of gathering each frame's partial results into a second, blank page (the app has no
// frames), and only violations are reported node by node (passes and incomplete rules keep one node each): the exam
// page's full results were 3 MB, and the check took about half as long without them (14–35 s before).
const OPTIONS: RunOptions = { resultTypes: ['violations'] };

/**
 * Runs axe on the page as it is now and fails the test on any violation, listing each rule with the elements that
 * break it, so a failure says what to mend without opening the trace; a page that passes is logged.
 */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const started = performance.now();
  const results = await audit(page);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const found = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact ?? 'unknown'}): ${violation.help} — ${violation.nodes
        .map((node) => node.target.join(' '))
        .join(', ')}`,
  );
  expect(found, `accessibility of ${what}`).toEqual([]);
  // One line per page checked, so the run's output lists every page axe passed, and what each check cost.
  console.log(`axe: ${what}: 0 violations (${results.passes} rules passed, ${seconds} s)`);
}

/** What the audit reaches in the page (the tests are compiled without the DOM's types). */
interface InPage {
  readonly axe: { run(context: unknown, options: RunOptions): Promise<AxeResults> };
  readonly document: unknown;
}

/**
 * The same audit of the whole document either way. The first check of a document injects axe (AxeBuilder sends its
 * 560 KB source twice and configures it); later checks of that document, after clicks rather than a new page load,
 * run the axe already there, whose code the browser has compiled and optimised by then: 0.1 s instead of 0.6 s on a
 * small page, 5 s instead of 7–9 s on the bundled exam's page (color-contrast over 8,300 elements).
 */
async function audit(page: Page): Promise<{ violations: Result[]; passes: number }> {
  const injected = await page.evaluate<boolean>('typeof window.axe === "object"');
  if (!injected) {
    const results = await new AxeBuilder({ page }).setLegacyMode().options(OPTIONS).analyze();
    return { violations: results.violations, passes: results.passes.length };
  }
  return page.evaluate(async (options) => {
    const inPage = globalThis as unknown as InPage;
    const results = await inPage.axe.run(inPage.document, options);
    return { violations: results.violations, passes: results.passes.length };
  }, OPTIONS);
}
