import type { Circle } from '@examforge/core';
import { darkBlobs, discShaped } from './dark-blobs.js';
import { fitSimilarity } from './fit-transforms.js';
import type { GreyImage } from './grey-image.js';
import { project, type Point } from './homography.js';
import { paperLevels } from './paper-levels.js';

/** A solid dark disc found anywhere in the image: its centre and radius (pixels). */
export interface SolidDisc extends Point {
  readonly r: number;
}

/** Corner discs as `findCornerDiscs` gives them (top-left, top-right, bottom-left, bottom-right), and their scale. */
export interface DiscAssignment {
  readonly discs: readonly (Point | undefined)[];
  /** Pixels per point the discs' spacing gives (the page's scale in the image, not the image's over the page's). */
  readonly pixelsPerPoint: number;
}

/** A pixel is dark when under this share of the paper's grey round it: a shadow darkens both alike. */
const DARK_OF_PAPER = 0.55;
/** A solid disc fills about π/4 of its bounding box and is about round, even blurred or seen in perspective. */
const DISC_FILL = [0.62, 0.9] as const;
const DISC_ASPECT = [0.6, 1.67] as const;
/** Cells across the shorter side of the image for the paper's grey. */
const CELLS_ACROSS = 100;
/** The smallest disc looked for (radius, pixels): a corner disc of a page a third of a 100 dpi photo's width. */
const LEAST_RADIUS = 5;
/** A corner disc's radius is 1.5 bubbles': a candidate is at least this much larger than the typical disc found. */
const LARGER_THAN_TYPICAL = 1.15;
/** Corner discs looked at, largest first. */
const MOST_CANDIDATES = 8;
/** How far a disc may lie from where a turn and an even scale through the others put it (share of the page's width). */
const PERSPECTIVE_SLACK = 0.12;
/** A photographed page is turned by at most this much (radians); a page upside down is read turned. */
const MAX_TURN = (40 * Math.PI) / 180;
/** A disc's radius against the page's scale (points 9 × pixels per point), allowing for blur and perspective. */
const RADIUS_RANGE = [0.6, 1.6] as const;

/**
 * The solid dark discs of an image, wherever they lie: connected pixels darker than the paper round them whose blob
 * fills about π/4 of its bounding box and is about as wide as tall (a QR module or text does not). For a photo in
 * which the page is turned, small or cut by the frame, where the corner discs are not near the image's corners.
 */
export function findSolidDiscs(image: GreyImage): SolidDisc[] {
  const { width, height, pixels } = image;
  const paper = paperLevels(image, Math.max(4, Math.floor(Math.min(width, height) / CELLS_ACROSS)));
  const mask = new Uint8Array(width * height);
  for (let index = 0; index < mask.length; index += 1)
    if ((pixels[index] ?? 255) < DARK_OF_PAPER * (paper[index] ?? 255)) mask[index] = 1;
  return darkBlobs(mask, width, height, Math.PI * LEAST_RADIUS * LEAST_RADIUS, false)
    .filter((blob) => discShaped(blob, DISC_FILL, DISC_ASPECT))
    .map((blob) => ({ x: blob.x, y: blob.y, r: Math.sqrt(blob.count / Math.PI) }));
}

/**
 * Which of the discs are which corner disc, most likely first: the largest discs, each two or more of them assigned
 * to corners so that a turn (up to 40°) and an even scale map the sheet's corner discs onto them within a perspective's
 * slack, at the scale their size gives. Assignments of more discs come first, then closer ones.
 */
export function assignCornerDiscs(found: readonly SolidDisc[], corners: readonly Circle[]): DiscAssignment[] {
  const candidates = outermostLarge(found);
  const scored: { assignment: DiscAssignment; placed: number; residual: number }[] = [];
  const pageWidth = Math.max(...corners.map((c) => c.x)) + Math.min(...corners.map((c) => c.x));
  for (const slots of injections(candidates.length, corners.length)) {
    const pairs = slots.flatMap((slot, index) => {
      const corner = corners[slot];
      const disc = candidates[index];
      return slot >= 0 && corner && disc ? [{ sheet: corner, image: disc }] : [];
    });
    if (pairs.length < 2) continue;
    const fit = fitSimilarity(
      pairs.map((pair) => pair.sheet),
      pairs.map((pair) => pair.image),
    );
    if (!fit) continue;
    const [zr = 0, , , zi = 0] = fit;
    const scale = Math.hypot(zr, zi);
    if (Math.abs(Math.atan2(zi, zr)) > MAX_TURN) continue;
    const radius = pairs.reduce((sum, pair) => sum + pair.image.r / pair.sheet.r, 0) / pairs.length;
    const ratio = radius / scale;
    if (ratio < RADIUS_RANGE[0] || ratio > RADIUS_RANGE[1]) continue;
    const residual =
      Math.max(...pairs.map(({ sheet, image }) => distance(project(fit, sheet), image))) / (scale * pageWidth);
    if (residual > PERSPECTIVE_SLACK) continue;
    const discs = corners.map((_, corner) => {
      const index = slots.indexOf(corner);
      const disc = index >= 0 ? candidates[index] : undefined;
      return disc && { x: disc.x, y: disc.y };
    });
    scored.push({ assignment: { discs, pixelsPerPoint: scale }, placed: pairs.length, residual });
  }
  return scored.sort((a, b) => b.placed - a.placed || a.residual - b.residual).map(({ assignment }) => assignment);
}

/**
 * The discs that could be corner discs: larger than most (most are filled bubbles, of two-thirds their radius), and
 * outermost in one of the four diagonal directions of a page turned by up to 40°.
 */
function outermostLarge(found: readonly SolidDisc[]): SolidDisc[] {
  const radii = found.map((disc) => disc.r).sort((a, b) => a - b);
  const typical = radii[Math.floor(radii.length / 2)] ?? 0;
  const large = found.filter((disc) => disc.r >= LARGER_THAN_TYPICAL * typical);
  const picks = new Set<SolidDisc>();
  for (let turn = -MAX_TURN; turn <= MAX_TURN + 1e-9; turn += MAX_TURN / 4)
    for (const [dx, dy] of DIAGONALS) {
      const [ux, uy] = [dx * Math.cos(turn) - dy * Math.sin(turn), dx * Math.sin(turn) + dy * Math.cos(turn)];
      let best: SolidDisc | undefined;
      for (const disc of large) if (!best || disc.x * ux + disc.y * uy > best.x * ux + best.y * uy) best = disc;
      if (best) picks.add(best);
    }
  return [...picks].sort((a, b) => b.r - a.r).slice(0, MOST_CANDIDATES);
}

const DIAGONALS = [
  [-1, -1],
  [1, -1],
  [-1, 1],
  [1, 1],
] as const;

/** Every way to give each of `count` items a distinct slot of `slots`, or none (-1). */
function* injections(count: number, slots: number): Generator<number[]> {
  const chosen: number[] = [];
  function* extend(): Generator<number[]> {
    if (chosen.length === count) {
      yield [...chosen];
      return;
    }
    for (let slot = -1; slot < slots; slot += 1) {
      if (slot >= 0 && chosen.includes(slot)) continue;
      chosen.push(slot);
      yield* extend();
      chosen.pop();
    }
  }
  yield* extend();
}

function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}
