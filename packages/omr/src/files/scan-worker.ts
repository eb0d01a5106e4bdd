/**
 * A page-reading worker thread: builds the scan context from its plain-data spec once, keeps the scan files it is
 * given (in shared memory), and decodes and reads the pages it is asked for — from the page's own JPEG when it is
 * sent one, else from the file — posting each reading back with its images transferred, not copied.
 */
import { parentPort } from 'node:worker_threads';
import sharp from 'sharp';
import { readPage, type ScanContext } from '../read-page.js';
import { scanContextFrom } from '../scan-context-spec.js';
import type { OpenScan } from './pdf-pages.js';
import { ScanFileError } from './scan-file.js';
import type { WorkerReply, WorkerRequest } from './scan-pool-protocol.js';
import { decodeScannedPageJpeg } from './scanned-page-jpeg.js';

// The pool runs one worker per core: libvips inside each worker needs no threads of its own.
sharp.concurrency(1);
let context: ScanContext | undefined;
let dpi = 200;
let keepImages = false;
const files = new Map<number, { name: string; data: Uint8Array; open?: Promise<OpenScan> }>();

parentPort?.on('message', (message: WorkerRequest) => {
  if (message.kind === 'init') {
    context = scanContextFrom(message.spec);
    dpi = message.dpi;
    keepImages = message.keepImages;
  } else if (message.kind === 'file')
    files.set(message.fileId, { name: message.name, data: new Uint8Array(message.data) });
  else if (message.kind === 'forget') void forget(message.fileId);
  else
    void readRequested(message).catch((error: unknown) => {
      const reply: WorkerReply = {
        kind: 'error',
        requestId: message.requestId,
        message: error instanceof Error ? error.message : String(error),
        ...(error instanceof ScanFileError && {
          fileError: { file: error.file, message: error.message.slice(error.file.length + 2) },
        }),
      };
      parentPort?.postMessage(reply);
    });
});

type PageRequest = Extract<WorkerRequest, { kind: 'page' }>;

async function readRequested(request: PageRequest): Promise<void> {
  if (!context) throw new Error('the page reader was not given its context');
  const image = request.jpeg ? await decodeScannedPageJpeg(request.jpeg) : await pageOfFile(request);
  const result = readPage(image, context, { keepImage: keepImages });
  const transfer = new Set<ArrayBuffer>();
  if (result.kind === 'read') for (const crop of Object.values(result.crops)) transfer.add(buffer(crop.pixels));
  const sentImage = keepImages ? (result.kind === 'read' ? result.image : image) : undefined;
  if (sentImage) transfer.add(buffer(sentImage.pixels));
  const reply: WorkerReply = {
    kind: 'page',
    requestId: request.requestId,
    result,
    ...(sentImage && result.kind !== 'read' ? { image: sentImage } : {}),
  };
  parentPort?.postMessage(reply, [...transfer]);
}

/** The page decoded from its file, opened once (the file readers are loaded only when a page needs them). */
async function pageOfFile(request: PageRequest) {
  const file = files.get(request.fileId);
  if (!file) throw new Error('the page reader was not given its file');
  file.open ??= import('./scan-files.js').then(({ openScanFile }) => openScanFile(file, { dpi }));
  return (await file.open).page(request.pageIndex);
}

async function forget(fileId: number): Promise<void> {
  const file = files.get(fileId);
  files.delete(fileId);
  if (file?.open) await (await file.open).close();
}

const buffer = (pixels: Uint8Array) => pixels.buffer as ArrayBuffer;
