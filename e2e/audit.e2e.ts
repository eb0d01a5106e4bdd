import { readFileSync } from 'node:fs';
import { expect, request as newRequest, test, type Download, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { expectAccessible } from './accessibility.js';
import { DEMO, openSitting } from './api.js';
import { bundledAs } from './exams.js';
import { keepScreenshot } from './screenshots.js';

const downloaded = async (download: Download): Promise<Buffer> => readFileSync(await download.path());

async function download(page: Page, testId: string): Promise<Buffer> {
  const pending = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  return downloaded(await pending);
}

test('an instructor reads a sitting’s audit trail, filters it by kind, downloads it as CSV and the exam as a zip', async ({
  page,
  browser,
  request,
}) => {
  const { sittingId, codes } = await openSitting(request, bundledAs('e2e-audit'), {
    durationMinutes: 60,
    graceSeconds: 30,
    students: ['a1', 'a2'],
  });
  const studentContext = await browser.newContext();
  const student = await studentContext.newPage();
  await student.goto('/');
  await student.getByTestId('access-code').fill(codes.a1 ?? '');
  await student.getByTestId('join-submit').click();
  await student.getByTestId('start-exam').click();
  await student.getByTestId('confirm-start').click();
  await student.getByTestId('option-l2-prior-b').check();
  await expect(student.getByTestId('save-status')).toHaveAttribute('data-status', 'saved', { timeout: 30_000 });
  await studentContext.close();
  // Another student saves one answer sixty times through the API: more events than one page holds.
  const other = await newRequest.newContext({ baseURL: process.env.E2E_BASE_URL });
  const joined = await other.post('/api/student/join', { data: { accessCode: codes.a2 } });
  const headers = { 'x-csrf-token': ((await joined.json()) as { csrfToken: string }).csrfToken };
  await other.post('/api/attempt/start', { headers });
  const saves = Array.from({ length: 60 }, (_, index) => ({
    seq: index + 1,
    questionId: 'l2-prior',
    answer: { kind: 'choice', selected: [index % 2 === 0 ? 'a' : 'c'] },
    flagged: false,
  }));
  expect((await other.put('/api/attempt/answers', { headers, data: { saves } })).ok()).toBe(true);
  await other.dispose();

  await page.goto('/login');
  await page.getByTestId('login-email').fill(DEMO.email);
  await page.getByTestId('login-password').fill(DEMO.password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('exams-page')).toBeVisible();
  await page.goto(`/instructor/sittings/${sittingId}`);
  await expect(page.getByTestId('sitting-page')).toBeVisible();
  await expectAccessible(page, 'the sitting page');
  await page.getByTestId('sitting-tab-audit').click();

  await expect(page.getByTestId('audit-page')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Audit trail' })).toBeFocused();
  const rows = page.getByTestId('audit-event');
  await expect(rows.first()).toBeVisible();
  await expect(rows).toHaveCount(50);
  await expect(rows.first()).toHaveAttribute('data-kind', 'answer.saved');
  await expect(rows.first()).toContainText('Student a2');
  await expectAccessible(page, 'the audit page');

  // The filters work from the keyboard: choose the kind, Enter in the student field applies them.
  await page.getByTestId('audit-kind').focus();
  await page.getByTestId('audit-kind').selectOption('answer.saved');
  await page.getByTestId('audit-student').fill('a1');
  await page.getByTestId('audit-student').press('Enter');
  await expect(page).toHaveURL(/kind=answer.saved/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-kind', 'answer.saved');
  await expect(rows.first()).toContainText('saved an answer to l2-prior: B');
  await expect(page.getByTestId('audit-count')).toHaveText('1 event shown.');
  await keepScreenshot(page, 'audit-sitting');
  await expectAccessible(page, 'the filtered audit page');

  const csv = parse<Record<string, string>>(await download(page, 'audit-csv'), { columns: true });
  expect(csv).toEqual([
    expect.objectContaining({
      kind: 'answer.saved',
      'actor kind': 'student',
      actor: 'Student a1',
      student: 'a1',
      question: 'l2-prior',
      sitting: 'E2E sitting',
      summary: 'saved an answer to l2-prior: B',
    }),
  ]);

  // Older events come a page at a time; once the last is in, focus moves from the vanished button to the count.
  await page.getByTestId('audit-student').fill('a2');
  await page.getByTestId('audit-kind').selectOption('');
  await page.getByTestId('audit-apply').click();
  await expect(rows).toHaveCount(50);
  await expect(page.getByTestId('audit-count')).toHaveText('50 events shown; older ones can be loaded.');
  await page.getByTestId('audit-more').focus();
  await page.keyboard.press('Enter');
  await expect(rows).toHaveCount(61);
  await expect(page.getByTestId('audit-more')).toHaveCount(0);
  await expect(page.getByTestId('audit-count')).toBeFocused();
  await expect(rows.last()).toHaveAttribute('data-kind', 'attempt.started');
  await expectAccessible(page, 'the audit page with every page loaded');

  await page.getByTestId('sitting-tab-overview').click();
  await expect(page.getByTestId('sitting-overview')).toBeVisible();
  await page.getByRole('link', { name: /^← / }).first().click();
  await expect(page.getByTestId('exam-detail-page')).toBeVisible();
  await expectAccessible(page, 'the exam page');
  const zip = unzipSync(new Uint8Array(await download(page, 'exam-archive')));
  const manifest = JSON.parse(strFromU8(zip['manifest.json'] ?? new Uint8Array())) as { counts: { students: number } };
  expect(manifest.counts.students).toBe(2);
  expect(Object.keys(zip)).toContain(`sittings/${sittingId}/responses.csv`);

  await page.getByTestId('audit-link').click();
  await expect(page.getByTestId('audit-page')).toBeVisible();
  // The exam's trail spans its sittings, and now records both downloads.
  await expect(page.getByRole('columnheader', { name: 'Sitting' })).toBeVisible();
  await expect(page.locator('[data-kind="exam.archived"]')).toHaveCount(1);
  await expect(page.locator('[data-kind="audit.exported"]')).toHaveCount(1);
  await expectAccessible(page, 'the exam’s audit page');
});
