import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { GreyImage } from '../grey-image.js';
import { ScanFileError, type ScanFile } from './scan-file.js';

/** The parts of pdf.js's Node canvas (from @napi-rs/canvas) used here; the package has no DOM types. */
interface CanvasContext {
  fillStyle: string;
  fillRect(x: number, y: number, width: number, height: number): void;
  getImageData(x: number, y: number, width: number, height: number): { data: Uint8ClampedArray };
}
interface CanvasFactory {
  create(width: number, height: number): { canvas: unknown; context: CanvasContext };
}

async function open(file: ScanFile): Promise<PDFDocumentProxy> {
  try {
    // pdf.js takes ownership of the buffer it is given: pass a copy so the caller's bytes stay intact.
    return await getDocument({ data: new Uint8Array(file.data), verbosity: 0, isEvalSupported: false }).promise;
  } catch (error) {
    throw new ScanFileError(file.name, `is not a readable PDF (${(error as Error).message})`);
  }
}

export async function countPdfPages(file: ScanFile): Promise<number> {
  const document = await open(file);
  const count = document.numPages;
  await document.destroy();
  return count;
}

/** Renders each page of a PDF at `dpi` and yields it as greyscale (luma of the rendered RGBA). */
export async function* rasterisePdf(file: ScanFile, dpi: number): AsyncGenerator<GreyImage> {
  const document = await open(file);
  try {
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const viewport = page.getViewport({ scale: dpi / 72 });
      const width = Math.round(viewport.width);
      const height = Math.round(viewport.height);
      const { canvas, context } = (document.canvasFactory as CanvasFactory).create(width, height);
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, width, height);
      await page.render({ canvasContext: context, viewport, canvas }).promise;
      const rgba = context.getImageData(0, 0, width, height).data;
      page.cleanup();
      yield { width, height, pixels: luma(rgba) };
    }
  } finally {
    await document.destroy();
  }
}

function luma(rgba: Uint8ClampedArray): Uint8Array {
  const pixels = new Uint8Array(rgba.length / 4);
  for (let i = 0, j = 0; i < pixels.length; i += 1, j += 4)
    pixels[i] = ((rgba[j] ?? 255) * 77 + (rgba[j + 1] ?? 255) * 150 + (rgba[j + 2] ?? 255) * 29) >> 8;
  return pixels;
}
