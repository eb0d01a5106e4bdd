import { expect, test, type Page } from '@playwright/test';
import { attemptAnswers, openSitting } from './api.js';
import { bundledAs, EVERY_TYPE } from './exams.js';
import { expectAccessible } from './accessibility.js';
import { keepScreenshot } from './screenshots.js';

// This file's tests share nothing (each imports its own exam and opens its own sitting), so both workers may take
// them at once: the file comes last in the run, and it is long (the deadline test waits out a one-minute exam), so
// in order it kept one worker busy for minutes while the other had nothing left.
test.describe.configure({ mode: 'parallel' });

/** The bundled exam's choice questions with the letter each test student picks (the paper's key where it has one). */
const CHOICES: readonly [string, string][] = [
  ['l2-prior', 'b'],
  ['conv-grad-valid', 'a'],
  ['pac-bound-implication', 'd'],
  ['universal-approximation-violation', 'c'],
  ['perceptron-update-loss', 'b'],
  ['sigmoid-squared-loss-gradient', 'a'],
  ['dilated-conv-output-size', 'a'],
  ['depthwise-separable-params', 'a'],
  ['resnet-residual-gradient', 'b'],
  ['kl-posterior-prior', 'b'],
  ['margin-perceptron-mistakes', 'a'],
  ['dilation-rate-effect', 'c'],
  ['group-conv-tradeoff', 'd'],
  ['batchnorm-train-inference-gap', 'b'],
  ['gradient-clipping-by-norm', 'c'],
  ['quantization-mutual-information', 'd'],
  ['transpose-conv-output', 'a'],
  ['vae-log-likelihood-identity', 'd'],
  ['reparameterization-trick', 'c'],
  ['deconvnet-saliency', 'a'],
  ['gan-generator-gradient', 'b'],
  ['lstm-forget-input-gates', 'b'],
  ['masked-softmax', 'd'],
  ['batched-matmul', 'b'],
  ['self-attention-complexity', 'c'],
  ['mixed-precision-amp', 'a'],
];
const FREE = ['wasserstein-vs-js', 'causal-conv-autoregressive', 'fisher-pruning-loss'];

async function joinAndStart(page: Page, code: string): Promise<void> {
  await page.goto('/');
  await page.getByTestId('access-code').fill(code);
  await page.getByTestId('join-submit').click();
  await expect(page.getByTestId('before-start')).toBeVisible();
  await page.getByTestId('start-exam').click();
  await page.getByTestId('confirm-start').click();
  await expect(page.getByTestId('exam-page')).toBeVisible();
}

/** Seconds left on a timer that reads `h:mm:ss` or `m:ss`. */
function seconds(timer: string | null): number {
  return (timer ?? '')
    .trim()
    .split(':')
    .reduce((total, part) => total * 60 + Number(part), 0);
}

async function expectAllSaved(page: Page): Promise<void> {
  const status = page.getByTestId('save-status');
  await expect(status).toHaveAttribute('data-status', 'saved', { timeout: 30_000 });
  await expect(status).toHaveAttribute('data-waiting', '0');
  await expect(status).toContainText('All answers saved');
}

