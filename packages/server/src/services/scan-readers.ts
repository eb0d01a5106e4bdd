import type { ScanContextSpec } from '@examforge/omr';
import { startPageReaders, type PageReaders } from '@examforge/omr/files';

/** PDF pages are rasterised at this resolution: the reader's tested range is 150–300 dpi. */
const SCAN_DPI = 200;
/** How long page readers wait for the next batch of the same sitting before their thread is stopped. */
const IDLE_MS = 10_000;

interface Kept {
  readonly key: string;
  readonly readers: PageReaders;
  users: number;
  /** A batch failed with these readers: no batch gets them again, and the last one out stops them. */
  discarded: boolean;
  idle?: NodeJS.Timeout;
}

/** Readers by the spec they were started with (as JSON): the layouts and exam versions of one sitting. */
const kept = new Map<string, Kept>();

/** Page readers lent to one batch: give them back when the batch is over, saying whether it failed. */
export interface LentReaders {
  readonly readers: PageReaders;
  giveBack(failed: boolean): Promise<void>;
}

/**
 * One worker thread that decodes and reads a sitting's scan pages (the request thread stays free for students and
 * staff), kept for the sitting's next batch: a thread loads the reader, sharp and the PDF readers and builds the
 * sitting's layouts before its first page, about a second of CPU, and a sitting's scans come in several batches.
 * Batches of the same spec share the thread; a changed spec (a new exam version) gets its own. A thread is stopped
 * after `IDLE_MS` without a batch, and is never lent again after a batch that failed or once its thread has stopped.
 */
export function lendScanReaders(spec: ScanContextSpec): LentReaders {
  const key = JSON.stringify(spec);
  let entry = kept.get(key);
  if (entry && !entry.readers.running()) {
    // Its thread died while it waited (nothing was reading): never lend it, and start another.
    kept.delete(key);
    entry.discarded = true;
    if (entry.users === 0) void stop(entry);
    entry = undefined;
  }
  if (!entry) {
    const readers = startPageReaders(spec, { workers: 1, dpi: SCAN_DPI, keepImages: true });
    entry = { key, readers, users: 0, discarded: false };
    kept.set(key, entry);
  }
  const lent = entry;
  clearTimeout(lent.idle);
  lent.users += 1;
  let returned = false;
  return {
    readers: lent.readers,
    async giveBack(failed) {
      if (returned) return;
      returned = true;
      lent.users -= 1;
      if (failed && !lent.discarded) {
        lent.discarded = true;
        if (kept.get(key) === lent) kept.delete(key);
      }
      if (lent.users > 0) return;
      if (lent.discarded) return lent.readers.close();
      lent.idle = setTimeout(() => void stop(lent), IDLE_MS);
      lent.idle.unref();
    },
  };
}

/** Stops the reader threads no batch is using (the job loop stopping, so that nothing is left running). */
export async function stopIdleScanReaders(): Promise<void> {
  await Promise.all([...kept.values()].filter((entry) => entry.users === 0).map(stop));
}

async function stop(entry: Kept): Promise<void> {
  clearTimeout(entry.idle);
  if (kept.get(entry.key) === entry) kept.delete(entry.key);
  await entry.readers.close();
}
