import { latticeIndex, STEPS_PER_RADIUS } from './bubble-lattice.js';
import { DISC, DISC_RADIUS } from './lattice-points.js';

/** Directions of candidate lines, every 7.5°. */
const ANGLES = 24;
/** Offsets of candidate lines from the centre, in tenths of the radius, either way. */
const OFFSETS = 8;
const BINS = 2 * OFFSETS + 1;
const UX = Float64Array.from({ length: ANGLES }, (_, a) => Math.cos((Math.PI * a) / ANGLES));
const UY = Float64Array.from({ length: ANGLES }, (_, a) => Math.sin((Math.PI * a) / ANGLES));
/** For each disc point and direction, the offset bin of the line through the point. */
const BIN_OF = Int8Array.from({ length: DISC.length * ANGLES }, (_, k) => {
  const point = DISC[Math.floor(k / ANGLES)] ?? { u: 0, v: 0 };
  const a = k % ANGLES;
  const offset = -point.u * (UY[a] ?? 0) + point.v * (UX[a] ?? 1);
  return Math.round(offset * STEPS_PER_RADIUS) + OFFSETS;
});

interface Line {
  /** The Hough direction (index into the angle table); `cos` and `sin` give the direction as refined. */
  readonly angle: number;
  readonly cos: number;
  readonly sin: number;
  /** Signed distance of the line from the centre, in radii. */
  readonly offset: number;
}

/** The two strongest straight strokes of a mark and how they meet. */
export interface Strokes {
  /**
   * The lengths (radii) of ink running out from where the two strokes meet, along each of them in both directions,
   * shortest first. Two strokes crossing (a cross) run out four ways; two strokes meeting at a vertex (a tick, V or
   * √) run out two ways, so the two shortest are near nothing. All 0 when fewer than two strokes are found.
   */
  readonly arms: readonly [number, number, number, number];
  /**
   * How far (radii) the longer-running of the two strokes runs as a stroke: samples every 0.05 r along it, inside
   * the disc, that are inked while the paper to either side (0.35, 0.45 or 0.55 r away, within 0.9 r) is bare. A
   * tick's or a cross's strokes have paper on both sides; the straight edge of a partial fill has ink on one side.
   */
  readonly thin: number;
}

/**
 * Finds the two strongest straight strokes (a Hough search) and measures them.
 *
 * @param ink whether each lattice point (indexed as the lattice) is inked by the mark, within the disc
 * @param wide the same out to 0.9 r (where the ring's share is taken out), for the paper beside a stroke
 */
export function measureStrokes(ink: Uint8Array, wide: Uint8Array): Strokes {
  const none = { arms: [0, 0, 0, 0] as const, thin: 0 };
  const first = strongestLine(ink, undefined);
  if (!first) return none;
  const second = strongestLine(ink, first);
  const thin = Math.max(thinAlong(ink, wide, first), second ? thinAlong(ink, wide, second) : 0);
  const meet = second && intersection(first, second);
  if (!second || !meet) return { ...none, thin };
  const arms = [
    armLength(ink, meet, first, second, 1),
    armLength(ink, meet, first, second, -1),
    armLength(ink, meet, second, first, 1),
    armLength(ink, meet, second, first, -1),
  ].sort((a, b) => a - b);
  return { arms: [arms[0] ?? 0, arms[1] ?? 0, arms[2] ?? 0, arms[3] ?? 0], thin };
}

const DISC_U = Float64Array.from(DISC, (point) => point.u);
const DISC_V = Float64Array.from(DISC, (point) => point.v);
const DISC_INDEX = Int32Array.from(DISC, (point) => point.index);
const votes = new Float64Array(ANGLES * BINS);

/**
 * The line with the most ink within a band 0.3 r wide (three offset bins); the second line ignores ink within 0.2 r
 * of the first and must differ from it by at least 30°.
 */
function strongestLine(ink: Uint8Array, other: Line | undefined): Line | undefined {
  votes.fill(0);
  for (let p = 0; p < DISC_INDEX.length; p += 1) {
    if (!ink[DISC_INDEX[p] ?? 0]) continue;
    if (other && Math.abs(across(DISC_U[p] ?? 0, DISC_V[p] ?? 0, other)) <= 0.2) continue;
    const first = p * ANGLES;
    for (let a = 0; a < ANGLES; a += 1) {
      const bin = BIN_OF[first + a] ?? -1;
      if (bin >= 0 && bin < BINS) votes[a * BINS + bin] = (votes[a * BINS + bin] ?? 0) + 1;
    }
  }
  let best: Line | undefined;
  let bestScore = -1;
  for (let a = 0; a < ANGLES; a += 1) {
    if (other && angleBetween(a, other.angle) < ANGLES / 6) continue;
    for (let bin = 1; bin < BINS - 1; bin += 1) {
      const at = a * BINS + bin;
      const score = (votes[at - 1] ?? 0) + 2 * (votes[at] ?? 0) + (votes[at + 1] ?? 0);
      if (score > bestScore) {
        const [cos, sin] = [UX[a] ?? 1, UY[a] ?? 0];
        [best, bestScore] = [{ angle: a, cos, sin, offset: (bin - OFFSETS) / STEPS_PER_RADIUS }, score];
      }
    }
  }
  return best && bestScore >= 6 ? refine(ink, best, other) : undefined;
}

