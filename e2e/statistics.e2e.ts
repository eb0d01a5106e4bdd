import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, request as newRequest, test, type Page } from '@playwright/test';
import {
  isChoiceQuestion,
  listQuestions,
  optionLetter,
  parseExam,
  type ChoiceQuestion,
} from '../packages/core/src/index.js';
import { expectAccessible } from './accessibility.js';
import { addSitting, DEMO, instructorApi, openSitting } from './api.js';
import { bundledAs } from './exams.js';
import { keepScreenshot } from './screenshots.js';

/** The source's key (b) disagrees with the computed gradient, (c): here the strong students choose (c). */
const DOUBTED = 'resnet-residual-gradient';
/** A screenshot of part of a page, beside keepScreenshot's whole pages. */
const shot = (name: string) => fileURLToPath(new URL(`./artifacts/screenshots/${name}.png`, import.meta.url));
const STUDENTS = Array.from({ length: 20 }, (_, index) => `st${String(index + 1).padStart(2, '0')}`);
/** A second sitting of the same paper, and the abilities of its students (on the same scale as the first's). */
const SECOND = ['nd01', 'nd02', 'nd03', 'nd04'];
const SECOND_ABILITIES = [3, 9, 14, 18];

interface ScoredChoice {
  readonly question: ChoiceQuestion;
  /** Students weaker than this get the question wrong, the others right: ability orders the class. */
  readonly difficulty: number;
}

/**
 * What student `ability` (0 the weakest, 19 the strongest) answers to each scored choice question: right from their
 * ability up, otherwise a distractor (in turn, so every distractor draws someone). The doubted question goes the
 * other way round: the weaker half picks the marked key, the stronger half the option the computation gives.
 */
function answersOf(ability: number, choices: readonly ScoredChoice[]): { questionId: string; selected: string[] }[] {
  return choices
    .map(({ question, difficulty }) => {
      const letters = question.options.map((_, index) => optionLetter(index));
      const keyed = letters.filter((_, index) => question.options[index]?.correct);
      const distractors = letters.filter((letter) => !keyed.includes(letter));
      if (question.id === DOUBTED) return { questionId: question.id, selected: [ability < 10 ? 'b' : 'c'] };
      if (ability >= difficulty) return { questionId: question.id, selected: keyed };
      // Now and then a weak student leaves a question they cannot answer blank (no save at all).
      if ((ability * 3 + difficulty) % 5 === 0) return undefined;
      const wrong = distractors[ability % Math.max(1, distractors.length)] ?? letters[0] ?? 'a';
      return { questionId: question.id, selected: [wrong] };
    })
    .filter((answer) => answer !== undefined);
}

function scoredChoices(source: string): ScoredChoice[] {
  const parsed = parseExam(source);
  if (!parsed.ok) throw new Error('the bundled exam does not parse');
  const scored = listQuestions(parsed.exam).flatMap(({ question }) =>
    isChoiceQuestion(question) && !question.keyUnknown ? [question] : [],
  );
  // Difficulties spread over 2..17 (5 and 16 share no factor): from questions most get right to ones few do.
  return scored.map((question, index) => ({ question, difficulty: 2 + ((index * 5) % 16) }));
}

/** One student through the API: joins, starts, answers every scored choice question and submits. */
async function sitExam(baseURL: string, accessCode: string, ability: number, choices: readonly ScoredChoice[]) {
  const student = await newRequest.newContext({ baseURL });
  try {
    const joined = await student.post('/api/student/join', { data: { accessCode } });
    expect(joined.ok(), 'join').toBe(true);
    const headers = { 'x-csrf-token': ((await joined.json()) as { csrfToken: string }).csrfToken };
    expect((await student.post('/api/attempt/start', { headers, data: {} })).ok(), 'start').toBe(true);
    const saves = answersOf(ability, choices).map((answer, index) => ({
      seq: index + 1,
      questionId: answer.questionId,
      answer: { kind: 'choice', selected: answer.selected },
      flagged: false,
    }));
    expect((await student.put('/api/attempt/answers', { headers, data: { saves } })).ok(), 'save').toBe(true);
    expect((await student.post('/api/attempt/submit', { headers, data: {} })).ok(), 'submit').toBe(true);
  } finally {
    await student.dispose();
  }
}

