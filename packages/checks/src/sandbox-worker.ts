/**
 * The worker thread that runs one check (bundled and started by run-in-sandbox.ts). The check runs in a fresh V8
 * context whose globals are the ECMAScript built-ins plus the tensor API: no `process`, `require`, `import()`,
 * timers, filesystem or network. Code generation from strings (`eval`, `Function`) and WebAssembly are off, so the
 * check cannot compile its way out, and the vm's timeout stops synchronous loops and runaway promise chains.
 */
import vm from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';

export interface SandboxJob {
  /** The tensor API and the prelude (sandbox-prelude.ts) as one script. */
  readonly prelude: string;
  /** The transpiled check: `__examforge_run(function () { … });`. */
  readonly code: string;
  readonly timeLimitMs: number;
}

export type WorkerMessage =
  | { readonly kind: 'running' }
  | { readonly kind: 'done'; readonly json: string }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'crashed'; readonly message: string };

/** Loading the tensor API is our code, not the check's: it gets a generous limit of its own. */
const PRELUDE_TIME_LIMIT_MS = 10_000;

function post(message: WorkerMessage): void {
  parentPort?.postMessage(message);
}

function runJob(job: SandboxJob): void {
  const context = vm.createContext(Object.create(null) as object, {
    name: 'answer check',
    codeGeneration: { strings: false, wasm: false },
    microtaskMode: 'afterEvaluate',
  });
  new vm.Script(job.prelude, { filename: 'tensor-api.js' }).runInContext(context, { timeout: PRELUDE_TIME_LIMIT_MS });
  const script = new vm.Script(job.code, { filename: 'check.js' });
  post({ kind: 'running' });
  const json: unknown = script.runInContext(context, { timeout: job.timeLimitMs, breakOnSigint: false });
  if (typeof json !== 'string') throw new Error('the check replaced the sandbox’s result function');
  post({ kind: 'done', json });
}

// Sandboxed code computes synchronously, so a promise it leaves behind (a denied `import()` rejects one) changes no
// result; unhandled, its rejection would reach the parent as this worker's error, racing the result already posted,
// and the same code would fail one way or another by timing.
process.on('unhandledRejection', () => undefined);

try {
  runJob(workerData as SandboxJob);
} catch (error) {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') post({ kind: 'timeout' });
  else post({ kind: 'crashed', message: error instanceof Error ? error.message : 'the sandbox failed' });
}
