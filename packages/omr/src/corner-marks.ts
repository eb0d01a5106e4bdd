import type { Circle } from '@examforge/core';
import { otsuThreshold, type GreyImage } from './grey-image.js';
import { darkBlobs, discShaped } from './dark-blobs.js';
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
  const [w, h] = [x1 - x0 + 1, y1 - y0 + 1];
  const mask = new Uint8Array(w * h);
  for (let y = y0; y <= y1; y += 1)
    for (let x = x0, index = (y - y0) * w; x <= x1; x += 1, index += 1)
      if ((image.pixels[y * image.width + x] ?? 255) < threshold) mask[index] = 1;
  const expectedArea = Math.PI * radius * radius;
  let best: { point: Point; score: number } | undefined;
  for (const blob of darkBlobs(mask, w, h, 0.5 * expectedArea)) {
    const areaRatio = blob.count / expectedArea;
    if (areaRatio > 1.8 || !discShaped(blob, DISC_FILL, DISC_ASPECT)) continue;
    const score = Math.abs(Math.log(areaRatio)) + Math.abs(blob.count / (blob.width * blob.height) - Math.PI / 4);
    if (!best || score < best.score) best = { point: { x: x0 + blob.x, y: y0 + blob.y }, score };
  }
  return best?.point;
}

/** A corner disc fills π/4 of its box and is round, within what a scan's blur and threshold do to it. */
const DISC_FILL = [0.65, 0.9] as const;
const DISC_ASPECT = [0.75, 1.33] as const;

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
