import { expect, test, type APIRequestContext } from '@playwright/test';
import { expectAccessible } from './accessibility.js';
import { instructorApi } from './api.js';
import { keepScreenshot } from './screenshots.js';

/** Two sections, one with negative marking, and a paper-only fill rule in the instructions. */
const EXAM = `---
id: e2e-start-page
title: Start page exam
duration: 120
instructions: |
  - A box must be filled completely (■) for any answer to be valid. {paper-only}
  - Work alone; notes are **not** allowed.
sections:
  - id: beginner
    marks: 0.5
    penalty: 0.5
  - id: advanced
    marks: 3
---

# Beginner {#beginner}

## {#relu}

Which activation is piecewise linear?

- [ ] $\\tanh$
- [x] ReLU

# Advanced {#advanced}

## {#causal}

Why does a causal convolution never look at the future?

### Rubric

- (3) Each output depends only on earlier inputs
`;

/** The exam, a sitting open from now and one student with 25 % extra time; returns the sitting and the access code. */
async function sittingWithExtraTime(request: APIRequestContext): Promise<{ sittingId: string; code: string }> {
  const { csrf } = await instructorApi(request);
  const headers = { 'x-csrf-token': csrf };
  const exam = await request.post('/api/exams', { data: { source: EXAM }, headers });
  const examId = ((await exam.json()) as { id: string }).id;
  const now = Date.now();
  const sitting = await request.post(`/api/exams/${examId}/sittings`, {
    headers,
    data: {
      title: 'Start page sitting',
      opensAt: new Date(now - 60_000).toISOString(),
      closesAt: new Date(now + 4 * 3_600_000).toISOString(),
      durationMinutes: 120,
      graceSeconds: 60,
    },
  });
  const sittingId = ((await sitting.json()) as { id: string }).id;
  const csv = 'id,name,email,extra_time\nsp1,Student sp1,sp1@e2e.test,25%';
  const roster = await request.post(`/api/sittings/${sittingId}/roster`, { headers, data: { csv } });
  const [entry] = (await roster.json()) as { accessCode: string }[];
  return { sittingId, code: entry?.accessCode ?? '' };
}

/** The student's attempt as the instructor's monitor sees it: the server's word on whether the clock runs. */
async function monitorRow(request: APIRequestContext, sittingId: string) {
  await instructorApi(request);
  const rows = (await (await request.get(`/api/sittings/${sittingId}/monitor`)).json()) as {
    studentNumber: string;
    status: string;
    startedAt?: string;
  }[];
  return rows.find((row) => row.studentNumber === 'sp1');
}

async function expectNotStarted(request: APIRequestContext, sittingId: string): Promise<void> {
  const row = await monitorRow(request, sittingId);
  expect(row?.status).toBe('not-started');
  expect(row?.startedAt).toBeUndefined();
}

test('the start page shows the rules before the clock, which starts only once the student confirms', async ({
  page,
  request,
}) => {
  const { sittingId, code } = await sittingWithExtraTime(request);
  await page.goto('/');
  await page.getByTestId('access-code').fill(code);
  await page.getByTestId('join-submit').click();

  const start = page.getByTestId('before-start');
  await expect(start).toBeVisible();
  await expect(page.getByTestId('start-instructions')).toContainText('notes are not allowed');
  await expect(start).not.toContainText('filled completely');
  await expect(page.getByTestId('negative-marking')).toContainText('in Beginner a wrong answer takes 0.5 marks off');
  await expect(page.getByTestId('start-section-beginner')).toContainText('1 question, 0.5 marks each');
  await expect(page.getByTestId('start-total')).toHaveText('3.5 marks');
  await expect(page.getByTestId('own-duration')).toHaveText("2 h 30 min (the exam's 2 h with your 25 % extra time)");
  await expect(page.getByTestId('deadline-rule')).toContainText('submitted automatically');
  await expectAccessible(page, 'the start page');
  await keepScreenshot(page, 'student-start-page');
  await expectNotStarted(request, sittingId);

  // The dialog takes focus; Escape cancels and gives focus back to Start; nothing has started.
  const opener = page.getByTestId('start-exam');
  await opener.click();
  const dialog = page.getByTestId('start-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('confirm-start')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('cancel-start')).toBeFocused();
  await expectAccessible(page, 'the start confirmation dialog');
  await keepScreenshot(page, 'student-start-dialog');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  await expectNotStarted(request, sittingId);

  // Confirmed from the keyboard: the server starts the clock and focus lands on the first question.
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('exam-page')).toBeVisible();
  await expect(page.locator('#question-relu-title')).toBeFocused();
  await expect(page.getByTestId('timer')).toHaveText(/^2:29:\d\d$/);
  const row = await monitorRow(request, sittingId);
  expect(row?.status).toBe('open');
  expect(row?.startedAt).toEqual(expect.any(String));
  await expect(page.locator('.instructions')).not.toContainText('filled completely');
  await expectAccessible(page, 'the exam page just after the start');
});
