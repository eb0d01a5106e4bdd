import type { Rect } from '@examforge/core';
import type { GreyImage } from './grey-image.js';
import type { Homography } from './homography.js';

/** A window of pixels of a resampled area: columns `left` … `left + width - 1`, rows `top` … `top + height - 1`. */
export interface PixelWindow {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/**
 * A row whose projection's denominator changes by less than this share along it is sampled along the chord between its
 * exact ends: the chord strays from the curve by about a quarter of the share squared times the row's reach in
 * pixels (under a thousandth of a pixel on any page).
 */
const FLAT_ROW = 1e-3;

/** The pixel size of `area` seen at `scale` pixels per point. */
export function areaPixels(area: Rect, scale: number): PixelWindow {
  return {
    left: 0,
    top: 0,
    width: Math.max(1, Math.round(area.width * scale)),
    height: Math.max(1, Math.round(area.height * scale)),
  };
}

/**
 * A rectangle of the sheet (points) seen upright through the homography at `scale` pixels per point: pixel (u, v)
 * shows the sheet point (area.x + u / scale, area.y + v / scale), so a page turned or photographed in perspective
 * comes out straight. Each pixel is the scan's pixel under its centre (nearest neighbour): at the scan's own
 * resolution the crop holds the scanned pixels themselves, unblurred, and costs little more than a copy (a
 * bilinear resample took three times as long on a free-response box). Outside the image is white paper. With
 * `window`, only that part of the area's pixels is made (a strip along a border, the inside of a box); with
 * `average` > 1, each `average` × `average` block of those pixels becomes one pixel, their mean rounded half up
 * (what is left over at the right and bottom is dropped), without the full-size image being made.
 *
 * @example
 * const upright = resampleArea(image, homography, { x: 36, y: 138, width: 523, height: 620 }, 2.78);
 */
export function resampleArea(
  image: GreyImage,
  homography: Homography,
  area: Rect,
  scale: number,
  window: PixelWindow = areaPixels(area, scale),
  average = 1,
): GreyImage {
  const width = Math.floor(window.width / average);
  const height = Math.floor(window.height / average);
  const pixels = new Uint8Array(width * height);
  const at = { image, homography, area, scale };
  if (average === 1) {
    for (let y = 0; y < height; y += 1) sampleRow(at, window.left, window.top + y, pixels, y * width, width);
    return { width, height, pixels };
  }
  const sums = new Uint32Array(width);
  const row = new Uint8Array(width * average);
  const blockArea = average * average;
  for (let y = 0; y < height; y += 1) {
    sums.fill(0);
    for (let dy = 0; dy < average; dy += 1) {
      const rowIndex = window.top + y * average + dy;
      // A row inside the scan along a straight line is summed as it is walked; any other is sampled, then summed.
      const chord = chordOf(at, window.left, rowIndex, row.length);
      if (chord && withinScan(at.image, chord)) addChordBlocks(at.image, chord, sums, average);
      else {
        sampleRow(at, window.left, rowIndex, row, 0, row.length);
        addBlocks(row, sums, average);
      }
    }
    for (let x = 0, out = y * width; x < width; x += 1, out += 1)
      pixels[out] = ((2 * (sums[x] ?? 0) + blockArea) / (2 * blockArea)) | 0;
  }
  return { width, height, pixels };
}

interface Sampling {
  readonly image: GreyImage;
  readonly homography: Homography;
  readonly area: Rect;
  readonly scale: number;
}

/** A straight walk through the scan: the first point, the step per pixel, the number of pixels. */
interface Chord {
  readonly sx: number;
  readonly sy: number;
  readonly stepX: number;
  readonly stepY: number;
  readonly count: number;
}

/** Where row `rowIndex` of the area, from column `left` on, falls in the scan. */
function projectRow(at: Sampling, left: number, rowIndex: number) {
  const [a = 1, b = 0, c = 0, d = 0, e = 1, f = 0, g = 0, k = 0] = at.homography;
  const step = 1 / at.scale;
  const u = at.area.x + left * step;
  const v = at.area.y + rowIndex * step;
  // Along a row the numerators and the denominator of the projection grow linearly. Pixel (i, j) of the image has its
  // centre at (i, j): the nearest pixel to (sx, sy) is (floor(sx + ½), floor(sy + ½)).
  return { x: a * u + b * v + c, y: d * u + e * v + f, w: g * u + k * v + 1, ax: a * step, dx: d * step, gx: g * step };
}

/**
 * The row's `count` pixels as a straight walk through the scan when perspective hardly bends it (a scan, or a photo
 * taken square on): the chord between the row's exact ends. Undefined for a row that bends.
 */
function chordOf(at: Sampling, left: number, rowIndex: number, count: number): Chord | undefined {
  const { x, y, w, ax, dx, gx } = projectRow(at, left, rowIndex);
  const last = Math.max(1, count - 1);
  if (Math.abs((gx * last) / w) >= FLAT_ROW) return undefined;
  const end = w + gx * last;
  const [sx, sy] = [x / w + 0.5, y / w + 0.5];
  const stepX = ((x + ax * last) / end + 0.5 - sx) / last;
  const stepY = ((y + dx * last) / end + 0.5 - sy) / last;
  return { sx, sy, stepX, stepY, count };
}

/**
 * Writes `count` pixels of row `rowIndex` of the area, from column `left` on, into `target` from `offset`: the scan's
 * pixel under each centre, white outside the scan.
 */
function sampleRow(at: Sampling, left: number, rowIndex: number, target: Uint8Array, offset: number, count: number) {
  const chord = chordOf(at, left, rowIndex, count);
  if (chord) {
    walkChord(at.image, chord, target, offset);
    return;
  }
  const { x, y, w, ax, dx, gx } = projectRow(at, left, rowIndex);
  const { width, height, pixels } = at.image;
  for (let index = 0; index < count; index += 1) {
    const depth = w + gx * index;
    const sx = (x + ax * index) / depth + 0.5;
    const sy = (y + dx * index) / depth + 0.5;
    target[offset + index] =
      sx >= 0 && sy >= 0 && sx < width && sy < height ? (pixels[(sy | 0) * width + (sx | 0)] ?? 255) : 255;
  }
}

/** Whether every point of the walk lies a pixel or more inside the scan (a line is inside where both its ends are). */
function withinScan(image: GreyImage, chord: Chord): boolean {
  const ends = [0, chord.count - 1].map((i) => [chord.sx + chord.stepX * i, chord.sy + chord.stepY * i] as const);
  return ends.every(([x, y]) => x >= 1 && y >= 1 && x < image.width - 1 && y < image.height - 1);
}

/** Adds each block of `average` pixels along a walk that stays inside the scan into its column's sum. */
function addChordBlocks(image: GreyImage, chord: Chord, sums: Uint32Array, average: number): void {
  const { width, pixels } = image;
  const { stepX, stepY } = chord;
  let [px, py] = [chord.sx, chord.sy];
  for (let x = 0; x < sums.length; x += 1) {
    let sum = 0;
    for (let dx = 0; dx < average; dx += 1, px += stepX, py += stepY) sum += pixels[(py | 0) * width + (px | 0)] ?? 255;
    sums[x] = (sums[x] ?? 0) + sum;
  }
}

/**
 * Nearest pixels along a straight line through the image. The stretch that lies inside the image (one pixel in from
 * where the line's own arithmetic says it enters and leaves, for rounding) is copied without a bounds test per pixel;
 * the ends are tested.
 */
function walkChord(image: GreyImage, chord: Chord, target: Uint8Array, offset: number): void {
  const { sx, sy, stepX, stepY, count } = chord;
  const { width, height, pixels } = image;
  const [fromX, toX] = inside(sx, stepX, width, count);
  const [fromY, toY] = inside(sy, stepY, height, count);
  const from = Math.min(count, Math.max(fromX, fromY) + 1);
  const to = Math.max(from, Math.min(toX, toY) - 1);
  const tested = (index: number) => {
    const px = sx + stepX * index;
    const py = sy + stepY * index;
    return px >= 0 && py >= 0 && px < width && py < height ? (pixels[(py | 0) * width + (px | 0)] ?? 255) : 255;
  };
  for (let index = 0; index < from; index += 1) target[offset + index] = tested(index);
  let px = sx + stepX * from;
  let py = sy + stepY * from;
  for (let index = offset + from, end = offset + to; index < end; index += 1, px += stepX, py += stepY)
    target[index] = pixels[(py | 0) * width + (px | 0)] ?? 255;
  for (let index = to; index < count; index += 1) target[offset + index] = tested(index);
}

/** The indices [from, to) of `start + i × step` (i < count) that fall in [0, limit), by the line's arithmetic. */
function inside(start: number, step: number, limit: number, count: number): [number, number] {
  if (step === 0) return start >= 0 && start < limit ? [0, count] : [0, 0];
  const [enter, leave] = step > 0 ? [-start / step, (limit - start) / step] : [(limit - start) / step, -start / step];
  return [Math.max(0, Math.ceil(enter)), Math.min(count, Math.ceil(leave))];
}

/** Adds each block of `average` neighbouring pixels of a row into its column's sum. */
function addBlocks(row: Uint8Array, sums: Uint32Array, average: number): void {
  for (let x = 0, i = 0; x < sums.length; x += 1) {
    let sum = 0;
    for (let dx = 0; dx < average; dx += 1, i += 1) sum += row[i] ?? 255;
    sums[x] = (sums[x] ?? 0) + sum;
  }
}