/**
 * The line through the ink within 0.15 r of a Hough line (ignoring ink near the other stroke), fitted by least
 * squares across it: the Hough search's 7.5° steps and 0.1 r offsets are too coarse to tell where two strokes meet.
 * Keeps the Hough line when too little ink is near it or the fit turns more than 15°.
 */
function refine(ink: Uint8Array, line: Line, other: Line | undefined): Line {
  let [n, su, sv, suu, svv, suv] = [0, 0, 0, 0, 0, 0];
  for (let p = 0; p < DISC_INDEX.length; p += 1) {
    if (!ink[DISC_INDEX[p] ?? 0]) continue;
    const [u, v] = [DISC_U[p] ?? 0, DISC_V[p] ?? 0];
    if (Math.abs(across(u, v, line)) > 0.15 || (other && Math.abs(across(u, v, other)) <= 0.15)) continue;
    [n, su, sv, suu, svv, suv] = [n + 1, su + u, sv + v, suu + u * u, svv + v * v, suv + u * v];
  }
  if (n < 4) return line;
  const [mu, mv] = [su / n, sv / n];
  const [cuu, cvv, cuv] = [suu / n - mu * mu, svv / n - mv * mv, suv / n - mu * mv];
  const phi = 0.5 * Math.atan2(2 * cuv, cuu - cvv);
  let [cos, sin] = [Math.cos(phi), Math.sin(phi)];
  if (cos * line.cos + sin * line.sin < 0) [cos, sin] = [-cos, -sin];
  if (cos * line.cos + sin * line.sin < Math.cos(Math.PI / 12)) return line;
  return { angle: line.angle, cos, sin, offset: -mu * sin + mv * cos };
}

const angleBetween = (a: number, b: number) => Math.min(Math.abs(a - b), ANGLES - Math.abs(a - b));

/** Signed distance of (u, v) from the line. */
const across = (u: number, v: number, line: Line) => -u * line.sin + v * line.cos - line.offset;

function intersection(a: Line, b: Line): { u: number; v: number } | undefined {
  // Each line: -u sin + v cos = offset.
  const [s1, c1, s2, c2] = [a.sin, a.cos, b.sin, b.cos];
  const det = -s1 * c2 + c1 * s2;
  if (Math.abs(det) < 1e-6) return undefined;
  return { u: (a.offset * c2 - c1 * b.offset) / det, v: (-s1 * b.offset + a.offset * s2) / det };
}

const DISC_RADIUS_SQUARED = DISC_RADIUS * DISC_RADIUS;

/**
 * Ink along the line from the meeting point in one direction, from 0.3 r out (past the other stroke's width) to the
 * edge of the disc: samples every 0.05 r inside the disc with ink on or within 0.1 r of the line, times 0.05 r. Ink
 * within 0.3 r of the other stroke's line is that stroke's (a thick tick's vertex reaches past where its lines meet).
 * Gaps of up to 0.1 r between inked samples count as ink: a thin stroke on a black-and-white scan breaks into dashes.
 */
function armLength(ink: Uint8Array, from: { u: number; v: number }, line: Line, other: Line, sign: 1 | -1): number {
  const [ux, uy] = [line.cos * sign, line.sin * sign];
  let inked = 0;
  let gap = 0;
  for (let t = 0.3; t <= 2.6; t += 0.05) {
    const [u, v] = [from.u + ux * t, from.v + uy * t];
    if (u * u + v * v > DISC_RADIUS_SQUARED) continue;
    if (
      armInk(ink, u, v, other) ||
      armInk(ink, u - uy * 0.1, v + ux * 0.1, other) ||
      armInk(ink, u + uy * 0.1, v - ux * 0.1, other)
    ) {
      inked += 1 + (inked > 0 && gap <= MAX_GAP ? gap : 0);
      gap = 0;
    } else gap += 1;
  }
  return inked * 0.05;
}

const OTHER_CLEAR = 0.3;
const armInk = (ink: Uint8Array, u: number, v: number, other: Line) =>
  Math.abs(across(u, v, other)) > OTHER_CLEAR && inkAt(ink, u, v);

/** Samples (of 0.05 r) of a gap bridged within a stroke. */
const MAX_GAP = 2;

const inkAt = (ink: Uint8Array, u: number, v: number) =>
  ink[latticeIndex(Math.round(u * STEPS_PER_RADIUS), Math.round(v * STEPS_PER_RADIUS))] === 1;

function thinAlong(ink: Uint8Array, wide: Uint8Array, line: Line): number {
  const [dx, dy] = [line.cos, line.sin];
  let thin = 0;
  for (let t = -DISC_RADIUS; t <= DISC_RADIUS; t += 0.05) {
    const [u, v] = [-dy * line.offset + dx * t, dx * line.offset + dy * t];
    if (u * u + v * v > DISC_RADIUS_SQUARED || !inkAt(ink, u, v)) continue;
    if (bareBeside(wide, u, v, -dy, dx) && bareBeside(wide, u, v, dy, -dx)) thin += 1;
  }
  return thin * 0.05;
}

/** Whether there is bare paper within 0.9 r 0.35–0.55 r from (u, v) in direction (nx, ny). */
function bareBeside(ink: Uint8Array, u: number, v: number, nx: number, ny: number): boolean {
  for (let gap = 0.35; gap < 0.6; gap += 0.1) {
    const [su, sv] = [u + nx * gap, v + ny * gap];
    if (su * su + sv * sv > 0.81) return false;
    if (!inkAt(ink, su, sv)) return true;
  }
  return false;
}
