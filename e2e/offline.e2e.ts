import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './accessibility.js';
import { attemptAnswers, openSitting } from './api.js';
import { EVERY_TYPE } from './exams.js';
import { keepScreenshot } from './screenshots.js';

const FREE_TEXT = 'Its gradient is the sign of $\\theta$, written while offline.';

/** What the server must end up holding: two answers given online, two offline. */
const EXPECTED = {
  single: { kind: 'choice', selected: ['b'] },
  multiple: { kind: 'choice', selected: ['a', 'b'] },
  numeric: { kind: 'numeric', value: 2336 },
  free: { kind: 'text', text: FREE_TEXT },
};

async function expectEveryAnswerShown(page: Page): Promise<void> {
  await expect(page.getByTestId('option-single-b')).toBeChecked();
  await expect(page.getByTestId('option-multiple-a')).toBeChecked();
  await expect(page.getByTestId('option-multiple-b')).toBeChecked();
  await expect(page.getByTestId('numeric-numeric')).toHaveValue('2336');
  await expect(page.getByTestId('text-free')).toHaveValue(FREE_TEXT);
}

async function expectOfflineWithTwoKept(page: Page): Promise<void> {
  const status = page.getByTestId('save-status');
  await expect(status).toHaveAttribute('data-status', 'offline');
  await expect(status).toHaveAttribute('data-waiting', '2');
  await expect(status).toContainText('2 answers kept on this device, they will be sent when the connection returns');
}

/**
 * The service worker's copy of the attempt holds this many saved answers (it is updated after each save's reply).
 * Written as a string: it runs in the page, and the tests are type-checked without the DOM's types.
 */
const KEPT_ANSWER_COUNT = `(async () => {
  const kept = await (await caches.open('examforge-attempt')).match('/api/attempt');
  return kept ? Object.keys((await kept.json()).answers).length : -1;
})()`;

test('a reload and a reopened tab while offline show the exam with every answer, which the server then gets', async ({
  page,
  context,
  request,
}) => {
  const { sittingId, codes } = await openSitting(request, EVERY_TYPE.replace('id: every-type', 'id: every-type-off'), {
    durationMinutes: 30,
    graceSeconds: 60,
    students: ['o1'],
  });
  await page.goto('/');
  await page.getByTestId('access-code').fill(codes.o1!);
  await page.getByTestId('join-submit').click();
  await page.getByTestId('start-exam').click();
  await page.getByTestId('confirm-start').click();
  await expect(page.getByTestId('exam-page')).toBeVisible();
  await page.waitForFunction('navigator.serviceWorker.controller !== null');

  await page.getByTestId('option-single-b').check();
  await page.getByTestId('option-multiple-a').check();
  await page.getByTestId('option-multiple-b').check();
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved', { timeout: 30_000 });
  await expect.poll(() => page.evaluate<number>(KEPT_ANSWER_COUNT)).toBe(2);

  await context.setOffline(true);
  await page.getByTestId('numeric-numeric').fill('2336');
  await page.getByTestId('text-free').fill(FREE_TEXT);
  await expectOfflineWithTwoKept(page);

  const reloaded = page.waitForResponse('/api/attempt');
  await page.reload();
  await expect(page.getByTestId('exam-page')).toBeVisible();
  // From the service worker's copy, not the server (which Chromium's offline mode does not hide from a worker).
  expect((await reloaded).headers()['x-examforge-offline-copy']).toBe('attempt');
  await expectEveryAnswerShown(page);
  await expectOfflineWithTwoKept(page);
  await expect(page.getByTestId('timer')).toHaveText(/^(29|30):\d\d$/);
  await keepScreenshot(page, 'student-offline-reload');
  await expectAccessible(page, 'the exam reloaded offline');

  await page.close();
  const reopened = await context.newPage();
  await reopened.goto('/exam');
  await expectEveryAnswerShown(reopened);
  await expectOfflineWithTwoKept(reopened);

  await context.setOffline(false);
  await expect(reopened.getByTestId('save-status')).toHaveAttribute('data-status', 'saved', { timeout: 30_000 });
  await expect.poll(() => attemptAnswers(request, sittingId, 'o1'), { timeout: 30_000 }).toEqual(EXPECTED);
});
