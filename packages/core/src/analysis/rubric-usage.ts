import { listQuestions } from '../exam-queries.js';
import type { Exam, FreeResponseQuestion } from '../model.js';
import type { ScoredStudent } from './analysis-input.js';

/** How often graders applied one rubric item. */
export interface RubricItemUsage {
  readonly id: string;
  readonly text: string;
  /** The item's points as a number (negative for a deduction under negative grading). */
  readonly points: number;
  /** Graded answers that carry the item. */
  readonly count: number;
  /** `count` over the graded answers; NaN when none is graded. */
  readonly share: number;
}

/** The rubric of one written question as the class's grades used it. */
export interface RubricUsage {
  readonly questionId: string;
  /** Answers with a grade (rubric items or points given directly). */
  readonly graded: number;
  /** Answers waiting for a grader: not in `graded`, never counted as carrying no item. */
  readonly ungraded: number;
  readonly items: readonly RubricItemUsage[];
}

/**
 * Per written question of the analysis (scored: not dropped, not bonus), how many graded answers carry each rubric
 * item, and how many answers are still ungraded. An item a grade names that the rubric no longer holds is not
 * counted (scoring ignores it too); a grade of points given directly counts as graded, with no item.
 *
 * @example
 * rubricUsage(exam, scored)[0]; // { questionId: 'attention-cost', graded: 28, ungraded: 2, items: [{ id: 'r1', count: 21, share: 0.75, … }] }
 */
export function rubricUsage(exam: Exam, students: readonly ScoredStudent[]): RubricUsage[] {
  return listQuestions(exam).flatMap(({ question }, index) => {
    if (question.kind !== 'free' || question.dropped || !isAnalysed(students, index)) return [];
    return [questionUsage(question, index, students)];
  });
}

/** The analysis covers a question that counts toward the maximum, as `analysisInput` decides. */
function isAnalysed(students: readonly ScoredStudent[], index: number): boolean {
  return students.some((student) => (student.report.questions[index]?.maximum.numerator ?? 0) > 0);
}

function questionUsage(question: FreeResponseQuestion, index: number, students: readonly ScoredStudent[]): RubricUsage {
  const counts = new Map(question.rubric.map((item) => [item.id, 0]));
  let graded = 0;
  let ungraded = 0;
  for (const { responses, report } of students) {
    const status = report.questions[index]?.status;
    if (status === 'ungraded') ungraded += 1;
    const grade = responses.grades?.[question.id];
    // An answer not read from its scan, or a question dropped since, is not a graded answer whatever was stored.
    if (!grade || status === 'ungraded' || status === 'missing' || status === 'dropped') continue;
    graded += 1;
    if (grade.kind !== 'rubric') continue;
    for (const id of new Set(grade.items)) {
      const count = counts.get(id);
      if (count !== undefined) counts.set(id, count + 1);
    }
  }
  return {
    questionId: question.id,
    graded,
    ungraded,
    items: question.rubric.map((item) => {
      const count = counts.get(item.id) ?? 0;
      return {
        id: item.id,
        text: item.text,
        points: item.points.toNumber(),
        count,
        share: graded === 0 ? Number.NaN : count / graded,
      };
    }),
  };
}
