import { z } from 'zod';
import { BlankPaperAnswerSchema, PaperBoxViewSchema } from './paper-answers.js';

/** Grading written answers: the queue of one question, one answer with its grade, and the commands on them. */

/** Exact points as text (`0.5`, `-1`, `1/3`), as everywhere else in the API. */
const PointsText = z.string().regex(/^[+-]?(\d+(\.\d+)?|\d+\/[1-9]\d*)$/, 'exact points, like 0.5, -1 or 1/3');

export const GradeInputSchema = z.strictObject({
  /** Rubric item ids of the question. */
  items: z.array(z.string().min(1).max(100)).max(50),
  adjustment: PointsText.optional(),
  /** Required with a non-zero adjustment. */
  adjustmentReason: z.string().max(2000).optional(),
  comment: z.string().max(2000).optional(),
});
export type GradeInput = z.infer<typeof GradeInputSchema>;

export const SaveGradeSchema = GradeInputSchema.extend({
  /** The grade version the grader saw: 0 when the answer had no grade. A stale version is a 409 `grade-conflict`. */
  expectedVersion: z.number().int().min(0),
});
export type SaveGrade = z.infer<typeof SaveGradeSchema>;

export const GradeViewSchema = z.object({
  items: z.array(z.string()),
  adjustment: z.string().optional(),
  adjustmentReason: z.string().optional(),
  comment: z.string().optional(),
  /** The points the grade gives under the current rubric (clamped to the question's marks). */
  points: z.string(),
  gradedBy: z.string(),
  gradedAt: z.string(),
  version: z.number().int(),
});
export type GradeView = z.infer<typeof GradeViewSchema>;

export const GradingProgressSchema = z.object({
  questionId: z.string(),
  number: z.number().int(),
  /** Answers to grade: typed answers, and paper answers whose box is written. */
  answers: z.number().int(),
  graded: z.number().int(),
  ungraded: z.number().int(),
  /** Ungraded answers other graders hold right now. */
  inProgressByOthers: z.number().int(),
});
export type GradingProgress = z.infer<typeof GradingProgressSchema>;

export const QueueFilterSchema = z.enum(['all', 'ungraded', 'graded', 'flagged']);

/** An answer a grader marked for a second look, and why. */
export const AnswerFlagSchema = z.object({ note: z.string(), flaggedBy: z.string(), flaggedAt: z.string() });
export type AnswerFlag = z.infer<typeof AnswerFlagSchema>;

/** Flags an answer (with a note saying why) or clears its flag. */
export const SetFlagSchema = z.discriminatedUnion('flagged', [
  z.strictObject({ flagged: z.literal(true), note: z.string().trim().min(1).max(500) }),
  z.strictObject({ flagged: z.literal(false) }),
]);
export type SetFlag = z.infer<typeof SetFlagSchema>;

export const QueueQuerySchema = z.strictObject({
  filter: QueueFilterSchema.default('all'),
  /** Only answers carrying this rubric item. */
  item: z.string().min(1).max(100).optional(),
  /** Only answers graded by this user id. */
  grader: z.string().min(1).max(100).optional(),
});
export type QueueQuery = z.infer<typeof QueueQuerySchema>;

export const StudentNameSchema = z.object({ studentNumber: z.string(), name: z.string() });

export const QueueEntrySchema = z.object({
  attemptId: z.string(),
  source: z.enum(['online', 'paper']),
  state: z.enum(['ungraded', 'graded', 'in-progress']),
  items: z.array(z.string()),
  points: z.string().optional(),
  gradedBy: z.string().optional(),
  version: z.number().int(),
  flag: AnswerFlagSchema.optional(),
  /** Only once an instructor has revealed names for the sitting. */
  student: StudentNameSchema.optional(),
});
export type QueueEntry = z.infer<typeof QueueEntrySchema>;

export const QueueSchema = z.object({
  progress: GradingProgressSchema,
  entries: z.array(QueueEntrySchema),
  /** Paper answers whose box was judged blank (not in the queue): a grader may say one is written. */
  blankPaperAnswers: z.array(BlankPaperAnswerSchema).optional(),
});

export const NextAnswerSchema = z.strictObject({
  /** Where the grader is: the next answer is the one after it in queue order (the first when absent). */
  after: z.string().min(1).max(100).optional(),
  direction: z.enum(['next', 'previous']).default('next'),
  filter: QueueFilterSchema.default('ungraded'),
  item: z.string().min(1).max(100).optional(),
  grader: z.string().min(1).max(100).optional(),
});
export type NextAnswer = z.infer<typeof NextAnswerSchema>;

export const RubricItemViewSchema = z.object({ id: z.string(), points: z.string(), text: z.string() });

/**
 * The answer as the student gave it: typed text, or (paper) the URL of the answer box's crop. A paper answer enters
 * the queue when its box is written (by the reader's verdict or a person's override).
 */
export const GradingAnswerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string() }),
  z.object({ kind: z.literal('crop'), url: z.string() }),
]);

export const AnswerForGradingSchema = z.object({
  attemptId: z.string(),
  source: z.enum(['online', 'paper']),
  answer: GradingAnswerSchema,
  /** A paper answer's box: what the reader saw, so the page can offer to call it blank, and the whole page. */
  paperBox: PaperBoxViewSchema.optional(),
  question: z.object({
    id: z.string(),
    number: z.number().int(),
    stem: z.string(),
    marks: z.string(),
    solution: z.string().optional(),
    rubric: z.array(RubricItemViewSchema),
    /** `full`: negative grading, items deduct from the marks; `zero`: items add from 0. */
    rubricFrom: z.enum(['zero', 'full']),
  }),
  grade: GradeViewSchema.optional(),
  /** The caller's lease on the answer (claimed by `next` or `claim`), renewed by `claim`. */
  claimExpiresAt: z.string().optional(),
  groupId: z.string().optional(),
  flag: AnswerFlagSchema.optional(),
  student: StudentNameSchema.optional(),
  progress: GradingProgressSchema,
});
export type AnswerForGrading = z.infer<typeof AnswerForGradingSchema>;

export const NextAnswerResultSchema = z.object({
  answer: AnswerForGradingSchema.optional(),
  progress: GradingProgressSchema,
});

export const ClaimSchema = z.object({ expiresAt: z.string() });

export const SavedCommentSchema = z.object({ text: z.string(), uses: z.number().int() });
export const NewCommentSchema = z.strictObject({ text: z.string().trim().min(1).max(2000) });

export const AnswerGroupSchema = z.object({
  id: z.string(),
  /** The answer as its first member wrote it. */
  text: z.string(),
  members: z.array(z.object({ attemptId: z.string(), version: z.number().int(), graded: z.boolean() })),
});
export type AnswerGroup = z.infer<typeof AnswerGroupSchema>;

export const GroupGradeSchema = GradeInputSchema.extend({
  /** Each member with the grade version the grader saw; any stale one refuses the whole group (409). */
  members: z
    .array(z.strictObject({ attemptId: z.string().min(1).max(100), expectedVersion: z.number().int().min(0) }))
    .min(1)
    .max(5000),
});
export type GroupGrade = z.infer<typeof GroupGradeSchema>;

export const RubricItemInputSchema = z.strictObject({ points: PointsText, text: z.string().trim().min(1).max(2000) });
export const RevealNamesSchema = z.strictObject({ revealed: z.boolean() });
