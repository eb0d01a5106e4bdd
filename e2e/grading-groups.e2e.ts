import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test';
import { expectAccessible } from './accessibility.js';
import { DEMO, instructorApi, openSitting } from './api.js';
import { EVERY_TYPE } from './exams.js';
import { addGrader, gradingEvents, submitTypedAnswer } from './grading-setup.js';
import { signIn } from './keyboard-grader.js';
import { keepScreenshot } from './screenshots.js';

const QUESTION = 'free';
/** Three answers that read the same once case and spacing (in math too) are ignored, and one that does not. */
const ANSWERS: Record<string, string> = {
  g1: 'W1 is $|\\theta|$, so the gradient is $\\operatorname{sign}(\\theta)$.',
  g2: 'w1 is  $| \\theta |$, so the gradient is $\\operatorname{sign}( \\theta )$.',
  g3: 'W1 IS $|\\theta|$, so the  gradient is $\\operatorname{sign}(\\theta)$.',
  g4: 'No idea.',
};

interface Entry {
  attemptId: string;
  state: string;
  version: number;
  items: string[];
}

test('answers alike are graded in one action with one split out, and a grade conflict shows the other grade to redo', async ({
  page,
  request,
}) => {
  const students = Object.keys(ANSWERS);
  const { sittingId, codes } = await openSitting(request, EVERY_TYPE.replace('id: every-type', 'id: e2e-groups'), {
    durationMinutes: 10,
    graceSeconds: 60,
    students,
  });
  for (const student of students) await submitTypedAnswer(codes[student] ?? '', QUESTION, ANSWERS[student] ?? '');
  await instructorApi(request);
  const rows = (await (await request.get(`/api/sittings/${sittingId}/results`)).json()) as {
    studentNumber: string;
    attemptId: string;
  }[];
  const attempt = (student: string) => rows.find((row) => row.studentNumber === student)?.attemptId ?? '';
  const examId = ((await (await request.get(`/api/sittings/${sittingId}`)).json()) as { examId: string }).examId;

  await signIn(page, DEMO);
  await page.goto(`/instructor/sittings/${sittingId}/grading/${QUESTION}`);
  await expect(page.getByTestId('grading-workspace')).toBeFocused();
  // Open g1 from the list with the keyboard: its group of three is offered.
  await page
    .getByTestId(`queue-entry-${attempt('g1')}`)
    .getByRole('button')
    .press('Enter');
  await expect(page.getByTestId('grading-workspace')).toHaveAttribute('data-attempt-id', attempt('g1'));
  const group = page.getByTestId('answer-group');
  await expect(group).toContainText('3 answers read the same');
  await expectAccessible(page, 'the grading page with answers alike');
  await page.getByTestId(`group-member-${attempt('g3')}`).press('Space');
  await page.keyboard.press('1');
  await expect(page.getByTestId('group-grade')).toHaveText('Grade all 2 with this grade');
  await keepScreenshot(page, 'grading-group');
  await page.getByTestId('group-grade').press('Enter');
  await expect(page.getByTestId('grading-announcement')).toContainText('Graded 2 answers alike.');
  const graded = await queue(request, sittingId);
  const entry = (student: string) => graded.find((candidate) => candidate.attemptId === attempt(student));
  expect(entry('g1')).toMatchObject({ state: 'graded', version: 1, items: ['r1'] });
  expect(entry('g2')).toMatchObject({ state: 'graded', version: 1, items: ['r1'] });
  expect(entry('g3')).toMatchObject({ state: 'ungraded', version: 0 });

  // g3 was split out: the instructor opens it; another grader saves it first; the instructor's save is refused.
  await page
    .getByTestId(`queue-entry-${attempt('g3')}`)
    .getByRole('button')
    .press('Enter');
  const workspace = page.getByTestId('grading-workspace');
  await expect(workspace).toHaveAttribute('data-attempt-id', attempt('g3'));
  await expect(workspace).toBeFocused();
  const other = await graderApi(await addGrader(examId, 'grader-cy'));
  const saved = await other.api.put(`/api/sittings/${sittingId}/grading/${QUESTION}/answers/${attempt('g3')}/grade`, {
    headers: other.headers,
    data: { items: [], comment: 'Case matters here.', expectedVersion: 0 },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  await page.keyboard.press('1');
  await page.keyboard.press('s');
  const conflict = page.getByTestId('grade-conflict');
  await expect(conflict).toContainText('grader-cy graded this answer first');
  await expect(conflict).toContainText('Case matters here.');
  await expect(page.getByTestId(`rubric-toggle-r1`)).toBeChecked();
  await expectAccessible(page, 'the grading page with a grade conflict');
  await keepScreenshot(page, 'grading-conflict');
  await workspace.focus();
  await page.keyboard.press('s');
  await expect(page.getByTestId('grading-announcement')).toContainText('Saved answer');
  await expect(workspace).toHaveAttribute('data-grade-version', '2');
  expect((await queue(request, sittingId)).find((e) => e.attemptId === attempt('g3'))).toMatchObject({
    version: 2,
    items: ['r1'],
  });
  const events = gradingEvents(QUESTION).filter((event) => event.subject.includes(attempt('g3')));
  expect(events.map((event) => event.action)).toEqual(['grade.applied', 'grade.conflict', 'grade.applied']);
  await other.api.dispose();

  // g4 needs a second look: f, a note, Enter flags it; the "flagged" filter finds it. On the way, k and j move back
  // and forth in queue order (by attempt id).
  await page
    .getByTestId(`queue-entry-${attempt('g4')}`)
    .getByRole('button')
    .press('Enter');
  await expect(workspace).toHaveAttribute('data-attempt-id', attempt('g4'));
  await expect(workspace).toBeFocused();
  const order = students.map(attempt).sort();
  const before = order[order.indexOf(attempt('g4')) - 1];
  await page.keyboard.press('k');
  if (before === undefined) {
    await expect(page.getByTestId('grading-announcement')).toContainText('No previous answer');
  } else {
    await expect(workspace).toHaveAttribute('data-attempt-id', before);
    await expect(workspace).toBeFocused();
    await page.keyboard.press('j');
    await expect(workspace).toHaveAttribute('data-attempt-id', attempt('g4'));
  }
  await expect(workspace).toBeFocused();
  await page.keyboard.press('f');
  await page.keyboard.type('Is "no idea" worth a comment?');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('grading-announcement')).toContainText('Flagged for a second look.');
  await expect(page.getByTestId('answer-flag')).toContainText(
    'Flagged by Demo Instructor: Is "no idea" worth a comment?',
  );
  await page.getByTestId('filter-state').selectOption('flagged');
  await expect(page.getByTestId('grading-queue').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId(`queue-entry-${attempt('g4')}`)).toContainText('Is "no idea" worth a comment?');
  await expectAccessible(page, 'the grading page with a flagged answer');

  // The instructor adds a rubric item while grading, and removes it again while no answer carries it.
  await page.getByTestId('rubric-edit-toggle').click();
  await page.getByTestId('rubric-edit-new-id').fill('r2');
  await page.getByTestId('rubric-edit-new-points').fill('0.5');
  await page.getByTestId('rubric-edit-new-text').fill('States $\\nabla_\\theta W_1 = \\operatorname{sign}(\\theta)$');
  await page.getByTestId('rubric-edit-new-save').press('Enter');
  await expect(page.getByTestId('rubric-item-r2')).toContainText('+0.5');
  await expect(page.getByTestId('rubric-edit-new-id')).toHaveValue('');
  await page.getByTestId('rubric-edit-r2-remove').press('Enter');
  await expect(page.getByTestId('grading-announcement')).toContainText('Rubric item r2 removed.');
  await expect(page.getByTestId('rubric-item-r2')).toHaveCount(0);
});

async function queue(request: APIRequestContext, sittingId: string): Promise<Entry[]> {
  const reply = await request.get(`/api/sittings/${sittingId}/grading/${QUESTION}?filter=all`);
  expect(reply.status()).toBe(200);
  return ((await reply.json()) as { entries: Entry[] }).entries;
}

async function graderApi(account: { email: string; password: string }) {
  const api = await playwrightRequest.newContext({ baseURL: process.env.E2E_BASE_URL });
  const login = await api.post('/api/auth/login', { data: account });
  expect(login.status()).toBe(200);
  return { api, headers: { 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken } };
}
