import { expect, type Page } from '@playwright/test';
import { KEYS, kindOfText, type AnswerKind } from './grading-setup.js';

/** What one grader did: the answers they saved, by attempt id, with the kind they judged each to be. */
export type Graded = Map<string, AnswerKind>;

export const COMMENTS: Partial<Record<AnswerKind, string>> = {
  w1: 'Also show that JS stays at log 2, so its gradient vanishes.',
  neither: 'Compare JS and W1 on two Dirac deltas.',
};
export const ADJUSTMENT = { kind: 'js' as AnswerKind, points: '0.5', reason: 'the W1 idea is there in words' };

/** Signs in through the login page. */
export async function signIn(page: Page, account: { email: string; password: string }): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-email').fill(account.email);
  await page.getByTestId('login-password').fill(account.password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('logout')).toBeVisible();
}

/**
 * Grades every answer the page brings, with the keyboard alone: reads the rendered answer, presses the rubric items'
 * number keys, types a comment (c … Escape) or an adjustment (a … Tab … Escape, first without its reason, which is
 * refused), and saves with Enter, which brings the next ungraded answer, until none is left for this grader.
 */
export async function gradeWithKeyboard(page: Page): Promise<Graded> {
  const graded: Graded = new Map();
  const workspace = page.getByTestId('grading-workspace');
  const announcement = page.getByTestId('grading-announcement');
  for (;;) {
    await expect
      .poll(
        async () => {
          const id = await workspace.getAttribute('data-attempt-id');
          const version = await workspace.getAttribute('data-grade-version');
          if (id !== null && version === '0' && !graded.has(id)) return 'answer';
          if ((await announcement.textContent())?.includes('Every answer you can take is graded')) return 'done';
          return 'waiting';
        },
        { timeout: 30_000 },
      )
      .not.toBe('waiting');
    const attemptId = await workspace.getAttribute('data-attempt-id');
    if (attemptId === null || graded.has(attemptId) || (await workspace.getAttribute('data-grade-version')) !== '0') {
      return graded;
    }
    await expect(workspace).toBeFocused();
    const kind = kindOfText((await page.getByTestId('answer-text').textContent()) ?? '');
    for (const key of KEYS[kind]) await page.keyboard.press(key);
    const comment = COMMENTS[kind];
    if (comment !== undefined) {
      await page.keyboard.press('c');
      await page.keyboard.type(comment);
      await page.keyboard.press('Escape');
    }
    if (kind === ADJUSTMENT.kind) await adjust(page);
    await page.keyboard.press('Enter');
    graded.set(attemptId, kind);
    await expect(announcement).toContainText('Saved answer');
  }
}

async function adjust(page: Page): Promise<void> {
  await page.keyboard.press('a');
  await page.keyboard.type(ADJUSTMENT.points);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('grading-announcement')).toContainText('Not saved: Say why the points are adjusted.');
  await page.keyboard.press('a');
  await page.keyboard.press('Tab');
  await page.keyboard.type(ADJUSTMENT.reason);
  await page.keyboard.press('Escape');
}
