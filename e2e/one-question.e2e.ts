import { expect, test } from '@playwright/test';
import { expectAccessible } from './accessibility.js';
import { attemptAnswers, openSitting } from './api.js';
import { keepScreenshot } from './screenshots.js';

const EXAM = `---
id: e2e-one-question
title: One question per page
duration: 30
sections:
  - id: first
    marks: 1
  - id: second
    marks: 2
---

# First {#first}

## {#relu}

Which activation is piecewise linear?

- [ ] $\\tanh$
- [x] ReLU

## {#bmm}

Which call multiplies batches of matrices?

- [x] \`torch.bmm(A, B)\`
- [ ] \`torch.mm(A, B)\`

# Second {#second}

## {#params}

How many weights has a $3 \\times 3$ convolution from 2 channels to 4 (no biases)?

### Answer

72
`;

test('one question per page: Previous and Next, the panel, the URL and focus follow the question', async ({
  page,
  request,
}) => {
  const { sittingId, codes } = await openSitting(request, EXAM, {
    durationMinutes: 30,
    graceSeconds: 60,
    students: ['oq1'],
    release: 'never',
    oneQuestionPerPage: true,
  });
  await page.goto('/');
  await page.getByTestId('access-code').fill(codes.oq1!);
  await page.getByTestId('join-submit').click();
  await expect(page.getByTestId('before-start')).toContainText('One question is shown at a time');
  await page.getByTestId('start-exam').click();
  await page.getByTestId('confirm-start').click();

  const exam = page.getByTestId('exam-page');
  await expect(exam).toHaveAttribute('data-mode', 'one-question');
  await expect(page.locator('#question-relu-title')).toBeFocused();
  await expect(page.getByTestId('question-position')).toHaveText('Question 1 of 3');
  await expect(page.getByTestId('question-bmm')).toHaveCount(0);
  await expect(page.getByTestId('previous-question')).toHaveCount(0);
  await expect(page.getByTestId('nav-relu')).toHaveAttribute('aria-current', 'step');
  await page.getByTestId('option-relu-b').check();
  await expectAccessible(page, 'the first question of a one-question exam');

  await page.getByTestId('next-question').click();
  await expect(page).toHaveURL(/[?&]q=bmm\b/);
  await expect(page.locator('#question-bmm-title')).toBeFocused();
  await expect(page.getByTestId('question-relu')).toHaveCount(0);

  // The panel jumps to any question; the last page offers the review instead of Next.
  await page.getByTestId('nav-params').click();
  await expect(page.locator('#question-params-title')).toBeFocused();
  await expect(page.getByTestId('next-question')).toHaveCount(0);
  await expect(page.getByTestId('last-question-review')).toBeVisible();
  await expect(page.getByTestId('nav-params')).toHaveAttribute('aria-current', 'step');
  await expectAccessible(page, 'the last question of a one-question exam');
  await keepScreenshot(page, 'student-one-question');
  await page.getByTestId('previous-question').click();
  await expect(page.locator('#question-bmm-title')).toBeFocused();

  // A reload stays on the question in the URL, and the answer given on another page is still there.
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved', { timeout: 30_000 });
  await page.reload();
  await expect(page.getByTestId('question-bmm')).toBeVisible();
  await page.getByTestId('previous-question').click();
  await expect(page.getByTestId('option-relu-b')).toBeChecked();

  // From the review page, a link opens that question's page with focus on it.
  await page.getByTestId('submit').click();
  await expect(page.getByTestId('review-unanswered')).toHaveAttribute('data-count', '2');
  await expectAccessible(page, 'the review page of a one-question exam');
  await page.getByTestId('review-unanswered-params').click();
  await expect(page.locator('#question-params-title')).toBeFocused();
  await expect(page.getByTestId('question-position')).toHaveText('Question 3 of 3');
  expect((await attemptAnswers(request, sittingId, 'oq1')).relu).toEqual({ kind: 'choice', selected: ['b'] });
});
