import { z } from 'zod';
import { ExamDetailSchema } from './schemas.js';

/** One thing an imported bank had that Examforge does not hold exactly: where, what, why and what was kept. */
export const BankImportNoteSchema = z.object({
  /** `file:line:column` for text formats, `file /quiz/question[3]/answer[2]` for XML, `package.zip!items/q1.xml …`. */
  location: z.string(),
  question: z.string().optional(),
  questionId: z.string().optional(),
  reason: z.string(),
  keptAs: z.enum(['left-out', 'free-response', 'partial', 'description', 'content']),
});
export type BankImportNote = z.infer<typeof BankImportNoteSchema>;

/** A question bank imported as an exam: the exam, the format read, its images kept, and what was not converted. */
export const BankImportSchema = z.object({
  exam: ExamDetailSchema,
  format: z.enum(['aiken', 'gift', 'moodle-xml', 'qti12', 'qti21', 'qti30']),
  /** Questions by type, as imported. */
  questions: z.object({ single: z.number(), multiple: z.number(), numeric: z.number(), free: z.number() }),
  assets: z.number().int(),
  notes: z.array(BankImportNoteSchema),
});
export type BankImport = z.infer<typeof BankImportSchema>;

/** Largest bank accepted: a 2,000-question Moodle export with images is a few megabytes. */
export const MAX_BANK_BYTES = 50 * 1024 * 1024;
