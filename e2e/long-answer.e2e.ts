import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './accessibility.js';
import { attemptAnswers, openSitting } from './api.js';
import { keepScreenshot } from './screenshots.js';

/** The shared limit, as the counter shows it (the server's TEXT_ANSWER_MAX_LENGTH). */
const LIMIT = 50_000;
const LONG = 'gradient '.repeat(Math.ceil((LIMIT + 1000) / 9));
const SHORT = 'For disjoint supports $JS = \\log 2$ is constant; $W_1 = |\\theta|$ is not.';

/** Two written questions and two choice questions: small, so every check of the page stays quick on a busy machine. */
const EXAM = `---
id: e2e-long-answer
title: Written answers
duration: 30
sections:
  - id: main
    marks: 1
---

# Main {#main}

## {#relu}

Which activation is piecewise linear?

- [ ] $\\tanh$
- [x] ReLU

## {#wasserstein}

Why is the gradient of $W_1(\\delta_0, \\delta_\\theta)$ useful where the JS divergence's is not?

### Rubric

- (1) $W_1 = |\\theta|$

## {#bmm}

Which call multiplies batches of matrices?

- [x] \`torch.bmm(A, B)\`
- [ ] \`torch.mm(A, B)\`

## {#causal}

Why does a causal convolution never look at the future?

### Rubric

- (1) Each output depends only on earlier inputs
`;

async function joinAndStart(page: Page, code: string): Promise<void> {
  await page.goto('/');
  await expectAccessible(page, 'the join page');
  await page.getByTestId('access-code').fill(code);
  await page.getByTestId('join-submit').click();
  await expect(page.getByTestId('before-start')).toBeVisible();
  await expectAccessible(page, 'the page before the start');
  await page.getByTestId('start-exam').click();
  await page.getByTestId('confirm-start').click();
  await expect(page.getByTestId('exam-page')).toBeVisible();
}

test('an over-long answer is refused for its question alone; the other answers keep saving', async ({
  page,
  request,
}) => {
  const { sittingId, codes } = await openSitting(request, EXAM, {
    durationMinutes: 120,
    graceSeconds: 60,
    students: ['la1'],
    release: 'never',
  });
  await joinAndStart(page, codes.la1!);
  await expectAccessible(page, 'the exam page');
  const status = page.getByTestId('save-status');

  const long = page.getByTestId('text-wasserstein');
  await long.fill(LONG);
  // Over the limit in words, not by colour alone.
  const counter = page.getByTestId('counter-wasserstein');
  const over = (LONG.length - LIMIT).toLocaleString('en-US');
  await expect(counter).toHaveText(
    `⚠ ${LONG.length.toLocaleString('en-US')} of 50,000 characters — ${over} over the limit, not saved`,
  );
  await expect(counter).toHaveAttribute('data-state', 'over');
  await page.getByTestId('option-relu-b').check();
  await page.getByTestId('option-bmm-a').check();
  await page.getByTestId('text-causal').fill('Each output sees only $x_{\\le t}$.');

  const number = (await page.getByTestId('question-wasserstein').locator('h3').textContent())?.trim() ?? '';
  const refused = page.getByTestId('refused-wasserstein');
  await expect(refused).toContainText(`${number} is not saved`, { timeout: 30_000 });
  await expect(refused).toContainText('the limit is 50,000');
  await expect(long).toHaveAttribute('aria-invalid', 'true');
  await expect(long).toHaveAttribute('aria-describedby', /text-wasserstein-counter/);
  await expect(status).toHaveAttribute('data-status', 'refused', { timeout: 30_000 });
  await expect(status).toContainText('all other answers saved');
  await expectAccessible(page, 'the exam page with a refused answer');
  await keepScreenshot(page, 'student-long-answer-refused');

  const saved = await attemptAnswers(request, sittingId, 'la1');
  expect(saved.relu).toEqual({ kind: 'choice', selected: ['b'] });
  expect(saved.bmm).toEqual({ kind: 'choice', selected: ['a'] });
  expect(saved.causal).toMatchObject({ kind: 'text', text: expect.stringContaining('x_') });
  expect(saved.wasserstein).toBeUndefined();

  // A submit stops and names the question, rather than end the attempt without the answer.
  await page.getByTestId('submit').click();
  await expect(page.getByTestId('review-page')).toBeVisible();
  const invalid = page.getByTestId('review-invalid');
  await expect(invalid).toHaveAttribute('data-count', '1');
  await expect(page.getByTestId('review-invalid-wasserstein')).toContainText('over the length limit');
  await page.getByTestId('confirm-submit').click();
  await expect(page.getByTestId('submit-error')).toContainText(`${number} is too long to save`);
  await expectAccessible(page, 'the review page with an answer too long to save');
  // Its link goes back to the question, focus on its heading.
  await page.getByTestId('review-invalid-wasserstein').click();
  await expect(page.getByTestId('exam-page')).toBeVisible();
  await expect(page.locator('#question-wasserstein-title')).toBeFocused();

  // After a reload the refused text is still in its box (kept on this device), refused again, not lost.
  await page.reload();
  // A busy machine may take a while to restore the page (the device's outbox, a 50,000-character preview).
  await expect(page.getByTestId('exam-page')).toBeVisible({ timeout: 60_000 });
  await expect(long).toHaveValue(LONG);
  await expect(refused).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('option-relu-b')).toBeChecked();

  await long.fill(SHORT);
  await expect(refused).toHaveCount(0, { timeout: 30_000 });
  await expect(status).toHaveAttribute('data-status', 'saved', { timeout: 30_000 });
  await expect(status).toContainText('All answers saved');
  await expectAccessible(page, 'the exam page after shortening');
  const after = await attemptAnswers(request, sittingId, 'la1');
  expect(after.wasserstein).toEqual({ kind: 'text', text: SHORT });
});
