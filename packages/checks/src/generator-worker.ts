/**
 * The worker thread that runs computed questions' generators for a batch of seeds (bundled and started by
 * run-generators.ts). Every generator call, and every check of an instance, runs in a fresh V8 context of its own —
 * the tensor API, the seeded helpers, and no clock, locale, `Math.random`, `process`, `require` or code generation —
 * so an instance depends on its seed alone, never on which seeds ran before it in the same worker.
 */
import vm from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';

export interface GeneratorJob {
  /** The tensor API and the prelude (sandbox-prelude.ts) as one script. */
  readonly prelude: string;
  readonly generators: readonly {
    readonly questionId: string;
    /** `__examforge_generate(function (seed, random, …) { … });` */
    readonly code: string;
    /** `__examforge_run(function (instance) { … });`, when the question has a check. */
    readonly check?: string;
  }[];
  readonly seeds: readonly string[];
  readonly timeLimitMs: number;
}

/** What one (generator, seed) gave: JSON from the sandbox, or why there is none. */
export type GeneratorMessage =
  | { readonly kind: 'running' }
  | {
      readonly kind: 'item';
      readonly generator: number;
      readonly seed: number;
      readonly generated?: string;
      readonly checked?: string;
      readonly failure?: string;
      readonly checkFailure?: string;
    }
  | { readonly kind: 'done' }
  | { readonly kind: 'crashed'; readonly message: string };

const PRELUDE_TIME_LIMIT_MS = 10_000;

function post(message: GeneratorMessage): void {
  parentPort?.postMessage(message);
}

class Timeout extends Error {}

function runIn(globals: Record<string, unknown>, prelude: vm.Script, script: vm.Script, timeLimitMs: number): string {
  const context = vm.createContext(Object.assign(Object.create(null) as object, globals), {
    name: 'generator',
    codeGeneration: { strings: false, wasm: false },
    microtaskMode: 'afterEvaluate',
  });
  prelude.runInContext(context, { timeout: PRELUDE_TIME_LIMIT_MS });
  try {
    const json: unknown = script.runInContext(context, { timeout: timeLimitMs, breakOnSigint: false });
    if (typeof json !== 'string') throw new Error('the code replaced the sandbox’s result function');
    return json;
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new Timeout();
    throw error;
  }
}

function runJob(job: GeneratorJob): void {
  const prelude = new vm.Script(job.prelude, { filename: 'tensor-api.js' });
  post({ kind: 'running' });
  job.generators.forEach((generator, g) => {
    const script = new vm.Script(generator.code, { filename: 'generator.js' });
    const check = generator.check === undefined ? undefined : new vm.Script(generator.check, { filename: 'check.js' });
    let stopped: string | undefined;
    job.seeds.forEach((seed, s) => {
      if (stopped) return post({ kind: 'item', generator: g, seed: s, failure: stopped });
      const globals = {
        __examforge_seed: seed,
        __examforge_question: generator.questionId,
        __examforge_deterministic: true,
      };
      let generated: string;
      try {
        generated = runIn(globals, prelude, script, job.timeLimitMs);
      } catch (error) {
        if (!(error instanceof Timeout)) throw error;
        const failure = `stopped: ran longer than ${job.timeLimitMs} ms (an endless loop?)`;
        stopped = `not run: the generator ran out of time on an earlier seed (${failure})`;
        return post({ kind: 'item', generator: g, seed: s, failure });
      }
      post({ kind: 'item', generator: g, seed: s, generated, ...checkInstance(generated, prelude, check, job) });
    });
  });
  post({ kind: 'done' });
}

function checkInstance(
  generated: string,
  prelude: vm.Script,
  check: vm.Script | undefined,
  job: GeneratorJob,
): { checked?: string; checkFailure?: string } {
  const result = JSON.parse(generated) as { ok?: boolean; value?: unknown };
  if (!check || result.ok !== true) return {};
  const globals = { __examforge_instance_json: JSON.stringify(result.value), __examforge_deterministic: true };
  try {
    return { checked: runIn(globals, prelude, check, job.timeLimitMs) };
  } catch (error) {
    if (!(error instanceof Timeout)) throw error;
    return { checkFailure: `stopped: ran longer than ${job.timeLimitMs} ms (an endless loop?)` };
  }
}

// Sandboxed code computes synchronously, so a promise it leaves behind (a denied `import()` rejects one) changes no
// result; unhandled, its rejection would reach the parent as this worker's error, racing the result already posted,
// and the same code would fail one way or another by timing.
process.on('unhandledRejection', () => undefined);

try {
  runJob(workerData as GeneratorJob);
} catch (error) {
  post({ kind: 'crashed', message: error instanceof Error ? error.message : 'the sandbox failed' });
}
