import { z } from 'zod';
import { RecordedAnswerSchema } from './responses.js';
import { UnscoredMarksSchema } from './unscored-marks.js';

/**
 * The API contract: every request and response body, shared by the server (validation, OpenAPI) and the browser app
 * (types). Times are ISO 8601 strings in UTC; ids are opaque strings.
 */

export const ErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
  /** The request's id (also its `x-request-id` header): staff find the request's log lines by it. */
  requestId: z.string().optional(),
});
export type ApiError = z.infer<typeof ErrorSchema>;

export const RoleSchema = z.enum(['owner', 'instructor', 'grader']);
export type Role = z.infer<typeof RoleSchema>;

export const LoginSchema = z.strictObject({
  email: z.email().max(320),
  password: z.string().min(1).max(1000),
});
export const JoinSchema = z.strictObject({ accessCode: z.string().min(4).max(64) });

export const MeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('anonymous'), csrfToken: z.string().optional() }),
  z.object({
    kind: z.literal('user'),
    csrfToken: z.string(),
    user: z.object({ id: z.string(), email: z.string(), name: z.string(), role: RoleSchema, isAdmin: z.boolean() }),
  }),
  z.object({
    kind: z.literal('student'),
    csrfToken: z.string(),
    student: z.object({ id: z.string(), name: z.string(), studentNumber: z.string(), sittingId: z.string() }),
  }),
]);
export type Me = z.infer<typeof MeSchema>;

export const DiagnosticSchema = z.object({
  severity: z.enum(['error', 'warning', 'info']),
  code: z.string(),
  message: z.string(),
  line: z.number(),
  column: z.number(),
  expected: z.string().optional(),
  hint: z.string().optional(),
  questionId: z.string().optional(),
});

export const ImportExamSchema = z.strictObject({ source: z.string().min(1).max(2_000_000) });

export const ExamSummarySchema = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  version: z.number().int(),
  published: z.boolean(),
  questionCount: z.number().int(),
  /** The exam's own duration in minutes (a sitting may set another). */
  durationMinutes: z.number(),
  totalMarks: z.string(),
  updatedAt: z.string(),
});
export type ExamSummary = z.infer<typeof ExamSummarySchema>;

export const ExamDetailSchema = ExamSummarySchema.extend({
  source: z.string(),
  diagnostics: z.array(DiagnosticSchema),
  sittings: z.array(z.object({ id: z.string(), title: z.string(), opensAt: z.string(), closesAt: z.string() })),
  /** The ids of the computed questions (each student gets their own instance), in exam order. */
  computedQuestions: z.array(z.string()),
});
export type ExamDetail = z.infer<typeof ExamDetailSchema>;

export const ReleaseSchema = z.enum(['never', 'after-close', 'immediately']);
export const CreateSittingSchema = z.strictObject({
  title: z.string().min(1).max(200),
  opensAt: z.iso.datetime({ offset: true }),
  closesAt: z.iso.datetime({ offset: true }),
  durationMinutes: z
    .number()
    .int()
    .positive()
    .max(24 * 60),
  graceSeconds: z.number().int().min(0).max(3600).default(60),
  shuffleQuestions: z.boolean().default(false),
  shuffleOptions: z.boolean().default(false),
  /** Students see one question per page, with the question panel and Previous/Next. */
  oneQuestionPerPage: z.boolean().default(false),
  releaseResults: ReleaseSchema.default('after-close'),
  releaseSolutions: ReleaseSchema.default('after-close'),
});
export type CreateSitting = z.infer<typeof CreateSittingSchema>;

export const SittingSchema = z.object({
  id: z.string(),
  examId: z.string(),
  examTitle: z.string(),
  title: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  durationMinutes: z.number(),
  graceSeconds: z.number(),
  shuffleQuestions: z.boolean(),
  shuffleOptions: z.boolean(),
  oneQuestionPerPage: z.boolean(),
  releaseResults: ReleaseSchema,
  releaseSolutions: ReleaseSchema,
  /** Until when students may ask for a regrade once results are released (absent: not offered, or closed). */
  regradeUntil: z.string().optional(),
});
export type Sitting = z.infer<typeof SittingSchema>;

