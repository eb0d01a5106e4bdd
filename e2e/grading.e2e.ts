import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { expectAccessible } from './accessibility.js';
import { DEMO, instructorApi, openSitting } from './api.js';
import { bundledAs } from './exams.js';
import { scanHandwrittenAnswers } from './handwritten-scan.js';
import { addGrader, gradingEvents, ITEMS, submitTypedAnswer, typedAnswer, type AnswerKind } from './grading-setup.js';
import { ADJUSTMENT, COMMENTS, expectImageLoaded, gradeWithKeyboard, signIn } from './keyboard-grader.js';
import { keepScreenshot } from './screenshots.js';

const QUESTION = 'wasserstein-vs-js';
const KINDS: readonly AnswerKind[] = ['both', 'js', 'w1', 'neither'];
const ONLINE = Array.from({ length: 15 }, (_, i) => `o${String(i + 1).padStart(2, '0')}`);
const PAPER = Array.from({ length: 15 }, (_, i) => `p${String(i + 1).padStart(2, '0')}`);
const STUDENTS = [...ONLINE, ...PAPER];
const SOURCE = bundledAs('e2e-grading');

interface QueueEntry {
  attemptId: string;
  state: string;
  source: string;
  version: number;
  items: string[];
  points?: string;
  gradedBy?: string;
  student?: { studentNumber: string };
}

test('two graders grade a written question at once with the keyboard alone; a rubric edit moves every affected total', async ({
  browser,
  request,
}) => {
  // A budget for a slow, busy machine (about 2 minutes on a quiet one): 30 students, printed and scanned sheets.
  test.setTimeout(600_000);
  const { sittingId, codes } = await openSitting(request, SOURCE, {
    durationMinutes: 120,
    graceSeconds: 60,
    students: STUDENTS,
  });
  const { csrf } = await instructorApi(request);
  const examId = ((await (await request.get(`/api/sittings/${sittingId}`)).json()) as { examId: string }).examId;
  const kindOf = new Map(STUDENTS.map((student, i) => [student, KINDS[i % KINDS.length] ?? 'neither']));
  for (const [i, student] of ONLINE.entries()) {
    await submitTypedAnswer(codes[student] ?? '', QUESTION, typedAnswer(kindOf.get(student) ?? 'neither', i + 1));
  }
  await scanHandwrittenAnswers(request, { sittingId, csrf, source: SOURCE, questionId: QUESTION, students: PAPER });
  const byStudent = await attemptsByStudent(request, sittingId);
  const handwritten = (attemptId: string) => kindOf.get(studentOf(byStudent, attemptId)) ?? 'neither';
  const graders = [await addGrader(examId, 'grader-ada'), await addGrader(examId, 'grader-bo')];

  // The instructor's way in: the sitting's grading tab says how much grading is left.
  const instructorContext = await browser.newContext();
  const instructor = await instructorContext.newPage();
  await signIn(instructor, DEMO);
  await instructor.goto(`/instructor/sittings/${sittingId}`);
  await expect(instructor.getByTestId('sitting-tab-count-grading')).toHaveText(': 30 to grade');
  await expectAccessible(instructor, 'the sitting page');
  await instructor.getByTestId('sitting-tab-grading').click();
  await expect(instructor.getByTestId(`grading-progress-${QUESTION}`)).toHaveText('0 of 30 graded');
  await expectAccessible(instructor, 'the grading overview');

  // Two graders, two browsers, the same question at the same time, keyboard only.
  const pages = await Promise.all(graders.map((grader) => graderPage(browser, grader, sittingId)));
  await expectAccessible(pages[0]!, 'the grading page with an answer');
  await keepScreenshot(pages[0]!, 'grading-answer');
  const done = await Promise.all(pages.map((page) => gradeWithKeyboard(page, handwritten)));
  for (const graded of done) expect(graded.size).toBeGreaterThan(0);
  expect(done[0]!.size + done[1]!.size).toBe(30);
  expect([...done[0]!.keys()].filter((id) => done[1]!.has(id))).toEqual([]);
  await expectAccessible(pages[1]!, 'the grading page after the last answer');
  await keepScreenshot(pages[1]!, 'grading-done');

  // Every answer graded exactly once: version 1 everywhere, one grade.applied each, no conflict.
  const entries = await queue(request, sittingId);
  expect(entries).toHaveLength(30);
  expect(entries.filter((entry) => entry.source === 'paper')).toHaveLength(15);
  for (const student of STUDENTS) {
    const entry = entries.find((candidate) => candidate.attemptId === byStudent.get(student));
    const kind = kindOf.get(student) ?? 'neither';
    expect(entry, student).toMatchObject({ state: 'graded', version: 1, items: [...ITEMS[kind]] });
    expect(entry?.points).toBe(expectedPoints(kind, '1'));
  }
  const events = gradingEvents(QUESTION).filter((event) => entries.some((e) => event.subject.includes(e.attemptId)));
  expect(events.filter((event) => event.action === 'grade.conflict')).toEqual([]);
  const applied = events.filter((event) => event.action === 'grade.applied').map((event) => event.subject);
  expect(applied.sort()).toEqual(entries.map((entry) => `answer:${entry.attemptId}/${QUESTION}`).sort());

  // The instructor changes one rubric item's points: every answer carrying it moves, no other.
  const before = await totals(request, sittingId);
  await instructor.getByTestId(`grade-question-${QUESTION}`).click();
  const workspace = instructor.getByTestId('grading-workspace');
  await expect(workspace).toBeVisible();
  await instructor.getByTestId('rubric-edit-toggle').click();
  await instructor.getByTestId('rubric-edit-js-constant-remove').click();
  await expect(instructor.getByTestId('rubric-error')).toContainText('is applied to');
  await expect(instructor.getByTestId('rubric-error')).toHaveAttribute('data-error-code', 'rubric-item-in-use');
  await instructor.getByTestId('rubric-edit-w1-gradient-points').fill('0.5');
  await instructor.getByTestId('rubric-edit-w1-gradient-save').click();
  await expect(instructor.getByTestId('grading-announcement')).toContainText('Rubric item w1-gradient saved.');
  await expect(instructor.getByTestId('rubric-item-w1-gradient')).toContainText('+0.5');
  await expectAccessible(instructor, 'the grading page with the rubric editor');
  await keepScreenshot(instructor, 'grading-rubric-edit');
  const after = await totals(request, sittingId);
  for (const student of STUDENTS) {
    const kind = kindOf.get(student) ?? 'neither';
    const moved = ITEMS[kind].includes('w1-gradient') ? -0.5 : 0;
    expect(Number(after.get(student)) - Number(before.get(student)), student).toBeCloseTo(moved, 9);
  }
  const rescored = await queue(request, sittingId);
  for (const entry of rescored) {
    const kind = kindOf.get(studentOf(byStudent, entry.attemptId)) ?? 'neither';
    expect(entry.points).toBe(expectedPoints(kind, '0.5'));
  }

  // Names stay hidden from graders until the instructor reveals them.
  await expect(pages[0]!.getByTestId('grading-answer-title')).not.toContainText('Student');
  await instructor.goto(`/instructor/sittings/${sittingId}/grading`);
  await instructor.getByTestId('names-toggle').click();
  await expect(instructor.getByTestId('names-control')).toHaveAttribute('data-revealed', 'true');
  await pages[0]!.reload();
  await expect(pages[0]!.getByTestId('grading-answer-title')).toContainText(/Student [op]\d\d/);
  await instructorContext.close();
  await Promise.all(pages.map((page) => page.context().close()));

  // A student reads the items applied to their answer and the comment (results are released at once here).
  const w1Student = ONLINE.find((student) => kindOf.get(student) === 'w1') ?? '';
  await studentSeesFeedback(browser, codes[w1Student] ?? '', 'typed');
  const w1Writer = PAPER.find((student) => kindOf.get(student) === 'w1') ?? '';
  await studentSeesFeedback(browser, codes[w1Writer] ?? '', 'handwritten');
});