test('a student takes the whole bundled exam through a network loss and a reload', async ({
  page,
  context,
  request,
}) => {
  const { sittingId, codes } = await openSitting(request, bundledAs('e2e-student'), {
    durationMinutes: 120,
    graceSeconds: 60,
    students: ['st1'],
    release: 'never',
  });
  await joinAndStart(page, codes.st1!);
  await expectAccessible(page, 'the exam page');
  await keepScreenshot(page, 'student-exam');

  for (const [id, letter] of CHOICES.slice(0, 10)) await page.getByTestId(`option-${id}-${letter}`).check();
  await expectAllSaved(page);

  await context.setOffline(true);
  for (const [id, letter] of CHOICES.slice(10, 20)) await page.getByTestId(`option-${id}-${letter}`).check();
  await page
    .getByTestId(`text-${FREE[0]!}`)
    .fill('For disjoint supports $JS = \\log 2$, so its gradient is zero; $W_1 = |\\theta|$.');
  const status = page.getByTestId('save-status');
  await expect(status).toHaveAttribute('data-status', 'offline', { timeout: 30_000 });
  await expect(status).toContainText('Offline');
  await expect(status).toContainText('keep working');
  await expectAccessible(page, 'the exam page offline');
  await keepScreenshot(page, 'student-offline');
  await context.setOffline(false);
  await expectAllSaved(page);
  const afterReconnect = await attemptAnswers(request, sittingId, 'st1');
  for (const [id, letter] of CHOICES.slice(0, 20))
    expect(afterReconnect[id], id).toEqual({ kind: 'choice', selected: [letter] });
  expect(afterReconnect[FREE[0]!]).toMatchObject({ kind: 'text', text: expect.stringContaining('W_1') });

  const timerBefore = await page.getByTestId('timer').textContent();
  await page.reload();
  await expect(page.getByTestId('exam-page')).toBeVisible();
  for (const [id, letter] of CHOICES.slice(0, 20))
    await expect(page.getByTestId(`option-${id}-${letter}`)).toBeChecked();
  await expect(page.getByTestId(`text-${FREE[0]!}`)).toHaveValue(/W_1/);
  const timerAfter = await page.getByTestId('timer').textContent();
  // The server's clock goes on through the reload: the timer neither restarts nor jumps (a reload on a busy machine
  // may take seconds, so the time left is compared in seconds, not by its minute).
  const lost = seconds(timerBefore) - seconds(timerAfter);
  expect(lost, `timer ${timerBefore ?? ''} → ${timerAfter ?? ''}`).toBeGreaterThanOrEqual(0);
  expect(lost, `timer ${timerBefore ?? ''} → ${timerAfter ?? ''}`).toBeLessThan(60);

  for (const [id, letter] of CHOICES.slice(20)) await page.getByTestId(`option-${id}-${letter}`).check();
  for (const id of FREE.slice(1)) await page.getByTestId(`text-${id}`).fill(`An answer to ${id} with $x^2$.`);
  await expect(page.getByTestId(`preview-${FREE[1]!}`).locator('.katex')).toBeVisible();
  await page.getByTestId(`flag-${CHOICES[3]![0]}`).click();
  await expectAllSaved(page);
  await page.getByTestId('submit').click();
  await expect(page.getByTestId('review-page')).toBeVisible();
  await expect(page.getByTestId('review-flagged')).toHaveAttribute('data-count', '1');
  await expectAccessible(page, 'the review page');
  await keepScreenshot(page, 'student-review');
  await page.getByTestId('confirm-submit').click();
  await expect(page.getByTestId('closed-page')).toBeVisible();
  const stored = await attemptAnswers(request, sittingId, 'st1');
  expect(Object.keys(stored).sort()).toEqual([...CHOICES.map(([id]) => id), ...FREE].sort());
});

test('every question type can be answered, and released results show the points', async ({ page, request }) => {
  const { codes } = await openSitting(request, EVERY_TYPE.replace('id: every-type', 'id: every-type-a'), {
    durationMinutes: 10,
    graceSeconds: 60,
    students: ['t1'],
  });
  await joinAndStart(page, codes.t1!);
  const single = page.getByTestId('option-single-a');
  await single.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('option-single-b')).toBeChecked();
  await page.getByTestId('option-multiple-a').check();
  await page.getByTestId('option-multiple-b').check();
  await page.getByTestId('numeric-numeric').fill('2336');
  await page.getByTestId('text-free').fill('Since $W_1 = |\\theta|$ its derivative is the sign.');
  await expect(page.getByTestId('preview-free').locator('.katex')).toBeVisible();
  await expectAllSaved(page);
  await page.getByTestId('submit').click();
  await page.getByTestId('confirm-submit').click();
  await expect(page.getByTestId('closed-page')).toBeVisible();
  await page.getByTestId('results-link').click();
  await expect(page.getByTestId('results-total')).toContainText('3');
  await expectAccessible(page, 'the results page');
  await keepScreenshot(page, 'student-results');
});

test('when the deadline passes the attempt is closed and scored', async ({ page, request }) => {
  const { sittingId, codes } = await openSitting(request, EVERY_TYPE.replace('id: every-type', 'id: every-type-b'), {
    durationMinutes: 1,
    graceSeconds: 0,
    students: ['d1'],
  });
  await joinAndStart(page, codes.d1!);
  // A one-minute exam starts inside its last minute: screen readers hear that once (the banner stays, silent).
  await expect(page.getByTestId('time-announcement')).toHaveText(/^1 minute left/);
  await expect(page.getByTestId('time-warning')).not.toHaveAttribute('role', 'alert');
  await page.getByTestId('option-single-b').check();
  await expectAllSaved(page);
  await expect(page.getByTestId('closed-page')).toBeVisible({ timeout: 100_000 });
  await expect(page.getByTestId('closed-page')).toHaveAttribute('data-status', 'expired');
  await request.post('/api/auth/login', { data: { email: 'instructor@examforge.test', password: 'examforge-demo' } });
  const results = (await (await request.get(`/api/sittings/${sittingId}/results`)).json()) as {
    studentNumber: string;
    status: string;
    total?: string;
  }[];
  expect(results.find((row) => row.studentNumber === 'd1')).toMatchObject({ status: 'expired', total: '1' });
});
