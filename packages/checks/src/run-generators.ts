import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  instanceProblems,
  instantiateQuestion,
  listQuestions,
  type Exam,
  type GeneratedQuestion,
  type Position,
  type Question,
  type SourceMap,
} from '@examforge/core';
import { compileCode, type CompiledCheck } from './compile-check.js';
import { readComputed, type Computed } from './computed.js';
import type { GeneratorJob, GeneratorMessage } from './generator-worker.js';
import { judge, type Verdict } from './judge.js';
import { readGenerated } from './read-generated.js';
import { readReply } from './run-in-sandbox.js';
import { DEFAULT_TIME_LIMIT_MS } from './run-checks.js';
import { sandboxCode } from './sandbox-bundle.js';

export interface GenerateOptions {
  /** Time for each generator call (and each check of an instance), in ms (default 5,000). */
  readonly timeLimitMs?: number;
  /** Wall-clock time without progress after which a worker is terminated, in ms (default: the time limit + 1,000). */
  readonly killAfterMs?: number;
  /** Heap per worker, in MB (default 256). */
  readonly memoryLimitMb?: number;
  /** Workers at the same time, each taking a share of the seeds (default: one per core). */
  readonly concurrency?: number;
  /** Also run each computed question's `### Check` against each of its instances (default false). */
  readonly runChecks?: boolean;
  /** The parse's source map: failures then name their line in the exam file. */
  readonly sourceMap?: SourceMap;
  /** Called as (generator, seed) pairs finish. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface GenerationFailure {
  readonly questionId: string;
  readonly error: string;
  /** Where in the exam file, when known (needs `sourceMap`). */
  readonly errorAt?: Position;
}

/** One seed's instances: every computed question's, or why it has none. */
export interface GenerationResult {
  readonly instances: Readonly<Record<string, GeneratedQuestion>>;
  readonly failures: readonly GenerationFailure[];
}

/** A computed question's check run against one of its instances. */
export interface InstanceCheck {
  readonly questionId: string;
  readonly verdict: Verdict;
  readonly computed?: Computed;
  readonly matched?: readonly string[];
  readonly error?: string;
  readonly errorAt?: Position;
}

export interface SeedGeneration extends GenerationResult {
  readonly seed: string;
  /** With `runChecks`: one per computed question that has a check and a valid instance. */
  readonly checks: readonly InstanceCheck[];
}

/**
 * Runs every generator of the exam for one seed (a student's variant seed) in the sandbox. Deterministic: the same
 * exam and seed give the same instances, on any machine. Instances that are not valid questions come back as
 * failures, so `instantiateExam(exam, instances)` accepts what comes back whenever `failures` is empty.
 *
 * @example
 * const { instances, failures } = await generateQuestions(exam, variantSeed(sittingId, rosterId));
 * if (failures.length === 0) studentView(instantiateExam(exam, instances), variant);
 */
export async function generateQuestions(
  exam: Exam,
  seed: string,
  options: GenerateOptions = {},
): Promise<GenerationResult> {
  const [result] = await generateForSeeds(exam, [seed], { ...options, concurrency: 1 });
  return { instances: result?.instances ?? {}, failures: result?.failures ?? [] };
}

/**
 * Runs every generator of the exam for many seeds, sharing them among a few workers (each call still in a fresh
 * sandbox context); for `verify`, previews and tests over thousands of seeds.
 *
 * @example
 * const runs = await generateForSeeds(exam, ['1', '2', '3'], { runChecks: true });
 */
