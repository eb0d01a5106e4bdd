import { z } from 'zod';
import { RecordedAnswerSchema } from './responses.js';

/** The paper side of the API: scan batches, their anomalies, and the review queue. */

export const ScanBatchStatusSchema = z.enum(['queued', 'running', 'done', 'failed']);

/** Something about a batch a person should know, with a sentence that says it. */
export const ScanAnomalyViewSchema = z.object({
  kind: z.enum([
    'blank',
    'unknown',
    'foreign',
    'upside-down',
    'duplicate',
    'missing',
    'student-number-unread',
    'unknown-student',
    'variant-mismatch',
    'answered-online',
    'generic-sheet',
  ]),
  message: z.string(),
  scanPage: z.number().int().optional(),
  studentNumber: z.string().optional(),
});
export type ScanAnomalyView = z.infer<typeof ScanAnomalyViewSchema>;

/** What became of one sheet of a batch: attached to its student's attempt, or set aside (and why, in anomalies). */
export const ScanSheetViewSchema = z.object({
  studentNumber: z.string(),
  attached: z.boolean(),
  attemptId: z.string().optional(),
  pages: z.array(z.number().int()),
  reviewItems: z.number().int(),
});
export type ScanSheetView = z.infer<typeof ScanSheetViewSchema>;

export const ScanBatchSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  status: ScanBatchStatusSchema,
  pagesTotal: z.number().int(),
  pagesDone: z.number().int(),
  error: z.string().optional(),
  anomalies: z.array(ScanAnomalyViewSchema),
  sheets: z.array(ScanSheetViewSchema),
  createdAt: z.string(),
  finishedAt: z.string().optional(),
});
export type ScanBatch = z.infer<typeof ScanBatchSchema>;

export const ReviewBubbleSchema = z.object({
  /** Canonical option letter (what a fill records). */
  option: z.string(),
  /** The letter printed beside the bubble on this student's sheet. */
  label: z.string(),
  kind: z.enum(['filled', 'partial', 'tick', 'cross', 'dot', 'erasure', 'empty']),
  confidence: z.number(),
});
export type ReviewBubble = z.infer<typeof ReviewBubbleSchema>;

export const ReviewItemSchema = z.object({
  id: z.string(),
  batchId: z.string(),
  attemptId: z.string(),
  studentNumber: z.string(),
  studentName: z.string(),
  questionId: z.string(),
  /** The question's number in the exam, and the number printed on this student's sheet (their variant). */
  questionNumber: z.number().int(),
  printedNumber: z.string(),
  questionKind: z.enum(['single', 'multiple']),
  scanPage: z.number().int(),
  reasons: z.array(z.string()),
  bubbles: z.array(ReviewBubbleSchema),
  /** What counts until someone decides: unsure marks as `unclear`. */
  proposed: RecordedAnswerSchema,
  /** The reading with every bubble taken as classified: what accepting the reading records. */
  reading: RecordedAnswerSchema,
  status: z.enum(['open', 'decided']),
  decision: RecordedAnswerSchema.optional(),
  decidedBy: z.string().optional(),
  decidedAt: z.string().optional(),
});
export type ReviewItem = z.infer<typeof ReviewItemSchema>;

/**
 * A person's decision on a review item: accept the reading as classified, or say what the answer is — a set of
 * options (canonical letters) or blank. The decision replaces the reading; it always wins over a later re-read.
 */
export const ReviewDecisionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('accept') }),
  z.strictObject({ kind: z.literal('blank') }),
  z.strictObject({
    kind: z.literal('choice'),
    selected: z
      .array(z.string().regex(/^[a-z]$/))
      .min(1)
      .max(26),
  }),
]);
export type ReviewDecision = z.infer<typeof ReviewDecisionSchema>;
