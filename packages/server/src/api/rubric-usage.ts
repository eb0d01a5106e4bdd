import { z } from 'zod';

/**
 * How often graders applied each rubric item of a written question in the analysed attempts (core's rubricUsage):
 * counts over the graded answers, the ungraded ones apart; `share` is null while nothing is graded.
 */
export const RubricUsageSchema = z.object({
  questionId: z.string(),
  graded: z.number().int(),
  ungraded: z.number().int(),
  items: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      points: z.number(),
      count: z.number().int(),
      share: z.number().nullable(),
    }),
  ),
});
export type RubricUsageView = z.infer<typeof RubricUsageSchema>;
