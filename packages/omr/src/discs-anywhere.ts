import type { Circle } from '@examforge/core';
import type { GreyImage } from './grey-image.js';
import type { Point } from './homography.js';

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
  const paper = paperGrey(image);
  const dark = new Uint8Array(width * height);
  for (let y = 0; y < height; y += 1)
    for (let x = 0; x < width; x += 1) {
      const index = y * width + x;
      if ((pixels[index] ?? 255) < DARK_OF_PAPER * paper(x, y)) dark[index] = 1;
    }
  const discs: SolidDisc[] = [];
  const stack: number[] = [];
  for (let start = 0; start < dark.length; start += 1) {
    if (dark[start] !== 1) continue;
    dark[start] = 2;
    stack.push(start);
    let [count, sumX, sumY, x0, y0, x1, y1] = [0, 0, 0, width, height, 0, 0];
    while (stack.length > 0) {
      const index = stack.pop() ?? 0;
      const x = index % width;
      const y = (index - x) / width;
      count += 1;
      sumX += x;
      sumY += y;
      [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
      const next = [x > 0 ? index - 1 : -1, x < width - 1 ? index + 1 : -1, index - width, index + width];
      for (const neighbour of next) {
        if (neighbour < 0 || neighbour >= dark.length || dark[neighbour] !== 1) continue;
        dark[neighbour] = 2;
        stack.push(neighbour);
      }
    }
    const [boxWidth, boxHeight] = [x1 - x0 + 1, y1 - y0 + 1];
    const fill = count / (boxWidth * boxHeight);
    const aspect = boxWidth / boxHeight;
    const r = Math.sqrt(count / Math.PI);
    const onEdge = x0 === 0 || y0 === 0 || x1 === width - 1 || y1 === height - 1;
    if (r < LEAST_RADIUS || onEdge || fill < 0.62 || fill > 0.9 || aspect < 0.6 || aspect > 1.67) continue;
    discs.push({ x: sumX / count, y: sumY / count, r });
  }
  return discs;
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
    const fit = fitSimilarity(pairs);
    if (!fit || Math.abs(fit.turn) > MAX_TURN) continue;
    const radius = pairs.reduce((sum, pair) => sum + pair.image.r / pair.sheet.r, 0) / pairs.length;
    const ratio = radius / fit.scale;
    if (ratio < RADIUS_RANGE[0] || ratio > RADIUS_RANGE[1]) continue;
    const residual = Math.max(...pairs.map((pair) => fit.distance(pair.sheet, pair.image))) / (fit.scale * pageWidth);
    if (residual > PERSPECTIVE_SLACK) continue;
    const discs = corners.map((_, corner) => {
      const index = slots.indexOf(corner);
      const disc = index >= 0 ? candidates[index] : undefined;
      return disc && { x: disc.x, y: disc.y };
    });
    scored.push({ assignment: { discs, pixelsPerPoint: fit.scale }, placed: pairs.length, residual });
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

/** The least-squares turn, even scale and shift from sheet points to image points. */
function fitSimilarity(pairs: readonly { sheet: Point; image: Point }[]) {
  const n = pairs.length;
  const mean = (pick: (pair: { sheet: Point; image: Point }) => number) =>
    pairs.reduce((sum, pair) => sum + pick(pair), 0) / n;
  const [sx, sy, ix, iy] = [
    mean((p) => p.sheet.x),
    mean((p) => p.sheet.y),
    mean((p) => p.image.x),
    mean((p) => p.image.y),
  ];
  let [dot, cross, norm] = [0, 0, 0];
  for (const { sheet, image } of pairs) {
    const [ax, ay, bx, by] = [sheet.x - sx, sheet.y - sy, image.x - ix, image.y - iy];
    dot += ax * bx + ay * by;
    cross += ax * by - ay * bx;
    norm += ax * ax + ay * ay;
  }
  if (norm === 0) return undefined;
  const [zr, zi] = [dot / norm, cross / norm];
  const scale = Math.hypot(zr, zi);
  const map = (p: Point) => ({ x: ix + zr * (p.x - sx) - zi * (p.y - sy), y: iy + zi * (p.x - sx) + zr * (p.y - sy) });
  return {
    scale,
    turn: Math.atan2(zi, zr),
    distance: (sheet: Point, image: Point) => {
      const mapped = map(sheet);
      return Math.hypot(mapped.x - image.x, mapped.y - image.y);
    },
  };
}

/** The paper's grey round each pixel: the brightest of the 3 × 3 cells' mean greys round its cell. */
function paperGrey(image: GreyImage): (x: number, y: number) => number {
  const cell = Math.max(4, Math.floor(Math.min(image.width, image.height) / CELLS_ACROSS));
  const [columns, rows] = [Math.ceil(image.width / cell), Math.ceil(image.height / cell)];
  const sums = new Float64Array(columns * rows);
  const counts = new Uint32Array(columns * rows);
  for (let y = 0; y < image.height; y += 1)
    for (let x = 0; x < image.width; x += 1) {
      const at = Math.floor(y / cell) * columns + Math.floor(x / cell);
      sums[at] = (sums[at] ?? 0) + (image.pixels[y * image.width + x] ?? 0);
      counts[at] = (counts[at] ?? 0) + 1;
    }
  const means = Float64Array.from(sums, (sum, at) => sum / Math.max(1, counts[at] ?? 1));
  const brightest = new Float64Array(columns * rows);
  for (let row = 0; row < rows; row += 1)
    for (let column = 0; column < columns; column += 1) {
      let most = 0;
      for (let dy = -1; dy <= 1; dy += 1)
        for (let dx = -1; dx <= 1; dx += 1) {
          const [c, r] = [column + dx, row + dy];
          if (c >= 0 && r >= 0 && c < columns && r < rows) most = Math.max(most, means[r * columns + c] ?? 0);
        }
      brightest[row * columns + column] = most;
    }
  return (x, y) => brightest[Math.floor(y / cell) * columns + Math.floor(x / cell)] ?? 255;
}
