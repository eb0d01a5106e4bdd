import {
  findQuestion,
  listQuestions,
  makeVariant,
  optionLetter,
  score,
  type Exam,
  type QuestionScore,
  type ScoreReport,
} from '@examforge/core';
import type { RecordedAnswer, ResultRow, StudentResults } from '../api/index.js';
import type { RosterRow } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import type { AttemptsTable, SittingsTable } from '../db/schema.js';
import { forbidden, notFound } from '../errors.js';
import { sheetPagesByAttempt } from './annotated-sheet.js';
import { loadAnswers, toStudentResponses } from './answers.js';
import { scoreSitting } from './sitting-scores.js';
import { attemptStatus } from './attempts.js';
import { attemptExam } from './attempt-exam.js';
import { gradeFeedback, presentFeedback, type GradeFeedback } from './grade-feedback.js';
import { loadGrades } from './grades.js';
import { loadBoxResponses, paperAnswerCropUrl, withBoxResponses } from './paper-answer-responses.js';
import { findReleaseOverride } from './release-override-row.js';
import { findSittingRow, sittingShuffle } from './sittings.js';
import { studentRelease } from './student-release.js';
import { presentUnscored } from './unscored-present.js';

/**
 * Results are never stored: each request scores the stored answers against the sitting's current exam version, so a
 * key change or a dropped question shows in every student's score at once.
 */
export async function sittingResults(context: AppContext, sittingId: string): Promise<ResultRow[]> {
  const { rows } = await scoreSitting(context, sittingId);
  const sheetPages = await sheetPagesByAttempt(context, sittingId);
  const openReviews = await openReviewCounts(context, sittingId);
  const now = context.clock.now();
  return rows.map(({ student, scored }): ResultRow => {
    const base = { rosterId: student.id, studentNumber: student.student_number, name: student.name };
    if (!scored) return { ...base, status: 'not-started', questions: {}, flagged: [], notRead: [], ungraded: [] };
    const { attempt, report, exam } = scored;
    const unscored = presentUnscored(exam);
    return {
      ...base,
      attemptId: attempt.id,
      status: attemptStatus(attempt, now),
      total: report.total.toString(),
      maximum: report.maximum.toString(),
      ...(unscored && { unscored }),
      questions: Object.fromEntries(report.questions.map((q) => [q.questionId, resultCell(q)])),
      flagged: [...report.flagged],
      notRead: [...report.missing],
      ungraded: [...report.ungraded],
      ...(attempt.close_reason === 'paper'
        ? {
            source: 'paper',
            sheetPages: sheetPages.get(attempt.id) ?? [],
            openReviews: openReviews.get(attempt.id) ?? 0,
          }
        : { source: 'online' }),
    };
  });
}

/** A question's cell: its points, empty when not scored, and `ungraded` (never 0) while no grader has decided. */
function resultCell(question: QuestionScore): string {
  if (question.status === 'not-scored') return '';
  return question.status === 'ungraded' ? UNGRADED_CELL : question.points.toString();
}

/** What a results cell says for a written answer no grader has graded yet; it is not a 0. */
export const UNGRADED_CELL = 'ungraded';

async function openReviewCounts(context: AppContext, sittingId: string): Promise<Map<string, number>> {
  const rows = await context.db
    .selectFrom('review_items')
    .select(['attempt_id', (eb) => eb.fn.countAll<number>().as('open')])
    .where('sitting_id', '=', sittingId)
    .where('status', '=', 'open')
    .groupBy('attempt_id')
    .execute();
  return new Map(rows.map((row) => [row.attempt_id, row.open]));
}

/** One attempt in full, for staff: every answer with its points and reason, and the key. */
export async function attemptResults(
  context: AppContext,
  sittingId: string,
  attemptId: string,
): Promise<StudentResults> {
  const sitting = await findSittingRow(context, sittingId);
  const attempt = await context.db
    .selectFrom('attempts')
    .selectAll()
    .where('id', '=', attemptId)
    .where('sitting_id', '=', sittingId)
    .executeTakeFirst();
  if (!attempt) throw notFound('attempt');
  return presentResults(context, sitting, attempt, true);
}

/**
 * The student's attempt once its results may be shown to them (decision 0013): released by their own override or the
 * sitting's policy, and their attempt no longer taking answers. `solutions` says whether the key may be shown too.
 */
export async function releasedAttempt(context: AppContext, student: RosterRow) {
  const sitting = await findSittingRow(context, student.sitting_id);
  const attempt = await context.db
    .selectFrom('attempts')
    .selectAll()
    .where('roster_id', '=', student.id)
    .executeTakeFirst();
  const override = await findReleaseOverride(context.db, student.id);
  const release = studentRelease(sitting, override, attempt, context.clock.now());
  if (release.stillAnswering) throw forbidden('results are shown once your exam is over');
  if (!attempt || !release.results) throw forbidden('results are not released yet');
  return { sitting, attempt, solutions: release.solutions };
}

