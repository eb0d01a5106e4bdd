import { PDFDocument } from 'pdf-lib';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { GreyImage } from '../grey-image.js';
import { openWithPdfjs, renderPdfPage } from './rasterise-pdf.js';
import { ScanFileError, type ScanFile } from './scan-file.js';
import { scannedPageImage } from './scanned-page-image.js';

async function load(file: ScanFile): Promise<PDFDocument> {
  try {
    return await PDFDocument.load(file.data, { updateMetadata: false, ignoreEncryption: true });
  } catch (error) {
    throw new ScanFileError(file.name, `is not a readable PDF (${(error as Error).message})`);
  }
}

export async function countPdfPages(file: ScanFile): Promise<number> {
  return (await load(file)).getPageCount();
}

/**
 * The pages of a PDF as greyscale images, in order: a page that is one scanned image is decoded directly (at the
 * scan's resolution), any other page is rendered by pdf.js at `dpi`. `pick` selects pages by 0-based index (a worker
 * takes its share of a batch).
 */
export async function* pdfPages(
  file: ScanFile,
  dpi: number,
  pick: (index: number) => boolean = () => true,
): AsyncGenerator<GreyImage> {
  const document = await load(file);
  let rendered: PDFDocumentProxy | undefined;
  try {
    for (const [index, page] of document.getPages().entries()) {
      if (!pick(index)) continue;
      const image = await scannedPageImage(document, page);
      if (image) {
        yield image;
        continue;
      }
      rendered ??= await openWithPdfjs(file);
      yield await renderPdfPage(rendered, index + 1, dpi);
    }
  } finally {
    await rendered?.destroy();
  }
}
