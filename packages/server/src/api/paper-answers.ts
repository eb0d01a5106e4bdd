import { z } from 'zod';

/** Handwritten answers: the free-response boxes of scanned paper sheets, and a person's word on whether one is blank. */

const InkSchema = z.enum(['blank', 'written']);

/** A paper answer's box as graders see it: the crop, the whole page, what the reader saw and what a person said. */
export const PaperBoxViewSchema = z.object({
  /** What counts: a person's override when there is one, else the reader's verdict. */
  ink: InkSchema,
  /** The reader's verdict. */
  detectedInk: InkSchema,
  /** The share of the box covered by the strokes found. */
  inkShare: z.number(),
  /** The reader's confidence in its verdict (0.5–1): a blank box below 1 holds a speck a person might look at. */
  confidence: z.number(),
  override: InkSchema.optional(),
  cropUrl: z.string(),
  pageUrl: z.string(),
});
export type PaperBoxView = z.infer<typeof PaperBoxViewSchema>;

/** A paper answer's box judged blank: not graded (it scores as blank) unless a person says it is written. */
export const BlankPaperAnswerSchema = PaperBoxViewSchema.extend({ attemptId: z.string() });

export const InkOverrideSchema = z.strictObject({ ink: InkSchema });
export type InkOverride = z.infer<typeof InkOverrideSchema>;
