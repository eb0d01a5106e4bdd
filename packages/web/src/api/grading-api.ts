import {
  AnswerForGradingSchema,
  AnswerGroupSchema,
  ClaimSchema,
  GradeViewSchema,
  GradingProgressSchema,
  NextAnswerResultSchema,
  PaperBoxViewSchema,
  QueueSchema,
  RevealNamesSchema,
  RubricItemViewSchema,
  SavedCommentSchema,
  type AnswerForGrading,
  type AnswerGroup,
  type GradeInput,
  type GradeView,
  type GradingProgress,
  type NextAnswer,
  type PaperBoxView,
  type QueueEntry,
  type QueueQuery,
} from '@examforge/server/api';
import { apiRequest, type ReplyParser } from './http.js';

/** The grading routes (docs/api.md, "grading"): progress, the queue of one question, grades, comments, the rubric. */

const sittingPath = (sittingId: string): string => `/api/sittings/${encodeURIComponent(sittingId)}`;
const questionPath = (sittingId: string, questionId: string): string =>
  `${sittingPath(sittingId)}/grading/${encodeURIComponent(questionId)}`;
const answerPath = (sittingId: string, questionId: string, attemptId: string): string =>
  `${questionPath(sittingId, questionId)}/answers/${encodeURIComponent(attemptId)}`;

export interface Queue {
  readonly progress: GradingProgress;
  readonly entries: readonly QueueEntry[];
  /** Paper answers whose box was judged blank: not in the queue unless a person says they are written. */
  readonly blankPaperAnswers?: readonly (PaperBoxView & { readonly attemptId: string })[];
}
export interface NextAnswerResult {
  readonly answer?: AnswerForGrading;
  readonly progress: GradingProgress;
}
export type RubricItemView = AnswerForGrading['question']['rubric'][number];
export interface SavedComment {
  readonly text: string;
  readonly uses: number;
}

/** A flag change comes back as `{flag?}`; the page reads the answer again to show it. */
const FlagReply: ReplyParser<unknown> = {
  safeParse: (value) =>
    typeof value === 'object' && value !== null
      ? { success: true, data: value }
      : { success: false, error: { message: 'not an object' } },
};

/** A saved grade comes back as `{grade}`. */
const SavedGradeReply: ReplyParser<GradeView> = {
  safeParse: (value) =>
    GradeViewSchema.safeParse(
      typeof value === 'object' && value !== null && 'grade' in value ? value.grade : undefined,
    ),
};

export function fetchGradingProgress(sittingId: string): Promise<readonly GradingProgress[]> {
  return apiRequest('GET', `${sittingPath(sittingId)}/grading`, GradingProgressSchema.array());
}

export function revealNames(sittingId: string, revealed: boolean): Promise<{ revealed: boolean }> {
  return apiRequest('POST', `${sittingPath(sittingId)}/grading/names`, RevealNamesSchema, { body: { revealed } });
}

export function fetchQueue(sittingId: string, questionId: string, query: QueueQuery): Promise<Queue> {
  const search = new URLSearchParams({ filter: query.filter });
  if (query.item !== undefined) search.set('item', query.item);
  if (query.grader !== undefined) search.set('grader', query.grader);
  return apiRequest('GET', `${questionPath(sittingId, questionId)}?${search.toString()}`, QueueSchema);
}

/** Moves to the next (or previous) answer under the filters and claims it; no `answer` when none is left. */
export function claimNextAnswer(sittingId: string, questionId: string, move: NextAnswer): Promise<NextAnswerResult> {
  return apiRequest('POST', `${questionPath(sittingId, questionId)}/next`, NextAnswerResultSchema, { body: move });
}

export function fetchAnswerForGrading(
  sittingId: string,
  questionId: string,
  attemptId: string,
): Promise<AnswerForGrading> {
  return apiRequest('GET', answerPath(sittingId, questionId, attemptId), AnswerForGradingSchema);
}

/** Claims the answer or renews the lease; 409 `answer-claimed` while another grader holds it. */
export function renewClaim(sittingId: string, questionId: string, attemptId: string): Promise<{ expiresAt: string }> {
  return apiRequest('POST', `${answerPath(sittingId, questionId, attemptId)}/claim`, ClaimSchema);
}

/** 409 `grade-conflict` when another grader saved since `expectedVersion`. */
export function saveGrade(
  sittingId: string,
  questionId: string,
  attemptId: string,
  grade: GradeInput & { readonly expectedVersion: number },
): Promise<GradeView> {
  return apiRequest('PUT', `${answerPath(sittingId, questionId, attemptId)}/grade`, SavedGradeReply, { body: grade });
}

export function fetchSavedComments(sittingId: string, questionId: string): Promise<readonly SavedComment[]> {
  return apiRequest('GET', `${questionPath(sittingId, questionId)}/comments`, SavedCommentSchema.array());
}

export function fetchAnswerGroups(sittingId: string, questionId: string): Promise<readonly AnswerGroup[]> {
  return apiRequest('GET', `${questionPath(sittingId, questionId)}/groups`, AnswerGroupSchema.array());
}

/** Grades every member listed (each with the version seen); a member left out is split from the group. */
export function gradeGroup(
  sittingId: string,
  questionId: string,
  groupId: string,
  grade: GradeInput & { readonly members: readonly { attemptId: string; expectedVersion: number }[] },
): Promise<AnswerGroup> {
  return apiRequest(
    'PUT',
    `${questionPath(sittingId, questionId)}/groups/${encodeURIComponent(groupId)}/grade`,
    AnswerGroupSchema,
    { body: grade },
  );
}

const rubricItemPath = (sittingId: string, questionId: string, itemId: string): string =>
  `${sittingPath(sittingId)}/rubric/${encodeURIComponent(questionId)}/items/${encodeURIComponent(itemId)}`;

/** Adds the item or changes it; every answer carrying it is rescored. */
export function setRubricItem(
  sittingId: string,
  questionId: string,
  itemId: string,
  item: { readonly points: string; readonly text: string },
): Promise<readonly RubricItemView[]> {
  return apiRequest('PUT', rubricItemPath(sittingId, questionId, itemId), RubricItemViewSchema.array(), {
    body: item,
  });
}

/** 409 `rubric-item-in-use` while an answer carries the item. */
export function removeRubricItem(
  sittingId: string,
  questionId: string,
  itemId: string,
): Promise<readonly RubricItemView[]> {
  return apiRequest('DELETE', rubricItemPath(sittingId, questionId, itemId), RubricItemViewSchema.array());
}

/** A person's word on a paper answer's box: `blank` takes it out of the queue, `written` puts it in. */
export function setPaperInk(
  sittingId: string,
  attemptId: string,
  questionId: string,
  ink: 'blank' | 'written',
): Promise<PaperBoxView> {
  return apiRequest(
    'POST',
    `${sittingPath(sittingId)}/paper-answers/${encodeURIComponent(attemptId)}/${encodeURIComponent(questionId)}/ink`,
    PaperBoxViewSchema,
    { body: { ink } },
  );
}

/** Flags the answer for a second look with a note, or clears its flag. */
export function setAnswerFlag(
  sittingId: string,
  questionId: string,
  attemptId: string,
  flag: { readonly flagged: true; readonly note: string } | { readonly flagged: false },
): Promise<unknown> {
  return apiRequest('PUT', `${answerPath(sittingId, questionId, attemptId)}/flag`, FlagReply, { body: flag });
}