/** A student's own results, once the sitting's release policy allows; a paper sheet's scanned pages are listed. */
export async function ownResults(context: AppContext, student: RosterRow): Promise<StudentResults> {
  const { sitting, attempt, solutions } = await releasedAttempt(context, student);
  const results = await presentResults(context, sitting, attempt, solutions);
  const sheetPages = (await sheetPagesByAttempt(context, sitting.id)).get(attempt.id) ?? [];
  const exam = await attemptExam(context, sitting.exam_version_id, attempt);
  const variant = makeVariant(exam, attempt.variant_seed, sittingShuffle(sitting));
  return {
    ...results,
    questions: results.questions.map((question) => ({
      ...question,
      reason: relabelReason(question.reason, variant.optionOrder[question.questionId]),
    })),
    ...(sheetPages.length > 0 ? { sheetPages } : {}),
  };
}

/**
 * Reasons name options by their canonical letters; a student whose options were shuffled saw other labels, so their
 * copy of the reasons uses the labels of their own screen. (Answers and keys stay canonical: the page labels them.)
 */
export function relabelReason(reason: string, shownOrder: readonly string[] | undefined): string {
  if (!shownOrder) return reason;
  return reason.replace(/\(([a-z])\)/g, (whole, letter: string) => {
    const shownAt = shownOrder.indexOf(letter);
    return shownAt < 0 ? whole : `(${optionLetter(shownAt)})`;
  });
}

async function presentResults(
  context: AppContext,
  sitting: SittingsTable,
  attempt: AttemptsTable,
  withSolutions: boolean,
): Promise<StudentResults> {
  const exam = await attemptExam(context, sitting.exam_version_id, attempt);
  const grades = (await loadGrades(context.db, [attempt.id])).get(attempt.id) ?? {};
  const stored = toStudentResponses(await loadAnswers(context.db, attempt.id));
  const boxes = (await loadBoxResponses(context.db, [attempt.id])).get(attempt.id) ?? {};
  const report = score(exam, { ...withBoxResponses(stored, boxes), grades });
  const feedback = await gradeFeedback(context, attempt.id);
  const unscored = presentUnscored(exam);
  // A written (or graded) box is shown as its crop: the answer as stored says nothing of what is on the paper.
  const crops = new Map(
    Object.entries(boxes)
      .filter(([questionId, response]) => response.kind !== 'blank' || grades[questionId] !== undefined)
      .map(([questionId]) => [questionId, paperAnswerCropUrl(sitting.id, attempt.id, questionId)]),
  );
  return {
    total: report.total.toString(),
    maximum: report.maximum.toString(),
    ...(!report.total.equals(report.rawTotal) && { rawTotal: report.rawTotal.toString() }),
    ...(unscored && { unscored }),
    questions: presentQuestions(
      exam,
      report,
      stored.answers as Record<string, RecordedAnswer | undefined>,
      withSolutions,
      feedback,
      crops,
    ),
    ungraded: [...report.ungraded],
  };
}

function presentQuestions(
  exam: Exam,
  report: ScoreReport,
  answers: Record<string, RecordedAnswer | undefined>,
  withSolutions: boolean,
  feedback: ReadonlyMap<string, GradeFeedback>,
  crops: ReadonlyMap<string, string>,
): StudentResults['questions'] {
  const numbers = new Map(listQuestions(exam).map(({ question, number }) => [question.id, number]));
  return report.questions.map((result) => {
    const question = findQuestion(exam, result.questionId)?.question;
    const answer = answers[result.questionId];
    const solutions = withSolutions && question !== undefined;
    const correct =
      solutions && (question.kind === 'single' || question.kind === 'multiple')
        ? question.options.flatMap((option, index) => (option.correct ? [optionLetter(index)] : []))
        : undefined;
    return {
      questionId: result.questionId,
      number: numbers.get(result.questionId) ?? 0,
      status: result.status,
      points: result.points.toString(),
      maximum: result.maximum.toString(),
      reason: result.reason,
      ...(answer && { answer }),
      ...(crops.has(result.questionId) && { crop: crops.get(result.questionId) }),
      ...(feedback.has(result.questionId) && { grade: presentFeedback(question, feedback.get(result.questionId)) }),
      ...(correct && { correct }),
      ...(solutions && question.explanation !== undefined && { explanation: question.explanation }),
      ...(solutions && question.kind === 'free' && question.solution !== undefined && { solution: question.solution }),
    };
  });
}
