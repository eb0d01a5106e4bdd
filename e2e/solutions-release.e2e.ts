import { expect, request as newRequest, test, type APIRequestContext } from '@playwright/test';
import { expectAccessible } from './accessibility.js';
import { DEMO, openSitting } from './api.js';
import { bundledAs } from './exams.js';
import { signIn } from './keyboard-grader.js';

/** A student through the API: joined, started, one answer (`l2-prior`, key b) and, unless still sitting, handed in. */
async function sitThroughApi(baseURL: string, code: string, handIn: boolean): Promise<APIRequestContext> {
  const student = await newRequest.newContext({ baseURL });
  const joined = await student.post('/api/student/join', { data: { accessCode: code } });
  const headers = { 'x-csrf-token': ((await joined.json()) as { csrfToken: string }).csrfToken };
  await student.post('/api/attempt/start', { headers });
  const save = { seq: 1, questionId: 'l2-prior', answer: { kind: 'choice', selected: ['b'] }, flagged: false };
  expect((await student.put('/api/attempt/answers', { headers, data: { saves: [save] } })).ok()).toBe(true);
  if (handIn) await student.post('/api/attempt/submit', { headers });
  return student;
}

test('the instructor releases results, then solutions, by keyboard; a late taker sees nothing while answering; the student reads why the total is out of 16', async ({
  browser,
  baseURL,
  request,
}) => {
  // axe reads the whole bundled exam's results page (29 questions with math): slow on a busy machine.
  test.setTimeout(480_000);
  const { sittingId, codes } = await openSitting(request, bundledAs('e2e-solutions'), {
    durationMinutes: 30,
    graceSeconds: 0,
    students: ['sr1', 'sr-late'],
    release: 'never',
  });
  const done = await sitThroughApi(baseURL ?? '', codes.sr1 ?? '', true);
  const late = await sitThroughApi(baseURL ?? '', codes['sr-late'] ?? '', false);

  const instructorContext = await browser.newContext();
  const instructor = await instructorContext.newPage();
  await signIn(instructor, DEMO);
  await instructor.goto(`/instructor/sittings/${sittingId}/results`);
  await expect(instructor.getByTestId('results-unscored')).toContainText(
    "16 of the paper's 20 marks are scored: 4 marks are in questions not scored (",
  );
  await expect(instructor.getByTestId('results-unscored')).toContainText('conv-grad-valid: no key');
  await expect(instructor.getByTestId('release-solutions')).toHaveCount(0); // solutions come after results
  await expect(instructor.getByTestId('student-release-sees-sr-late')).toHaveText('nothing yet');
  await expectAccessible(instructor, 'the sitting page before release');

  // Results, then solutions, from the keyboard.
  await instructor.getByTestId('release-results-button').focus();
  await instructor.keyboard.press('Enter');
  await expect(instructor.getByTestId('results-released')).toBeVisible();
  const releaseSolutions = instructor.getByTestId('release-solutions-button');
  await releaseSolutions.focus();
  await instructor.keyboard.press('Enter');
  await expect(instructor.getByTestId('solutions-released')).toBeVisible();
  await expect(instructor.getByTestId('student-release-sees-sr1')).toHaveText('results and solutions');
  await expect(instructor.getByTestId('student-release-sr-late')).toContainText('still answering');
  await expect(instructor.getByTestId('student-release-sees-sr-late')).toHaveText('nothing yet');
  await expectAccessible(instructor, 'the sitting page with results and solutions released');

  // The late taker, still answering, gets neither results nor the key.
  expect((await late.get('/api/attempt/results')).status()).toBe(403);
  expect(((await (await late.get('/api/attempt')).json()) as { resultsAvailable: boolean }).resultsAvailable).toBe(
    false,
  );
  const lateContext = await browser.newContext();
  const latePage = await lateContext.newPage();
  await latePage.goto('/');
  await latePage.getByTestId('access-code').fill(codes['sr-late'] ?? '');
  await latePage.getByTestId('join-submit').click();
  // The join has landed (its cookie is set) once the join form is gone: only then is /results theirs to ask for.
  await expect(latePage.getByTestId('access-code')).toHaveCount(0);
  await latePage.goto('/results');
  await expect(latePage.getByTestId('error')).toContainText('once your exam is over');
  await expect(latePage.getByText('Correct answer')).toHaveCount(0);
  await expectAccessible(latePage, "the late taker's results page while they still answer");

  // The student who finished reads their results with the key, and why the total is out of 16.
  const studentContext = await browser.newContext();
  const student = await studentContext.newPage();
  await student.goto('/');
  await student.getByTestId('access-code').fill(codes.sr1 ?? '');
  await student.getByTestId('join-submit').click();
  await expect(student.getByTestId('access-code')).toHaveCount(0);
  await student.goto('/results');
  await expect(student.getByTestId('results-total')).toHaveText('0.5');
  await expect(student.getByTestId('results-unscored')).toContainText(
    "16 of the paper's 20 marks are scored: 4 marks are in questions not scored (question",
  );
  await expect(student.getByTestId('result-l2-prior')).toContainText('Correct answer');
  await expectAccessible(student, 'the results page with solutions and the unscored maximum explained');

  // Held back for one student, from the keyboard: their solutions go, their results stay.
  const select = instructor.getByLabel('Solutions for Student sr1 (sr1)');
  await select.focus();
  await select.selectOption('held');
  await instructor.keyboard.press('Tab');
  await expect(instructor.getByTestId('student-release-save-sr1')).toBeFocused();
  await instructor.keyboard.press('Enter');
  await expect(instructor.getByTestId('student-release-sees-sr1')).toHaveText('results');
  await student.reload();
  await expect(student.getByTestId('results-total')).toHaveText('0.5');
  await expect(student.getByText('Correct answer')).toHaveCount(0);
  await expectAccessible(instructor, 'the sitting page with a student held back');
  await Promise.all([done.dispose(), late.dispose(), lateContext.close(), studentContext.close()]);
  await instructorContext.close();
});
