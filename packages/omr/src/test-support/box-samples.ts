import { seededRandom, type Rect } from '@examforge/core';
import { cropAnswerBox, type AnswerBoxCrop } from '../answer-box-crop.js';
import type { GreyImage } from '../grey-image.js';
import { fitHomography, type Homography, type Point } from '../homography.js';
import { cropImage } from '../image-ops.js';
import sharp from 'sharp';
import { jpeg, threshold, warp, type Degradation } from './degrade.js';
import { drawStrokes, writeAnswer, type AnswerKind, type PenStroke } from './handwriting.js';
import { freePages, printedSheetPages } from './answer-sheet-scans.js';

/** A free-response page printed at `dpi`, laid on the scan bed turned by `rotation`°, and where the sheet lands on it. */
interface TurnedPage {
  readonly image: GreyImage;
  readonly toPixel: (point: Point) => Point;
  readonly scale: number;
}

const turned = new Map<string, Promise<TurnedPage>>();
function turnedPage(dpi: number, rotation: number): Promise<TurnedPage> {
  const key = `${dpi}/${rotation}`;
  const made =
    turned.get(key) ??
    (async () => {
      const printed = (await printedSheetPages(dpi))[freePages[0]?.index ?? 0];
      if (!printed) throw new Error('no free-response page');
      const how = { margin: Math.round(0.05 * printed.width), rotation, scale: 1, shiftX: 0, shiftY: 0 };
      const angle = (rotation * Math.PI) / 180;
      const [cx, cy, k] = [printed.width / 2, printed.height / 2, dpi / 72];
      // The forward map of `warp`: about the page centre, then onto the larger bed.
      const toPixel = ({ x, y }: Point) => ({
        x: Math.cos(angle) * (x * k - cx) - Math.sin(angle) * (y * k - cy) + cx + how.margin,
        y: Math.sin(angle) * (x * k - cx) + Math.cos(angle) * (y * k - cy) + cy + how.margin,
      });
      return { image: warp(printed, how), toPixel, scale: k };
    })();
  turned.set(key, made);
  return made;
}

/** What a sample box holds: nothing (paper, noise, dust, a faint smudge) or an answer of some kind. */
export type BoxContent = 'blank' | AnswerKind;

const ROTATIONS = [-3, -1.5, 0.5, 2, 3];

/**
 * One answer box as a scanner would deliver it, cut out by `cropAnswerBox` through a registration off by up to
 * 0.4 pt: the bundled sheet's first free-response box printed at `dpi`, turned up to ±3°, with `content` written in
 * (pen or pencil as light as 35 %), one or two dust specks (0.2–0.5 mm) in most boxes and a faint smudge in some,
 * then blurred, lit unevenly (one side as dark as 60 %), noisy, and stored as JPEG (quality 40–85) or, one box in
 * seven, thresholded to black and white (pen only: light pencil does not survive a threshold).
 */
export async function sampleBox(dpi: number, content: BoxContent, seed: string): Promise<AnswerBoxCrop> {
  const random = seededRandom(`box-${seed}`);
  const between = (low: number, high: number) => low + random() * (high - low);
  const bw = random() < 1 / 7;
  const page = await turnedPage(dpi, ROTATIONS[Math.floor(random() * ROTATIONS.length)] ?? 0);
  const box = freePages[0]?.page.boxes[0];
  if (!box) throw new Error('no box');
  const region = pixelRegion(page, box, 12);
  const shift = { x: between(-0.4, 0.4), y: between(-0.4, 0.4) };
  const toRegion = (point: Point) => {
    const pixel = page.toPixel(point);
    return { x: pixel.x - region.x, y: pixel.y - region.y };
  };
  let image = cropImage(page.image, region);
  const placement = { toPixel: toRegion, scale: page.scale };
  if (content !== 'blank') {
    const darkness = bw ? between(0.7, 0.9) : between(0.35, 0.9);
    const nib = darkness < 0.6 ? 'pencil' : 'pen';
    const ink = { darkness, grain: nib === 'pencil' ? 0.3 : 0.05 };
    image = drawStrokes(image, placement, writeAnswer(box, content, seed, nib), ink, seed);
  }
  image = drawStrokes(image, placement, specks(box, between), { darkness: between(0.5, 0.9), grain: 0 }, seed);
  if (random() < 0.3) {
    const faint = { darkness: between(0.04, 0.1), grain: 0.2 };
    image = drawStrokes(image, placement, [smudge(box, between)], faint, seed);
  }
  const scan = await scanned(
    image,
    {
      blur: (between(0, bw ? 0.6 : 1.5) * dpi) / 200,
      noise: between(2, 6),
      darkestLight: bw ? between(0.92, 1) : between(0.6, 1),
      lightAngle: between(0, 2 * Math.PI),
      ...(bw ? { threshold: Math.round(between(150, 190)) } : { jpegQuality: Math.round(between(40, 85)) }),
    },
    seed,
  );
  const misregistered = (point: Point) => toRegion({ x: point.x + shift.x, y: point.y + shift.y });
  return cropAnswerBox(scan, registration(box, misregistered), box);
}

