import { Rational } from '@examforge/core';
import {
  GradeInputSchema,
  type GradeInput,
  type ImportedGrade,
  type ImportProblem,
  type ImportRow,
} from '../api/index.js';
import type { GradesTable } from '../db/schema.js';
import type { GradeWrite } from './apply-grade.js';
import { columnName, type GradesCsvRow } from './grades-csv.js';
import { gradeDecision } from './grades.js';
import type { GradingScope } from './grading-scope.js';

/** What a row is checked against: the sitting's roster and, per written question, its gradable answers and grades. */
export interface ImportTargets {
  /** Roster id by student number. */
  readonly students: ReadonlyMap<string, string>;
  /** `undefined` when the exam has no such question; `not-written` for a question that takes no grade. */
  question(questionId: string): QuestionTargets | 'not-written' | undefined;
}

export interface QuestionTargets {
  readonly scope: GradingScope;
  /** The attempt whose answer a roster student gave, for answers a grader can grade (typed, or a paper box crop). */
  readonly answerOf: ReadonlyMap<string, string>;
  readonly grades: ReadonlyMap<string, GradesTable>;
}

type Field = Parameters<typeof columnName>[0];

/** What a row comes to: its report (none when it gives no grade) and the grade to write, if it changes one. */
export interface ResolvedRow {
  readonly report?: ImportRow;
  readonly write?: GradeWrite;
}

/** `rubric items` cell of a grade that applies no item (as `responses.csv` writes it). */
const NO_ITEMS = '-';

/**
 * Decides what one row does: a new grade, a change (and which fields), nothing, or why it cannot be imported (each
 * problem with its row and column). A row without any grade cell is skipped (no `report`): the answer stays as it is.
 */
export function resolveImportRow(row: GradesCsvRow, targets: ImportTargets): ResolvedRow {
  const problems = new Problems(row.row);
  const rosterId = targets.students.get(row.student);
  if (row.student === '') problems.add('student', 'no student number');
  else if (rosterId === undefined) problems.add('student', `no student \`${row.student}\` on this sitting's roster`);
  const question = row.question === '' ? undefined : targets.question(row.question);
  if (row.question === '') problems.add('question', 'no question id');
  else if (question === undefined) problems.add('question', `this exam has no question \`${row.question}\``);
  const empty = !row.items && !row.adjustment && !row.adjustmentReason && !row.comment;
  if (empty && problems.none()) return {};
  if (question === 'not-written')
    problems.add('question', `\`${row.question}\` is not a written question: only written answers take grades`);
  if (question === undefined || question === 'not-written' || rosterId === undefined) return problems.report();
  const input = readGradeCells(row, question.scope, problems);
  const attemptId = question.answerOf.get(rosterId);
  if (attemptId === undefined)
    problems.add(
      'student',
      `\`${row.student}\` has no answer to \`${row.question}\` to grade (blank, or not handed in)`,
    );
  if (!problems.none() || attemptId === undefined) return problems.report();
  const current = question.grades.get(attemptId);
  const before = current && gradeDecision(current);
  const after = normalised(input);
  const changed = changedFields(before, after);
  const outcome = !before ? 'new' : changed.length > 0 ? 'changed' : 'unchanged';
  const report: ImportRow = {
    outcome,
    row: row.row,
    student: row.student,
    questionId: row.question,
    ...(before && { before }),
    after,
    changed,
  };
  if (outcome === 'unchanged') return { report };
  const target = { attemptId, expectedVersion: current?.version ?? 0 };
  return { report, write: { scope: question.scope, target, input } };
}

/** A row's problems, each against its column. */
class Problems {
  private readonly list: ImportProblem[] = [];
  constructor(private readonly row: number) {}
  add(field: Field, message: string): void {
    this.list.push({ row: this.row, column: columnName(field), message });
  }
  none(): boolean {
    return this.list.length === 0;
  }
  report(): { report: ImportRow } {
    return { report: { outcome: 'error', row: this.row, problems: [...this.list] } };
  }
}

/** The row's grade as the grading routes take it; the same limits and rules, each broken one named by its column. */
function readGradeCells(row: GradesCsvRow, scope: GradingScope, problems: Problems): GradeInput {
  const items = row.items === NO_ITEMS ? [] : row.items.split(/[\s;]+/).filter(Boolean);
  const known = scope.question.rubric.map((item) => item.id);
  for (const id of new Set(items.filter((id) => !known.includes(id))))
    problems.add(
      'items',
      `\`${id}\` is not a rubric item of \`${scope.question.id}\` (its items: ${known.join(', ')})`,
    );
  if (new Set(items).size !== items.length) problems.add('items', 'a rubric item is applied at most once');
  const shape = GradeInputSchema.shape;
  if (!shape.items.safeParse(items).success) problems.add('items', 'at most 50 rubric items of at most 100 characters');
  if (row.adjustment !== '' && !shape.adjustment.safeParse(row.adjustment).success)
    problems.add('adjustment', `\`${row.adjustment}\` is not an exact number of points (write 0.5, -1 or 1/3)`);
  else if (row.adjustment !== '' && !Rational.parse(row.adjustment)?.isZero() && row.adjustmentReason === '')
    problems.add('adjustmentReason', 'an adjustment needs a reason');
  if (!shape.adjustmentReason.safeParse(row.adjustmentReason).success)
    problems.add('adjustmentReason', 'a reason is at most 2000 characters');
  if (!shape.comment.safeParse(row.comment).success) problems.add('comment', 'a comment is at most 2000 characters');
  return {
    items,
    ...(row.adjustment !== '' && { adjustment: row.adjustment }),
    ...(row.adjustmentReason !== '' && { adjustmentReason: row.adjustmentReason }),
    ...(row.comment !== '' && { comment: row.comment }),
  };
}

/** A grade as it would be stored: a zero adjustment and its reason dropped, the adjustment in its canonical form. */
function normalised(input: GradeInput): ImportedGrade {
  const adjustment = input.adjustment === undefined ? undefined : Rational.parse(input.adjustment);
  const adjusted = adjustment !== undefined && !adjustment.isZero();
  return {
    items: [...input.items],
    ...(adjusted && { adjustment: adjustment.toString() }),
    ...(adjusted && input.adjustmentReason && { adjustmentReason: input.adjustmentReason }),
    ...(input.comment && { comment: input.comment }),
  };
}

/** The fields that differ; rubric items compare as a set (their order in the cell means nothing). */
function changedFields(before: ImportedGrade | undefined, after: ImportedGrade): ImportedGradeField[] {
  if (!before) return [];
  const sameItems =
    before.items.length === after.items.length && before.items.every((item) => after.items.includes(item));
  return [
    ...(sameItems ? [] : ['items' as const]),
    ...(['adjustment', 'adjustmentReason', 'comment'] as const).filter((field) => before[field] !== after[field]),
  ];
}

type ImportedGradeField = 'items' | 'adjustment' | 'adjustmentReason' | 'comment';
