import { generateQuestions } from '@examforge/checks';
import { computedQuestionIds, instantiateExam, makeVariant, studentView, type StudentExamView } from '@examforge/core';
import type { AppContext } from '../context.js';
import { HttpError } from '../errors.js';
import { latestVersion, loadExamVersion } from './exams.js';

/**
 * The exam's latest version as a student sees it, in canonical order: with `seed`, its computed questions are the
 * instances that seed makes (what a student whose variant seed it is would see); without, the written templates.
 * A generator that fails for the seed is a 422 naming the question and its error (staff only call this).
 */
export async function previewExam(context: AppContext, examId: string, seed?: string): Promise<StudentExamView> {
  const exam = await loadExamVersion(context, (await latestVersion(context, examId)).id);
  const variant = (sat: typeof exam) =>
    makeVariant(sat, seed ?? 'preview', { shuffleQuestions: false, shuffleOptions: false });
  if (seed === undefined || computedQuestionIds(exam).length === 0) return studentView(exam, variant(exam));
  const { instances, failures } = await generateQuestions(exam, seed);
  if (failures.length > 0) {
    const list = failures.map((failure) => `\`${failure.questionId}\`: ${failure.error}`).join('; ');
    throw new HttpError(422, 'variant-unavailable', `the seed \`${seed}\` makes no valid variant: ${list}`, {
      failures,
    });
  }
  const sat = instantiateExam(exam, instances);
  return studentView(sat, variant(sat));
}
