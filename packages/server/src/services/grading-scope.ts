import { findQuestion, marksOf, type Exam, type FreeResponseQuestion, type Rational } from '@examforge/core';
import type { AppContext } from '../context.js';
import type { SittingsTable } from '../db/schema.js';
import { badRequest } from './access.js';
import { loadExamVersion } from './exams.js';
import { findSittingRow } from './sittings.js';

/** What every grading command works in: the sitting, its current exam version and the written question. */
export interface GradingScope {
  readonly sitting: SittingsTable;
  readonly exam: Exam;
  readonly question: FreeResponseQuestion;
  readonly number: number;
  readonly marks: Rational;
}

/**
 * Loads the scope once per request. Written questions are never computed, so the sitting's version holds the one
 * rubric every attempt is graded against.
 */
export async function getGradingScope(
  context: AppContext,
  sittingId: string,
  questionId: string,
): Promise<GradingScope> {
  const sitting = await findSittingRow(context, sittingId);
  const exam = await loadExamVersion(context, sitting.exam_version_id);
  const placed = findQuestion(exam, questionId);
  if (!placed) throw badRequest('unknown-question', `this exam has no question \`${questionId}\``);
  if (placed.question.kind !== 'free')
    throw badRequest('not-a-written-question', `\`${questionId}\` is not a written (free-response) question`);
  return {
    sitting,
    exam,
    question: placed.question,
    number: placed.number,
    marks: marksOf(placed.question, placed.section),
  };
}

/** Audit subjects name the answer: `answer:<attempt>/<question>`. */
export function answerSubject(attemptId: string, scope: GradingScope): string {
  return `answer:${attemptId}/${scope.question.id}`;
}
