import { unscoredMarks, type Exam } from '@examforge/core';
import type { UnscoredMarksView } from '../api/index.js';

/**
 * What results say about a maximum below the paper's marks: the questions left out and why; undefined when every
 * question is scored, so the API carries nothing to explain.
 *
 * @example
 * presentUnscored(bundledExam); // { paperMarks: '20', questions: [{ questionId: 'conv-grad-valid', reason: 'no-key', … }, …] }
 */
export function presentUnscored(exam: Exam): UnscoredMarksView | undefined {
  const { paperMarks, questions } = unscoredMarks(exam);
  if (questions.length === 0) return undefined;
  return {
    paperMarks: paperMarks.toString(),
    questions: questions.map((question) => ({ ...question, marks: question.marks.toString() })),
  };
}
