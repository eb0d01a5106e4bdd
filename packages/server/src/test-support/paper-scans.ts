import { type SheetLayout } from '@examforge/core';
import sharp from 'sharp';
import { scannerPdf } from '../../../omr/src/test-support/scanner-pdf.js';
import { painter, type SyntheticMark } from '../../../omr/src/test-support/synthetic-marks.js';
import { rasterise, type GreyImage } from '../../../paper/src/test-support/rasterise.js';

/** What a student does on their printed sheet: a mark of some kind in the bubble of a canonical option. */
export interface PaperMark {
  readonly questionId: string;
  readonly option: string;
  readonly mark: SyntheticMark | 'faint-fill' | 'small-tick';
}

export const SCAN_DPI = 150;

/**
 * Rasterises a printed sheets PDF with pdftoppm and paints each student's marks into their pages, at the bubbles their
 * layout (the one printed for them) puts each canonical option: a scan as a real scanner would return it.
 */
export function paintSheets(
  pdf: Buffer,
  students: readonly { layout: SheetLayout; marks: readonly PaperMark[] }[],
  seed: string,
): GreyImage[] {
  return paintPages(rasterise(pdf, SCAN_DPI), students, seed);
}

/**
 * {@link paintSheets} on pages already rasterised at {@link SCAN_DPI}, which are left untouched (the marks go on
 * copies), so a test file can rasterise its printed sheets once and paint several scans from them.
 */
export function paintPages(
  printed: readonly GreyImage[],
  students: readonly { layout: SheetLayout; marks: readonly PaperMark[] }[],
  seed: string,
): GreyImage[] {
  const pages = printed.map((page) => ({ ...page, pixels: new Uint8Array(page.pixels) }));
  const scale = SCAN_DPI / 72;
  let first = 0;
  for (const [index, student] of students.entries()) {
    for (const mark of student.marks) {
      const at = student.layout.pages.flatMap((page) =>
        page.bubbles
          .filter((b) => b.questionId === mark.questionId && b.option === mark.option)
          .map((bubble) => ({ bubble, page: page.number })),
      )[0];
      if (!at) throw new Error(`no bubble for ${mark.questionId} (${mark.option})`);
      const image = pages[first + at.page - 1];
      if (!image) throw new Error('fewer pages than the layout');
      const [x, y, r] = [at.bubble.x * scale, at.bubble.y * scale, at.bubble.r * scale];
      drawMark(image, mark.mark, x, y, r, `${seed}:${index}:${mark.questionId}:${mark.option}`);
    }
    first += student.layout.pages.length;
  }
  return pages;
}

function drawMark(image: GreyImage, kind: PaperMark['mark'], x: number, y: number, r: number, seed: string): void {
  if (kind === 'faint-fill') return shade(image, x, y, r * 0.75, 0.22);
  if (kind === 'small-tick') return smallTick(image, x, y, r);
  painter(image, seed).mark(kind, x, y, r);
}

/** A very light pencil fill of the middle of the bubble: too faint and too small to be sure of. */
function shade(image: GreyImage, x: number, y: number, radius: number, darkness: number): void {
  for (let py = Math.floor(y - radius); py <= Math.ceil(y + radius); py += 1)
    for (let px = Math.floor(x - radius); px <= Math.ceil(x + radius); px += 1)
      if (Math.hypot(px - x, py - y) <= radius) darken(image, px, py, darkness);
}

/** A short, thin tick in the bubble. */
function smallTick(image: GreyImage, x: number, y: number, r: number): void {
  const line = (x0: number, y0: number, x1: number, y1: number) => {
    const steps = Math.ceil(Math.hypot(x1 - x0, y1 - y0) * 2);
    for (let i = 0; i <= steps; i += 1) {
      const t = i / steps;
      darken(image, Math.round(x0 + (x1 - x0) * t), Math.round(y0 + (y1 - y0) * t), 0.8);
    }
  };
  line(x - r * 0.35, y, x - r * 0.1, y + r * 0.3);
  line(x - r * 0.1, y + r * 0.3, x + r * 0.35, y - r * 0.35);
}

function darken(image: GreyImage, x: number, y: number, darkness: number): void {
  const index = y * image.width + x;
  if (x < 0 || y < 0 || x >= image.width || y >= image.height) return;
  image.pixels[index] = Math.round((image.pixels[index] ?? 255) * (1 - darkness));
}

/** Scanned pages as one PDF, as a sheet-fed scanner writes a batch: each page an image at the scan's resolution. */
export async function scanPdf(pages: readonly GreyImage[]): Promise<Buffer> {
  return scannerPdf(await Promise.all(pages.map(scanPng)), SCAN_DPI);
}

/**
 * A page as a lossless PNG. The fastest deflate level: the same pixels in a file a third larger, encoded in less than
 * half the time (about 22 ms a page at 150 dpi instead of 50); paper.test alone encodes over a hundred.
 */
/**
 * A page as a sheet-fed scanner's JPEG. The server decodes a JPEG page directly at the scan's resolution, where a PNG
 * page (its PDF image carries a PNG predictor) is rendered with pdf.js at 200 dpi: the grading browser test's 15
 * sheets took 20–40 s to scan as PNG pages, 13–16 s as JPEG.
 */
export function scanJpeg(page: GreyImage): Promise<Buffer> {
  return sharp(Buffer.from(page.pixels), { raw: { width: page.width, height: page.height, channels: 1 } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

export async function scanPng(page: GreyImage): Promise<Buffer> {
  return sharp(Buffer.from(page.pixels), { raw: { width: page.width, height: page.height, channels: 1 } })
    .png({ compressionLevel: 1 })
    .toBuffer();
}
