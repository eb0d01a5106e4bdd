import { expect, test } from '@playwright/test';
import { DEMO, openSitting } from './api.js';
import { practiceAs } from './exams.js';
import { expectAccessible } from './accessibility.js';
import { keepScreenshot } from './screenshots.js';

test('the instructor previews variants of computed questions by seed, and a student sees their own', async ({
  page,
  browser,
  request,
}) => {
  await page.goto('/login');
  await page.getByTestId('login-email').fill(DEMO.email);
  await page.getByTestId('login-password').fill(DEMO.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('exam-source').fill(practiceAs('e2e-practice'));
  await page.getByTestId('exam-import').click();
  await expect(page.getByTestId('exam-detail-page')).toBeVisible();
  await expect(page.getByTestId('verify-section')).toBeVisible();

  const preview = page.getByTestId('variant-preview');
  const stem = preview.getByTestId('variant-conv-output-size').locator('.question-stem');
  const showSeed = async (seed: string) => {
    await page.getByTestId('variant-seed').fill(seed);
    await page.getByTestId('variant-show').click();
    await expect(page.getByTestId('variant-questions')).toHaveAttribute('data-seed', seed, { timeout: 30_000 });
    await expect(page.getByTestId('variant-questions')).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
    return (await stem.textContent()) ?? '';
  };
  const alpha = await showSeed('alpha');
  expect(alpha).toContain('What is the spatial size of its output?');
  await expect(preview.locator('[data-testid^="variant-"] .question-stem')).toHaveCount(10);
  const beta = await showSeed('beta');
  expect(beta).toContain('What is the spatial size of its output?');
  expect(beta).not.toBe(alpha);
  expect(await showSeed('alpha')).toBe(alpha);
  await page.getByTestId('variant-another').click();
  await expect(page.getByTestId('variant-questions')).not.toHaveAttribute('data-seed', 'alpha');
  await expect(page.getByTestId('variant-questions')).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  await expectAccessible(page, 'the variant preview');
  await keepScreenshot(page, 'instructor-variant-preview');

  const { codes } = await openSitting(request, practiceAs('e2e-practice-sitting'), {
    durationMinutes: 60,
    graceSeconds: 30,
    students: ['c1'],
  });
  const student = await (await browser.newContext()).newPage();
  await student.goto('/');
  await student.getByTestId('access-code').fill(codes.c1 ?? '');
  await student.getByTestId('join-submit').click();
  await student.getByTestId('start-exam').click();
  await student.getByTestId('confirm-start').click();
  const question = student.getByTestId('question-conv-output-size');
  await expect(question).toContainText('What is the spatial size of its output?');
  await expect(question.locator('input[type="radio"]')).toHaveCount(4);
  await expectAccessible(student, 'a computed question as the student sees it');
  await keepScreenshot(student, 'student-computed-question');
});
