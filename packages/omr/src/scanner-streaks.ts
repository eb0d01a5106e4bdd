import type { GreyImage } from './grey-image.js';

/**
 * Dust or a scratch on a sheet-feeder's glass (or a copier's drum) draws a thin line along the paper's travel, the
 * whole length of the page, through everything printed or written: straight down the image, since the sensor does
 * not move. Through an empty bubble it looks like a stroke. A person sees a line running off the page and ignores it.
 */

/** How far (pixels) either side of a column the paper it is compared with lies: past a streak up to 4 px wide. */
const BESIDE = 3;
/** How much darker (grey levels) than the paper either side a column must be, where it is a streak. */
const STEP = 8;
/** Every how many rows a column is looked at. */
const ROW_STEP = 8;
/**
 * The share of the rows looked at (the middle 90 % of the image) in which a streak's column is darker than both
 * sides: ink and print over it hide it in some rows (a black fill on a one-bit capture, the rims of a column of
 * bubbles). A column of printed bubbles' rims is darker in under a third of the rows.
 */
const RUNS_MOST = 0.55;
/**
 * A streak runs off the page at both ends: it shows in this share of the rows of the image's top and bottom eighths
 * (the page's head and foot). The sides of a page's printed answer boxes run most of its height, but not through the
 * heading above the first box; a faint streak a one-bit capture lost for a stretch is still a streak.
 */
const AT_BOTH_ENDS = 0.25;
const BANDS = 8;
/** Wider runs of such columns are not a streak (a dark band, a page edge's shadow): left alone. */
const WIDEST = 4;

/** Columns (left to right, inclusive) of one streak. */
export interface Streak {
  readonly from: number;
  readonly to: number;
}

/** The streaks running down the image. */
export function findScannerStreaks(image: GreyImage): Streak[] {
  const { width, height, pixels } = image;
  // Rows in which column x or x + 1 is darker than the paper either side: a line straddling two sensor cells is
  // darker in one, then the other (on a one-bit capture, black in one or the other).
  const darker = new Uint16Array(width * BANDS);
  const inRow = new Uint8Array(width + 1);
  const top = Math.floor(height * 0.05);
  const bottom = Math.ceil(height * 0.95);
  const rows = new Uint16Array(BANDS);
  for (let y = top; y < bottom; y += ROW_STEP) {
    const band = Math.floor(((y - top) * BANDS) / (bottom - top));
    rows[band] = (rows[band] ?? 0) + 1;
    const line = pixels.subarray(y * width, (y + 1) * width);
    const counts = darker.subarray(band * width, (band + 1) * width);
    // Every index is inside the row: the page's hottest loop goes without fallbacks.
    for (let x = BESIDE; x < width - BESIDE; x += 1) {
      const here = line[x] as number;
      inRow[x] = (line[x - BESIDE] as number) - here >= STEP && (line[x + BESIDE] as number) - here >= STEP ? 1 : 0;
    }
    for (let x = BESIDE; x < width - BESIDE; x += 1)
      if ((inRow[x] as number) | (inRow[x + 1] as number)) counts[x] = (counts[x] as number) + 1;
  }
  const all = rows.reduce((sum, count) => sum + count, 0);
  const runsDown = (x: number) => {
    let total = 0;
    for (let band = 0; band < BANDS; band += 1) total += darker[band * width + x] ?? 0;
    const atEnd = (band: number) => (darker[band * width + x] ?? 0) >= AT_BOTH_ENDS * (rows[band] ?? 0);
    return total >= RUNS_MOST * all && atEnd(0) && atEnd(BANDS - 1);
  };
  const streaks: Streak[] = [];
  for (let x = 0; x < width; x += 1) {
    if (!runsDown(x)) continue;
    let to = x;
    while (to + 1 < width && runsDown(to + 1)) to += 1;
    if (to - x + 1 <= WIDEST) streaks.push({ from: x, to });
    x = to;
  }
  return streaks;
}

/**
 * The image with its scanner streaks painted out (each row across a streak drawn from the pixels either side of it),
 * or the image itself when there are none. A mark or print crossing the streak is as dark either side, so it stays.
 */
export function withoutScannerStreaks(image: GreyImage): GreyImage {
  const streaks = findScannerStreaks(image);
  if (streaks.length === 0) return image;
  const { width, height } = image;
  const pixels = image.pixels.slice();
  for (const { from, to } of streaks) {
    // The columns either side take some of the streak (the optics' blur): painted too, each half from the pixel past
    // its side (copied, not blended: a one-bit capture stays one bit).
    const [left, right] = [Math.max(0, from - 2), Math.min(width - 1, to + 2)];
    const middle = (left + right) / 2;
    for (let y = 0; y < height; y += 1) {
      const row = y * width;
      for (let x = left + 1; x < right; x += 1) pixels[row + x] = pixels[row + (x < middle ? left : right)] ?? 255;
    }
  }
  return { width, height, pixels };
}
