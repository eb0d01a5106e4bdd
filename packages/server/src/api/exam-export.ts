import { z } from 'zod';

/** The formats an exam is written to for another system: Moodle XML, a QTI 3.0 package, GIFT and Aiken. */
export const ExamExportFormatSchema = z.enum(['moodle-xml', 'qti3', 'gift', 'aiken']);
export type ExamExportFormat = z.infer<typeof ExamExportFormatSchema>;

/** What an export to one format writes and what that format cannot hold, before the file is downloaded. */
export const ExamExportReportSchema = z.object({
  format: ExamExportFormatSchema,
  /** The exam version written: the latest. */
  version: z.number().int(),
  fileName: z.string(),
  bytes: z.number().int(),
  /** Questions written (in full or with something missing). */
  questionsWritten: z.number().int(),
  notes: z.array(
    z.object({
      /** Absent when the note is about the exam as a whole. */
      questionId: z.string().optional(),
      reason: z.string(),
      /** `left-out`: not in the file; `partial`: in it, with something the format cannot hold missing. */
      keptAs: z.enum(['left-out', 'partial']),
    }),
  ),
});
export type ExamExportReport = z.infer<typeof ExamExportReportSchema>;
