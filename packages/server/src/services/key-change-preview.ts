import { optionLetter, score } from '@examforge/core';
import type { KeyChangePreview } from '../api/index.js';
import type { AppContext } from '../context.js';
import { keyedQuestion, withCheckedKey } from './regrade.js';
import { summarizeScoreChanges } from './score-changes.js';
import { scoreSitting } from './sitting-scores.js';

/**
 * A key change's dry run: every attempt of the sitting scored again with the proposed key, nothing saved, so the
 * instructor sees who gains or loses how much before applying it. With no letters, only the current key.
 */
export async function previewKeyChange(
  context: AppContext,
  sittingId: string,
  questionId: string,
  letters: readonly string[],
): Promise<KeyChangePreview> {
  const { exam, rows } = await scoreSitting(context, sittingId);
  const question = keyedQuestion(exam, questionId, letters);
  const currentKey = question.keyUnknown
    ? []
    : question.options.flatMap((option, index) => (option.correct ? [optionLetter(index)] : []));
  const scored = rows.flatMap((row) => (row.scored ? [{ student: row.student, ...row.scored }] : []));
  const totals =
    letters.length === 0
      ? []
      : scored.map(({ student, exam: studentExam, responses, report }) => ({
          studentNumber: student.student_number,
          name: student.name,
          before: report.total,
          after: score(withCheckedKey(studentExam, questionId, letters), responses).total,
        }));
  return {
    questionId,
    currentKey,
    proposedKey: [...letters].sort(),
    attempts: scored.length,
    ...summarizeScoreChanges(totals),
    ...(letters.length === 0 && { unchanged: scored.length }),
  };
}
