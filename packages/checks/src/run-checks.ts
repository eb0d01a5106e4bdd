import { availableParallelism } from 'node:os';
import { listQuestions, type Exam, type Position, type Question, type SourceMap } from '@examforge/core';
import { compileCheck } from './compile-check.js';
import type { Computed } from './computed.js';
import { judge, markedKeyOf, type Verdict } from './judge.js';
import { sandboxCode, type SandboxCode } from './sandbox-bundle.js';
import { runInSandbox, type SandboxLimits, type SandboxOutcome } from './run-in-sandbox.js';

export interface RunChecksOptions {
  /** Time for each check's code, in ms (default 5,000). */
  readonly timeLimitMs?: number;
  /** Wall-clock time after which a check's worker is terminated, in ms (default: the time limit + 1,000). */
  readonly killAfterMs?: number;
  /** Heap per check, in MB (default 256). */
  readonly memoryLimitMb?: number;
  /** Checks run at the same time (default: one per core). */
  readonly concurrency?: number;
  /** The parse's source map: failed checks then name their line in the exam file. */
  readonly sourceMap?: SourceMap;
  /** Called after each check with how many are done. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface CheckResult {
  readonly questionId: string;
  /** The question's number in the exam (Q1, Q2, …). */
  readonly number: number;
  readonly verdict: Verdict;
  /** The key as written, e.g. `(b)` or `2336 ± 1`; absent when there is none. */
  readonly markedKey?: string;
  readonly computed?: Computed;
  /** The option letters the computed answer selects. */
  readonly matched?: readonly string[];
  readonly error?: string;
  /** Where a failed check failed, in the exam file (needs `sourceMap`). */
  readonly errorAt?: Position;
  readonly convention?: string;
  /** What the check printed with `console.log`. */
  readonly logs: readonly string[];
  readonly durationMs: number;
}

export const DEFAULT_TIME_LIMIT_MS = 5_000;

/**
 * Runs every check of an exam, each in its own sandboxed worker, and compares each answer with the key.
 * Results come back in exam order, one per question that has a check, computed questions excepted (their checks run
 * against each instance: see `generateForSeeds`).
 *
 * @example
 * const results = await runChecks(exam, { sourceMap, onProgress: (done, total) => bar.update(done) });
 * results.filter((r) => r.verdict === 'disagrees');
 */
export async function runChecks(exam: Exam, options: RunChecksOptions = {}): Promise<CheckResult[]> {
  // A computed question's check is about its instances (`instance` in scope): generateForSeeds runs it.
  const checked = listQuestions(exam).flatMap(({ question }, index) =>
    question.check && !question.generator ? [{ question, number: index + 1 }] : [],
  );
  if (checked.length === 0) return [];
  const sandbox = await sandboxCode();
  const limits = sandboxLimits(options);
  const results: CheckResult[] = new Array<CheckResult>(checked.length);
  let next = 0;
  let done = 0;
  const lane = async () => {
    for (let index = next++; index < checked.length; index = next++) {
      const entry = checked[index];
      if (!entry) continue;
      results[index] = await runOne(entry.question, entry.number, sandbox, limits, options.sourceMap);
      options.onProgress?.((done += 1), checked.length);
    }
  };
  const lanes = Math.max(1, Math.min(options.concurrency ?? availableParallelism(), checked.length));
  await Promise.all(Array.from({ length: lanes }, lane));
  return results;
}

function sandboxLimits(options: RunChecksOptions): SandboxLimits {
  const timeLimitMs = options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  return {
    timeLimitMs,
    killAfterMs: options.killAfterMs ?? timeLimitMs + 1_000,
    startupLimitMs: 30_000,
    memoryLimitMb: options.memoryLimitMb ?? 256,
  };
}

async function runOne(
  question: Question,
  number: number,
  sandbox: SandboxCode,
  limits: SandboxLimits,
  sourceMap: SourceMap | undefined,
): Promise<CheckResult> {
  const started = performance.now();
  const check = question.check;
  const base = {
    questionId: question.id,
    number,
    ...(check?.convention !== undefined && { convention: check.convention }),
  };
  const compiled = await compileCheck(check?.source ?? '');
  const outcome: SandboxOutcome = compiled.ok
    ? await runInSandbox(sandbox, compiled, limits)
    : {
        kind: 'failed',
        message: compiled.message,
        ...(compiled.line !== undefined && { line: compiled.line }),
        logs: [],
      };
  const durationMs = Math.round(performance.now() - started);
  if (outcome.kind === 'failed') {
    const errorAt = locate(sourceMap, question.id, outcome.line);
    const markedKey = markedKeyOf(question);
    return {
      ...base,
      verdict: 'check-failed',
      ...(markedKey !== undefined && { markedKey }),
      error: outcome.message,
      ...(errorAt && { errorAt }),
      logs: outcome.logs,
      durationMs,
    };
  }
  return { ...base, ...judge(question, outcome.value), computed: outcome.value, logs: outcome.logs, durationMs };
}

function locate(sourceMap: SourceMap | undefined, questionId: string, line: number | undefined): Position | undefined {
  const location = sourceMap?.get(`question.${questionId}.check`);
  if (!location) return undefined;
  return line === undefined ? location.start : (location.lines[line - 1] ?? location.start);
}
