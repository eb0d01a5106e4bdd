import { z } from 'zod';
import { RubricUsageSchema } from './rubric-usage.js';

/**
 * The item analysis of a sitting, or of every sitting of an exam version (core's analyseItems): numbers are null
 * where a statistic does not exist (no spread, no one chose an option, too few students), never NaN, which JSON
 * cannot carry.
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

/**
 * The files an analysis downloads as (`…/analysis/<file>`), as `examforge analyse` writes them: the self-contained
 * HTML report with its charts, one row per question, one row per option.
 */
export const ANALYSIS_FILES = ['report.html', 'statistics.csv', 'options.csv'] as const;
export type AnalysisFile = (typeof ANALYSIS_FILES)[number];

/** Whose answers an analysis holds: one sitting's, or those of every sitting of one exam version together. */
export const AnalysisScopeSchema = z.object({
  kind: z.enum(['sitting', 'version']),
  examId: z.string(),
  /** The exam version the attempts are scored against, as `/api/exams/:examId/versions/:version/analysis` takes it. */
  version: z.number().int(),
  /** The sittings whose attempts are in the figures: the one sitting, or every sitting on the version. */
  sittings: z.array(z.object({ id: z.string(), title: z.string() })),
});
export type AnalysisScope = z.infer<typeof AnalysisScopeSchema>;

export const AnalysisViewSchema = z.object({
  scope: AnalysisScopeSchema,
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
  /** Written questions: how often each rubric item was applied. */
  rubricUsage: z.array(RubricUsageSchema),
});
export type AnalysisView = z.infer<typeof AnalysisViewSchema>;