export async function generateForSeeds(
  exam: Exam,
  seeds: readonly string[],
  options: GenerateOptions = {},
): Promise<SeedGeneration[]> {
  const questions = listQuestions(exam).flatMap(({ question }) => (question.generator ? [question] : []));
  if (questions.length === 0 || seeds.length === 0)
    return seeds.map((seed) => ({ seed, instances: {}, failures: [], checks: [] }));
  const compiled = await Promise.all(
    questions.map((question) => compileQuestion(question, options.runChecks === true)),
  );
  const runnable = questions.flatMap((question, index) => {
    const code = compiled[index];
    return code?.generator.ok ? [{ question, code }] : [];
  });
  const items = await runBatches(runnable, seeds, options);
  return seeds.map((seed, s) => {
    const outcomes = questions.map((question, q) => {
      const code = compiled[q];
      if (code && !code.generator.ok) return compileFailure(question, code.generator, options.sourceMap);
      return readItem(question, items.get(`${runnable.findIndex((r) => r.question === question)}:${s}`), code, options);
    });
    return {
      seed,
      instances: Object.fromEntries(outcomes.flatMap((o) => (o.instance ? [[o.questionId, o.instance]] : []))),
      failures: outcomes.flatMap((o) => (o.failure ? [o.failure] : [])),
      checks: outcomes.flatMap((o) => (o.check ? [o.check] : [])),
    };
  });
}

interface CompiledQuestion {
  readonly generator: CompiledCheck;
  readonly check?: CompiledCheck;
}

async function compileQuestion(question: Question, withCheck: boolean): Promise<CompiledQuestion> {
  const generator = await compileCode(question.generator?.source ?? '', 'generator');
  if (!withCheck || !question.check) return { generator };
  return { generator, check: await compileCode(question.check.source, 'instance-check') };
}

function compileFailure(question: Question, compiled: CompiledCheck, sourceMap: SourceMap | undefined): Outcome {
  const message = compiled.ok ? 'does not compile' : compiled.message;
  const line = compiled.ok ? undefined : compiled.line;
  return {
    questionId: question.id,
    failure: failure(question.id, message, locate(sourceMap, question.id, 'generator', line)),
  };
}

interface Outcome {
  readonly questionId: string;
  readonly instance?: GeneratedQuestion;
  readonly failure?: GenerationFailure;
  readonly check?: InstanceCheck;
}

function readItem(
  question: Question,
  item: WorkerItem | undefined,
  code: CompiledQuestion | undefined,
  options: GenerateOptions,
): Outcome {
  const id = question.id;
  const fail = (message: string, line?: number): Outcome => ({
    questionId: id,
    failure: failure(id, message, locate(options.sourceMap, id, 'generator', line)),
  });
  if (!item) return fail('the generator did not run');
  if (item.failure !== undefined || item.generated === undefined) return fail(item.failure ?? 'no result');
  const generatorMap = code?.generator.ok ? code.generator.sourceMap : '{}';
  const reply = readReply(item.generated, generatorMap, readGenerated);
  if (reply.kind === 'failed') return fail(withLogs(reply.message, reply.logs), reply.line);
  const problems = instanceProblems(question, reply.value);
  if (problems.length > 0) return fail(`not a valid question: ${problems.map((p) => p.message).join('; ')}`);
  const check = code?.check ? judgeInstance(question, reply.value, item, code.check, options.sourceMap) : undefined;
  return { questionId: id, instance: reply.value, ...(check && { check }) };
}

function judgeInstance(
  question: Question,
  instance: GeneratedQuestion,
  item: WorkerItem,
  compiled: CompiledCheck,
  sourceMap: SourceMap | undefined,
): InstanceCheck {
  const id = question.id;
  const failed = (error: string, line?: number): InstanceCheck => {
    const errorAt = locate(sourceMap, id, 'check', line);
    return { questionId: id, verdict: 'check-failed', error, ...(errorAt && { errorAt }) };
  };
  if (!compiled.ok) return failed(compiled.message, compiled.line);
  if (item.checked === undefined) return failed(item.checkFailure ?? 'the check did not run');
  const reply = readReply(item.checked, compiled.sourceMap, readComputed);
  if (reply.kind === 'failed') return failed(withLogs(reply.message, reply.logs), reply.line);
  const judgement = judge(instantiateQuestion(question, instance), reply.value);
  return { questionId: id, ...judgement, computed: reply.value };
}

function withLogs(message: string, logs: readonly string[]): string {
  return logs.length === 0 ? message : `${message} (log: ${logs.join(' | ')})`;
}

