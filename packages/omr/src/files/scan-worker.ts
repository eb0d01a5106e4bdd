/**
 * A worker thread of the scan pool: rebuilds the scan context from plain data once, then decodes and reads the pages
 * it is sent, one at a time, and posts each page's reading back (images transferred, not copied).
 */
import { parentPort } from 'node:worker_threads';
import { parseExam, type SheetLayout } from '@examforge/core';
import sharp from 'sharp';
import { readPage, type ScanContext } from '../read-page.js';
import { openScanFile } from './scan-files.js';
import type { OpenScan } from './pdf-pages.js';
import type { WorkerReply, WorkerRequest } from './scan-pool-protocol.js';

// The pool already runs one worker per core: libvips inside each worker needs no threads of its own.
sharp.concurrency(1);
let context: ScanContext | undefined;
let files: readonly { name: string; data: Uint8Array }[] = [];
let dpi = 200;
let keepImages = false;
const open = new Map<number, Promise<OpenScan>>();

parentPort?.on('message', (message: WorkerRequest) => {
  void handle(message).catch((error: unknown) => {
    const reply: WorkerReply = { kind: 'error', message: error instanceof Error ? error.message : String(error) };
    parentPort?.postMessage(reply);
  });
});

async function handle(message: WorkerRequest): Promise<void> {
  if (message.kind === 'init') {
    const parsed = parseExam(message.examSource);
    if (!parsed.ok) throw new Error('the exam does not parse');
    const layouts = new Map<string, SheetLayout>(message.layouts);
    context = { exam: parsed.exam, layoutFor: (key) => layouts.get(key.variant) };
    files = message.files.map((file) => ({ name: file.name, data: new Uint8Array(file.data) }));
    dpi = message.dpi;
    keepImages = message.keepImages;
    return;
  }
  if (!context) throw new Error('the scan worker was not initialised');
  const file = files[message.fileIndex];
  if (!file) throw new Error(`no file ${message.fileIndex}`);
  let scan = open.get(message.fileIndex);
  if (!scan) {
    scan = openScanFile(file, { dpi });
    open.set(message.fileIndex, scan);
  }
  const image = await (await scan).page(message.pageIndex);
  const result = readPage(image, context, { keepImage: keepImages });
  const transfer: ArrayBuffer[] = [];
  if (result.kind === 'read') {
    for (const crop of Object.values(result.crops)) transfer.push(crop.pixels.buffer as ArrayBuffer);
    if (result.image) transfer.push(result.image.pixels.buffer as ArrayBuffer);
  }
  const reply: WorkerReply = {
    kind: 'page',
    scanIndex: message.scanIndex,
    result,
    ...(keepImages && result.kind !== 'read' ? { image } : {}),
  };
  parentPort?.postMessage(reply, [...new Set(transfer)]);
}
