import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './accessibility.js';
import { attemptAnswers, openSitting } from './api.js';
import { bundledAs, EVERY_TYPE } from './exams.js';
import { expectNoSidewaysScroll } from './reflow.js';
import { NARROW_WIDTH } from './screenshots.js';

/**
 * WCAG 2.1.1 (keyboard) and 1.4.10 (reflow) on the student's side: a whole exam with the keyboard alone, and the exam
 * and results pages at 320 px wide and at 200 % zoom (a 1280 px window at 200 % lays out 640 CSS px) without the
 * page scrolling sideways.
 */

/** Presses Tab until the element with the test id has focus: it fails when Tab never reaches it. */
async function tabTo(page: Page, testId: string, presses = 40): Promise<void> {
  for (let press = 0; press < presses; press += 1) {
    if (await page.getByTestId(testId).evaluate((element) => element === element.ownerDocument.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${testId} in ${presses} presses`);
}

test('a student sits a whole exam with the keyboard alone', async ({ page, request }) => {
  const { sittingId, codes } = await openSitting(request, EVERY_TYPE.replace('id: every-type', 'id: keyboard-only'), {
    durationMinutes: 30,
    graceSeconds: 60,
    students: ['k1'],
  });
  await page.goto('/');
  await tabTo(page, 'access-code');
  await page.keyboard.type(codes.k1!);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('before-start')).toBeVisible();
  await tabTo(page, 'start-exam');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('confirm-start')).toBeVisible();
  await expectAccessible(page, 'the start confirmation, opened by keyboard');
  await tabTo(page, 'confirm-start', 5);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('exam-page')).toBeVisible();
  // Focus goes to the exam, not back to the top of the document.
  await expect
    .poll(() => page.evaluate<boolean>('document.activeElement !== null && document.activeElement !== document.body'))
    .toBe(true);

  await tabTo(page, 'option-single-a');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('option-single-b')).toBeChecked();
  await tabTo(page, 'option-multiple-a');
  await page.keyboard.press('Space');
  await tabTo(page, 'option-multiple-b', 3);
  await page.keyboard.press('Space');
  await tabTo(page, 'numeric-numeric');
  await page.keyboard.type('2336');
  await tabTo(page, 'text-free');
  await page.keyboard.type('Since W1 = |theta|, its derivative is the sign.');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-waiting', '0', { timeout: 30_000 });
  await tabTo(page, 'submit', 60);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('review-page')).toBeVisible();
  await tabTo(page, 'confirm-submit', 60);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('closed-page')).toBeVisible();

  const stored = await attemptAnswers(request, sittingId, 'k1');
  expect(stored).toMatchObject({
    single: { kind: 'choice', selected: ['b'] },
    multiple: { kind: 'choice', selected: ['a', 'b'] },
    numeric: { kind: 'numeric', value: 2336 },
    free: { kind: 'text', text: 'Since W1 = |theta|, its derivative is the sign.' },
  });
});

for (const { width, name } of [
  { width: NARROW_WIDTH, name: '320 px wide' },
  { width: 640, name: '200 % zoom' },
]) {
  test(`the exam and the results reflow at ${name}`, async ({ page, request }) => {
    await page.setViewportSize({ width, height: 720 });
    const id = `reflow-${width}`;
    const { codes } = await openSitting(request, bundledAs(id), {
      durationMinutes: 120,
      graceSeconds: 60,
      students: ['r1'],
    });
    await page.goto('/');
    await page.getByTestId('access-code').fill(codes.r1!);
    await page.getByTestId('join-submit').click();
    await expect(page.getByTestId('before-start')).toBeVisible();
    await expectNoSidewaysScroll(page, `the start page at ${name}`);
    await page.getByTestId('start-exam').click();
    await page.getByTestId('confirm-start').click();
    await expect(page.getByTestId('exam-page')).toBeVisible();
    // Display math and wide formulas scroll inside their own box; the page itself must not.
    await expectNoSidewaysScroll(page, `the exam page at ${name}`);
    await expectAccessible(page, `the exam page at ${name}`);
    await page.getByTestId('option-l2-prior-b').check();
    await page.getByTestId('submit').click();
    await page.getByTestId('confirm-submit').click();
    await expect(page.getByTestId('closed-page')).toBeVisible();
    await page.getByTestId('results-link').click();
    await expect(page.getByTestId('results-total')).toBeVisible();
    await expectNoSidewaysScroll(page, `the results page at ${name}`);
    await expectAccessible(page, `the results page at ${name}`);
  });
}
