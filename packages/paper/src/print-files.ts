import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { concatPdfs } from './concat-pdf.js';
import type { PageRange, PrintedSet } from './print-set.js';
import { examOf, renderPrintFile, type PrintJob, type PrintSetSpec, type RenderedFile } from './print-job.js';

export interface PrintFilesOptions {
  /** Worker threads to render in; 1 renders in this thread. Output bytes are the same either way. */
  readonly workers: number;
  /** Called after every set, in whatever thread drew it (for a progress bar). */
  readonly onSet?: () => void;
  /** Called as each file is finished, in completion order (to write it out without holding every file). */
  readonly onFile?: (index: number, file: RenderedFile) => void;
  /**
   * Render on worker threads even when one is enough, and join a merged file's parts on one too: a server's event
   * loop must stay free for its requests.
   */
  readonly offMainThread?: boolean;
  /**
   * Run the worker threads at a lower scheduling priority (Linux: nice 10 per thread; ignored where not possible), so
   * a server's request thread keeps its core while papers render on whatever is left.
   */
  readonly lowPriority?: boolean;
  /** Aborting stops the workers at once; the call then rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

/** What a print worker is started with. */
export interface PrintWorkerData {
  readonly job: PrintJob;
  readonly lowPriority: boolean;
}

type WorkerMessage =
  | { readonly kind: 'set' }
  | { readonly kind: 'file'; readonly index: number; readonly pdf: ArrayBuffer; readonly sets: PrintedSet[] }
  | { readonly kind: 'error'; readonly message: string };

/**
 * Renders several PDFs (each a list of sets), spread over worker threads. Each file is rendered whole by one thread
 * from plain data, with a fixed creation date, so its bytes do not depend on the number of threads.
 *
 * @example
 * const files = await printFiles(job, students.map((spec) => [spec]), { workers: 2 });
 */
export async function printFiles(
  job: PrintJob,
  files: readonly (readonly PrintSetSpec[])[],
  options: PrintFilesOptions,
): Promise<RenderedFile[]> {
  const threads = Math.max(1, Math.min(options.workers, files.length));
  if (threads === 1 && options.offMainThread !== true) return printInThisThread(job, files, options);
  options.signal?.throwIfAborted();
  const results: RenderedFile[] = [];
  let next = 0;
  const workerData: PrintWorkerData = { job, lowPriority: options.lowPriority === true };
  const workers = Array.from({ length: threads }, () => new Worker(workerEntry('print-worker.js'), { workerData }));
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_resolve, reject) => {
    onAbort = () => reject(options.signal?.reason as Error);
    options.signal?.addEventListener('abort', onAbort, { once: true });
  });
  aborted.catch(() => undefined);
  try {
    await Promise.race([
      aborted,
      Promise.all(
        workers.map(
          (worker) =>
            new Promise<void>((resolve, reject) => {
              const send = () => {
                if (next >= files.length) {
                  resolve();
                  return;
                }
                const index = next++;
                worker.postMessage({ index, specs: files[index] });
              };
              worker.on('message', (message: WorkerMessage) => {
                if (message.kind === 'set') options.onSet?.();
                else if (message.kind === 'error') reject(new Error(`print worker: ${message.message}`));
                else {
                  const file = { pdf: Buffer.from(message.pdf), sets: message.sets };
                  results[message.index] = file;
                  options.onFile?.(message.index, file);
                  send();
                }
              });
              worker.on('error', reject);
              send();
            }),
        ),
      ),
    ]);
  } finally {
    if (onAbort) options.signal?.removeEventListener('abort', onAbort);
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results;
}

/** A worker's compiled module: beside this one in dist, or in dist when the sources run under a test runner. */
function workerEntry(file: string): URL {
  const here = new URL(`./${file}`, import.meta.url);
  return existsSync(fileURLToPath(here)) ? here : new URL(`../dist/${file}`, import.meta.url);
}

/**
 * `concatPdfs` on a worker thread: joining a 300-student file takes the better part of a second of processor time,
 * which a server's event loop cannot spare. The parts are copied once and moved, not cloned.
 */
async function concatInWorker(parts: readonly Buffer[], title: string): Promise<Buffer> {
  const buffers = parts.map((part) => new Uint8Array(part).buffer);
  const worker = new Worker(workerEntry('concat-worker.js'), {
    workerData: { parts: buffers, title },
    transferList: buffers,
  });
  try {
    return await new Promise<Buffer>((resolve, reject) => {
      worker.once('message', (joined: ArrayBuffer) => resolve(Buffer.from(joined)));
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`concat worker exited with ${code}`)));
    });
  } finally {
    await worker.terminate();
  }
}

async function printInThisThread(
  job: PrintJob,
  files: readonly (readonly PrintSetSpec[])[],
  options: PrintFilesOptions,
): Promise<RenderedFile[]> {
  const exam = examOf(job);
  const results: RenderedFile[] = [];
  for (const [index, specs] of files.entries()) {
    const file = await renderPrintFile(exam, job, specs, () => options.onSet?.());
    results.push(file);
    options.onFile?.(index, file);
  }
  return results;
}

/**
 * Sets per part of a merged file. Parts are rendered independently (on any thread) and joined, so a merged file's
 * bytes depend on its sets, never on the thread count; each part embeds its own font subsets and formulas.
 */
export const MERGE_PART_SETS = 50;

/**
 * One merged PDF of every set (a print shop's single file), rendered in parts over worker threads and joined, with
 * page ranges counted over the whole file.
 *
 * @example
 * const { pdf, sets } = await printMerged(job, specs, { workers: 2 });
 */
export async function printMerged(
  job: PrintJob,
  specs: readonly PrintSetSpec[],
  options: Omit<PrintFilesOptions, 'onFile'> & { readonly title: string; readonly partSets?: number },
): Promise<RenderedFile> {
  const size = options.partSets ?? MERGE_PART_SETS;
  const parts: PrintSetSpec[][] = [];
  for (let start = 0; start < specs.length; start += size) parts.push(specs.slice(start, start + size));
  const rendered = await printFiles(job, parts, options);
  let offset = 0;
  const sets = rendered.flatMap((part) => {
    const shifted = part.sets.map((set) => shiftPages(set, offset));
    offset += pageCount(part.sets);
    return shifted;
  });
  const pdfs = rendered.map((part) => part.pdf);
  return {
    pdf: options.offMainThread ? await concatInWorker(pdfs, options.title) : concatPdfs(pdfs, options.title),
    sets,
  };
}

function pageCount(sets: readonly PrintedSet[]): number {
  const last = sets.at(-1);
  return last ? last.answerSheet.firstPage + last.answerSheet.pages - 1 : 0;
}

function shiftPages(set: PrintedSet, offset: number): PrintedSet {
  const shift = (range: PageRange) => ({ firstPage: range.firstPage + offset, pages: range.pages });
  return {
    questionPaper: set.questionPaper && shift(set.questionPaper),
    answerSheet: shift(set.answerSheet),
  };
}
