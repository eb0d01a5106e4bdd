import type { Rect } from '@examforge/core';
import { otsuThreshold, type GreyImage } from './grey-image.js';

/** Cells across the shorter side of the image: coarse enough to skip print and ink, fine enough for the page's edge. */
const CELLS_ACROSS = 200;
/** The paper must cover at least this share of the image to be a page seen from a phone's usual distance. */
const LEAST_PAPER = 0.15;
/** A region reaching this share of the image's width and height already fills the frame: cropping gains nothing. */
const FILLS_FRAME = 0.92;
/** Kept round the paper's bounding box (share of the image's shorter side): the corner discs sit near its edge. */
const MARGIN = 0.01;

/**
 * Where the paper lies in a photo taken from further away than a scan, or to one side: the bounding box of the
 * largest bright region on a coarse grid (paper is lighter than the table it lies on), with a small margin.
 * Undefined when that region already fills the frame (every flatbed scan), or is too small to be the page.
 *
 * The corner-disc search looks for each disc near its corner of the image, as on a scan; a page a quarter of the
 * frame away from it is read through this crop instead.
 *
 * @example
 * const paper = paperRegion(photo); // { x: 310, y: 142, width: 1620, height: 2290 }
 */
export function paperRegion(image: GreyImage): Rect | undefined {
  const cell = Math.max(2, Math.floor(Math.min(image.width, image.height) / CELLS_ACROSS));
  const grid = cellMeans(image, cell);
  const bright = otsuThreshold(grid);
  const paper = largestRegionAtLeast(grid, bright);
  if (!paper || paper.cells < LEAST_PAPER * grid.width * grid.height) return undefined;
  const margin = Math.round(MARGIN * Math.min(image.width, image.height));
  const x0 = Math.max(0, paper.x0 * cell - margin);
  const y0 = Math.max(0, paper.y0 * cell - margin);
  const x1 = Math.min(image.width, (paper.x1 + 1) * cell + margin);
  const y1 = Math.min(image.height, (paper.y1 + 1) * cell + margin);
  if (x1 - x0 >= FILLS_FRAME * image.width && y1 - y0 >= FILLS_FRAME * image.height) return undefined;
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** The image shrunk to the mean grey of each `cell` × `cell` square (a partial square at the edges is left out). */
function cellMeans(image: GreyImage, cell: number): GreyImage {
  const width = Math.floor(image.width / cell);
  const height = Math.floor(image.height / cell);
  const sums = new Uint32Array(width * height);
  for (let y = 0; y < height * cell; y += 1) {
    const row = Math.floor(y / cell) * width;
    const start = y * image.width;
    for (let x = 0; x < width * cell; x += 1) {
      const at = row + Math.floor(x / cell);
      sums[at] = (sums[at] ?? 0) + (image.pixels[start + x] ?? 0);
    }
  }
  const area = cell * cell;
  return { width, height, pixels: Uint8Array.from(sums, (sum) => Math.round(sum / area)) };
}

interface Region {
  readonly cells: number;
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** The largest 4-connected region of cells at least `level`, with its bounding box in cells. */
function largestRegionAtLeast(grid: GreyImage, level: number): Region | undefined {
  const { width, height, pixels } = grid;
  const seen = new Uint8Array(width * height);
  const stack: number[] = [];
  let best: Region | undefined;
  for (let start = 0; start < seen.length; start += 1) {
    if (seen[start] || (pixels[start] ?? 0) < level) continue;
    seen[start] = 1;
    stack.push(start);
    let [cells, x0, y0, x1, y1] = [0, width, height, 0, 0];
    while (stack.length > 0) {
      const index = stack.pop() ?? 0;
      const x = index % width;
      const y = (index - x) / width;
      cells += 1;
      [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
      const next = [x > 0 ? index - 1 : -1, x < width - 1 ? index + 1 : -1, index - width, index + width];
      for (const neighbour of next) {
        if (neighbour < 0 || neighbour >= seen.length || seen[neighbour] || (pixels[neighbour] ?? 0) < level) continue;
        seen[neighbour] = 1;
        stack.push(neighbour);
      }
    }
    if (!best || cells > best.cells) best = { cells, x0, y0, x1, y1 };
  }
  return best;
}
