import { Rational, rubricPoints, type Grade } from '@examforge/core';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { GradeInput, GradeView } from '../api/index.js';
import type { AppContext } from '../context.js';
import type { Database, GradesTable } from '../db/schema.js';
import { notFound } from '../errors.js';
import { badRequest } from './access.js';
import type { GradingScope } from './grading-scope.js';

const ItemIdsSchema = z.array(z.string());

/** A stored grade as core's scoring input: rubric item ids and the exact adjustment. */
export function readGrade(row: Pick<GradesTable, 'items_json' | 'adjustment'>): Grade {
  const items = ItemIdsSchema.parse(JSON.parse(row.items_json));
  const adjustment = row.adjustment === null ? undefined : Rational.parse(row.adjustment);
  return { kind: 'rubric', items, ...(adjustment && !adjustment.isZero() && { adjustment }) };
}

/** The grades of many attempts, by attempt then question: what results score from. */
export async function loadGrades(
  db: Kysely<Database>,
  attemptIds: readonly string[],
): Promise<Map<string, Record<string, Grade>>> {
  const byAttempt = new Map<string, Record<string, Grade>>();
  // Chunked: PostgreSQL and SQLite both limit the parameters of one statement.
  for (let start = 0; start < attemptIds.length; start += 500) {
    const rows = await db
      .selectFrom('grades')
      .select(['attempt_id', 'question_id', 'items_json', 'adjustment'])
      .where('attempt_id', 'in', attemptIds.slice(start, start + 500))
      .execute();
    for (const row of rows) {
      const grades = byAttempt.get(row.attempt_id) ?? {};
      grades[row.question_id] = readGrade(row);
      byAttempt.set(row.attempt_id, grades);
    }
  }
  return byAttempt;
}

/** The points a grade gives under the scope's rubric, as core scores it. */
export function gradePoints(scope: GradingScope, grade: Grade): Rational {
  return rubricPoints(scope.question, scope.marks, grade).points;
}

/** Checks a grade against the question's rubric: known items, an exact adjustment, a reason for any adjustment. */
export function validateGradeInput(scope: GradingScope, input: GradeInput): void {
  const unknown = input.items.find((id) => !scope.question.rubric.some((item) => item.id === id));
  if (unknown) throw badRequest('unknown-rubric-item', `\`${scope.question.id}\` has no rubric item \`${unknown}\``);
  if (new Set(input.items).size !== input.items.length)
    throw badRequest('repeated-rubric-item', 'a rubric item is applied at most once');
  const adjustment = input.adjustment === undefined ? undefined : Rational.parse(input.adjustment);
  if (input.adjustment !== undefined && !adjustment)
    throw badRequest('invalid-points', `\`${input.adjustment}\` is not an exact number of points`);
  if (adjustment && !adjustment.isZero() && !input.adjustmentReason?.trim())
    throw badRequest('adjustment-reason-required', 'say why the points are adjusted');
}

/** What a grader decided, as the API names it: the items, the adjustment with its reason, the comment. */
export function gradeDecision(row: GradesTable) {
  const grade = readGrade(row);
  return {
    items: grade.kind === 'rubric' ? [...grade.items] : [],
    ...(row.adjustment !== null && { adjustment: row.adjustment }),
    ...(row.adjustment_reason !== null && { adjustmentReason: row.adjustment_reason }),
    ...(row.comment !== null && { comment: row.comment }),
  };
}

export function presentGrade(scope: GradingScope, row: GradesTable, graderName: string): GradeView {
  return {
    ...gradeDecision(row),
    points: gradePoints(scope, readGrade(row)).toString(),
    gradedBy: graderName,
    gradedAt: row.graded_at,
    version: row.version,
  };
}

/** The answer's grade as the grading page shows it; the answer must have one. */
export async function getGradeView(context: AppContext, scope: GradingScope, attemptId: string): Promise<GradeView> {
  const row = await context.db
    .selectFrom('grades')
    .innerJoin('users', 'users.id', 'grades.graded_by')
    .selectAll('grades')
    .select('users.name as grader_name')
    .where('grades.attempt_id', '=', attemptId)
    .where('grades.question_id', '=', scope.question.id)
    .executeTakeFirst();
  if (!row) throw notFound('grade');
  const { grader_name, ...grade } = row;
  return presentGrade(scope, grade, grader_name);
}
