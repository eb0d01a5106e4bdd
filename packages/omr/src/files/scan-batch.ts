import { assembleScan, type ScanResult } from '../assemble-scan.js';
import type { GreyImage } from '../grey-image.js';
import { readPage, type PageResult, type ScanContext } from '../read-page.js';
import { decodeScanFile, type DecodeOptions } from './scan-files.js';
import type { ScanFile } from './scan-file.js';

/** Where a scan page came from: the file and the page within it (1-based). */
export interface ScanPageSource {
  readonly file: string;
  readonly pageInFile: number;
}

export interface ScanBatchOptions extends DecodeOptions {
  /**
   * Called for every page while its image is still in memory (write an annotated copy, count progress); the image
   * is the page turned upright when it was read, else as scanned.
   */
  readonly onPage?: (page: {
    readonly scanPage: number;
    readonly source: ScanPageSource;
    readonly result: PageResult;
    readonly image: GreyImage;
  }) => void | Promise<void>;
}

export interface ScanBatchResult extends ScanResult {
  /** Scan page (index + 1) → where it came from. */
  readonly sources: readonly ScanPageSource[];
}

/**
 * Reads a batch of scan files, in the order given, page by page (only one page image in memory at a time), and puts
 * the sheets back together.
 *
 * @example
 * const result = await scanFiles([{ name: 'batch1.pdf', data }], { exam, layoutFor }, { onPage: () => bar.tick() });
 */
export async function scanFiles(
  files: readonly ScanFile[],
  context: ScanContext,
  options: ScanBatchOptions = {},
): Promise<ScanBatchResult> {
  const results: PageResult[] = [];
  const sources: ScanPageSource[] = [];
  for (const file of files) {
    let pageInFile = 0;
    for await (const image of decodeScanFile(file, options)) {
      pageInFile += 1;
      const result = readPage(image, context, { keepImage: options.onPage !== undefined });
      const source = { file: file.name, pageInFile };
      results.push(result);
      sources.push(source);
      const upright = result.kind === 'read' ? (result.image ?? image) : image;
      results[results.length - 1] = withoutImage(result);
      await options.onPage?.({ scanPage: results.length, source, result, image: upright });
    }
  }
  const assembled = assembleScan(results, (key) => context.layoutFor(key)?.pages.length ?? 0);
  return { ...assembled, sources };
}

/** The page images are not kept once a page is read: a batch of hundreds of pages would not fit in memory. */
function withoutImage(result: PageResult): PageResult {
  if (result.kind !== 'read' || !result.image) return result;
  const { image: _image, ...rest } = result;
  return rest;
}
