import type { AnswerForGrading, QueueEntry, QueueQuery } from '../api/index.js';
import type { UserRow } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import { notFound } from '../errors.js';
import { groupKey } from './answer-groups.js';
import { presentFlag } from './grading-flags.js';
import { gradePoints, presentGrade, readGrade } from './grades.js';
import { loadQueue, queueProgress, type QueueAnswer, type QueueState } from './grading-queue.js';
import type { GradingScope } from './grading-scope.js';
import { blankPaperAnswers } from './paper-answer-crops.js';

export type QueueFilter = Pick<QueueQuery, 'filter' | 'item' | 'grader'>;

/**
 * Whether an answer is shown under the grader's filters: ungraded/graded/flagged, carrying a rubric item, graded by
 * someone.
 */
export function matchesFilter(state: QueueState, attemptId: string, filter: QueueFilter): boolean {
  const grade = state.grades.get(attemptId);
  if (filter.filter === 'ungraded' && grade) return false;
  if (filter.filter === 'graded' && !grade) return false;
  if (filter.filter === 'flagged' && !state.flags.has(attemptId)) return false;
  if (filter.item !== undefined) {
    const parsed = grade && readGrade(grade);
    if (!parsed || parsed.kind !== 'rubric' || !parsed.items.includes(filter.item)) return false;
  }
  return filter.grader === undefined || grade?.graded_by === filter.grader;
}

/** The question's queue for the grading page: each answer's state, never a name unless names were revealed. */
export async function listQueue(context: AppContext, viewer: UserRow, scope: GradingScope, filter: QueueFilter) {
  const state = await loadQueue(context, scope);
  const graders = [...new Set([...state.grades.values(), ...state.flags.values()].map((row) => graderOf(row)))];
  const [names, students] = await Promise.all([graderNames(context, graders), studentNames(context, scope, state)]);
  const entries = state.answers
    .filter((answer) => matchesFilter(state, answer.attemptId, filter))
    .map((answer): QueueEntry => {
      const grade = state.grades.get(answer.attemptId);
      const claim = state.claims.get(answer.attemptId);
      const student = students.get(answer.rosterId);
      return {
        attemptId: answer.attemptId,
        source: answer.source,
        state: grade ? 'graded' : claim && claim.graderId !== viewer.id ? 'in-progress' : 'ungraded',
        items: grade ? itemsOf(grade.items_json, grade.adjustment) : [],
        ...(grade && { points: gradePoints(scope, readGrade(grade)).toString() }),
        ...(grade && { gradedBy: names.get(grade.graded_by) ?? grade.graded_by }),
        version: grade?.version ?? 0,
        ...flagView(state, answer.attemptId, names),
        ...(student && { student }),
      };
    });
  const blanks = await blankPaperAnswers(context, scope);
  return {
    progress: queueProgress(scope, state, viewer.id),
    entries,
    ...(blanks.length > 0 && { blankPaperAnswers: blanks }),
  };
}

function itemsOf(itemsJson: string, adjustment: string | null): string[] {
  const grade = readGrade({ items_json: itemsJson, adjustment });
  return grade.kind === 'rubric' ? [...grade.items] : [];
}

/** One answer with everything a grader needs beside it: the question, its model solution, the rubric, the grade. */
export async function presentAnswerForGrading(
  context: AppContext,
  viewer: UserRow,
  scope: GradingScope,
  attemptId: string,
  state?: QueueState,
): Promise<AnswerForGrading> {
  const queue = state ?? (await loadQueue(context, scope));
  const answer = queue.answers.find((candidate) => candidate.attemptId === attemptId);
  if (!answer) throw notFound('answer to grade');
  const grade = queue.grades.get(attemptId);
  const claim = queue.claims.get(attemptId);
  const flag = queue.flags.get(attemptId);
  const [names, students] = await Promise.all([
    graderNames(
      context,
      [grade?.graded_by, flag?.flagged_by].filter((id) => id !== undefined),
    ),
    studentNames(context, scope, queue),
  ]);
  const student = students.get(answer.rosterId);
  const groupId = groupOf(queue, answer);
  return {
    attemptId,
    source: answer.source,
    answer: answer.answer,
    ...(answer.box && { paperBox: answer.box }),
    question: {
      id: scope.question.id,
      number: scope.number,
      stem: scope.question.stem,
      marks: scope.marks.toString(),
      ...(scope.question.solution !== undefined && { solution: scope.question.solution }),
      rubric: scope.question.rubric.map((item) => ({ id: item.id, points: item.points.toString(), text: item.text })),
      rubricFrom: scope.question.rubricFrom ?? 'zero',
    },
    ...(grade && { grade: presentGrade(scope, grade, names.get(grade.graded_by) ?? grade.graded_by) }),
    ...(claim?.graderId === viewer.id && { claimExpiresAt: claim.expiresAt }),
    ...(groupId && { groupId }),
    ...flagView(queue, attemptId, names),
    ...(student && { student }),
    progress: queueProgress(scope, queue, viewer.id),
  };
}

/** The answer's flag, if any, as graders see it (who flagged it by name). */
function flagView(state: QueueState, attemptId: string, names: ReadonlyMap<string, string>) {
  const flag = state.flags.get(attemptId);
  return flag ? { flag: presentFlag(flag, names.get(flag.flagged_by) ?? flag.flagged_by) } : {};
}

const graderOf = (row: { graded_by: string } | { flagged_by: string }) =>
  'graded_by' in row ? row.graded_by : row.flagged_by;

/** The answer's group when other typed answers read the same once normalised. */
function groupOf(state: QueueState, answer: QueueAnswer): string | undefined {
  if (answer.answer.kind !== 'text') return undefined;
  const key = groupKey(answer.answer.text);
  const same = state.answers.filter((other) => other.answer.kind === 'text' && groupKey(other.answer.text) === key);
  return same.length > 1 ? key : undefined;
}

async function graderNames(context: AppContext, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await context.db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** Students' names by roster id, only once an instructor revealed them for the sitting: grading is anonymous. */
async function studentNames(
  context: AppContext,
  scope: GradingScope,
  state: QueueState,
): Promise<Map<string, { studentNumber: string; name: string }>> {
  if (!scope.sitting.names_revealed_at || state.answers.length === 0) return new Map();
  const rows = await context.db
    .selectFrom('roster')
    .select(['id', 'student_number', 'name'])
    .where('sitting_id', '=', scope.sitting.id)
    .execute();
  return new Map(rows.map((row) => [row.id, { studentNumber: row.student_number, name: row.name }]));
}
