import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import {
  isChoiceQuestion,
  layoutAnswerSheet,
  listQuestions,
  makeVariant,
  optionLetter,
  parseExam,
  type Exam,
} from '../packages/core/src/index.js';
import { paintSheets, scanPdf, type PaperMark } from '../packages/server/src/test-support/paper-scans.js';
import { expectAccessible } from './accessibility.js';
import { DEMO, instructorApi, openSitting } from './api.js';
import { bundledAs } from './exams.js';
import { keepScreenshot } from './screenshots.js';

const SOURCE = bundledAs('e2e-paper');

function rightOf(exam: Exam, questionId: string): string {
  const question = listQuestions(exam).find((entry) => entry.question.id === questionId)?.question;
  if (!question || !isChoiceQuestion(question)) throw new Error(questionId);
  return optionLetter(question.options.findIndex((option) => option.correct));
}

test('a scanned batch is read, three uncertain marks are reviewed with the keyboard alone, and the scores follow', async ({
  page,
  request,
}) => {
  const parsed = parseExam(SOURCE);
  if (!parsed.ok) throw new Error('bundled exam does not parse');
  const exam = parsed.exam;
  const { sittingId } = await openSitting(request, SOURCE, {
    durationMinutes: 120,
    graceSeconds: 60,
    students: ['p1', 'p2'],
  });
  const { csrf } = await instructorApi(request);
  const roster = (await (await request.get(`/api/sittings/${sittingId}/roster`)).json()) as {
    id: string;
    studentNumber: string;
  }[];
  const printed = await request.get(`/api/sittings/${sittingId}/paper/sheets.pdf`, {
    headers: { 'x-csrf-token': csrf },
  });
  expect(printed.status()).toBe(200);

  const wrong = (id: string) => (rightOf(exam, id) === 'a' ? 'b' : 'a');
  const p1: PaperMark[] = [
    // Two fills on a single-answer question, three times: three items for a person. A fill beside the residue of an
    // erased one is a changed answer, not an item: residue is noise.
    { questionId: 'l2-prior', option: rightOf(exam, 'l2-prior'), mark: 'filled' },
    { questionId: 'l2-prior', option: wrong('l2-prior'), mark: 'filled' },
    { questionId: 'perceptron-update-loss', option: rightOf(exam, 'perceptron-update-loss'), mark: 'filled' },
    { questionId: 'perceptron-update-loss', option: wrong('perceptron-update-loss'), mark: 'filled' },
    {
      questionId: 'sigmoid-squared-loss-gradient',
      option: rightOf(exam, 'sigmoid-squared-loss-gradient'),
      mark: 'filled',
    },
    { questionId: 'sigmoid-squared-loss-gradient', option: wrong('sigmoid-squared-loss-gradient'), mark: 'filled' },
    { questionId: 'resnet-residual-gradient', option: wrong('resnet-residual-gradient'), mark: 'erased' },
    { questionId: 'resnet-residual-gradient', option: rightOf(exam, 'resnet-residual-gradient'), mark: 'filled' },
  ];
  const p2: PaperMark[] = [{ questionId: 'l2-prior', option: rightOf(exam, 'l2-prior'), mark: 'filled' }];
  const layouts = roster.map((student) =>
    layoutAnswerSheet(
      exam,
      makeVariant(exam, `${sittingId}:${student.id}`, { shuffleQuestions: false, shuffleOptions: false }),
      {
        pageSize: 'A4',
        studentNumberDigits: 8,
      },
    ),
  );
  const pages = paintSheets(
    Buffer.from(await printed.body()),
    roster.map((student, index) => ({ layout: layouts[index]!, marks: student.studentNumber === 'p1' ? p1 : p2 })),
    'e2e-paper',
  );
  const file = join(mkdtempSync(join(tmpdir(), 'examforge-e2e-scan-')), 'scan.pdf');
  writeFileSync(file, await scanPdf(pages));

  await page.goto('/login');
  await page.getByTestId('login-email').fill(DEMO.email);
  await page.getByTestId('login-password').fill(DEMO.password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('exams-page')).toBeVisible();
  await page.goto(`/instructor/sittings/${sittingId}/paper`);
  await page.getByTestId('scan-files').setInputFiles(file);
  await page.getByTestId('scan-upload').click();
  const batch = page.getByTestId('scan-batch-scan.pdf');
  await expect(batch).toBeVisible();
  await expect(batch).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  await expect(batch).toContainText('2 sheet(s) attached, 3 mark(s) to review');
  await expect(page.getByTestId('sitting-tab-count-review')).toHaveText(': 3 to review');
  await expect(page.getByTestId('sheet-p1-1')).toBeVisible();
  await page.getByTestId('sitting-tab-results').click();
  await expect(page.getByTestId('results-cell-p1-l2-prior')).toHaveText('0');
  await expect(page.getByTestId('results-cell-p1-resnet-residual-gradient')).toHaveText('0.5');
  await page.getByTestId('sitting-tab-paper').click();
  await expect(page.getByTestId('sheet-p1-1')).toBeVisible();
  await keepScreenshot(page, 'paper-batch-read');

  // Question papers are drawn by the server's background job: its progress, then the link, found again after a reload.
  await page.getByTestId('paper-questions-prepare').click();
  await expect(page.getByTestId('paper-questions-progress').or(page.getByTestId('paper-questions'))).toBeVisible();
  await expectAccessible(page, 'the paper section with question papers requested');
  const papers = page.getByTestId('paper-questions');
  await expect(papers).toContainText('PDF,', { timeout: 90_000 });
  await page.reload();
  await expect(page.getByTestId('question-papers')).toContainText('2 students');
  await expectAccessible(page, 'the paper section with question papers ready');
  await keepScreenshot(page, 'paper-question-papers-ready');
  const downloaded = await request.get((await papers.getAttribute('href')) ?? '');
  expect(downloaded.headers()['content-type']).toBe('application/pdf');
  expect(
    Buffer.from(await downloaded.body())
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-');

  await page.getByTestId('review-link').click();
  const item = page.getByTestId('review-item');
  await expect(item).toBeFocused();
  await expect(item).toContainText('p1');
  await expect(item).toContainText('several complete fills');
  await expect(page.getByTestId('review-crop')).toBeVisible();
  await keepScreenshot(page, 'paper-review');
  // Items come in the order the questions are printed: l2-prior, perceptron-update-loss, sigmoid-squared-loss-gradient.
  await expect(item).toContainText('Q1)');
  await page.keyboard.press(rightOf(exam, 'l2-prior'));
  await expect(page.getByTestId('review-announcement')).toContainText(
    `question 1: ${rightOf(exam, 'l2-prior').toUpperCase()}`,
  );
  await expect(item).toContainText('Q5)');
  await page.keyboard.press('0');
  await expect(page.getByTestId('review-announcement')).toContainText('question 5: blank');
  await expect(item).toContainText('Q6)');
  await expect(item).toContainText('several complete fills');
  await page.keyboard.press(wrong('sigmoid-squared-loss-gradient'));
  await expect(page.getByTestId('review-announcement')).toContainText(
    `question 6: ${wrong('sigmoid-squared-loss-gradient').toUpperCase()}`,
  );
  await page.keyboard.press('k');
  await expect(item).toHaveAttribute('data-item-status', 'decided');
  await expect(page.getByTestId('review-decision')).toContainText('Decided: blank');
  await keepScreenshot(page, 'paper-review-decided');

  await page.goto(`/instructor/sittings/${sittingId}/results`);
  await expect(page.getByTestId('results-cell-p1-l2-prior')).toHaveText('0.5');
  await expect(page.getByTestId('results-cell-p1-perceptron-update-loss')).toHaveText('0');
  await expect(page.getByTestId('results-cell-p1-sigmoid-squared-loss-gradient')).toHaveText('-0.5');
  await keepScreenshot(page, 'paper-results');
});
