import type { AnswerBoxCrop } from './answer-box-crop.js';
import type { GreyImage } from './grey-image.js';
import { paperLevels } from './paper-levels.js';

/** Whether a box holds writing, how much of it is ink, and how sure that is. */
export interface BoxInk {
  /** `blank`: paper only (noise, JPEG, a faint smudge, a speck of dust); `written`: anything a person would read. */
  readonly ink: 'blank' | 'written';
  /** The share of the box covered by the ink of the strokes found (0 for a blank box). */
  readonly inkShare: number;
  /**
   * 0.5–1: how far the largest stroke found is from the size that separates a speck from writing (5 pt). A box
   * marked blank with less than 1 holds a speck a person might look at; a written box at 0.5 holds a single short
   * mark.
   */
  readonly confidence: number;
  /** The largest stroke found, its extent in points (the diagonal of its bounding box). */
  readonly largestStroke: number;
}

/**
 * Ink is judged on pixels of about 0.75 pt (the scan's pixels averaged in blocks from 200 dpi up): fine enough for a
 * hairline, and a free-response page costs little more than its crop.
 */
const ANALYSIS_SCALE = 1.33;
/**
 * A pixel this much darker than the paper around it (share of the paper's brightness, averaged over 0.7–1.5 pt) may
 * be part of a stroke...
 */
const LOW = 0.12;
/** ...and a stroke must reach this darkness somewhere (a faint smudge does not). */
const HIGH = 0.2;
/** Both are raised on a noisy scan to this many standard deviations of the paper's grain. */
const LOW_SIGMAS = 5;
const HIGH_SIGMAS = 7;
/** Ink pixels this close (points) belong to one stroke: a pencil line broken by the paper's grain stays one. */
const JOIN = 0.8;
/** The smallest stroke a person writes (a dash, a "1"), points: about 1.8 mm. Dust and toner specks are smaller. */
const WRITING = 5;
/** A band along the crop's edges (points) where the printed border's last blur may lie; no stroke starts there. */
const EDGE = 1.5;

/**
 * Judges whether an answer box was written in. Not by mean darkness (a few words cover under 1 % of a box, a
 * darker scan or a smudge shifts the mean more): the paper is measured per region (uneven light), pixels
 * clearly darker than it are grouped into strokes (ink within 0.8 pt joins), and the box is `written` when any stroke
 * reaching clear ink darkness spans at least 5 pt. Scanner noise, JPEG blocks, a faint smudge and a speck of dust
 * make no such stroke; a handwritten word, a formula, a single dash or a crossed-out line does. When in doubt the
 * box is written (a grader sees it; a written answer marked blank would be lost).
 *
 * @example
 * const { ink } = judgeBoxInk(cropAnswerBox(upright, homography, box));
 */
export function judgeBoxInk(crop: AnswerBoxCrop): BoxInk {
  const factor = inkAnalysisFactor(crop.scale);
  // Averaging a few scan pixels takes out noise and JPEG blocks; a scan too coarse to average in blocks is smoothed.
  return judgeAveragedBox(factor === 1 ? smooth(crop.image) : shrink(crop.image, factor), crop.scale / factor);
}

/** How many of the crop's pixels, each way, make one pixel that ink is judged on. */
export function inkAnalysisFactor(scale: number): number {
  return Math.max(1, Math.floor(scale / ANALYSIS_SCALE));
}

/**
 * `judgeBoxInk` on a box already brought to the pixels ink is judged on: its crop averaged in blocks of
 * `inkAnalysisFactor` pixels (or smoothed), at `scale` pixels per point.
 *
 * @example
 * const factor = inkAnalysisFactor(place.scale);
 * const ink = judgeAveragedBox(cutPlacedBox(upright, homography, place, factor), place.scale / factor);
 */
