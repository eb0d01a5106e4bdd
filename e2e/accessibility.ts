import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * Runs axe on the page as it is now and fails the test on any violation, listing each rule with the elements that
 * break it, so a failure says what to mend without opening the trace; a page that passes is logged.
 */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const started = performance.now();
  const results = await new AxeBuilder({ page }).analyze();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const found = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact ?? 'unknown'}): ${violation.help} — ${violation.nodes
        .map((node) => node.target.join(' '))
        .join(', ')}`,
  );
  expect(found, `accessibility of ${what}`).toEqual([]);
  // One line per page checked, so the run's output lists every page axe passed, and what each check cost.
  console.log(`axe: ${what}: 0 violations (${results.passes.length} rules passed, ${seconds} s)`);
}
