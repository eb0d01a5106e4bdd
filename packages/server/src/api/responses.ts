import type { Response } from '@examforge/core';
import { z } from 'zod';

/**
 * The longest written answer kept, in characters as JavaScript and the browser's text box count them (UTF-16 code
 * units). One place for the server's check and the text box's counter.
 */
export const TEXT_ANSWER_MAX_LENGTH = 50_000;

/**
 * An answer as the browser sends it; the same shapes as `Response` in @examforge/core. Letters are canonical. A text
 * is not limited here: one over `TEXT_ANSWER_MAX_LENGTH` is refused by the save for its question alone (the request
 * body limit bounds it), so it cannot hold up the other answers of the same request.
 */
export const AnswerSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('blank') }),
  z.strictObject({ kind: z.literal('choice'), selected: z.array(z.string().regex(/^[a-z]$/)).max(26) }),
  z.strictObject({ kind: z.literal('numeric'), value: z.number() }),
  z.strictObject({ kind: z.literal('text'), text: z.string() }),
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
  z.strictObject({ kind: z.literal('text'), text: z.string().max(TEXT_ANSWER_MAX_LENGTH) }),
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

/** A save the server refused for its question alone (the rest of the batch is stored), and why. */
export const RefusedSaveSchema = z.object({
  seq: z.number().int(),
  questionId: z.string(),
  code: z.enum(['answer-too-long']),
  message: z.string(),
  /** The answer's length and the limit, in characters. */
  length: z.number().int(),
  limit: z.number().int(),
});
export type RefusedSave = z.infer<typeof RefusedSaveSchema>;

export const SaveAckSchema = z.object({
  /** Every seq in the batch is durably handled (stored, or superseded by a higher one already stored), or refused. */
  acknowledged: z.array(z.number().int()),
  /** Saves not stored because of their own content; sending them again changes nothing, a new change may. */
  refused: z.array(RefusedSaveSchema),
  /** The highest seq the server holds for this attempt. */
  lastSeq: z.number().int(),
  serverNow: z.string(),
  deadline: z.string(),
});
export type SaveAck = z.infer<typeof SaveAckSchema>;
