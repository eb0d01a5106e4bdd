import { z } from 'zod';

/** Grading offline: the grades CSV brought back (dry run, then applied), and releasing results with ungraded answers. */

export const GradesImportSchema = z.strictObject({
  /** The CSV text: a header row, then one row per (student, question); see docs/api.md. */
  csv: z.string().min(1).max(20_000_000),
  /** `true`: report what would change and write nothing. */
  dryRun: z.boolean(),
});
export type GradesImport = z.infer<typeof GradesImportSchema>;

/** A grade as the import compares it: item ids, exact adjustment and its reason, comment. */
export const ImportedGradeSchema = z.object({
  items: z.array(z.string()),
  adjustment: z.string().optional(),
  adjustmentReason: z.string().optional(),
  comment: z.string().optional(),
});
export type ImportedGrade = z.infer<typeof ImportedGradeSchema>;

/** Where in the file a problem is: the spreadsheet row (the header is row 1) and the column's header. */
export const ImportProblemSchema = z.object({ row: z.number().int(), column: z.string(), message: z.string() });
export type ImportProblem = z.infer<typeof ImportProblemSchema>;

/**
 * One data row of the file: `new` (the answer had no grade), `changed` (with the fields that change), `unchanged`, or
 * `error`. Rows that give no grade (an exported file's choice questions and ungraded answers) are only counted.
 */
export const ImportRowSchema = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.enum(['new', 'changed', 'unchanged']),
    row: z.number().int(),
    student: z.string(),
    questionId: z.string(),
    before: ImportedGradeSchema.optional(),
    after: ImportedGradeSchema,
    changed: z.array(z.enum(['items', 'adjustment', 'adjustmentReason', 'comment'])),
  }),
  z.object({ outcome: z.literal('error'), row: z.number().int(), problems: z.array(ImportProblemSchema) }),
]);
export type ImportRow = z.infer<typeof ImportRowSchema>;

export const GradesImportReportSchema = z.object({
  dryRun: z.boolean(),
  /** Whether the grades were written (never on a dry run, never when a row has an error). */
  applied: z.boolean(),
  counts: z.object({
    new: z.number().int(),
    changed: z.number().int(),
    unchanged: z.number().int(),
    /** Rows that give no grade: the answer stays as it is. */
    skipped: z.number().int(),
    error: z.number().int(),
  }),
  rows: z.array(ImportRowSchema),
});
export type GradesImportReport = z.infer<typeof GradesImportReportSchema>;

export const ReleaseResultsSchema = z.strictObject({
  /** Release even though written answers are still ungraded (they show as `ungraded` to their students). */
  confirmUngraded: z.boolean().default(false),
});
export type ReleaseResults = z.infer<typeof ReleaseResultsSchema>;
