import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { expectAccessible } from './accessibility.js';
import { DEMO, instructorApi, openSitting } from './api.js';
import { bundledAs } from './exams.js';
import { submitTypedAnswer, typedAnswer } from './grading-setup.js';
import { signIn } from './keyboard-grader.js';

const WRITTEN = 'wasserstein-vs-js';
/** A screenshot of the rubric usage alone, kept with the other browser-test screenshots. */
const SHOT = fileURLToPath(new URL('./artifacts/screenshots/statistics-rubric-usage.png', import.meta.url));
const STUDENTS = ['ru1', 'ru2', 'ru3'];

test('the statistics page shows how often each rubric item of a written question was applied', async ({
  page,
  request,
}) => {
  // axe reads the whole statistics page of the bundled exam (29 questions with math); slow on a busy machine.
  test.setTimeout(480_000);
  const { sittingId, codes } = await openSitting(request, bundledAs('e2e-rubric-usage'), {
    durationMinutes: 30,
    graceSeconds: 0,
    students: STUDENTS,
  });
  for (const [index, student] of STUDENTS.entries())
    await submitTypedAnswer(codes[student] ?? '', WRITTEN, typedAnswer('both', index));
  // Two answers graded (both items, then the first alone); the third waits for a grader.
  const { csrf } = await instructorApi(request);
  const results = (await (await request.get(`/api/sittings/${sittingId}/results`)).json()) as {
    studentNumber: string;
    attemptId: string;
  }[];
  const attemptOf = (student: string) => results.find((row) => row.studentNumber === student)?.attemptId ?? '';
  for (const [student, items] of [
    ['ru1', ['js-constant', 'w1-gradient']],
    ['ru2', ['js-constant']],
  ] as const) {
    const url = `/api/sittings/${sittingId}/grading/${WRITTEN}/answers/${attemptOf(student)}/grade`;
    const graded = await request.put(url, { headers: { 'x-csrf-token': csrf }, data: { items, expectedVersion: 0 } });
    expect(graded.ok()).toBe(true);
  }

  await signIn(page, DEMO);
  await page.goto(`/instructor/sittings/${sittingId}/statistics`);
  const usage = page.getByTestId(`rubric-usage-${WRITTEN}`);
  await expect(usage).toBeVisible();
  await expect(usage.getByRole('table')).toHaveAccessibleName(/How often each rubric item was applied/);
  const row = (item: string) => usage.locator(`tr[data-item="${item}"]`);
  await expect(row('js-constant').getByRole('cell')).toHaveText(['1', '2', '100 %']);
  await expect(row('w1-gradient').getByRole('cell')).toHaveText(['1', '1', '50 %']);
  await expect(usage).toContainText('2 graded answers; 1 answer not graded yet, not in these counts.');
  await usage.scrollIntoViewIfNeeded();
  await usage.screenshot({ path: SHOT });
  await expectAccessible(page, 'the statistics page with rubric usage');
});
