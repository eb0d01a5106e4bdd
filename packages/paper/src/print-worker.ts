/** A worker thread of `printFiles`: renders the files it is sent, one at a time, and sends back their bytes. */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { PrintWorkerData } from './print-files.js';
import { examOf, renderPrintFile, type PrintSetSpec } from './print-job.js';

const port = parentPort;
if (!port) throw new Error('print-worker runs as a worker thread');
const { job, lowPriority } = workerData as PrintWorkerData;
if (lowPriority) lowerThisThreadsPriority();
const exam = examOf(job);

/**
 * Linux keeps a nice value per thread, and `setpriority` given a thread id changes that thread alone:
 * `/proc/thread-self` names this thread's id. Elsewhere (or if refused) the thread keeps its priority.
 */
function lowerThisThreadsPriority(): void {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').at(-1));
    if (Number.isInteger(threadId) && threadId > 0) setPriority(threadId, 10);
  } catch {
    // Not Linux, or not allowed: rendering at the normal priority is still correct.
  }
}

port.on('message', (task: { readonly index: number; readonly specs: readonly PrintSetSpec[] }) => {
  void renderPrintFile(exam, job, task.specs, () => port.postMessage({ kind: 'set' })).then(
    (file) => {
      // A copy with its own ArrayBuffer, which can be moved to the main thread instead of cloned.
      const pdf = new Uint8Array(file.pdf).buffer;
      port.postMessage({ kind: 'file', index: task.index, pdf, sets: file.sets }, [pdf]);
    },
    (error: unknown) => port.postMessage({ kind: 'error', message: String(error) }),
  );
});
