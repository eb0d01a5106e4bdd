import { availableParallelism } from 'node:os';
import { generateForSeeds, type GenerationFailure } from '@examforge/checks';
import {
  computedQuestionIds,
  instantiateExam,
  type Exam,
  type GeneratedQuestion,
  type JsonValue,
} from '@examforge/core';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import type { AttemptsTable } from '../db/schema.js';
import { HttpError } from '../errors.js';
import { limitConcurrency } from '../limit-concurrency.js';
import { loadExamVersion } from './exams.js';

/** One student's instances of the computed questions, by question id. */
export type Instances = Readonly<Record<string, GeneratedQuestion>>;

const JsonValueSchema: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([
    z.null(),
    z.boolean(),
    z.number(),
    z.string(),
    z.array(JsonValueSchema),
    z.record(z.string(), JsonValueSchema),
  ]),
);
const Shared = {
  stem: z.string(),
  explanation: z.string().optional(),
  parameters: z.record(z.string(), JsonValueSchema).optional(),
};
const GeneratedQuestionSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('single'),
    ...Shared,
    options: z.array(z.object({ text: z.string(), correct: z.boolean(), value: z.string().optional() })),
  }),
  z.object({
    kind: z.literal('numeric'),
    ...Shared,
    answer: z.object({
      value: z.number(),
      tolerance: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('absolute'), amount: z.number() }),
        z.object({ kind: z.literal('relative'), percent: z.number() }),
      ]),
    }),
  }),
]);
const InstancesSchema = z.record(z.string(), GeneratedQuestionSchema);

/** Stored instances, read at the boundary (they were written by `generateInstances`, from the checks' own reader). */
export function readInstances(json: string): Instances {
  return InstancesSchema.parse(JSON.parse(json));
}

/** Generations at once in this process (each starts a sandbox worker): a class starting together waits its turn. */
const generating = limitConcurrency(availableParallelism());

/**
 * The computed questions' instances for each seed, run in the checks' sandbox. A generator that fails for a seed
 * fails the whole call with a 503 (`variant-unavailable`) naming the questions: a student is never given a question
 * other than the one their seed makes (their paper and their screen must agree), and the template is not a fallback
 * since every student would then share it. The generators' errors go to the server log (see `handleError`), where
 * staff find them; `examforge verify` over many seeds catches such generators before an exam is sat.
 *
 * @example
 * const [json] = await generateInstances(exam, [variantSeed(sitting.id, student.id)]);
 */
export async function generateInstances(exam: Exam, seeds: readonly string[]): Promise<(string | null)[]> {
  if (!hasComputedQuestions(exam)) return seeds.map(() => null);
  const runs = await generating(() => generateForSeeds(exam, seeds, { concurrency: Math.min(2, seeds.length) }));
  const failures = runs.flatMap((run) => run.failures.map((failure) => ({ seed: run.seed, ...failure })));
  if (failures.length > 0) throw generationFailed(failures);
  return runs.map((run) => JSON.stringify(run.instances));
}

function generationFailed(failures: readonly (GenerationFailure & { seed: string })[]): HttpError {
  const questions = [...new Set(failures.map((failure) => `\`${failure.questionId}\``))].join(', ');
  const error = new HttpError(
    503,
    'variant-unavailable',
    `the computed questions ${questions} could not be generated for this student, so nothing was started or ` +
      'printed; tell the exam’s staff (the generator’s error is in the server log, and `examforge verify` shows it)',
  );
  // For the log only: a generator's error message is not for students.
  error.cause = failures.map(({ seed, questionId, error: message }) => ({ seed, questionId, error: message }));
  return error;
}

/**
 * The exam one attempt is scored, shown and printed with: the attempt's exam version with the student's own
 * instances of its computed questions (generated from the variant seed and stored on first use, when the attempt
 * has none yet). The same exam as the version itself when it has no computed questions.
 *
 * @example
 * score(await attemptExam(context, sitting.exam_version_id, attempt), responses);
 */
export async function attemptExam(
  context: AppContext,
  versionId: string,
  attempt: Pick<AttemptsTable, 'id' | 'variant_seed' | 'generated_json'>,
): Promise<Exam> {
  const exam = await loadExamVersion(context, versionId);
  if (!hasComputedQuestions(exam)) return exam;
  const json = attempt.generated_json ?? (await storeInstances(context, exam, attempt));
  return instantiateExam(exam, readInstances(json));
}

/** Generates an older attempt's instances and keeps the first ones stored (another request may have raced us). */
async function storeInstances(
  context: AppContext,
  exam: Exam,
  attempt: Pick<AttemptsTable, 'id' | 'variant_seed'>,
): Promise<string> {
  const json = (await generateInstances(exam, [attempt.variant_seed]))[0] ?? '{}';
  await context.db
    .updateTable('attempts')
    .set({ generated_json: json })
    .where('id', '=', attempt.id)
    .where('generated_json', 'is', null)
    .execute();
  const row = await context.db
    .selectFrom('attempts')
    .select('generated_json')
    .where('id', '=', attempt.id)
    .executeTakeFirst();
  return row?.generated_json ?? json;
}

/** Asked on every save and start of the same cached exam version: answered once per exam object. */
const computedByExam = new WeakMap<Exam, boolean>();

function hasComputedQuestions(exam: Exam): boolean {
  let computed = computedByExam.get(exam);
  if (computed === undefined) {
    computed = computedQuestionIds(exam).length > 0;
    computedByExam.set(exam, computed);
  }
  return computed;
}
