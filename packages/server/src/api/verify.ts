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

/** What the generator of one computed question gave over the verify seeds. */
export const ComputedSummaryViewSchema = z.object({
  questionId: z.string(),
  number: z.number().int(),
  seeds: z.number().int(),
  /** Seeds whose instance is a valid question. */
  valid: z.number().int(),
  distinctStems: z.number().int(),
  /** Instances whose check agrees with their key; absent when the question has no check. */
  checkAgrees: z.number().int().optional(),
  /** The first failure or disagreement, with the seed that reproduces it. */
  firstProblem: z.object({ seed: z.string(), message: z.string() }).optional(),
  /** An invalid instance or a check that does not agree: the author has something to fix. */
  needsAttention: z.boolean(),
});
export type ComputedSummaryView = z.infer<typeof ComputedSummaryViewSchema>;

export const VerifyReportSchema = z.object({
  /** The exam version the checks ran on. */
  version: z.number().int(),
  results: z.array(CheckResultViewSchema),
  computed: z.array(ComputedSummaryViewSchema),
});
export type VerifyReport = z.infer<typeof VerifyReportSchema>;