async function graderPage(
  browser: Browser,
  grader: { email: string; password: string },
  sittingId: string,
): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, grader);
  await page.goto(`/instructor/sittings/${sittingId}/grading/${QUESTION}`);
  await expect(page.getByTestId('grading-workspace')).toBeFocused();
  await expect(page.getByTestId('grading-keys')).toContainText('next ungraded answer');
  return page;
}

async function studentSeesFeedback(browser: Browser, accessCode: string, how: 'typed' | 'handwritten'): Promise<void> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/');
  await page.getByTestId('access-code').fill(accessCode);
  await page.getByTestId('join-submit').click();
  // The join has landed (its cookie is set) once the join form is gone.
  await expect(page.getByTestId('access-code')).toHaveCount(0);
  await page.goto('/results');
  const feedback = page.getByTestId(`feedback-${QUESTION}`);
  await expect(feedback).toBeVisible();
  await expect(feedback.getByTestId('feedback-item-w1-gradient')).toContainText('+0.5');
  await expect(feedback.getByTestId('feedback-comment')).toContainText(COMMENTS.w1 ?? '');
  await expect(page.getByTestId(`points-${QUESTION}`)).toHaveText('0.5 / 2');
  if (how === 'handwritten') {
    await expectImageLoaded(page.getByTestId(`crop-${QUESTION}`));
  }
  await expectAccessible(page, `the results of a student who ${how === 'typed' ? 'typed' : 'handwrote'} their answer`);
  await keepScreenshot(page, `grading-student-feedback-${how}`);
  await context.close();
}

function expectedPoints(kind: AnswerKind, w1Points: string): string {
  const w1 = Number(w1Points);
  const raw =
    (ITEMS[kind].includes('js-constant') ? 1 : 0) +
    (ITEMS[kind].includes('w1-gradient') ? w1 : 0) +
    (kind === ADJUSTMENT.kind ? Number(ADJUSTMENT.points) : 0);
  return String(Math.min(2, Math.max(0, raw)));
}

async function queue(request: APIRequestContext, sittingId: string): Promise<QueueEntry[]> {
  const reply = await request.get(`/api/sittings/${sittingId}/grading/${QUESTION}?filter=all`);
  expect(reply.status()).toBe(200);
  return ((await reply.json()) as { entries: QueueEntry[] }).entries;
}

async function resultRows(request: APIRequestContext, sittingId: string) {
  const reply = await request.get(`/api/sittings/${sittingId}/results`);
  expect(reply.status()).toBe(200);
  return (await reply.json()) as { studentNumber: string; attemptId?: string; total?: string }[];
}

async function attemptsByStudent(request: APIRequestContext, sittingId: string) {
  const rows = await resultRows(request, sittingId);
  return new Map(rows.map((row) => [row.studentNumber, row.attemptId ?? '']));
}

function studentOf(byStudent: Map<string, string>, attemptId: string): string {
  return [...byStudent].find(([, id]) => id === attemptId)?.[0] ?? '';
}

async function totals(request: APIRequestContext, sittingId: string) {
  const rows = await resultRows(request, sittingId);
  return new Map(rows.map((row) => [row.studentNumber, row.total ?? '']));
}
