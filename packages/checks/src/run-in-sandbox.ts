import { SourceMap, type SourceMapPayload } from 'node:module';
import { Worker } from 'node:worker_threads';
import { readComputed, type Computed } from './computed.js';
import type { SandboxCode } from './sandbox-bundle.js';
import type { SandboxJob, WorkerMessage } from './sandbox-worker.js';

export interface SandboxLimits {
  /** CPU time for the check's own code, enforced by the vm (stops loops). */
  readonly timeLimitMs: number;
  /** Wall-clock time after the check starts at which the whole worker is terminated, whatever it is doing. */
  readonly killAfterMs: number;
  /** Time to start the worker and load the tensor API. */
  readonly startupLimitMs: number;
  /** Heap of the worker, in MB; a check that allocates more is stopped. */
  readonly memoryLimitMb: number;
}

export type SandboxOutcome =
  | { readonly kind: 'answer'; readonly value: Computed; readonly logs: readonly string[] }
  | { readonly kind: 'failed'; readonly message: string; readonly line?: number; readonly logs: readonly string[] };

/**
 * Runs one transpiled check in its own worker thread and fresh vm context, and always settles: with the answer, or
 * with why there is none (an exception, the time limit, the wall-clock kill, the memory limit, a crash). One worker
 * per check keeps checks apart: nothing one check does to its globals or its thread reaches another.
 *
 * @example
 * const outcome = await runInSandbox(await sandboxCode(), compiled, DEFAULT_LIMITS);
 */
export function runInSandbox(
  sandbox: SandboxCode,
  check: { readonly code: string; readonly sourceMap: string },
  limits: SandboxLimits,
): Promise<SandboxOutcome> {
  const job: SandboxJob = { prelude: sandbox.prelude, code: check.code, timeLimitMs: limits.timeLimitMs };
  const worker = new Worker(sandbox.worker, {
    eval: true,
    workerData: job,
    env: {},
    stdout: true,
    stderr: true,
    resourceLimits: { maxOldGenerationSizeMb: limits.memoryLimitMb, maxYoungGenerationSizeMb: 16, stackSizeMb: 4 },
  });
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: SandboxOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
      void worker.terminate();
    };
    const fail = (message: string) => finish({ kind: 'failed', message, logs: [] });
    let timer = setTimeout(() => fail(`did not start within ${limits.startupLimitMs} ms`), limits.startupLimitMs);
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'running') {
        clearTimeout(timer);
        timer = setTimeout(
          () => fail(`stopped: still running after ${limits.killAfterMs} ms (worker terminated)`),
          limits.killAfterMs,
        );
      } else if (message.kind === 'timeout')
        fail(`stopped: ran longer than ${limits.timeLimitMs} ms (an endless loop?)`);
      else if (message.kind === 'crashed') fail(`the sandbox failed: ${message.message}`);
      else finish(readOutcome(message.json, check.sourceMap));
    });
    worker.on('error', (error: Error & { code?: string }) =>
      fail(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `stopped: used more than ${limits.memoryLimitMb} MB of memory`
          : `stopped: ${error.message}`,
      ),
    );
    worker.on('exit', () => fail('the worker exited before the check finished'));
  });
}

/** What sandboxed code gave back, read from its JSON: a value, or why there is none. */
export type SandboxReply<T> =
  | { readonly kind: 'answer'; readonly value: T; readonly logs: readonly string[] }
  | { readonly kind: 'failed'; readonly message: string; readonly line?: number; readonly logs: readonly string[] };

function readOutcome(json: string, sourceMap: string): SandboxOutcome {
  return readReply(json, sourceMap, readComputed);
}

/**
 * Reads the JSON a sandbox sent back (`{ ok, value, logs }` or `{ ok: false, error, logs }`) as untrusted input; an
 * error's line is the exam code's own, through esbuild's source map.
 */
export function readReply<T>(json: string, sourceMap: string, read: (raw: unknown) => T): SandboxReply<T> {
  try {
    const raw = JSON.parse(json) as { ok?: unknown; value?: unknown; error?: unknown; logs?: unknown };
    const logs = Array.isArray(raw.logs) ? raw.logs.filter((line): line is string => typeof line === 'string') : [];
    if (raw.ok === true) return { kind: 'answer', value: read(raw.value), logs };
    const error = (raw.error ?? {}) as { name?: unknown; message?: unknown; stack?: unknown };
    const line = typeof error.stack === 'string' ? checkLine(error.stack, sourceMap) : undefined;
    const name = typeof error.name === 'string' ? error.name : 'Error';
    const message = typeof error.message === 'string' ? error.message : 'unknown error';
    return { kind: 'failed', message: `${name}: ${message}`, ...(line !== undefined && { line }), logs };
  } catch (error) {
    return { kind: 'failed', message: error instanceof Error ? error.message : String(error), logs: [] };
  }
}

/** The check's line (from 1) of the innermost frame in the check's code, through esbuild's source map. */
function checkLine(stack: string, sourceMap: string): number | undefined {
  const frame = /(?:check|generator)\.js:(\d+):(\d+)/.exec(stack);
  if (!frame) return undefined;
  const entry = new SourceMap(JSON.parse(sourceMap) as SourceMapPayload).findEntry(
    Number(frame[1]) - 1,
    Number(frame[2]) - 1,
  );
  // The map's original lines count from 0 and include the wrapper's line, so they are the check's lines from 1.
  return 'originalLine' in entry && entry.originalLine > 0 ? entry.originalLine : undefined;
}
