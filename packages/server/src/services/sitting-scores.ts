import { score, type Exam, type ScoreReport, type StudentResponses } from '@examforge/core';
import type { AppContext } from '../context.js';
import type { AttemptsTable, RosterTable, SittingsTable } from '../db/schema.js';
import { loadSittingAnswers, toStudentResponses } from './answers.js';
import { attemptExam } from './attempt-exam.js';
import { loadGrades } from './grades.js';
import { loadExamVersion } from './exams.js';
import { loadBoxResponses, withBoxResponses } from './paper-answer-responses.js';
import { findSittingRow } from './sittings.js';

/** A sitting's roster in student-number order and its attempts (at most one a student), in two queries. */
export async function loadRosterAttempts(
  context: AppContext,
  sittingId: string,
): Promise<{ roster: RosterTable[]; attempts: AttemptsTable[] }> {
  const roster = await context.db
    .selectFrom('roster')
    .selectAll()
    .where('sitting_id', '=', sittingId)
    .orderBy('student_number')
    .execute();
  const attempts = await context.db.selectFrom('attempts').selectAll().where('sitting_id', '=', sittingId).execute();
  return { roster, attempts };
}

/** One roster student, with their attempt scored when they have one. */
export interface ScoredRosterRow {
  readonly student: RosterTable;
  readonly scored?: {
    readonly attempt: AttemptsTable;
    /** The exam as this student had it (their instances of computed questions). */
    readonly exam: Exam;
    readonly responses: StudentResponses;
    readonly report: ScoreReport;
  };
}

/**
 * Scores every attempt of a sitting against its current exam version, reading the sitting's answers, grades and
 * answer boxes in a few queries (not a few per student). Results, exports and the item analysis all start here, so
 * they agree on every point.
 */
export async function scoreSitting(
  context: AppContext,
  sittingId: string,
): Promise<{ sitting: SittingsTable; exam: Exam; rows: ScoredRosterRow[] }> {
  const sitting = await findSittingRow(context, sittingId);
  // Parsed once here: the per-student scoring below runs concurrently, and a version just written (a key change, a
  // rubric edit) would otherwise be parsed once per student before the first parse is cached.
  const exam = await loadExamVersion(context, sitting.exam_version_id);
  const { roster, attempts } = await loadRosterAttempts(context, sittingId);
  const byRoster = new Map(attempts.map((attempt) => [attempt.roster_id, attempt]));
  const attemptIds = attempts.map((attempt) => attempt.id);
  const grades = await loadGrades(context.db, attemptIds);
  const boxes = await loadBoxResponses(context.db, attemptIds);
  const answers = await loadSittingAnswers(context.db, sittingId);
  const rows = await Promise.all(
    roster.map(async (student): Promise<ScoredRosterRow> => {
      const attempt = byRoster.get(student.id);
      if (!attempt) return { student };
      const attemptExamVersion = await attemptExam(context, sitting.exam_version_id, attempt);
      const responses = withBoxResponses(toStudentResponses(answers.get(attempt.id) ?? []), boxes.get(attempt.id));
      const graded = { ...responses, grades: grades.get(attempt.id) ?? {} };
      return {
        student,
        scored: { attempt, exam: attemptExamVersion, responses: graded, report: score(attemptExamVersion, graded) },
      };
    }),
  );
  return { sitting, exam, rows };
}
