import { z } from 'zod';
import { AttemptStatusSchema } from './schemas.js';

/** Releasing a sitting's solutions takes no options; an empty body keeps the route's contract strict. */
export const ReleaseSolutionsSchema = z.strictObject({});

/** A student's exception to the sitting's release: follow the sitting, hold back, or release to them alone. */
export const ReleaseOverrideSchema = z.enum(['sitting', 'held', 'released']);
export type ReleaseOverride = z.infer<typeof ReleaseOverrideSchema>;

export const StudentReleaseInputSchema = z.strictObject({
  results: ReleaseOverrideSchema,
  solutions: ReleaseOverrideSchema,
});
export type StudentReleaseInput = z.infer<typeof StudentReleaseInputSchema>;

const ReleasePartSchema = z.object({
  override: ReleaseOverrideSchema,
  /** Whether the student can see it now: override or policy, and their attempt no longer taking answers. */
  visible: z.boolean(),
});

/** One student's release as the instructor sees it. */
export const StudentReleaseSchema = z.object({
  rosterId: z.string(),
  studentNumber: z.string(),
  name: z.string(),
  attemptStatus: AttemptStatusSchema,
  /** Their attempt still takes answers (open or in its grace period): they see nothing until it stops. */
  stillAnswering: z.boolean(),
  results: ReleasePartSchema,
  solutions: ReleasePartSchema,
});
export type StudentRelease = z.infer<typeof StudentReleaseSchema>;
export const StudentReleasesSchema = z.array(StudentReleaseSchema);
