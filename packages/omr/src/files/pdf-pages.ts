import { PDFDocument } from 'pdf-lib';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { GreyImage } from '../grey-image.js';
import { openWithPdfjs, renderPdfPage } from './rasterise-pdf.js';
import { checkPagePixels, ScanFileError, type ScanFile } from './scan-file.js';
import { scannedPageImage, scannedPageJpeg } from './scanned-page-image.js';
import type { ScannedPageJpeg } from './scanned-page-jpeg.js';

/** Random access to the pages of a scan file as greyscale images. */
export interface OpenScan {
  readonly pageCount: number;
  /** The page at a 0-based index. */
  page(index: number): Promise<GreyImage>;
  /**
   * The page's own JPEG when it is one scanned image (PDFs only): a worker can decode it without the file. Undefined
   * for any other page.
   */
  jpeg?(index: number): ScannedPageJpeg | undefined;
  close(): Promise<void>;
}

async function load(file: ScanFile): Promise<PDFDocument> {
  try {
    return await PDFDocument.load(file.data, { updateMetadata: false, ignoreEncryption: true });
  } catch (error) {
    throw new ScanFileError(file.name, `is not a readable PDF (${(error as Error).message})`);
  }
}

/**
 * Opens a PDF: a page that is one scanned image is decoded directly (at the scan's resolution); any other page is
 * rendered by pdf.js at `dpi` (pdf.js is opened only if such a page comes).
 */
export async function openPdf(file: ScanFile, dpi: number): Promise<OpenScan> {
  const document = await load(file);
  const pages = document.getPages();
  pages.forEach((page, index) => {
    const { width, height } = page.getSize();
    checkPagePixels(file.name, `page ${index + 1}`, (width * dpi) / 72, (height * dpi) / 72);
  });
  let rendered: Promise<PDFDocumentProxy> | undefined;
  return {
    pageCount: pages.length,
    async page(index) {
      const page = pages[index];
      if (!page) throw new RangeError(`${file.name} has no page ${index + 1}`);
      const image = await scannedPageImage(document, page, file.name);
      if (image) return image;
      rendered ??= openWithPdfjs(file);
      return renderPdfPage(await rendered, index + 1, dpi);
    },
    jpeg(index) {
      const page = pages[index];
      return page && scannedPageJpeg(document, page, file.name);
    },
    async close() {
      const open = rendered;
      rendered = undefined;
      if (open) await (await open).destroy();
    },
  };
}
