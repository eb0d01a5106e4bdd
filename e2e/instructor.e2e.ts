import { expect, test } from '@playwright/test';
import { expectAccessible } from './accessibility.js';
import { DEMO } from './api.js';
import { bundledAs } from './exams.js';
import { keepScreenshot } from './screenshots.js';

test('an instructor imports the exam, opens a sitting, watches the monitor, reads results and changes a key', async ({
  page,
  browser,
}) => {
  await page.goto('/login');
  await page.getByTestId('login-email').fill(DEMO.email);
  await page.getByTestId('login-password').fill(DEMO.password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('exams-page')).toBeVisible();

  await page
    .getByTestId('exam-source')
    .fill(
      '---\nid: broken\ntitle: Broken\nduration: 10\nsections:\n  - id: s\n    marks: 1\n---\n\n# S {#s}\n\n## No id here\n\nQ?\n\n- [x] A\n- [ ] B\n',
    );
  await page.getByTestId('exam-import').click();
  await expect(page.getByTestId('import-diagnostics')).toContainText('line 12, column 14');
  await expect(page.getByTestId('import-diagnostics')).toContainText('question heading has no id');
  await keepScreenshot(page, 'instructor-import-errors');

  await page.getByTestId('exam-source').fill(bundledAs('e2e-instructor'));
  await page.getByTestId('exam-import').click();
  await expect(page.getByTestId('exam-detail-page')).toBeVisible();
  // The executable checks run on the server: the source's doubtful key for the residual-block gradient is reported.
  await expect(page.getByTestId('verify-resnet-residual-gradient')).toContainText('disagrees', { timeout: 30_000 });
  await expect(page.getByTestId('verify-masked-softmax')).toContainText('agrees');
  await keepScreenshot(page, 'instructor-exam');

  await page.getByTestId('sitting-title').fill('Monday sitting');
  // The form proposes the next full hour; this sitting opens a minute ago, in the browser's own time zone.
  const opensNow = await page.evaluate(() => {
    const at = new Date(Date.now() - 60_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
  });
  await page.getByTestId('sitting-opens').fill(opensNow);
  await page.getByTestId('sitting-create').click();
  await expect(page.getByTestId('sitting-page')).toBeVisible();
  await page.getByTestId('sitting-tab-roster').click();
  await page
    .getByTestId('roster-csv')
    .fill('id,name,email,extra_time\nr1,Rita,r1@e2e.test,\nr1,Rita again,,\nr3,Ravi,,lots');
  await page.getByTestId('roster-import').click();
  // Each problem named where it is, and no internal code in the words.
  await expect(page.getByTestId('roster-error')).toContainText('row 3, column A (id): student r1 is already on row 2');
  await expect(page.getByTestId('roster-error')).toContainText('row 4, column D (extra_time)');
  await expect(page.getByTestId('roster-error')).not.toContainText('roster-invalid');
  await page.getByTestId('roster-csv').fill('id,name,email,extra_time\nr1,Rita,r1@e2e.test,\nr2,Raj,r2@e2e.test,25%');
  await page.getByTestId('roster-import').click();
  const code = (await page.getByTestId('access-code-r1').textContent())?.trim() ?? '';
  expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);

  const studentContext = await browser.newContext();
  const student = await studentContext.newPage();
  await student.goto('/');
  await student.getByTestId('access-code').fill(code);
  await student.getByTestId('join-submit').click();
  await student.getByTestId('start-exam').click();
  await student.getByTestId('confirm-start').click();
  await student.getByTestId('option-l2-prior-b').check();
  await student.getByTestId('option-masked-softmax-d').check();
  await expect(student.getByTestId('save-status')).toHaveAttribute('data-status', 'saved', { timeout: 30_000 });

  await page.getByTestId('sitting-tab-monitor').click();
  await expect(page.getByTestId('monitor-row-r1')).toHaveAttribute('data-status', 'open', { timeout: 15_000 });
  await expect(page.getByTestId('sitting-tab-count-monitor')).toHaveText(': 1 working, 1 not started');
  await expect(page.getByTestId('monitor-row-r2')).toHaveAttribute('data-status', 'not-started');
  await keepScreenshot(page, 'instructor-monitor');

  await page.getByTestId('sitting-tab-results').click();
  await expect(page).toHaveURL(/\/results$/);
  await page.reload();
  // The address keeps the tab.
  await expect(page.getByTestId('sitting-tab-results')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('results-total-r1')).toContainText('1', { timeout: 15_000 });
  await page.getByTestId('key-question').selectOption('l2-prior');
  // The form starts from the current key, then says who gains or loses what before anything is applied.
  await expect(page.getByTestId('key-current')).toHaveText('Current key: (b).');
  await expect(page.getByTestId('key-letter-b')).toBeChecked();
  await page.getByTestId('key-letter-b').uncheck();
  await page.getByTestId('key-letter-a').check();
  await expect(page.getByTestId('key-preview-summary')).toHaveText('Before applying: 1 student loses 1 mark.');
  await expect(page.getByTestId('key-preview-row-r1')).toContainText('−1');
  await expect(page.getByTestId('results-total-r1')).toContainText('1');
  await expectAccessible(page, 'the results tab with a key change previewed');
  await page.getByTestId('key-submit').click();
  await expect(page.getByTestId('key-result')).toBeVisible();
  // (b) was right and is now wrong: +0.5 becomes −0.5, so 1 becomes 0.
  await expect(page.getByTestId('results-total-r1')).toHaveText(/^\s*0\b/);
  await expect(page.getByTestId('results-csv')).toHaveAttribute('href', /results\.csv$/);
  await keepScreenshot(page, 'instructor-results');
  await studentContext.close();
});
