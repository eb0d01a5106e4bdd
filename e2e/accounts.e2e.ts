import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { startServerProcess, type ServerProcess } from '../packages/server/src/test-support/server-process.js';
import { expectAccessible } from './accessibility.js';
import { bundledAs } from './exams.js';

/**
 * Issue 11, Must show 1: a newcomer's path on a fresh database with `DEMO=off`. The server prints a setup code; with
 * it the first administrator is created, who adds an instructor and a grader; they set their passwords from their
 * links and sign in; the grader cannot change a key; a disabled account cannot sign in. Axe runs on every page.
 */
let server: ServerProcess;
let setupCode = '';

test.beforeAll(async () => {
  const directory = mkdtempSync(join(tmpdir(), 'examforge-e2e-accounts-'));
  server = await startServerProcess({
    databaseUrl: join(directory, 'production.sqlite'),
    demoStudents: 0,
    demo: 'off',
    webRoot: fileURLToPath(new URL('../packages/web/dist', import.meta.url)),
  });
  setupCode = (await server.waitForOutput(/Setup code: ([A-Z0-9-]+)/))[1] ?? '';
});
test.afterAll(() => server.stop());

const ADMIN = { name: 'Ada Admin', email: 'ada@uni.test', password: 'first administrator passphrase' };
const INSTRUCTOR = { name: 'Ines Instructor', email: 'ines@uni.test', password: 'instructor passphrase one' };
const GRADER = { name: 'Greta Grader', email: 'greta@uni.test', password: 'grader passphrase one' };

test('a fresh production server: setup code, first administrator, an instructor and a grader', async ({ browser }) => {
  expect(setupCode).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
  const admin = await newPage(browser);
  await admin.goto(`${server.url}/login`);
  await expectAccessible(admin, 'the login page before setup');
  await admin.getByRole('link', { name: /Set up Examforge/ }).click();
  await expect(admin.getByTestId('setup-form')).toBeVisible();
  await expectAccessible(admin, 'the setup page');
  await admin.getByTestId('setup-code').fill(setupCode.toLowerCase());
  await admin.getByTestId('setup-name').fill(ADMIN.name);
  await admin.getByTestId('setup-email').fill(ADMIN.email);
  await admin.getByTestId('new-password').fill(ADMIN.password);
  await admin.getByTestId('new-password-again').fill(ADMIN.password);
  await admin.getByTestId('setup-submit').click();
  await expect(admin.getByTestId('accounts-page')).toBeVisible();
  await expectAccessible(admin, 'the accounts page');

  const instructorLink = await addPerson(admin, INSTRUCTOR, 'instructor');
  await expectAccessible(admin, 'the accounts page with a one-time link');
  const graderLink = await addPerson(admin, GRADER, 'grader');
  await expect(admin.getByTestId(`account-${GRADER.email}`).getByTestId('account-status')).toHaveText(
    'Waiting for a password',
  );

  // The setup code worked once: the setup page now says the site is set up.
  const other = await newPage(browser);
  await other.goto(`${server.url}/setup`);
  await expect(other.getByTestId('setup-done')).toBeVisible();
  await expectAccessible(other, 'the setup page once set up');

  const instructor = await newPage(browser);
  await setPasswordAndSignIn(instructor, instructorLink, INSTRUCTOR);
  await expectAccessible(instructor, 'the exams page');
  await instructor.getByTestId('exam-source').fill(bundledAs('e2e-accounts'));
  await instructor.getByTestId('exam-import').click();
  await expect(instructor.getByTestId('exam-detail-page')).toBeVisible();
  await instructor.getByTestId('staff-grant-email').fill(GRADER.email);
  await instructor.getByTestId('staff-grant-role').selectOption('grader');
  await instructor.getByTestId('staff-grant-submit').click();
  await expect(instructor.getByTestId(`staff-${GRADER.email}`)).toContainText('Grader');
  await expectAccessible(instructor, 'the exam page with its people');
  await instructor.getByTestId('sitting-title').fill('Accounts sitting');
  await instructor.getByTestId('sitting-create').click();
  await expect(instructor.getByTestId('sitting-page')).toBeVisible();
  const sittingPath = new URL(instructor.url()).pathname;
  const sittingId = sittingPath.split('/').pop() ?? '';
  await instructor.getByTestId('sitting-tab-results').click();
  await expect(instructor.getByTestId('key-change-form')).toBeVisible();

  await instructor.getByRole('link', { name: 'Password' }).click();
  await expect(instructor.getByTestId('change-password-page')).toBeVisible();
  await instructor.getByTestId('current-password').fill(INSTRUCTOR.password);
  await instructor.getByTestId('new-password').fill('instructor passphrase two');
  await instructor.getByTestId('new-password-again').fill('instructor passphrase two');
  await instructor.getByTestId('change-password-submit').click();
  await expect(instructor.getByTestId('change-password-done')).toBeVisible();
  await expectAccessible(instructor, 'the change-password page');

  // The grader's link works even in a browser already signed in (here the administrator's own).
  await setPasswordFromLink(await admin.context().newPage(), graderLink, GRADER);
  const grader = await newPage(browser);
  await grader.goto(`${server.url}/login`);
  await signIn(grader, GRADER);
  await expect(grader.getByTestId('exams-page')).toBeVisible();
  await grader.goto(`${server.url}${sittingPath}/results`);
  await expect(grader.getByTestId('sitting-tab-results')).toHaveAttribute('aria-current', 'page');
  await expect(grader.getByTestId('key-change-form')).toHaveCount(0);
  await expectAccessible(grader, 'the sitting page as a grader');
  // Not even through the API: the grader's own session is refused a key change.
  const me = (await (await grader.request.get(`${server.url}/api/auth/me`)).json()) as { csrfToken: string };
  const key = await grader.request.post(`${server.url}/api/sittings/${sittingId}/key`, {
    headers: { 'x-csrf-token': me.csrfToken },
    data: { questionId: 'l2-prior', letters: ['a'] },
  });
  expect(key.status()).toBe(403);
  await grader.goto(`${server.url}/instructor/exams/${await examIdOf(instructor)}`);
  await expect(grader.getByTestId(`staff-${GRADER.email}`)).toBeVisible();
  await expect(grader.getByTestId('staff-grant')).toHaveCount(0);

  // Disabled: the grader's open session ends at once, and signing in again is refused.
  await admin
    .getByTestId(`account-${GRADER.email}`)
    .getByRole('button', { name: `Disable ${GRADER.name}` })
    .click();
  await expect(admin.getByTestId(`account-${GRADER.email}`).getByTestId('account-status')).toContainText('Disabled');
  await expectAccessible(admin, 'the accounts page with a disabled account');
  expect((await grader.request.get(`${server.url}/api/exams`)).status()).toBe(401);
  await grader.goto(`${server.url}/instructor`);
  await expect(grader.getByTestId('login-page')).toBeVisible();
  await signIn(grader, GRADER);
  await expect(grader.getByTestId('login-error')).toContainText('This account is disabled');
  await expect(grader.getByTestId('login-error')).not.toContainText('account-disabled');
  await expectAccessible(grader, 'the login page refusing a disabled account');
});

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