function failure(questionId: string, error: string, errorAt: Position | undefined): GenerationFailure {
  return { questionId, error, ...(errorAt && { errorAt }) };
}

function locate(
  sourceMap: SourceMap | undefined,
  questionId: string,
  part: 'generator' | 'check',
  line: number | undefined,
): Position | undefined {
  const location = sourceMap?.get(`question.${questionId}.${part}`);
  if (!location) return undefined;
  return line === undefined ? location.start : (location.lines[line - 1] ?? location.start);
}

type WorkerItem = Extract<GeneratorMessage, { kind: 'item' }>;

/** Runs the compiled generators over the seeds in a few workers; items keyed `generator:seed` (indices). */
async function runBatches(
  runnable: readonly { question: Question; code: CompiledQuestion }[],
  seeds: readonly string[],
  options: GenerateOptions,
): Promise<Map<string, WorkerItem>> {
  const items = new Map<string, WorkerItem>();
  if (runnable.length === 0) return items;
  const lanes = Math.max(1, Math.min(options.concurrency ?? availableParallelism(), seeds.length));
  const size = Math.ceil(seeds.length / lanes);
  const total = runnable.length * seeds.length;
  const { prelude, generatorWorker } = await sandboxCode();
  const generators = runnable.map(({ question, code }) => ({
    questionId: question.id,
    code: code.generator.ok ? code.generator.code : '',
    ...(code.check?.ok && { check: code.check.code }),
  }));
  await Promise.all(
    Array.from({ length: lanes }, (_, lane) => {
      const offset = lane * size;
      const job: GeneratorJob = {
        prelude,
        generators,
        seeds: seeds.slice(offset, offset + size),
        timeLimitMs: options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS,
      };
      const key = (generator: number, seed: number) => `${generator}:${seed + offset}`;
      return runWorker(generatorWorker, job, options, (item) => {
        items.set(key(item.generator, item.seed), item);
        options.onProgress?.(items.size, total);
      }).then((stopped) => {
        if (stopped === undefined) return;
        // What the worker did not finish fails with the reason it stopped.
        generators.forEach((_, generator) =>
          job.seeds.forEach((__, seed) => {
            if (!items.has(key(generator, seed)))
              items.set(key(generator, seed), { kind: 'item', generator, seed, failure: stopped });
          }),
        );
      });
    }),
  );
  return items;
}

/** One worker over one share of the seeds; always settles, with why it stopped early (`undefined`: it finished). */
function runWorker(
  code: string,
  job: GeneratorJob,
  options: GenerateOptions,
  onItem: (item: WorkerItem) => void,
): Promise<string | undefined> {
  if (job.seeds.length === 0) return Promise.resolve(undefined);
  const memoryLimitMb = options.memoryLimitMb ?? 256;
  const killAfterMs = options.killAfterMs ?? (options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS) + 1_000;
  const worker = new Worker(code, {
    eval: true,
    workerData: job,
    env: {},
    stdout: true,
    stderr: true,
    resourceLimits: {
      maxOldGenerationSizeMb: memoryLimitMb,
      maxYoungGenerationSizeMb: 16,
      stackSizeMb: 4,
    },
  });
  return new Promise((resolve) => {
    let settled = false;
    let timer = setTimeout(() => finish('the sandbox did not start within 30000 ms'), 30_000);
    const finish = (stopped?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(stopped);
    };
    const watch = () => {
      clearTimeout(timer);
      timer = setTimeout(
        () => finish(`stopped: still running after ${killAfterMs} ms (worker terminated)`),
        killAfterMs,
      );
    };
    worker.on('message', (message: GeneratorMessage) => {
      if (message.kind === 'running') watch();
      else if (message.kind === 'item') {
        watch();
        onItem(message);
      } else finish(message.kind === 'crashed' ? `the sandbox failed: ${message.message}` : undefined);
    });
    worker.on('error', (error: Error & { code?: string }) =>
      finish(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `stopped: used more than ${memoryLimitMb} MB of memory`
          : `stopped: ${error.message}`,
      ),
    );
    worker.on('exit', () => finish('the worker exited before the generators finished'));
  });
}
