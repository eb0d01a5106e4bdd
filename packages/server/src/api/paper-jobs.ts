import { z } from 'zod';
import { ScanBatchStatusSchema } from './paper.js';

/** A sitting's question papers being rendered in the background, and the finished PDF's link. */
export const PaperJobSchema = z.object({
  id: z.string(),
  status: ScanBatchStatusSchema,
  pageSize: z.enum(['A4', 'Letter']),
  /** Students whose paper is drawn, and how many are done so far. */
  studentsTotal: z.number().int(),
  studentsDone: z.number().int(),
  /** Why the job failed, in words for the instructor. */
  error: z.string().optional(),
  /** Once done: the PDF's pages and where to download it. */
  pages: z.number().int().optional(),
  downloadUrl: z.string().optional(),
  createdAt: z.string(),
  finishedAt: z.string().optional(),
});
export type PaperJob = z.infer<typeof PaperJobSchema>;

export const PaperJobRequestSchema = z.object({ pageSize: z.enum(['A4', 'Letter']).default('A4') });
export type PaperJobRequest = z.input<typeof PaperJobRequestSchema>;
