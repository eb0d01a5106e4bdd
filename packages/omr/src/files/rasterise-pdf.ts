import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { GreyImage } from '../grey-image.js';
import { luma } from './decode-grey.js';
import { checkPagePixels, ScanFileError, type ScanFile } from './scan-file.js';

/** The parts of pdf.js's Node canvas (from @napi-rs/canvas) used here; the package has no DOM types. */
interface CanvasContext {
  fillStyle: string;
  fillRect(x: number, y: number, width: number, height: number): void;
  getImageData(x: number, y: number, width: number, height: number): { data: Uint8ClampedArray };
}
interface CanvasFactory {
  create(width: number, height: number): { canvas: unknown; context: CanvasContext };
}

/**
 * Opens a PDF with pdf.js (for pages that are not a plain scanned image). pdf.js is loaded on first use: most scans
 * never need it, and loading it cost every page-reading worker a few hundred milliseconds before its first page.
 */
export async function openWithPdfjs(file: ScanFile): Promise<PDFDocumentProxy> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  try {
    // pdf.js takes ownership of the buffer it is given: pass a copy so the caller's bytes stay intact.
    return await getDocument({ data: new Uint8Array(file.data), verbosity: 0, isEvalSupported: false }).promise;
  } catch (error) {
    throw new ScanFileError(file.name, `is not a readable PDF (${(error as Error).message})`);
  }
}

/** Renders one page (1-based) of an open PDF at `dpi` and returns it as greyscale (luma of the rendered RGBA). */
export async function renderPdfPage(document: PDFDocumentProxy, number: number, dpi: number): Promise<GreyImage> {
  const page = await document.getPage(number);
  const viewport = page.getViewport({ scale: dpi / 72 });
  const width = Math.round(viewport.width);
  const height = Math.round(viewport.height);
  checkPagePixels('the scan', `page ${number}`, width, height);
  const { canvas, context } = (document.canvasFactory as CanvasFactory).create(width, height);
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  await page.render({ canvasContext: context, viewport, canvas }).promise;
  const rgba = context.getImageData(0, 0, width, height).data;
  page.cleanup();
  return { width, height, pixels: luma(rgba, 4) };
}
