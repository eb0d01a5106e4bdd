/** A worker thread of `printFiles`: renders the files it is sent, one at a time, and sends back their bytes. */
import { parentPort, workerData } from 'node:worker_threads';
import { examOf, renderPrintFile, type PrintJob, type PrintSetSpec } from './print-job.js';

const port = parentPort;
if (!port) throw new Error('print-worker runs as a worker thread');
const job = workerData as PrintJob;
const exam = examOf(job);

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
