import { pixelAt, type GreyImage } from './grey-image.js';
import type { Point } from './homography.js';

/** Directions around a ring at which it is sampled. */
const ANGLES = 24;
const DIRECTIONS = Array.from({ length: ANGLES }, (_, i) => {
  const angle = (2 * Math.PI * i) / ANGLES;
  return { x: Math.cos(angle), y: Math.sin(angle) };
});

/**
 * Outside the ring, where paper is expected: clear of the ring's line and its blur, and inside the letter printed
 * beside a bubble (which starts 1 pt beyond the rim) only on a few directions.
 */
const OUTSIDE = 1.35;

/** A direction shows the ring when the ring there is darker than the paper just outside it by this many grey levels. */
const RING_CONTRAST = 32;

/**
 * A ring is found when it shows on this share of directions: a tick or cross drawn past the rim, or the letter beside
 * it, hides a few; a ring searched for in the wrong place shows on few.
 */
const RING_SHOWS = 0.6;

/**
 * Where a printed bubble's ring is, searched within `search` pixels of where it is expected: the centre at which the
 * circle of radius `r` is darkest against the circle just outside it (a filled bubble is found the same way: its ink
 * ends at the ring). A coarse grid, then every pixel around the best, then a parabola through the scores for the
 * sub-pixel centre. Undefined when no centre shows the ring all round (the bubble is elsewhere, or covered by ink).
 *
 * @example
 * const centre = findRing(image, project(homography, bubble), 16.7, 13); // { x: 402.3, y: 918.6 }
 */
export function findRing(image: GreyImage, expected: Point, r: number, search: number): Point | undefined {
  const step = Math.max(1, Math.round(r / 6));
  let best = { x: Math.round(expected.x), y: Math.round(expected.y), score: -Infinity };
  const reach = Math.ceil(search / step) * step;
  for (let dy = -reach; dy <= reach; dy += step)
    for (let dx = -reach; dx <= reach; dx += step) {
      const x = Math.round(expected.x) + dx;
      const y = Math.round(expected.y) + dy;
      const score = ringScore(image, x, y, r).score;
      if (score > best.score) best = { x, y, score };
    }
  const coarse = best;
  for (let dy = -step + 1; dy < step; dy += 1)
    for (let dx = -step + 1; dx < step; dx += 1) {
      const score = ringScore(image, coarse.x + dx, coarse.y + dy, r).score;
      if (score > best.score) best = { x: coarse.x + dx, y: coarse.y + dy, score };
    }
  if (ringScore(image, best.x, best.y, r).shows < RING_SHOWS * ANGLES) return undefined;
  return {
    x: best.x + peakOffset(ringScore(image, best.x - 1, best.y, r).score, best.score, scoreAt(image, best, 1, 0, r)),
    y: best.y + peakOffset(ringScore(image, best.x, best.y - 1, r).score, best.score, scoreAt(image, best, 0, 1, r)),
  };
}

function scoreAt(image: GreyImage, centre: Point, dx: number, dy: number, r: number): number {
  return ringScore(image, centre.x + dx, centre.y + dy, r).score;
}

/** The vertex of the parabola through three equally spaced scores, as an offset from the middle one (within ±½). */
function peakOffset(before: number, middle: number, after: number): number {
  const curvature = before - 2 * middle + after;
  if (curvature >= 0) return 0;
  return Math.max(-0.5, Math.min(0.5, (before - after) / (2 * curvature)));
}

/** Summed contrast of the ring against the paper outside it, and on how many directions the ring shows. */
function ringScore(image: GreyImage, cx: number, cy: number, r: number): { score: number; shows: number } {
  let score = 0;
  let shows = 0;
  for (const direction of DIRECTIONS) {
    const contrast =
      pixelAt(image, cx + direction.x * r * OUTSIDE, cy + direction.y * r * OUTSIDE) -
      pixelAt(image, cx + direction.x * r, cy + direction.y * r);
    score += contrast;
    if (contrast >= RING_CONTRAST) shows += 1;
  }
  return { score, shows };
}
