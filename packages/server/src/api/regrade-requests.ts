import { z } from 'zod';
import { AnswerForGradingSchema, SaveGradeSchema, StudentNameSchema } from './grading.js';
import { QuestionResultSchema } from './schemas.js';

/**
 * Regrade requests: after results are released and until the sitting's deadline, a student asks for one answer to be
 * graded again with a reason; staff accept it (a written answer with its new grade, through the grading path) or
 * decline it, with a reply the student reads.
 */

/** The longest reason a student may give, and the longest reply staff may write. */
export const REGRADE_TEXT_LIMIT = 5_000;

const Id = z.string().min(1).max(100);

export const RegradeStatusSchema = z.enum(['open', 'accepted', 'declined', 'withdrawn']);
export type RegradeStatus = z.infer<typeof RegradeStatusSchema>;

export const NewRegradeRequestSchema = z.strictObject({
  questionId: Id,
  reason: z.string().trim().min(1, 'say why the answer should be graded again').max(REGRADE_TEXT_LIMIT),
});
export type NewRegradeRequest = z.infer<typeof NewRegradeRequestSchema>;

/** A request as its student sees it. */
export const OwnRegradeRequestSchema = z.object({
  id: z.string(),
  questionId: z.string(),
  reason: z.string(),
  status: RegradeStatusSchema,
  reply: z.string().optional(),
  createdAt: z.string(),
  decidedAt: z.string().optional(),
});
export type OwnRegradeRequest = z.infer<typeof OwnRegradeRequestSchema>;

/** Whether the student may file a request now, and until when. */
export const RegradeWindowSchema = z.object({
  open: z.boolean(),
  /** The deadline the instructor set (absent: none set, or closed). */
  until: z.string().optional(),
});

export const OwnRegradeRequestsSchema = z.object({
  window: RegradeWindowSchema,
  requests: z.array(OwnRegradeRequestSchema),
});
export type OwnRegradeRequests = z.infer<typeof OwnRegradeRequestsSchema>;

export const RegradeQueueQuerySchema = z.strictObject({
  status: RegradeStatusSchema.optional(),
  questionId: Id.optional(),
  rosterId: Id.optional(),
});
export type RegradeQueueQuery = z.infer<typeof RegradeQueueQuerySchema>;

/** A request in the staff queue: the student only by name once names are revealed, as in grading. */
export const RegradeRequestViewSchema = OwnRegradeRequestSchema.extend({
  attemptId: z.string(),
  rosterId: z.string(),
  questionNumber: z.number().int(),
  /** `written`: accepting changes the grade; `other`: the fix is a key change, which regrades everyone. */
  questionKind: z.enum(['written', 'other']),
  decidedBy: z.string().optional(),
  student: StudentNameSchema.optional(),
});
export type RegradeRequestView = z.infer<typeof RegradeRequestViewSchema>;

export const RegradeQueueSchema = z.object({
  regradeUntil: z.string().optional(),
  /** Open requests in the sitting, whatever the filters. */
  open: z.number().int(),
  requests: z.array(RegradeRequestViewSchema),
});
export type RegradeQueue = z.infer<typeof RegradeQueueSchema>;

/** One request opened for a decision: the answer as scored now, and for a written answer everything grading shows. */
export const RegradeRequestDetailSchema = z.object({
  request: RegradeRequestViewSchema,
  result: QuestionResultSchema,
  grading: AnswerForGradingSchema.optional(),
});
export type RegradeRequestDetail = z.infer<typeof RegradeRequestDetailSchema>;

export const RegradeDecisionSchema = z.strictObject({
  outcome: z.enum(['accepted', 'declined']),
  reply: z.string().trim().min(1, 'write a reply to the student').max(REGRADE_TEXT_LIMIT),
  /** An accepted written answer's new grade, with the grade version seen (a stale one is 409 `grade-conflict`). */
  grade: SaveGradeSchema.optional(),
});
export type RegradeDecision = z.infer<typeof RegradeDecisionSchema>;

export const RegradeWindowInputSchema = z.strictObject({
  /** The deadline for requests; null closes the window. */
  until: z.iso.datetime({ offset: true }).nullable(),
});