export const RosterImportSchema = z.strictObject({ csv: z.string().min(1).max(5_000_000) });
export const RosterEntrySchema = z.object({
  id: z.string(),
  studentNumber: z.string(),
  name: z.string(),
  email: z.string(),
  /** Multiplier on the duration: 1.25 for 25 % extra time. */
  timeMultiplier: z.number(),
  accessCode: z.string(),
});
export type RosterEntry = z.infer<typeof RosterEntrySchema>;

/**
 * What a student may see of an exam (built by `studentView` in core). As a response schema it is also a filter: the
 * serializer drops any field not named here, so a field added to the view by mistake cannot reach a student.
 */
export const StudentQuestionViewSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  kind: z.enum(['single', 'multiple', 'numeric', 'free']),
  stem: z.string(),
  marks: z.string(),
  penalty: z.string(),
  options: z
    .array(z.object({ letter: z.string(), text: z.string() }))
    .readonly()
    .optional(),
});
export const StudentExamViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  term: z.string().optional(),
  duration: z.number(),
  instructions: z.string().optional(),
  sections: z
    .array(z.object({ id: z.string(), title: z.string(), questions: z.array(StudentQuestionViewSchema).readonly() }))
    .readonly(),
});
export type StudentExamViewPayload = z.infer<typeof StudentExamViewSchema>;

export const AttemptStatusSchema = z.enum(['not-started', 'open', 'submitted', 'expired']);

/** What a student's page needs: the server's clock, the deadline, and what is already saved. */
/** One section as the start page summarises it: how many questions, their marks and penalties (distinct values). */
export const OverviewSectionSchema = z.object({
  id: z.string(),
  title: z.string(),
  questions: z.number().int(),
  /** Each distinct mark of its questions (usually one: "0.5 marks each"). */
  marks: z.array(z.string()),
  /** Each distinct penalty for a wrong answer ("0" for none). */
  penalties: z.array(z.string()),
  /** What its questions add up to (bonus questions and questions dropped from the maximum left out). */
  total: z.string(),
});

/**
 * What a student reads before starting (the clock does not run yet): the exam's online instructions, its sections
 * and total, and the time this student has, their own extra time included.
 */
export const StartOverviewSchema = z.object({
  instructions: z.string().optional(),
  sections: z.array(OverviewSectionSchema),
  total: z.string(),
  /** The sitting's duration times this student's multiplier, in seconds (what the clock gives them at the start). */
  ownDurationSeconds: z.number().int(),
  /** 1.25 for 25 % extra time; 1 for none. */
  timeMultiplier: z.number(),
  /** Saves sent just before the deadline are still taken for this long. */
  graceSeconds: z.number().int(),
});
export type StartOverview = z.infer<typeof StartOverviewSchema>;

export const AttemptStateSchema = z.object({
  sitting: z.object({
    id: z.string(),
    /** The sitting's exam: its text's images are served from `/api/exams/:examId/files/…`. */
    examId: z.string(),
    title: z.string(),
    opensAt: z.string(),
    closesAt: z.string(),
    durationMinutes: z.number(),
    /** Students see one question per page (with the question panel and Previous/Next). */
    oneQuestionPerPage: z.boolean(),
  }),
  /** Before the start only: what the start page shows. */
  overview: StartOverviewSchema.optional(),
  status: AttemptStatusSchema,
  serverNow: z.string(),
  startedAt: z.string().optional(),
  deadline: z.string().optional(),
  /** Saves are refused after this instant (deadline + grace). */
  acceptsUntil: z.string().optional(),
  lastSeq: z.number().int(),
  answers: z.record(
    z.string(),
    z.object({ answer: RecordedAnswerSchema, flagged: z.boolean(), seq: z.number().int() }),
  ),
  /** The questions, once started (never the key). */
  exam: StudentExamViewSchema.optional(),
  /** When the attempt was submitted or closed at its deadline. */
  closedAt: z.string().optional(),
  resultsAvailable: z.boolean(),
});
export type AttemptState = z.infer<typeof AttemptStateSchema>;