type Optics = Pick<Degradation, 'blur' | 'noise' | 'darkestLight' | 'lightAngle' | 'jpegQuality' | 'threshold'>;

/**
 * What the scanner does to the box region (as `degrade` does to a page, without moving it): blur, light falling off
 * across it, Gaussian noise, then JPEG or a black-and-white threshold.
 */
async function scanned(image: GreyImage, how: Optics, seed: string): Promise<GreyImage> {
  const { width, height } = image;
  const raw = { raw: { width, height, channels: 1 as const } };
  const blurred =
    how.blur >= 0.3
      ? await sharp(image.pixels, raw).blur(how.blur).toColourspace('b-w').raw().toBuffer()
      : image.pixels;
  const random = seededRandom(`noise-${seed}`);
  const noise = Float32Array.from({ length: 4096 }, () => (random() + random() + random() - 1.5) * 2 * how.noise);
  const [ux, uy] = [Math.cos(how.lightAngle), Math.sin(how.lightAngle)];
  const span = Math.abs(width * ux) + Math.abs(height * uy) || 1;
  const low = Math.min(0, width * ux) + Math.min(0, height * uy);
  // Light falls off linearly across the box, so it changes by a fixed step per pixel along a row. A clamped array
  // rounds and clamps each value as it is stored.
  const fall = (1 - how.darkestLight) / span;
  const pixels = new Uint8ClampedArray(width * height);
  let state = 0x2545f491;
  for (let y = 0, i = 0; y < height; y += 1) {
    let light = 1 - fall * (y * uy - low);
    const step = -fall * ux;
    for (let x = 0; x < width; x += 1, i += 1, light += step) {
      // A cheap xorshift picks from the table: the noise need only be seeded and unstructured.
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      pixels[i] = blurred[i]! * light + noise[(state >>> 0) & 4095]!;
    }
  }
  const lit = { width, height, pixels: new Uint8Array(pixels.buffer) };
  if (how.threshold !== undefined) return threshold(lit, how.threshold);
  return how.jpegQuality === undefined ? lit : jpeg(lit, how.jpegQuality);
}

/** The pixel rectangle holding the box grown by `pad` points. */
function pixelRegion(page: TurnedPage, box: Rect, pad: number): Rect {
  const corners = boxCorners({
    x: box.x - pad,
    y: box.y - pad,
    width: box.width + 2 * pad,
    height: box.height + 2 * pad,
  });
  const pixels = corners.map(page.toPixel);
  const x = Math.floor(Math.min(...pixels.map((p) => p.x)));
  const y = Math.floor(Math.min(...pixels.map((p) => p.y)));
  return {
    x,
    y,
    width: Math.ceil(Math.max(...pixels.map((p) => p.x))) - x,
    height: Math.ceil(Math.max(...pixels.map((p) => p.y))) - y,
  };
}

function registration(box: Rect, toPixel: (point: Point) => Point): Homography {
  const corners = boxCorners(box);
  return fitHomography(corners, corners.map(toPixel));
}

const boxCorners = (box: Rect): Point[] => [
  { x: box.x, y: box.y },
  { x: box.x + box.width, y: box.y },
  { x: box.x, y: box.y + box.height },
  { x: box.x + box.width, y: box.y + box.height },
];

/** No speck in one box in five, else one or two, 0.2–0.5 mm across. */
function specks(box: Rect, between: (low: number, high: number) => number): PenStroke[] {
  const count = Math.floor(between(0, 2.5));
  return Array.from({ length: count }, () => {
    const at = { x: between(box.x + 5, box.x + box.width - 5), y: between(box.y + 5, box.y + box.height - 5) };
    return { points: [at, at], width: between(0.57, 1.4) };
  });
}

/** A faint smudge: a broad, short smear. */
function smudge(box: Rect, between: (low: number, high: number) => number): PenStroke {
  const at = { x: between(box.x + 40, box.x + box.width - 80), y: between(box.y + 40, box.y + box.height - 40) };
  return { points: [at, { x: at.x + between(5, 30), y: at.y + between(-10, 10) }], width: between(8, 20) };
}
