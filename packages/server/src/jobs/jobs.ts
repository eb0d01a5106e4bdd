import { studentSessionCache } from '../auth/student-session-cache.js';
import type { AppContext } from '../context.js';
import { closeExpiredAttempts } from '../services/attempts.js';
import { printQueuedPapers } from '../services/paper-jobs.js';
import { claimScanBatch, readScanBatch } from '../services/scan-reading.js';
import { stopIdleScanReaders } from '../services/scan-readers.js';

/** The loop's jobs, named in every report of a failure (the `job` field of its log line). */
export type JobName = 'close-expired-attempts' | 'read-scans' | 'print-papers' | 'sync-student-sessions';

/**
 * The background loop. Once a second: read the recent revocations of students' sessions (so a logout on another node
 * ends a cached session here within about a second), close the attempts whose deadline has passed (so an abandoned attempt is
 * closed within about a second of its deadline), and, unless a batch is already being read, read queued scan batches
 * one after another. The two run side by side: reading yields between pages, so a long scan never holds up the
 * deadlines. Returns a function that stops the loop; a batch being read stops after its current page and is taken
 * up again (by any node) once its lease runs out. Question-paper jobs run beside them, one at a time, on the paper
 * worker threads; stopping aborts the one being drawn and puts it back in the queue for any node.
 */
export function startJobs(
  context: AppContext,
  onError: (error: unknown, job: JobName) => void,
  intervalMs = 1000,
): () => Promise<void> {
  let stopping = false;
  let running: Promise<unknown> = Promise.resolve();
  let scanning: Promise<void> | undefined;
  let printing: Promise<void> | undefined;
  let syncing: Promise<void> | undefined;
  const stopPrinting = new AbortController();
  const timer = setInterval(() => {
    syncing ??= studentSessionCache(context.db)
      .sync(context.db, context.clock.now())
      .catch((error: unknown) => onError(error, 'sync-student-sessions'))
      .finally(() => (syncing = undefined));
    running = running
      .then(() => closeExpiredAttempts(context))
      .catch((error: unknown) => onError(error, 'close-expired-attempts'));
    scanning ??= readQueuedScans(context, () => stopping)
      .then(
        () => undefined,
        (error: unknown) => onError(error, 'read-scans'),
      )
      .finally(() => (scanning = undefined));
    printing ??= printQueuedPapers(context, stopPrinting.signal)
      .then(
        () => undefined,
        (error: unknown) => onError(error, 'print-papers'),
      )
      .finally(() => (printing = undefined));
  }, intervalMs);
  return async () => {
    stopping = true;
    clearInterval(timer);
    stopPrinting.abort(new Error('the server is stopping'));
    await Promise.all([running, scanning, printing, syncing]);
    await stopIdleScanReaders();
  };
}

/** Reads queued scan batches until none is left (or the loop is stopping); returns how many were finished. */
export async function readQueuedScans(context: AppContext, shouldStop: () => boolean = () => false): Promise<number> {
  let finished = 0;
  while (!shouldStop()) {
    const batchId = await claimScanBatch(context);
    if (batchId === undefined) break;
    if ((await readScanBatch(context, batchId, { shouldStop })) !== 'stopped') finished += 1;
  }
  return finished;
}