async function signIn(page: Page): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-email').fill(DEMO.email);
  await page.getByTestId('login-password').fill(DEMO.password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('exams-page')).toBeVisible();
}

test('an instructor reads a sitting’s statistics, sees the charts, and follows a doubted key to its answer check', async ({
  page,
  request,
  baseURL,
}) => {
  const source = bundledAs('e2e-statistics');
  const choices = scoredChoices(source);
  const sittingOptions = { durationMinutes: 120, graceSeconds: 60 };
  const { examId, sittingId, codes } = await openSitting(request, source, { ...sittingOptions, students: STUDENTS });
  for (const [ability, student] of STUDENTS.entries()) {
    await sitExam(baseURL ?? '', codes[student] ?? '', ability, choices);
  }
  const second = await addSitting(request, (await instructorApi(request)).csrf, examId, {
    ...sittingOptions,
    students: SECOND,
    title: 'E2E second sitting',
  });
  for (const [index, student] of SECOND.entries()) {
    await sitExam(baseURL ?? '', second.codes[student] ?? '', SECOND_ABILITIES[index] ?? 0, choices);
  }

  await signIn(page);
  await page.goto(`/instructor/sittings/${sittingId}`);
  await expect(page.getByTestId('sitting-page')).toBeVisible();
  await expectAccessible(page, 'the sitting page with its statistics tab');
  await page.getByTestId('sitting-tab-statistics').click();

  const statistics = page.getByTestId('statistics-page');
  await expect(statistics).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Statistics' })).toBeFocused();
  await expect(page.getByTestId('figure-students')).toHaveText('20');
  await expect(page.getByTestId('not-analysed')).toContainText('its key is unknown');
  // Three charts drawn by Plot, each an image with a name, and the same numbers as a table.
  const histogram = page.getByTestId('score-histogram-svg').locator('svg[role="img"]');
  await expect(histogram).toHaveAttribute('aria-label', 'Score histogram');
  await expect(histogram.locator('rect').first()).toBeVisible();
  const scatter = page.getByTestId('discrimination-scatter-svg').locator('svg[role="img"]');
  await expect(scatter).toHaveAttribute('aria-label', 'Facility against discrimination');
  // The flagged question is labelled on the scatter (a triangle, with its number beside it).
  const doubtedRow = page.getByTestId(`item-row-${DOUBTED}`);
  const number = ((await doubtedRow.locator('th a').textContent()) ?? '').trim();
  await expect(scatter.locator('text', { hasText: number })).toBeVisible();
  const bars = page.getByTestId(`option-bars-${DOUBTED}-svg`).locator('svg[role="img"]');
  await expect(bars.locator('rect')).toHaveCount(8);
  await expect(doubtedRow).toHaveAttribute('data-flagged', 'true');
  await expect(doubtedRow).toContainText('Possible wrong key');
  await expect(page.getByTestId('score-histogram').getByText('Show the numbers as a table')).toBeVisible();
  await page.getByTestId('score-histogram').getByText('Show the numbers as a table').click();
  await expect(page.getByTestId('score-histogram-table').locator('tbody tr').first()).toBeVisible();
  await page.getByTestId(`option-bars-${DOUBTED}`).getByText('Show the numbers as a table').click();
  await expect(page.getByTestId(`option-table-${DOUBTED}`)).toContainText('b (key)');

  // The answer checks run on the server; their verdict sits beside the flag.
  await expect(doubtedRow.getByText('disagrees')).toBeVisible({ timeout: 60_000 });
  await keepScreenshot(page, 'statistics-page');
  await page
    .getByTestId('score-histogram')
    .locator('xpath=..')
    .screenshot({ path: shot('statistics-charts') });
  await expectAccessible(page, 'the statistics page');

  // Sorting from the keyboard: the least discriminating question first.
  await page.getByTestId('sort-discrimination').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('sort-discrimination').locator('xpath=..')).toHaveAttribute('aria-sort', 'ascending');
  await expect(page.getByTestId('item-table').locator('tbody tr').first()).toHaveAttribute(
    'data-testid',
    `item-row-${DOUBTED}`,
  );

  // Following the flagged question lands on its section: the heading has the focus, the verdict is beside the flag.
  await page.getByTestId(`item-link-${DOUBTED}`).focus();
  await page.keyboard.press('Enter');
  const detail = page.getByTestId(`item-detail-${DOUBTED}`);
  await expect(detail.getByRole('heading', { level: 3 })).toBeFocused();
  await expect(detail.getByTestId(`flags-${DOUBTED}`)).toContainText('Possible wrong key');
  const verdict = detail.getByTestId(`check-verdict-${DOUBTED}`);
  await expect(verdict).toContainText('disagrees');
  await expect(verdict).toContainText('computed answer (c)');
  await expect(verdict).toContainText('The computation disagrees with the key too');
  await detail.scrollIntoViewIfNeeded();
  await keepScreenshot(page, 'statistics-flagged-question');
  await detail.screenshot({
    path: fileURLToPath(new URL('./artifacts/screenshots/statistics-question.png', import.meta.url)),
  });

  // Every sitting of the exam version together, chosen from the keyboard; its report downloads with its charts.
  await page.evaluate('window.scrollTo(0, 0)');
  await page.getByTestId('analysis-scope-sitting').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('analysis-scope-version')).toBeChecked();
  await expect(page.getByTestId('analysis-scope-version')).toBeFocused();
  await expect(page).toHaveURL(/scope=version/);
  await expect(page.getByTestId('figure-students')).toHaveText(String(STUDENTS.length + SECOND.length));
  await expect(page.getByTestId('analysis-scope-sentence')).toContainText('All 2 sittings of exam version');
  await expect(page.getByTestId(`item-row-${DOUBTED}`)).toHaveAttribute('data-flagged', 'true');
  await keepScreenshot(page, 'statistics-all-sittings');
  await expectAccessible(page, 'the statistics of every sitting of the version');
  await page.getByTestId('analysis-report').focus();
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toMatch(/^e2e-statistics-v\d+\.report\.html$/);
  const report = readFileSync(await download.path(), 'utf8');
  expect(report).toMatch(/^<!doctype html>/);
  expect(report).toContain('all 2 sittings: “E2E sitting”, “E2E second sitting”');
  for (const chart of ['Score histogram', 'Facility against discrimination', `Options of Q${number.slice(1)}`])
    expect(report).toMatch(new RegExp(`<svg[^>]*role="img"[^>]*>\\s*<title[^>]*>${chart}`));
  const reportPage = await page.context().newPage();
  await reportPage.setContent(report);
  await expect(reportPage.locator('svg[role="img"]').first()).toBeVisible();
  await expectAccessible(reportPage, 'the downloaded report');
  await reportPage.close();
  // The radio follows the URL once the sitting's figures are in, so wait for it rather than expect it at the click.
  await page.getByTestId('analysis-scope-sitting').click();
  await expect(page.getByTestId('analysis-scope-sitting')).toBeChecked();
  await expect(page.getByTestId('figure-students')).toHaveText(String(STUDENTS.length));

  // At a phone's width the charts shrink to the page, nothing spills sideways, and axe still finds nothing.
  await page.setViewportSize({ width: 320, height: 800 });
  await expect(histogram).toBeVisible();
  await expect.poll(() => page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);
  await page.evaluate('window.scrollTo(0, 0)');
  await keepScreenshot(page, 'statistics-page-320px');
  await expectAccessible(page, 'the statistics page at 320 px');
  await page.setViewportSize({ width: 1280, height: 800 });

  // On to the exam's own answer checks.
  await verdict.getByRole('link', { name: 'All answer checks on the exam’s page' }).click();
  await expect(page.getByTestId(`verify-${DOUBTED}`)).toContainText('disagrees', { timeout: 60_000 });
  await expectAccessible(page, 'the exam page with its answer checks');

  // A sitting that does not exist: a message in words, no internal code.
  await page.goto('/instructor/sittings/no-such-sitting/statistics');
  await expect(page.getByTestId('sitting-error')).toBeVisible();
  await expect(page.getByTestId('sitting-error')).not.toContainText('not-found');
  await expectAccessible(page, 'the statistics page of a missing sitting');
});
