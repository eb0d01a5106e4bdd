import { z } from 'zod';

/**
 * Why a maximum is below the paper's marks: the questions left out (no key, or dropped for everyone). Absent when
 * every question is scored.
 */
export const UnscoredMarksSchema = z.object({
  paperMarks: z.string(),
  questions: z.array(
    z.object({
      questionId: z.string(),
      number: z.number().int(),
      marks: z.string(),
      reason: z.enum(['no-key', 'dropped']),
    }),
  ),
});
export type UnscoredMarksView = z.infer<typeof UnscoredMarksSchema>;
