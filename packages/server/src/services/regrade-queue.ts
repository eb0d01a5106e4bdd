import { findQuestion, listQuestions, type Exam } from '@examforge/core';
import type { RegradeQueue, RegradeQueueQuery, RegradeRequestDetail, RegradeRequestView } from '../api/index.js';
import type { UserRow } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import type { RegradeRequestsTable, SittingsTable } from '../db/schema.js';
import { HttpError, notFound } from '../errors.js';
import { loadExamVersion } from './exams.js';
import { getGradingScope } from './grading-scope.js';
import { presentAnswerForGrading } from './grading-view.js';
import { presentOwnRequest } from './regrade-requests.js';
import { attemptResults } from './results.js';
import { findSittingRow } from './sittings.js';

type RequestRow = RegradeRequestsTable & { roster_id: string };

/**
 * The sitting's regrade requests for staff, oldest first (filtered by status, question, student), with the count
 * still open. Students are named only once an instructor revealed names for grading, as in the grading queue.
 *
 * @example
 * await listRegradeRequests(context, sittingId, { status: 'open' });
 */
export async function listRegradeRequests(
  context: AppContext,
  sittingId: string,
  query: RegradeQueueQuery,
): Promise<RegradeQueue> {
  const sitting = await findSittingRow(context, sittingId);
  let select = requestsOf(context, sittingId);
  if (query.status) select = select.where('regrade_requests.status', '=', query.status);
  if (query.questionId) select = select.where('regrade_requests.question_id', '=', query.questionId);
  if (query.rosterId) select = select.where('attempts.roster_id', '=', query.rosterId);
  const rows = await select.orderBy('regrade_requests.created_at').orderBy('regrade_requests.id').execute();
  const open = await context.db
    .selectFrom('regrade_requests')
    .select((eb) => eb.fn.countAll<number>().as('open'))
    .where('sitting_id', '=', sittingId)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  return {
    ...(sitting.regrade_until && { regradeUntil: sitting.regrade_until }),
    open: open.open,
    requests: await presentRequests(context, sitting, rows),
  };
}

/** One request with what staff decide from: the answer as scored now and, for a written answer, its grading view. */
export async function getRegradeRequestDetail(
  context: AppContext,
  viewer: UserRow,
  sittingId: string,
  requestId: string,
): Promise<RegradeRequestDetail> {
  const sitting = await findSittingRow(context, sittingId);
  const row = await getRequestRow(context, sittingId, requestId);
  const [request] = await presentRequests(context, sitting, [row]);
  const results = await attemptResults(context, sittingId, row.attempt_id);
  const result = results.questions.find((question) => question.questionId === row.question_id);
  if (!request || !result) throw notFound('question of the regrade request');
  const grading = request.questionKind === 'written' ? await gradingView(context, viewer, sittingId, row) : undefined;
  return { request, result, ...(grading && { grading }) };
}

/** One request as the queue shows it. */
export async function getRegradeRequestView(
  context: AppContext,
  sittingId: string,
  requestId: string,
): Promise<RegradeRequestView> {
  const sitting = await findSittingRow(context, sittingId);
  const [view] = await presentRequests(context, sitting, [await getRequestRow(context, sittingId, requestId)]);
  if (!view) throw notFound('regrade request');
  return view;
}

/** The request, in this sitting (404 otherwise). */
export async function getRequestRow(context: AppContext, sittingId: string, requestId: string): Promise<RequestRow> {
  const row = await requestsOf(context, sittingId).where('regrade_requests.id', '=', requestId).executeTakeFirst();
  if (!row) throw notFound('regrade request');
  return row;
}

/** Whether a question is a written one, whose regrade is a new grade (else the fix is a key change). */
export function isWrittenQuestion(exam: Exam, questionId: string): boolean {
  return findQuestion(exam, questionId)?.question.kind === 'free';
}

function requestsOf(context: AppContext, sittingId: string) {
  return context.db
    .selectFrom('regrade_requests')
    .innerJoin('attempts', 'attempts.id', 'regrade_requests.attempt_id')
    .selectAll('regrade_requests')
    .select('attempts.roster_id')
    .where('regrade_requests.sitting_id', '=', sittingId);
}

/** A written answer not in the grading queue (say a box judged blank) has no grading view: staff see its result. */
async function gradingView(context: AppContext, viewer: UserRow, sittingId: string, row: RequestRow) {
  const scope = await getGradingScope(context, sittingId, row.question_id);
  try {
    return await presentAnswerForGrading(context, viewer, scope, row.attempt_id);
  } catch (error) {
    if (error instanceof HttpError && error.status === 404) return undefined;
    throw error;
  }
}

async function presentRequests(
  context: AppContext,
  sitting: SittingsTable,
  rows: readonly RequestRow[],
): Promise<RegradeRequestView[]> {
  const exam = await loadExamVersion(context, sitting.exam_version_id);
  const numbers = new Map(listQuestions(exam).map(({ question, number }) => [question.id, number]));
  const [deciders, students] = await Promise.all([
    userNames(context, [...new Set(rows.flatMap((row) => (row.decided_by ? [row.decided_by] : [])))]),
    studentNames(context, sitting, rows),
  ]);
  return rows.map((row) => {
    const student = students.get(row.roster_id);
    return {
      ...presentOwnRequest(row),
      attemptId: row.attempt_id,
      rosterId: row.roster_id,
      questionNumber: numbers.get(row.question_id) ?? 0,
      questionKind: isWrittenQuestion(exam, row.question_id) ? 'written' : 'other',
      ...(row.decided_by && { decidedBy: deciders.get(row.decided_by) ?? row.decided_by }),
      ...(student && { student }),
    };
  });
}

async function userNames(context: AppContext, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await context.db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** Names only once revealed for grading: a regrade is graded like any answer, anonymously by default. */
async function studentNames(context: AppContext, sitting: SittingsTable, rows: readonly RequestRow[]) {
  if (!sitting.names_revealed_at || rows.length === 0) return new Map<string, never>();
  const found = await context.db
    .selectFrom('roster')
    .select(['id', 'student_number', 'name'])
    .where('id', 'in', [...new Set(rows.map((row) => row.roster_id))])
    .execute();
  return new Map(found.map((row) => [row.id, { studentNumber: row.student_number, name: row.name }]));
}
