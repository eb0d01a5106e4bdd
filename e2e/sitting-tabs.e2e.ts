import { expect, test } from '@playwright/test';
import { expectAccessible } from './accessibility.js';
import { DEMO, openSitting } from './api.js';
import { bundledAs } from './exams.js';
import { keepScreenshot } from './screenshots.js';

const TABS = ['overview', 'monitor', 'roster', 'results', 'statistics', 'grading', 'paper', 'review', 'audit'];

test('the sitting’s tabs are worked with the keyboard: arrows move, Enter opens, the focus lands on the tab’s heading', async ({
  page,
  request,
}) => {
  const { sittingId } = await openSitting(request, bundledAs('e2e-sitting-tabs'), {
    durationMinutes: 30,
    graceSeconds: 5,
    students: ['t1', 't2'],
  });
  await page.goto('/login');
  await page.getByTestId('login-email').fill(DEMO.email);
  await page.getByTestId('login-password').fill(DEMO.password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('exams-page')).toBeVisible();
  await page.goto(`/instructor/sittings/${sittingId}`);
  const tab = (id: string) => page.getByTestId(`sitting-tab-${id}`);
  await expect(tab('monitor')).toContainText('2 not started');
  await expect(page.getByTestId('overview-waiting')).toContainText('Monitor: 2 not started');

  // One tab stop; the arrows wrap, Home and End jump.
  await tab('overview').focus();
  await page.keyboard.press('ArrowLeft');
  await expect(tab('audit')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(tab('overview')).toBeFocused();
  await expect(tab('monitor')).toHaveAttribute('tabindex', '-1');

  for (const [index, id] of TABS.entries()) {
    if (index > 0) {
      await page.keyboard.press('ArrowRight');
      await expect(tab(id)).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(new RegExp(`/instructor/sittings/${sittingId}/${id}$`));
      await expect(tab(id)).toHaveAttribute('aria-current', 'page');
      await expect(page.getByTestId(`sitting-panel-${id}`).getByRole('heading', { level: 2 }).first()).toBeFocused();
    }
    await expectAccessible(page, `the sitting's ${id} tab`);
    if (index === 0) continue;
    // Back to the tab list from the heading: the current tab is the list's one stop.
    await page.keyboard.press('Shift+Tab');
    await expect(tab(id)).toBeFocused();
  }
  await keepScreenshot(page, 'instructor-sitting-tabs');
});
