import { z } from 'zod';

/** What `examforge verify` says of one question's executable check, as the instructor's exam page shows it. */
export const CheckResultViewSchema = z.object({
  questionId: z.string(),
  number: z.number().int(),
  verdict: z.enum(['agrees', 'disagrees', 'no-option-matches', 'several-options-match', 'no-key', 'check-failed']),
  /** The key as written, e.g. `(b)`. */
  markedKey: z.string().optional(),
  /** The computed answer, formatted for reading. */
  computed: z.string().optional(),
  /** The option letters the computed answer selects. */
  matched: z.array(z.string()).optional(),
  error: z.string().optional(),
  convention: z.string().optional(),
});
export type CheckResultView = z.infer<typeof CheckResultViewSchema>;

export const VerifyReportSchema = z.object({
  /** The exam version the checks ran on. */
  version: z.number().int(),
  results: z.array(CheckResultViewSchema),
});
export type VerifyReport = z.infer<typeof VerifyReportSchema>;
