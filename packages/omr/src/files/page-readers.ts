import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { GreyImage } from '../grey-image.js';
import type { PageResult } from '../read-page.js';
import type { ScanContextSpec } from '../scan-context-spec.js';
import { ScanFileError, type ScanFile } from './scan-file.js';
import type { WorkerReply, WorkerRequest } from './scan-pool-protocol.js';
import type { ScannedPageJpeg } from './scanned-page-jpeg.js';

export interface PageReadersOptions {
  /** Worker threads (one per core reads fastest; a server keeps one core for its requests). */
  readonly workers: number;
  /** Resolution at which PDF pages that are not plain scans are rasterised. */
  readonly dpi?: number;
  /** Send each page image back (upright when read) and the crops of its free-response boxes, for storage. */
  readonly keepImages?: boolean;
}

export interface PageReading {
  readonly result: PageResult;
  /** The page (upright when it was read), when images are kept. */
  readonly image?: GreyImage;
}

/** Worker threads that decode and read scan pages, so the calling thread stays free (a server keeps serving). */
export interface PageReaders {
  /**
   * Reads one page (0-based) of a file; files are shared with the workers once, on first use. With the page's own
   * JPEG (`OpenScan.jpeg`), only that is sent: the worker decodes it without opening the file.
   */
  read(file: ScanFile, pageIndex: number, jpeg?: ScannedPageJpeg): Promise<PageReading>;
  /** Lets the workers drop a file (and its decoder), and these readers their copy of it, once its pages are read. */
  forget(file: ScanFile): void;
  /** False once a worker has stopped (closed, or died): the readers then refuse every read instead of waiting. */
  running(): boolean;
  close(): Promise<void>;
}

/**
 * Starts page-reading workers for a scan context given as plain data. Requests go to the worker with the fewest
 * pages in hand; replies come back as each page is read.
 *
 * @example
 * const readers = startPageReaders(spec, { workers: 2, keepImages: true });
 * const { result } = await readers.read(file, 0);
 * await readers.close();
 */
export function startPageReaders(spec: ScanContextSpec, options: PageReadersOptions): PageReaders {
  const init: WorkerRequest = { kind: 'init', spec, dpi: options.dpi ?? 200, keepImages: options.keepImages === true };
  const pending = new Map<number, { resolve: (reading: PageReading) => void; reject: (error: Error) => void }>();
  const rejectPending = (error: Error) => {
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  let stopped = false;
  const workers = Array.from({ length: Math.max(1, options.workers) }, () => {
    const worker = new Worker(workerEntry());
    const state = { worker, inHand: 0, files: new Set<number>() };
    worker.on('message', (reply: WorkerReply) => {
      state.inHand -= 1;
      const waiting = pending.get(reply.requestId);
      pending.delete(reply.requestId);
      if (reply.kind === 'error') waiting?.reject(replyError(reply));
      else waiting?.resolve({ result: reply.result, ...imageOf(reply) });
    });
    worker.on('error', rejectPending);
    worker.on('exit', () => {
      stopped = true;
      rejectPending(new Error('a page-reading worker stopped'));
    });
    worker.postMessage(init);
    return state;
  });
  // A file is copied into shared memory only when a worker needs it (not when every page comes as its own JPEG).
  const fileIds = new Map<ScanFile, { id: number; data?: SharedArrayBuffer }>();
  let nextFile = 0;
  let nextRequest = 0;
  const fileOf = (file: ScanFile) => {
    let known = fileIds.get(file);
    if (!known) {
      known = { id: nextFile++ };
      fileIds.set(file, known);
    }
    return known;
  };
  return {
    read(file, pageIndex, jpeg) {
      if (stopped) return Promise.reject(new Error('the page readers have stopped'));
      const known = fileOf(file);
      const target = workers.reduce((best, state) => (state.inHand < best.inHand ? state : best));
      if (!jpeg && !target.files.has(known.id)) {
        known.data ??= shared(file.data);
        const message = { kind: 'file', fileId: known.id, name: file.name, data: known.data } as const;
        target.worker.postMessage(message satisfies WorkerRequest);
        target.files.add(known.id);
      }
      const requestId = nextRequest++;
      target.inHand += 1;
      return new Promise<PageReading>((resolve, reject) => {
        pending.set(requestId, { resolve, reject });
        const request: WorkerRequest = { kind: 'page', requestId, fileId: known.id, pageIndex, ...(jpeg && { jpeg }) };
        target.worker.postMessage(request, jpeg ? [jpeg.jpeg.buffer as ArrayBuffer] : []);
      });
    },
    forget(file) {
      const known = fileIds.get(file);
      if (!known) return;
      // Readers kept for several files (a server's, batch after batch) hold no copy of a file they are done with.
      fileIds.delete(file);
      for (const state of workers) {
        if (state.files.delete(known.id))
          state.worker.postMessage({ kind: 'forget', fileId: known.id } satisfies WorkerRequest);
      }
    },
    running: () => !stopped,
    async close() {
      await Promise.all(workers.map(({ worker }) => worker.terminate()));
    },
  };
}

function imageOf(reply: Extract<WorkerReply, { kind: 'page' }>): { image?: GreyImage } {
  const image = reply.result.kind === 'read' ? reply.result.image : reply.image;
  return image ? { image } : {};
}

function shared(data: Uint8Array): SharedArrayBuffer {
  const buffer = new SharedArrayBuffer(data.byteLength);
  new Uint8Array(buffer).set(data);
  return buffer;
}

/** The compiled worker: beside this file in dist, or in dist when this module runs from its TypeScript source. */
function workerEntry(): URL {
  const here = new URL('./scan-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  return new URL('../../dist/files/scan-worker.js', import.meta.url);
}

/** A worker's error as an error here: a fault of the file stays a `ScanFileError`, so callers can tell it from ours. */
function replyError(reply: Extract<WorkerReply, { kind: 'error' }>): Error {
  return reply.fileError ? new ScanFileError(reply.fileError.file, reply.fileError.message) : new Error(reply.message);
}
