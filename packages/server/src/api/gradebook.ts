import { z } from 'zod';

/** Results out to an LMS gradebook: Moodle's grade import, Canvas's gradebook import, or a long CSV. */
export const GradebookExportRequestSchema = z.strictObject({
  target: z.enum(['moodle', 'canvas', 'long']),
  /** Match students to the LMS by the roster's student number (the LMS's ID number / SIS User ID) or by email. */
  match: z.enum(['id', 'email']),
  /** The LMS's own gradebook export (CSV text): with it, only the LMS's students are written and both sides' unmatched are listed. */
  lmsCsv: z.string().max(20_000_000).optional(),
});
export type GradebookExportRequest = z.infer<typeof GradebookExportRequestSchema>;

const StudentLabelSchema = z.object({ studentNumber: z.string(), name: z.string() });

export const GradebookExportSchema = z.object({
  fileName: z.string(),
  csv: z.string(),
  /** Rows written with a grade. */
  written: z.number().int(),
  notInLms: z.array(StudentLabelSchema),
  notInSitting: z.array(z.object({ line: z.number().int(), label: z.string() })),
  notFinal: z.array(StudentLabelSchema),
  noResult: z.array(StudentLabelSchema),
  negative: z.array(StudentLabelSchema),
});
export type GradebookExport = z.infer<typeof GradebookExportSchema>;