export function judgeAveragedBox(image: GreyImage, scale: number): BoxInk {
  // Paper is at most white: a box with no pixel HIGH darker than white has no pixel a stroke could start from, and
  // needs no paper levels (most blank boxes: the same verdict, for a fraction of the work).
  if (darkest(image) > 255 * (1 - HIGH)) return { ink: 'blank', inkShare: 0, confidence: 1, largestStroke: 0 };
  const darkness = darknessAgainstPaper(image, scale);
  const grain = paperGrain(darkness);
  const low = Math.max(LOW, LOW_SIGMAS * grain);
  const high = Math.max(HIGH, HIGH_SIGMAS * grain);
  const edge = Math.round(EDGE * scale);
  const strokes = findStrokes(darkness, image.width, image.height, { low, high, edge, join: Math.round(JOIN * scale) });
  const extents = strokes.map((stroke) => stroke.extent / scale);
  const largest = Math.max(0, ...extents);
  const inked = strokes.reduce((sum, stroke, i) => sum + ((extents[i] ?? 0) >= WRITING ? stroke.pixels : 0), 0);
  const written = largest >= WRITING;
  const margin = written ? (largest - WRITING) / WRITING : (WRITING - largest) / WRITING;
  return {
    ink: written ? 'written' : 'blank',
    inkShare: written ? inked / Math.max(1, image.width * image.height) : 0,
    confidence: 0.5 + 0.5 * Math.min(1, margin),
    largestStroke: largest,
  };
}

/**
 * Whether an answer box was written in.
 *
 * @example
 * if (boxHasInk(cropAnswerBox(upright, homography, box))) sendToGrading();
 */
export function boxHasInk(crop: AnswerBoxCrop): boolean {
  return judgeBoxInk(crop).ink === 'written';
}

function darkest(image: GreyImage): number {
  let least = 255;
  for (const grey of image.pixels) if (grey < least) least = grey;
  return least;
}

/** The image averaged over `factor` × `factor` blocks (rounded half up): each source row is read once, in order. */
function shrink(image: GreyImage, factor: number): GreyImage {
  const width = Math.floor(image.width / factor);
  const height = Math.floor(image.height / factor);
  const { pixels: source, width: sourceWidth } = image;
  const pixels = new Uint8Array(width * height);
  const sums = new Uint32Array(width);
  const area = factor * factor;
  for (let y = 0; y < height; y += 1) {
    sums.fill(0);
    for (let dy = 0; dy < factor; dy += 1) {
      let i = (y * factor + dy) * sourceWidth;
      for (let x = 0; x < width; x += 1) {
        let sum = 0;
        for (let dx = 0; dx < factor; dx += 1, i += 1) sum += source[i] ?? 255;
        sums[x] = (sums[x] ?? 0) + sum;
      }
    }
    for (let x = 0, out = y * width; x < width; x += 1, out += 1)
      pixels[out] = ((2 * (sums[x] ?? 0) + area) / (2 * area)) | 0;
  }
  return { width, height, pixels };
}

/**
 * Each pixel averaged with its eight neighbours (1.5 pt at 150 dpi): scanner noise and JPEG blocks
 * average out, a stroke a pixel or two wide keeps most of its darkness. Running sums along rows, then columns.
 */
function smooth(image: GreyImage): GreyImage {
  const { width, height } = image;
  const rows = new Uint16Array(width * height);
  for (let y = 0; y < height; y += 1) {
    const row = y * width;
    for (let x = 0; x < width; x += 1) {
      const here = image.pixels[row + x] ?? 255;
      const before = x > 0 ? (image.pixels[row + x - 1] ?? 255) : here;
      const after = x < width - 1 ? (image.pixels[row + x + 1] ?? 255) : here;
      rows[row + x] = before + here + after;
    }
  }
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y += 1) {
    const above = y > 0 ? -width : 0;
    const below = y < height - 1 ? width : 0;
    for (let x = 0, i = y * width; x < width; x += 1, i += 1)
      pixels[i] = Math.round(((rows[i + above] ?? 0) + (rows[i] ?? 0) + (rows[i + below] ?? 0)) / 9);
  }
  return { width, height, pixels };
}

