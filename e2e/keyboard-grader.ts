import { expect, type Locator, type Page } from '@playwright/test';
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
 * Grades every answer the page brings, with the keyboard alone: reads the rendered answer (a handwritten one is
 * judged by `handwritten`, as the test cannot read strokes; its scan must show, and the whole page once), presses the rubric items'
 * number keys, types a comment (c … Escape) or an adjustment (a … Tab … Escape, first without its reason, which is
 * refused), and saves with Enter, which brings the next ungraded answer, until none is left for this grader.
 */
export async function gradeWithKeyboard(page: Page, handwritten: (attemptId: string) => AnswerKind): Promise<Graded> {
  const graded: Graded = new Map();
  let lookedAtPage = false;
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
    const typed = page.getByTestId('answer-text');
    let kind: AnswerKind;
    if (await typed.isVisible()) kind = kindOfText((await typed.textContent()) ?? '');
    else {
      await expectImageShown(page);
      if (!lookedAtPage) await lookAtWholePage(page);
      lookedAtPage = true;
      kind = handwritten(attemptId);
    }
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

/** An image is on screen and loaded, not a broken one. */
export async function expectImageLoaded(image: Locator): Promise<void> {
  await expect(image).toBeVisible();
  await expect
    .poll(() => image.evaluate((element) => (element as unknown as { naturalWidth: number }).naturalWidth))
    .toBeGreaterThan(0);
}

/** The scanned box is on screen. */
async function expectImageShown(page: Page): Promise<void> {
  await expectImageLoaded(page.getByTestId('scan-image'));
}

/** Zooms in, shows the whole page (w) and goes back to the box (w), zoom back out: keys only. */
async function lookAtWholePage(page: Page): Promise<void> {
  await page.keyboard.press('+');
  await page.keyboard.press('w');
  await expect(page.getByTestId('scan-whole-page')).toHaveAttribute('aria-pressed', 'true');
  await expectImageShown(page);
  await expect(page.getByTestId('scan-image')).toHaveAttribute('src', /page\.jpg$/);
  await page.keyboard.press('w');
  await page.keyboard.press('-');
  await expect(page.getByTestId('scan-image')).toHaveAttribute('src', /crop\.jpg$/);
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
