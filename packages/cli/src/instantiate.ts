import { computedQuestionIds, instantiateExam, type Exam } from '@examforge/core';
import { generateQuestions } from '@examforge/checks';
import { UserError } from './errors.js';

/**
 * The exam one seed's student sits: its computed questions generated for the seed (in the sandbox) and put in place.
 * An exam without computed questions comes back as it is. A generator that fails is the author's mistake: it is
 * reported as bad input, naming the question, and `examforge verify` says more.
 *
 * @example
 * const sat = await examForSeed(exam, 'dl-practice:s001', path);
 */
export async function examForSeed(exam: Exam, seed: string, path: string): Promise<Exam> {
  if (computedQuestionIds(exam).length === 0) return exam;
  const { instances, failures } = await generateQuestions(exam, seed);
  if (failures.length > 0)
    throw new UserError(
      `${path}: the generators of ${failures.length} computed question(s) failed for seed "${seed}"`,
      [...failures.map((f) => `${f.questionId}: ${f.error}`), `run \`examforge verify ${path}\` for details`],
    );
  return instantiateExam(exam, instances);
}
