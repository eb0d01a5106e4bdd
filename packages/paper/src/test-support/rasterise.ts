import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A greyscale page: 0 is black, 255 white. */
export interface GreyImage {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
}

/** A run of pages of a PDF: `count` pages from the 0-based index `first`. */
export interface PageRange {
  readonly first: number;
  readonly count: number;
}

/** A document's first page alone (the first page of an answer sheet, a question paper's title page). */
export const FIRST_PAGE: PageRange = { first: 0, count: 1 };

/**
 * Rasterises a PDF with Debian's pdftoppm (an independent renderer), one greyscale image per page, or per page of
 * `range` only (pdftoppm renders each page on its own, so a page comes out the same either way).
 */
export function rasterise(pdf: Buffer, dpi: number, range?: PageRange): GreyImage[] {
  const directory = mkdtempSync(join(tmpdir(), 'examforge-raster-'));
  try {
    writeFileSync(join(directory, 'in.pdf'), pdf);
    const pages = range ? ['-f', String(range.first + 1), '-l', String(range.first + range.count)] : [];
    execFileSync('pdftoppm', [
      '-r',
      String(dpi),
      '-gray',
      ...pages,
      join(directory, 'in.pdf'),
      join(directory, 'page'),
    ]);
    return readdirSync(directory)
      .filter((name) => name.endsWith('.pgm'))
      .sort()
      .map((name) => readPgm(readFileSync(join(directory, name))));
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

function readPgm(data: Buffer): GreyImage {
  // P5 header: magic, width, height, maxval, each separated by whitespace, then one byte per pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a binary PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, pixels: data.subarray(header[0].length, header[0].length + width * height) };
}

/** Mean darkness (0 white … 1 black) of the pixels within radius `r` points of a point, at `scale` pixels per point. */
export function darkness(image: GreyImage, x: number, y: number, r: number, scale: number): number {
  let sum = 0;
  let count = 0;
  const cx = x * scale;
  const cy = y * scale;
  const radius = r * scale;
  for (let py = Math.floor(cy - radius); py <= Math.ceil(cy + radius); py += 1) {
    for (let px = Math.floor(cx - radius); px <= Math.ceil(cx + radius); px += 1) {
      if ((px - cx) ** 2 + (py - cy) ** 2 > radius ** 2) continue;
      sum += 255 - (image.pixels[py * image.width + px] ?? 255);
      count += 1;
    }
  }
  return count === 0 ? 0 : sum / count / 255;
}
