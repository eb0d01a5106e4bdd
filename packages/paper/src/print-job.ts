import {
  instantiateExam,
  layoutAnswerSheet,
  makeVariant,
  parseExam,
  type Exam,
  type GeneratedQuestion,
  type PageSize,
  type SheetIdentity,
  type SheetLayout,
  type ShuffleSettings,
} from '@examforge/core';
import { renderPrintSets, variantCode, type PrintedSet, type PrintSet } from './print-set.js';

/** What to print, as plain data (it crosses to worker threads): the exam's Markdown, not the parsed exam. */
export interface PrintJob {
  readonly examSource: string;
  readonly pageSize: PageSize;
  /** `false`: answer sheets only. */
  readonly questionPapers: boolean;
  /** `false`: question papers only (each set's answer-sheet range then has no pages). Default `true`. */
  readonly answerSheets?: boolean;
  readonly duplex?: boolean;
}

/** One student's set: the variant seed (shuffled or not) and what the sheet and paper print about them. */
export interface PrintSetSpec {
  readonly seed: string;
  /** `true` shuffles questions and options; a server sitting may shuffle one without the other. */
  readonly shuffle: boolean | ShuffleSettings;
  readonly identity: Omit<SheetIdentity, 'page'>;
  readonly studentName: string;
  /** The student's instances of the exam's computed questions (generated for `seed`); their paper shows these. */
  readonly instances?: Readonly<Record<string, GeneratedQuestion>>;
}

/** One rendered PDF and where each of its sets is in it. */
export interface RenderedFile {
  readonly pdf: Buffer;
  readonly sets: readonly PrintedSet[];
}

/**
 * The set a spec describes: its variant, the code printed on the paper, and the answer-sheet layout the scanner will
 * read (callers put the same layout in their manifest).
 *
 * @example
 * const set = printSetFor(exam, spec, 'A4');
 * set.sheet.layout.pages.length; // 4 for the bundled exam
 */
export function printSetFor(
  template: Exam,
  spec: PrintSetSpec,
  pageSize: PageSize,
): PrintSet & { layout: SheetLayout } {
  const exam = spec.instances ? instantiateExam(template, spec.instances) : template;
  const shuffle =
    typeof spec.shuffle === 'boolean' ? { shuffleQuestions: spec.shuffle, shuffleOptions: spec.shuffle } : spec.shuffle;
  const variant = makeVariant(exam, spec.seed, shuffle);
  const layout = layoutAnswerSheet(exam, variant, { pageSize, studentNumberDigits: 8 });
  const student = [spec.studentName, spec.identity.studentNumber].filter(Boolean).join(' · ');
  return {
    ...(spec.instances && { exam }),
    variant,
    variantCode: variantCode(spec.seed),
    student,
    layout,
    sheet: { layout, content: { title: exam.title, identity: spec.identity, studentName: spec.studentName } },
  };
}

/** Parses the job's exam; the caller has already checked it, so a failure here is a bug. */
export function examOf(job: PrintJob): Exam {
  const parsed = parseExam(job.examSource);
  if (!parsed.ok) throw new Error('print job: the exam does not parse');
  return parsed.exam;
}

/**
 * Renders one PDF holding the given sets, in this thread.
 *
 * @example
 * const { pdf } = await renderPrintFile(exam, job, [spec]);
 */
export async function renderPrintFile(
  exam: Exam,
  job: PrintJob,
  specs: readonly PrintSetSpec[],
  onSet?: (done: number) => void,
): Promise<RenderedFile> {
  return renderPrintSets(
    exam,
    specs.map((spec) => printSetFor(exam, spec, job.pageSize)),
    {
      pageSize: job.pageSize,
      questionPapers: job.questionPapers,
      ...(job.answerSheets === false ? { answerSheets: false } : {}),
      ...(job.duplex ? { duplex: true } : {}),
      ...(onSet ? { onSet } : {}),
    },
  );
}
