import type { Circle } from '@examforge/core';
import { otsuThreshold, type GreyImage } from './grey-image.js';
import type { Point } from './homography.js';

/**
 * Finds the four solid corner discs, or undefined unless all four are found (what the survey tests register with).
 *
 * @example
 * const corners = findCornerMarks(image, page.cornerMarks, layout.width, otsuThreshold(image));
 */
export function findCornerMarks(
  image: GreyImage,
  expected: readonly Circle[],
  pageWidth: number,
  threshold: number,
): Point[] | undefined {
  const found = findCornerDiscs(image, expected, pageWidth, threshold);
  const all = found.filter((point) => point !== undefined);
  return all.length === found.length ? all : undefined;
}

/**
 * Finds each solid corner disc, undefined where none is (cut off by the scan's frame, torn, smudged, covered). Around each expected position (scaled from the layout) it takes the dark pixels
 * of a search window and keeps the one connected blob shaped like a filled disc: about the expected area and filling
 * about π/4 of its bounding box (a QR finder pattern or text does not). The window allows for a page turned by up to
 * about 6° and shifted by a few per cent; where the page's threshold loses a disc (uneven lighting), the window's own
 * threshold is tried.
 *
 * @example
 * const [topLeft, topRight, bottomLeft, bottomRight] = findCornerDiscs(image, page.cornerMarks, 595.28, threshold);
 */
export function findCornerDiscs(
  image: GreyImage,
  expected: readonly Circle[],
  pageWidth: number,
  threshold: number,
): (Point | undefined)[] {
  const scale = image.width / pageWidth;
  // The discs sit at equal insets from the page's edges, so the page's height is the sum of their extreme ys.
  const pageHeight = Math.min(...expected.map((m) => m.y)) + Math.max(...expected.map((m) => m.y));
  return expected.map((mark) => {
    const radius = mark.r * scale;
    const window = Math.round(radius * 6 + image.width * 0.1);
    // Measured from the nearest corner of the image, which may be a little larger than the page.
    const centre = {
      x: mark.x < pageWidth / 2 ? mark.x * scale : image.width - (pageWidth - mark.x) * scale,
      y: mark.y < pageHeight / 2 ? mark.y * scale : image.height - (pageHeight - mark.y) * scale,
    };
    return (
      bestDisc(image, centre, window, radius, threshold) ??
      bestDisc(image, centre, window, radius, windowThreshold(image, centre, window))
    );
  });
}

function bestDisc(
  image: GreyImage,
  centre: Point,
  window: number,
  radius: number,
  threshold: number,
): Point | undefined {
  const x0 = Math.max(0, Math.round(centre.x - window));
  const y0 = Math.max(0, Math.round(centre.y - window));
  const x1 = Math.min(image.width - 1, Math.round(centre.x + window));
  const y1 = Math.min(image.height - 1, Math.round(centre.y + window));
  const w = x1 - x0 + 1;
  const seen = new Uint8Array(w * (y1 - y0 + 1));
  const expectedArea = Math.PI * radius * radius;
  let best: { point: Point; score: number } | undefined;
  for (let y = y0; y <= y1; y += 1) {
    for (let x = x0; x <= x1; x += 1) {
      const index = (y - y0) * w + (x - x0);
      if (seen[index] || (image.pixels[y * image.width + x] ?? 255) >= threshold) continue;
      const blob = flood(image, x, y, { x0, y0, x1, y1, w }, seen, threshold);
      const box = (blob.maxX - blob.minX + 1) * (blob.maxY - blob.minY + 1);
      const areaRatio = blob.count / expectedArea;
      const fill = blob.count / box;
      const aspect = (blob.maxX - blob.minX + 1) / (blob.maxY - blob.minY + 1);
      if (areaRatio < 0.5 || areaRatio > 1.8 || fill < 0.65 || fill > 0.9 || aspect < 0.75 || aspect > 1.33) continue;
      const score = Math.abs(Math.log(areaRatio)) + Math.abs(fill - Math.PI / 4);
      if (!best || score < best.score)
        best = { point: { x: blob.sumX / blob.count, y: blob.sumY / blob.count }, score };
    }
  }
  return best?.point;
}

/** Otsu's threshold of the search window alone. */
function windowThreshold(image: GreyImage, centre: Point, window: number): number {
  const x0 = Math.max(0, Math.round(centre.x - window));
  const y0 = Math.max(0, Math.round(centre.y - window));
  const x1 = Math.min(image.width - 1, Math.round(centre.x + window));
  const y1 = Math.min(image.height - 1, Math.round(centre.y + window));
  const pixels = new Uint8Array((x1 - x0 + 1) * (y1 - y0 + 1));
  for (let y = y0; y <= y1; y += 1)
    pixels.set(image.pixels.subarray(y * image.width + x0, y * image.width + x1 + 1), (y - y0) * (x1 - x0 + 1));
  return otsuThreshold({ width: x1 - x0 + 1, height: y1 - y0 + 1, pixels });
}

interface Window {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  readonly w: number;
}

function flood(image: GreyImage, startX: number, startY: number, win: Window, seen: Uint8Array, threshold: number) {
  const stack = [startX, startY];
  const blob = { count: 0, sumX: 0, sumY: 0, minX: startX, maxX: startX, minY: startY, maxY: startY };
  seen[(startY - win.y0) * win.w + (startX - win.x0)] = 1;
  while (stack.length > 0) {
    const y = stack.pop() ?? 0;
    const x = stack.pop() ?? 0;
    blob.count += 1;
    blob.sumX += x;
    blob.sumY += y;
    blob.minX = Math.min(blob.minX, x);
    blob.maxX = Math.max(blob.maxX, x);
    blob.minY = Math.min(blob.minY, y);
    blob.maxY = Math.max(blob.maxY, y);
    for (const [dx, dy] of [
      [1, 0],
      [-1, 0],
      [0, 1],
      [0, -1],
    ] as const) {
      const nx = x + dx;
      const ny = y + dy;
      if (nx < win.x0 || ny < win.y0 || nx > win.x1 || ny > win.y1) continue;
      const index = (ny - win.y0) * win.w + (nx - win.x0);
      if (seen[index] || (image.pixels[ny * image.width + nx] ?? 255) >= threshold) continue;
      seen[index] = 1;
      stack.push(nx, ny);
    }
  }
  return blob;
}
