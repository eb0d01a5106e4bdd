import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * Runs axe on the page as it is now and fails the test on any violation, listing each rule with the elements that
 * break it, so a failure says what to mend without opening the trace; a page that passes is logged.
 */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const started = performance.now();
  // Every rule runs on the whole page either way; these two settings only spare work after the audit. Legacy mode
  // runs axe in the page itself instead of gathering each frame's partial results into a second, blank page (the app
  // has no frames), and only violations are reported node by node (passes and incomplete rules keep one node each):
  // the exam page's full results were 3 MB, and the check took about half as long without them (14–35 s before).
  const results = await new AxeBuilder({ page })
    .setLegacyMode()
    .options({ resultTypes: ['violations'] })
    .analyze();
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
