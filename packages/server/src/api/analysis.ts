import { z } from 'zod';

/**
 * A sitting's item analysis (core's analyseItems): numbers are null where a statistic does not exist (no spread, no
 * one chose an option, too few students), never NaN, which JSON cannot carry.
 */
const Statistic = z.number().nullable();

export const ItemFlagSchema = z.object({
  kind: z.enum(['possible-wrong-key', 'too-easy', 'too-hard', 'unchosen-distractor', 'distractor-draws-strong']),
  reason: z.string(),
});

export const OptionStatisticsSchema = z.object({
  option: z.string(),
  keyed: z.boolean(),
  count: z.number().int(),
  upperShare: Statistic,
  lowerShare: Statistic,
  meanTotal: Statistic,
});

export const ItemStatisticsSchema = z.object({
  questionId: z.string(),
  /** The question's number on the paper (1-based), for people. */
  number: z.number().int(),
  title: z.string(),
  maximum: z.number(),
  n: z.number().int(),
  /** Answers not in these figures: ungraded, or not read from a scan. */
  unavailable: z.number().int(),
  mean: Statistic,
  sd: Statistic,
  facility: Statistic,
  discrimination: Statistic,
  upperLower: Statistic,
  alphaIfDeleted: Statistic,
  options: z.array(OptionStatisticsSchema).optional(),
  blank: z.number().int().optional(),
  invalid: z.number().int().optional(),
  several: z.number().int().optional(),
  flags: z.array(ItemFlagSchema),
});
export type ItemStatisticsView = z.infer<typeof ItemStatisticsSchema>;

export const SittingAnalysisSchema = z.object({
  sittingId: z.string(),
  /** Finished attempts analysed (submitted, expired, paper); open attempts are left out until they close. */
  attempts: z.number().int(),
  /** Attempts still open, not in the figures. */
  openAttempts: z.number().int(),
  /** Questions not analysed, with why: key unknown, dropped, bonus. */
  notAnalysed: z.array(z.object({ questionId: z.string(), reason: z.string() })),
  test: z.object({
    items: z.number().int(),
    alpha: Statistic,
    kr20: Statistic,
    sem: Statistic,
    mean: Statistic,
    median: Statistic,
    sd: Statistic,
    quartiles: z.array(Statistic),
    lowest: Statistic,
    highest: Statistic,
    maximum: z.number(),
    histogram: z.array(z.object({ from: z.number(), to: z.number(), count: z.number().int() })),
    unavailableAnswers: z.number().int(),
  }),
  items: z.array(ItemStatisticsSchema),
});
export type SittingAnalysis = z.infer<typeof SittingAnalysisSchema>;
