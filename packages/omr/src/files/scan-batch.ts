import { assembleScan, type ScanResult } from '../assemble-scan.js';
import type { GreyImage } from '../grey-image.js';
import { readPage, type PageResult, type ScanContext } from '../read-page.js';
import type { ScanFile } from './scan-file.js';
import type { OpenScan } from './pdf-pages.js';
import { openScanFile, type DecodeOptions } from './scan-files.js';
import type { ScanContextSpec } from '../scan-context-spec.js';
import { startPageReaders, type PageReaders } from './page-readers.js';

/** Where a scan page came from: the file and the page within it (1-based). */
export interface ScanPageSource {
  readonly file: string;
  readonly pageInFile: number;
}

export interface ScannedPageEvent {
  readonly scanPage: number;
  readonly source: ScanPageSource;
  readonly result: PageResult;
  /** The page turned upright when it was read, else as scanned. */
  readonly image: GreyImage;
}

export interface ScanBatchOptions extends DecodeOptions {
  /**
   * Called for every page while its image is still in memory (write an annotated copy, move a progress bar). With
   * workers, pages may arrive out of scan order.
   */
  readonly onPage?: (page: ScannedPageEvent) => void | Promise<void>;
  /** Called once the files are opened, with the number of pages to read (for a progress bar's total). */
  readonly onPlanned?: (pages: number) => void;
  /**
   * Read on this many worker threads (one per core is right); they rebuild the context from `spec`.
   * Without it, or with 1, pages are read in this thread.
   */
  readonly workers?: number;
  /** The context as plain data, for the workers (the same exam and layouts as `context`). */
  readonly spec?: ScanContextSpec;
}

export interface ScanBatchResult extends ScanResult {
  /** Scan page (index + 1) → where it came from. */
  readonly sources: readonly ScanPageSource[];
}

interface PageTask {
  readonly scanIndex: number;
  readonly fileIndex: number;
  readonly pageIndex: number;
}

/**
 * Reads a batch of scan files, in the order given, and puts the sheets back together. Page images are dropped as
 * soon as each page is read: a batch of hundreds of pages never sits in memory.
 *
 * @example
 * const result = await scanFiles([{ name: 'batch1.pdf', data }], { exam, layoutFor }, { onPage: () => bar.tick() });
 */
export async function scanFiles(
  files: readonly ScanFile[],
  context: ScanContext,
  options: ScanBatchOptions = {},
): Promise<ScanBatchResult> {
  // Workers start (load their code, parse the exam) while this thread opens the files.
  const workers = options.workers ?? 1;
  const readers =
    workers > 1 && options.spec
      ? startPageReaders(options.spec, {
          workers,
          ...(options.dpi !== undefined ? { dpi: options.dpi } : {}),
          keepImages: options.onPage !== undefined,
        })
      : undefined;
  const opened: OpenScan[] = [];
  const { tasks, sources } = await planPages(files, options, opened).catch(async (error: unknown) => {
    await Promise.all([readers?.close(), ...opened.map((scan) => scan.close())]);
    throw error;
  });
  options.onPlanned?.(tasks.length);
  const results: PageResult[] = new Array<PageResult>(tasks.length);
  const receive = async (scanIndex: number, result: PageResult, image: GreyImage) => {
    results[scanIndex] = withoutImage(result);
    const source = sources[scanIndex] ?? { file: '', pageInFile: 0 };
    await options.onPage?.({ scanPage: scanIndex + 1, source, result, image });
  };
  try {
    if (readers && tasks.length > 1) await readOnWorkers(readers, files, opened, tasks, workers, receive);
    else await readHere(opened, tasks, context, options, receive);
  } finally {
    await Promise.all([readers?.close(), ...opened.map((scan) => scan.close())]);
  }
  const assembled = assembleScan(results, context.layoutFor);
  return { ...assembled, sources };
}

/**
 * Opens every file once (into `opened`) to learn its pages; the open files are read from directly when reading in
 * this thread, and give workers each scanned page's own JPEG.
 */
async function planPages(files: readonly ScanFile[], options: DecodeOptions, opened: OpenScan[]) {
  const tasks: PageTask[] = [];
  const sources: ScanPageSource[] = [];
  for (const [fileIndex, file] of files.entries()) {
    const scan = await openScanFile(file, options);
    opened.push(scan);
    for (let pageIndex = 0; pageIndex < scan.pageCount; pageIndex += 1) {
      tasks.push({ scanIndex: tasks.length, fileIndex, pageIndex });
      sources.push({ file: file.name, pageInFile: pageIndex + 1 });
    }
  }
  return { tasks, sources };
}

type Receive = (scanIndex: number, result: PageResult, image: GreyImage) => Promise<void>;

async function readHere(
  opened: readonly OpenScan[],
  tasks: readonly PageTask[],
  context: ScanContext,
  options: ScanBatchOptions,
  receive: Receive,
): Promise<void> {
  for (const task of tasks) {
    const scan = opened[task.fileIndex];
    if (!scan) continue;
    const image = await scan.page(task.pageIndex);
    const result = readPage(image, context, { keepImage: options.onPage !== undefined });
    await receive(task.scanIndex, result, result.kind === 'read' ? (result.image ?? image) : image);
  }
}

const IN_FLIGHT_PER_WORKER = 2;

async function readOnWorkers(
  readers: PageReaders,
  files: readonly ScanFile[],
  opened: readonly OpenScan[],
  tasks: readonly PageTask[],
  workers: number,
  receive: Receive,
): Promise<void> {
  const blank: GreyImage = { width: 0, height: 0, pixels: new Uint8Array() };
  let next = 0;
  const lane = async (): Promise<void> => {
    for (let task = tasks[next++]; task; task = tasks[next++]) {
      const file = files[task.fileIndex];
      if (!file) continue;
      // A scanned page goes to the worker as its own JPEG: the worker need not parse the whole PDF again.
      const jpeg = opened[task.fileIndex]?.jpeg?.(task.pageIndex);
      const { result, image } = await readers.read(file, task.pageIndex, jpeg);
      await receive(task.scanIndex, result, image ?? blank);
    }
  };
  // Two pages in hand per worker: one being read while the next is decoded.
  await Promise.all(Array.from({ length: workers * IN_FLIGHT_PER_WORKER }, lane));
}

/**
 * The page images are not kept once a page is read, nor the crops of free-response boxes (`onPage` has had them): a
 * batch of hundreds of pages would not fit in memory. The crops of readings to review stay, for the review list.
 */
function withoutImage(result: PageResult): PageResult {
  if (result.kind !== 'read') return result;
  const { image: _image, ...rest } = result;
  const boxes = new Set((result.answerBoxes ?? []).map((box) => box.questionId));
  if (boxes.size === 0) return rest;
  const crops = Object.fromEntries(Object.entries(result.crops).filter(([questionId]) => !boxes.has(questionId)));
  return { ...rest, crops };
}
