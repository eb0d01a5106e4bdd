import { expect, request as newRequest, test } from '@playwright/test';
import { expectAccessible } from './accessibility.js';
import { DEMO, openSitting } from './api.js';
import { bundledAs } from './exams.js';

const WRITTEN = 'wasserstein-vs-js';

test('releasing results with an ungraded written answer asks first, and the confirm step works from the keyboard', async ({
  page,
  request,
  baseURL,
}) => {
  const { sittingId, codes } = await openSitting(request, bundledAs('e2e-release'), {
    durationMinutes: 30,
    graceSeconds: 0,
    students: ['r1'],
    release: 'never',
  });
  // A student hands in a typed answer to the written question, through the API.
  const student = await newRequest.newContext({ baseURL });
  const joined = await student.post('/api/student/join', { data: { accessCode: codes.r1 } });
  const headers = { 'x-csrf-token': ((await joined.json()) as { csrfToken: string }).csrfToken };
  await student.post('/api/attempt/start', { headers });
  const save = {
    seq: 1,
    questionId: WRITTEN,
    answer: { kind: 'text', text: 'JS is constant, W1 is not' },
    flagged: false,
  };
  expect((await student.put('/api/attempt/answers', { headers, data: { saves: [save] } })).ok()).toBe(true);
  await student.post('/api/attempt/submit', { headers });

  await page.goto('/login');
  await page.getByTestId('login-email').fill(DEMO.email);
  await page.getByTestId('login-password').fill(DEMO.password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('exams-page')).toBeVisible();
  await page.goto(`/instructor/sittings/${sittingId}/results`);
  await expect(page.getByTestId(`grading-left-${WRITTEN}`)).toContainText('1 ungraded answer');

  const release = page.getByTestId('release-results-button');
  await release.focus();
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('alertdialog', { name: 'Release results with 1 ungraded answer?' });
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText(WRITTEN);
  // The safe choice has the focus; Escape goes back to the button, nothing released.
  await expect(page.getByTestId('release-cancel')).toBeFocused();
  await expectAccessible(page, 'the release confirmation');
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(release).toBeFocused();
  expect((await student.get('/api/attempt/results')).status()).toBe(403);

  await page.keyboard.press('Enter');
  await expect(page.getByTestId('release-cancel')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('release-confirm-button')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('results-released')).toBeVisible();
  expect((await student.get('/api/attempt/results')).status()).toBe(200);
  await student.dispose();
});
