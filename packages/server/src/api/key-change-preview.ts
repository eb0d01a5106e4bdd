import { z } from 'zod';

/** A key change to try without saving: `letters` may be empty to read the current key alone. */
export const KeyChangePreviewRequestSchema = z.strictObject({
  questionId: z.string(),
  letters: z.array(z.string().regex(/^[a-z]$/)),
});
/** One student whose total a key change would move. Totals are exact decimals or fractions, as in `ResultRow`. */
export const ScoreChangeRowSchema = z.object({
  studentNumber: z.string(),
  name: z.string(),
  before: z.string(),
  after: z.string(),
  change: z.string(),
});
/** What a key change would do, computed by rescoring every attempt without saving anything. */
export const KeyChangePreviewSchema = z.object({
  questionId: z.string(),
  /** The key now (canonical letters); empty while the key is unknown and the question is not scored. */
  currentKey: z.array(z.string()),
  proposedKey: z.array(z.string()),
  /** Attempts rescored. */
  attempts: z.number().int(),
  unchanged: z.number().int(),
  /** How many students gain or lose each amount, largest gain first. */
  changes: z.array(z.object({ change: z.string(), students: z.number().int() })),
  /** Every student whose total moves, largest gain first, then by student number. */
  students: z.array(ScoreChangeRowSchema),
});
export type KeyChangePreview = z.infer<typeof KeyChangePreviewSchema>;
export type ScoreChangeRow = z.infer<typeof ScoreChangeRowSchema>;