/** Each pixel's darkness as a share of the paper's brightness around it (0 paper, 1 black); never negative. */
function darknessAgainstPaper(image: GreyImage, scale: number): Float32Array {
  // The paper's levels are turned into darkness where they lie: a box's worth of floats is not allocated twice.
  const darkness = paperLevels(image, Math.round(16 * scale));
  const { pixels } = image;
  for (let i = 0; i < darkness.length; i += 1) {
    const level = darkness[i] ?? 255;
    const dark = 1 - (pixels[i] ?? 255) / (level > 1 ? level : 1);
    darkness[i] = dark > 0 ? dark : 0;
  }
  return darkness;
}

/**
 * The paper's grain: the spread of darkness over the paper, from the median absolute deviation (robust to the ink).
 * Darkness is clipped at 0, so the deviation is taken on the dark side only, where noise and ink both lie.
 */
function paperGrain(darkness: Float32Array): number {
  const histogram = new Uint32Array(1001);
  const step = Math.max(1, Math.floor(darkness.length / 200_000));
  let count = 0;
  for (let i = 0; i < darkness.length; i += step) {
    const bin = Math.min(1000, Math.round((darkness[i] ?? 0) * 1000));
    histogram[bin] = (histogram[bin] ?? 0) + 1;
    count += 1;
  }
  // Paper below its local level is half the grain's spread: its median darkness is about 0.67 sigma.
  let seen = histogram[0] ?? 0;
  for (let bin = 1; bin <= 1000; bin += 1) {
    seen += histogram[bin] ?? 0;
    if (seen >= count * 0.75) return bin / 1000 / 0.67;
  }
  return 1;
}

interface Stroke {
  /** Diagonal of the bounding box, pixels. */
  readonly extent: number;
  readonly pixels: number;
}

interface StrokeThresholds {
  readonly low: number;
  readonly high: number;
  /** Pixels along each edge where no stroke is counted. */
  readonly edge: number;
  /** Pixels of paper a stroke may jump. */
  readonly join: number;
}

/** Groups pixels darker than `low` into strokes (pixels within `join` joined), keeping those reaching `high`. */
function findStrokes(darkness: Float32Array, width: number, height: number, limits: StrokeThresholds): Stroke[] {
  const { low, high, edge, join } = limits;
  const seen = new Uint8Array(width * height);
  const strokes: Stroke[] = [];
  const queue: number[] = [];
  for (let y = edge; y < height - edge; y += 1)
    for (let x = edge; x < width - edge; x += 1) {
      const start = y * width + x;
      if (seen[start] || (darkness[start] ?? 0) < high) continue;
      seen[start] = 1;
      queue.length = 0;
      queue.push(start);
      const bounds = { left: x, right: x, top: y, bottom: y };
      for (let next = 0; next < queue.length; next += 1) {
        const index = queue[next] ?? 0;
        const [px, py] = [index % width, Math.floor(index / width)];
        bounds.left = Math.min(bounds.left, px);
        bounds.right = Math.max(bounds.right, px);
        bounds.top = Math.min(bounds.top, py);
        bounds.bottom = Math.max(bounds.bottom, py);
        for (let ny = Math.max(edge, py - join); ny <= Math.min(height - edge - 1, py + join); ny += 1)
          for (let nx = Math.max(edge, px - join); nx <= Math.min(width - edge - 1, px + join); nx += 1) {
            const neighbour = ny * width + nx;
            if (seen[neighbour] || (darkness[neighbour] ?? 0) < low) continue;
            seen[neighbour] = 1;
            queue.push(neighbour);
          }
      }
      const extent = Math.hypot(bounds.right - bounds.left + 1, bounds.bottom - bounds.top + 1);
      strokes.push({ extent, pixels: queue.length });
    }
  return strokes;
}
