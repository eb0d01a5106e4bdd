import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './accessibility.js';
import { DEMO, instructorApi, openSitting } from './api.js';
import { bundledAs } from './exams.js';
import { addGrader, submitTypedAnswer, typedAnswer } from './grading-setup.js';
import { signIn } from './keyboard-grader.js';
import { keepScreenshot } from './screenshots.js';

const WRITTEN = 'wasserstein-vs-js';
const REASON = 'My answer gives W1 = |theta| and its gradient sign(theta), which is the second rubric item.';
const REPLY = 'You are right: the W1 gradient is there. +1 point.';

test('a student asks for a regrade of a written answer, a grader accepts it with a new grade, the student sees the score and the reply', async ({
  browser,
  request,
}) => {
  // axe reads the whole bundled exam's results page (29 questions with math) in about a minute on a busy machine.
  test.setTimeout(480_000);
  const { sittingId, codes } = await openSitting(request, bundledAs('e2e-regrade'), {
    durationMinutes: 30,
    graceSeconds: 0,
    students: ['rg1'],
  });
  // The student hands in an answer that earns both items; it is graded with one (1 of 2 points).
  await submitTypedAnswer(codes.rg1 ?? '', WRITTEN, typedAnswer('both', 1));
  const { csrf } = await instructorApi(request);
  const headers = { 'x-csrf-token': csrf };
  const sitting = (await (await request.get(`/api/sittings/${sittingId}`)).json()) as { examId: string };
  const rows = (await (await request.get(`/api/sittings/${sittingId}/results`)).json()) as { attemptId: string }[];
  const answer = `/api/sittings/${sittingId}/grading/${WRITTEN}/answers/${rows[0]?.attemptId ?? ''}`;
  const graded = await request.put(`${answer}/grade`, {
    headers,
    data: { items: ['js-constant'], expectedVersion: 0 },
  });
  expect(graded.ok()).toBe(true);

  // The instructor opens regrade requests on the sitting page.
  const instructorContext = await browser.newContext();
  const instructor = await instructorContext.newPage();
  await signIn(instructor, DEMO);
  await instructor.goto(`/instructor/sittings/${sittingId}/grading`);
  await expect(instructor.getByTestId('regrade-window-state')).toContainText('cannot ask');
  await instructor.getByTestId('regrade-window-save').click();
  await expect(instructor.getByTestId('regrade-window-state')).toContainText('may ask for a regrade until');
  await expect(instructor.getByTestId('regrades-link')).toHaveText('Regrade requests (0 open)');
  await expectAccessible(instructor, 'the sitting page with regrade requests open');

  // The student files a request from their results, with the keyboard.
  const studentContext = await browser.newContext();
  const student = await studentContext.newPage();
  await student.goto('/');
  await student.getByTestId('access-code').fill(codes.rg1 ?? '');
  await student.getByTestId('join-submit').click();
  await student.goto('/results');
  const card = student.getByTestId(`result-${WRITTEN}`);
  await expect(student.getByTestId(`points-${WRITTEN}`)).toHaveText('1 / 2');
  const totalBefore = Number(await student.getByTestId('results-total').textContent());
  await expect(student.getByTestId('regrade-window')).toBeVisible();
  await card.getByTestId('regrade-open').focus();
  await student.keyboard.press('Enter');
  await expect(card.getByTestId('regrade-reason')).toBeFocused();
  await student.keyboard.type(REASON);
  await expect(card.getByTestId('regrade-count')).toHaveText(`${REASON.length} of 5,000 characters`);
  await expectAccessible(student, 'the results page with a regrade request being written');
  await card.getByTestId('regrade-continue').click();
  await expect(card.getByTestId('regrade-send')).toBeFocused();
  await expectAccessible(student, 'the regrade confirmation');
  await student.keyboard.press('Enter');
  await expect(card.getByTestId('regrade-status')).toHaveAttribute('data-status', 'open');
  await expect(card.getByTestId('regrade-status')).toContainText('Waiting for an answer');
  await expect(card.getByTestId('regrade-open')).toHaveCount(0);

  // A grader finds it in the queue and accepts it with the second rubric item.
  const grader = await addGrader(sitting.examId, 'grader-regrade');
  const graderContext = await browser.newContext();
  const page = await graderContext.newPage();
  await signIn(page, grader);
  await page.goto(`/instructor/sittings/${sittingId}`);
  await expect(page.getByTestId('sitting-tab-count-grading')).toContainText('1 regrade request');
  await page.getByTestId('sitting-tab-grading').click();
  await expect(page.getByTestId('regrades-link')).toHaveText('Regrade requests (1 open)');
  await expect(page.getByTestId('regrade-window-form')).toHaveCount(0);
  await page.getByTestId('regrades-link').click();
  await expect(page.getByTestId('regrade-row')).toHaveCount(1);
  await expectAccessible(page, 'the regrade queue');
  await page.getByTestId('regrade-row-open').click();
  await decide(page);
  await keepScreenshot(page, 'regrade-decided');

  // The student sees the new score and the reply.
  await student.reload();
  await expect(student.getByTestId(`points-${WRITTEN}`)).toHaveText('2 / 2');
  expect(Number(await student.getByTestId('results-total').textContent())).toBe(totalBefore + 1);
  await expect(card.getByTestId('regrade-status')).toHaveAttribute('data-status', 'accepted');
  await expect(card.getByTestId('regrade-reply')).toHaveText(REPLY);
  await expectAccessible(student, 'the results page with the accepted regrade');
  await keepScreenshot(student, 'regrade-student-results');
  await Promise.all([instructorContext.close(), studentContext.close(), graderContext.close()]);
});

async function decide(page: Page): Promise<void> {
  const panel = page.getByTestId('regrade-decision');
  await expect(panel.getByRole('heading', { level: 2 })).toBeFocused();
  await expect(panel.getByTestId('regrade-reason-shown')).toHaveText(REASON);
  await expect(panel.getByTestId('regrade-points-now')).toContainText('1 of 2');
  await expectAccessible(page, 'the regrade decision');
  // Accepting without a reply is refused on the page, in words.
  await panel.getByTestId('regrade-accept').click();
  await expect(panel.getByTestId('regrade-announcement')).toHaveText('Not sent: Write a reply to the student.');
  await panel.getByTestId('rubric-toggle-w1-gradient').check();
  await expect(panel.getByTestId('regrade-new-points')).toHaveText('2');
  await panel.getByTestId('regrade-reply-input').fill(REPLY);
  await panel.getByTestId('regrade-accept').click();
  await expect(panel.getByTestId('regrade-decided')).toContainText('Accepted by grader-regrade');
  await expect(page.getByTestId('regrades-empty')).toBeVisible();
  await expectAccessible(page, 'the regrade queue after the decision');
}
