import type { Response } from '@examforge/core';
import { z } from 'zod';

/** An answer as the browser sends it; the same shapes as `Response` in @examforge/core. Letters are canonical. */
export const AnswerSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('blank') }),
  z.strictObject({ kind: z.literal('choice'), selected: z.array(z.string().regex(/^[a-z]$/)).max(26) }),
  z.strictObject({ kind: z.literal('numeric'), value: z.number() }),
  z.strictObject({ kind: z.literal('text'), text: z.string().max(50_000) }),
]);
export type Answer = z.infer<typeof AnswerSchema>;

export const InvalidMarkSchema = z.strictObject({
  option: z.string().regex(/^[a-z]$/),
  mark: z.enum(['partial', 'tick', 'cross', 'unclear']),
});
export type InvalidMark = z.infer<typeof InvalidMarkSchema>;

/**
 * An answer as stored and shown: what a student saves online (`Answer`), or what was read from a paper sheet, whose
 * choice answers also record the marks that are not answers (partial fills, ticks, crosses, unsure readings) so that
 * the exam's invalid-mark policy scores them and flags the question, and whose questions on a page that was not read
 * from the scan are `missing` (not read, never blank). Students cannot send `invalidMarks` or `missing`.
 */
export const RecordedAnswerSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('blank') }),
  z.strictObject({ kind: z.literal('missing') }),
  z.strictObject({
    kind: z.literal('choice'),
    selected: z.array(z.string().regex(/^[a-z]$/)).max(26),
    invalidMarks: z.array(InvalidMarkSchema).max(26).optional(),
  }),
  z.strictObject({ kind: z.literal('numeric'), value: z.number() }),
  z.strictObject({ kind: z.literal('text'), text: z.string().max(50_000) }),
]);
export type RecordedAnswer = z.infer<typeof RecordedAnswerSchema>;

/** Core's `Response` and the stored answer are one shape: a kind added to one and not the other fails to compile. */
type SameKinds = [RecordedAnswer['kind']] extends [Response['kind']]
  ? [Response['kind']] extends [RecordedAnswer['kind']]
    ? true
    : false
  : false;
const _recordedAnswerKindsMatchCore: SameKinds = true;

/** One change to one question, numbered by the browser: the server keeps, per question, the highest number seen. */
export const SaveSchema = z.strictObject({
  seq: z.number().int().positive(),
  questionId: z.string().min(1).max(100),
  answer: AnswerSchema,
  flagged: z.boolean().default(false),
});
export type Save = z.infer<typeof SaveSchema>;

export const SaveBatchSchema = z.strictObject({ saves: z.array(SaveSchema).min(1).max(500) });
export type SaveBatch = z.infer<typeof SaveBatchSchema>;

export const SaveAckSchema = z.object({
  /** Every seq in the batch is durably handled (stored, or superseded by a higher one already stored). */
  acknowledged: z.array(z.number().int()),
  /** The highest seq the server holds for this attempt. */
  lastSeq: z.number().int(),
  serverNow: z.string(),
  deadline: z.string(),
});
export type SaveAck = z.infer<typeof SaveAckSchema>;