export const MonitorRowSchema = z.object({
  rosterId: z.string(),
  studentNumber: z.string(),
  name: z.string(),
  status: AttemptStatusSchema,
  startedAt: z.string().optional(),
  lastSaveAt: z.string().optional(),
  deadline: z.string().optional(),
  secondsLeft: z.number().optional(),
  answered: z.number().int(),
  /** online: saved within the last 30 s; idle: open but quiet; offline: no contact for 2 minutes. */
  connection: z.enum(['online', 'idle', 'offline', 'none']),
});
export type MonitorRow = z.infer<typeof MonitorRowSchema>;

export const ResultRowSchema = z.object({
  rosterId: z.string(),
  attemptId: z.string().optional(),
  studentNumber: z.string(),
  name: z.string(),
  status: AttemptStatusSchema,
  total: z.string().optional(),
  maximum: z.string().optional(),
  questions: z.record(z.string(), z.string()),
  flagged: z.array(z.string()),
  /**
   * Questions whose answer was not read from the scan (their sheet page is missing or unreadable): they count 0 in the
   * total, are flagged, and are not blanks: the student may have answered them.
   */
  notRead: z.array(z.string()),
  /** Written answers no grader has graded yet: their cell says `ungraded`, and the total is not final. */
  ungraded: z.array(z.string()),
  /** How the answers came: typed online, or read from a scanned paper sheet. */
  source: z.enum(['online', 'paper']).optional(),
  /** For paper: the sheet pages that have an annotated image (`…/attempts/:attemptId/sheet/:page`). */
  sheetPages: z.array(z.number().int()).optional(),
  /** For paper: review items still open for this student. */
  openReviews: z.number().int().optional(),
  /** Why `maximum` is below the paper's marks (questions without a key or dropped); absent when all are scored. */
  unscored: UnscoredMarksSchema.optional(),
});
export type ResultRow = z.infer<typeof ResultRowSchema>;

export const ChangeKeySchema = z.strictObject({
  questionId: z.string(),
  letters: z.array(z.string().regex(/^[a-z]$/)).min(1),
});
export const DropQuestionSchema = z.strictObject({ questionId: z.string(), mode: z.enum(['full-marks', 'exclude']) });

export const QuestionResultSchema = z.object({
  questionId: z.string(),
  number: z.number(),
  /** Core's question status: `missing` is an answer not read from the scan (shown as "not read"). */
  status: z.string(),
  points: z.string(),
  maximum: z.string(),
  reason: z.string(),
  answer: RecordedAnswerSchema.optional(),
  /** A handwritten answer (a written box on a paper sheet): the URL of its box crop (JPEG). */
  crop: z.string().optional(),
  correct: z.array(z.string()).optional(),
  explanation: z.string().optional(),
  solution: z.string().optional(),
  /** A written answer's grade: the items applied with their points, the adjustment and the grader's comment. */
  grade: z
    .object({
      items: z.array(z.object({ id: z.string(), points: z.string(), text: z.string() })),
      adjustment: z.string().optional(),
      adjustmentReason: z.string().optional(),
      comment: z.string().optional(),
    })
    .optional(),
});
export type GradeFeedbackView = NonNullable<z.infer<typeof QuestionResultSchema>['grade']>;
export const StudentResultsSchema = z.object({
  /** For staff: whose attempt this is. */
  student: z.object({ studentNumber: z.string(), name: z.string() }).optional(),
  total: z.string(),
  maximum: z.string(),
  /** The questions' points added up, when the exam's `total-floor` raised the total above it. */
  rawTotal: z.string().optional(),
  /** Why `maximum` is below the paper's marks (questions without a key or dropped); absent when all are scored. */
  unscored: UnscoredMarksSchema.optional(),
  questions: z.array(QuestionResultSchema),
  /** Written answers not graded yet: the total is not final until this is empty. */
  ungraded: z.array(z.string()).optional(),
  /** The pages of a scanned paper sheet, each at `/api/attempt/sheet/{page}` (annotated) for its student. */
  sheetPages: z.array(z.number().int()).optional(),
});
export type StudentResults = z.infer<typeof StudentResultsSchema>;

export const HeartbeatSchema = z.object({ serverNow: z.string(), status: AttemptStatusSchema });
