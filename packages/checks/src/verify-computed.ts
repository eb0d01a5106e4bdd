import { listQuestions, type Exam, type SourceMap } from '@examforge/core';
import { generateForSeeds, type SeedGeneration } from './run-generators.js';

/** What `verify` reports about one computed question over N seeds. */
export interface ComputedSummary {
  readonly questionId: string;
  readonly number: number;
  readonly seeds: number;
  /** Seeds whose instance is a valid question. */
  readonly valid: number;
  readonly distinctStems: number;
  /** Instances whose check agrees with their key; `undefined` when the question has no check. */
  readonly checkAgrees?: number;
  /** The first failure or disagreement, with its seed, for the author to reproduce with `show --seed`. */
  readonly firstProblem?: { readonly seed: string; readonly message: string };
}

/** The seeds verify tries: `verify-1` … `verify-N`, the same on every run so that a finding can be reproduced. */
export function verifySeeds(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `verify-${index + 1}`);
}

/**
 * Runs every generator for the seeds (with the questions' checks on each instance) and sums up per question: how many
 * instances are valid, how distinct they are, how many agree with their check, and the first problem to reproduce.
 *
 * @example
 * const summaries = await verifyComputed(exam, verifySeeds(20), { sourceMap });
 */
export async function verifyComputed(
  exam: Exam,
  seeds: readonly string[],
  options: { sourceMap?: SourceMap; timeLimitMs?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<ComputedSummary[]> {
  const runs = await generateForSeeds(exam, seeds, { ...options, runChecks: true });
  return listQuestions(exam).flatMap(({ question, number }) =>
    question.generator ? [summarise(question.id, number, question.check !== undefined, runs)] : [],
  );
}

function summarise(questionId: string, number: number, hasCheck: boolean, runs: readonly SeedGeneration[]) {
  let firstProblem: ComputedSummary['firstProblem'];
  const note = (seed: string, message: string) => (firstProblem ??= { seed, message });
  let checkAgrees = 0;
  for (const run of runs) {
    const failure = run.failures.find((f) => f.questionId === questionId);
    if (failure) note(run.seed, failure.error);
    const check = run.checks.find((c) => c.questionId === questionId);
    if (check?.verdict === 'agrees') checkAgrees += 1;
    else if (check) note(run.seed, `check: ${check.verdict}${check.error ? ` (${check.error})` : ''}`);
  }
  const instances = runs.flatMap((run) => {
    const instance = run.instances[questionId];
    return instance ? [instance] : [];
  });
  return {
    questionId,
    number,
    seeds: runs.length,
    valid: instances.length,
    distinctStems: new Set(instances.map((instance) => instance.stem)).size,
    ...(hasCheck && { checkAgrees }),
    ...(firstProblem && { firstProblem }),
  };
}

/** True when a computed question needs the author: an invalid instance or a check that does not agree. */
export function computedFinding(summary: ComputedSummary): boolean {
  return summary.valid < summary.seeds || (summary.checkAgrees !== undefined && summary.checkAgrees < summary.valid);
}