async function addPerson(admin: Page, person: typeof INSTRUCTOR, role: 'instructor' | 'grader'): Promise<string> {
  await admin.getByTestId('new-account-name').fill(person.name);
  await admin.getByTestId('new-account-email').fill(person.email);
  await admin.getByTestId('new-account-role').selectOption(role);
  await admin.getByTestId('new-account-submit').click();
  await expect(admin.getByTestId('one-time')).toContainText(person.name);
  await expect(admin.getByTestId(`account-${person.email}`)).toBeVisible();
  return admin.getByTestId('one-time-link').inputValue();
}

async function setPasswordAndSignIn(page: Page, link: string, person: typeof INSTRUCTOR): Promise<void> {
  await setPasswordFromLink(page, link, person);
  await page.getByTestId('set-password-login').click();
  await signIn(page, person);
  await expect(page.getByTestId('exams-page')).toBeVisible();
}

async function setPasswordFromLink(page: Page, link: string, person: typeof INSTRUCTOR): Promise<void> {
  await page.goto(link);
  await expect(page.getByTestId('set-password-form')).toBeVisible();
  await expectAccessible(page, 'the set-password page');
  await page.getByTestId('new-password').fill(person.password);
  await page.getByTestId('new-password-again').fill(person.password);
  await page.getByTestId('set-password-submit').click();
  await expect(page.getByTestId('set-password-done')).toBeVisible();
  await expectAccessible(page, 'the set-password page once done');
}

async function signIn(page: Page, person: typeof INSTRUCTOR): Promise<void> {
  await page.getByTestId('login-email').fill(person.email);
  await page.getByTestId('login-password').fill(person.password);
  await page.getByTestId('login-submit').click();
}

async function examIdOf(instructor: Page): Promise<string> {
  const exams = (await (
    await instructor.request.get(`${instructor.url().split('/instructor')[0]}/api/exams`)
  ).json()) as {
    id: string;
  }[];
  return exams[0]?.id ?? '';
}
