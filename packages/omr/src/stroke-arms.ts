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
  readonly angle: number;
  /** Signed distance of the line from the centre, in radii. */
  readonly offset: number;
}

/**
 * The lengths (in radii) of ink running out from where the two strongest straight strokes meet, along each of them
 * in both directions, shortest first. Two strokes crossing near the centre (a cross) run out four ways; two strokes
 * meeting at a vertex (a tick, V or √) run out two ways, so the two shortest are near nothing.
 *
 * @param ink whether each lattice point (indexed as the lattice) is inked by the mark
 */
export function strokeArms(ink: Uint8Array): readonly [number, number, number, number] {
  const first = strongestLine(ink, undefined);
  if (!first) return [0, 0, 0, 0];
  const second = strongestLine(ink, first);
  if (!second) return [0, 0, 0, 0];
  const meet = intersection(first, second);
  if (!meet) return [0, 0, 0, 0];
  const arms = [
    armLength(ink, meet, first, 1),
    armLength(ink, meet, first, -1),
    armLength(ink, meet, second, 1),
    armLength(ink, meet, second, -1),
  ].sort((a, b) => a - b);
  return [arms[0] ?? 0, arms[1] ?? 0, arms[2] ?? 0, arms[3] ?? 0];
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
      if (score > bestScore) [best, bestScore] = [{ angle: a, offset: (bin - OFFSETS) / STEPS_PER_RADIUS }, score];
    }
  }
  return best && bestScore >= 6 ? best : undefined;
}

const angleBetween = (a: number, b: number) => Math.min(Math.abs(a - b), ANGLES - Math.abs(a - b));

/** Signed distance of (u, v) from the line. */
const across = (u: number, v: number, line: Line) =>
  -u * (UY[line.angle] ?? 0) + v * (UX[line.angle] ?? 1) - line.offset;

function intersection(a: Line, b: Line): { u: number; v: number } | undefined {
  // Each line: -u sin + v cos = offset.
  const [s1, c1, s2, c2] = [UY[a.angle] ?? 0, UX[a.angle] ?? 1, UY[b.angle] ?? 0, UX[b.angle] ?? 1];
  const det = -s1 * c2 + c1 * s2;
  if (Math.abs(det) < 1e-6) return undefined;
  return { u: (a.offset * c2 - c1 * b.offset) / det, v: (-s1 * b.offset + a.offset * s2) / det };
}

const DISC_RADIUS_SQUARED = DISC_RADIUS * DISC_RADIUS;

/**
 * Ink along the line from the meeting point in one direction, from 0.3 r out (past the other stroke's width) to the
 * edge of the disc: samples every 0.05 r inside the disc with ink on or within 0.1 r of the line, times 0.05 r.
 */
function armLength(ink: Uint8Array, from: { u: number; v: number }, line: Line, sign: 1 | -1): number {
  const [ux, uy] = [(UX[line.angle] ?? 1) * sign, (UY[line.angle] ?? 0) * sign];
  let inked = 0;
  for (let t = 0.3; t <= 2.6; t += 0.05) {
    const [u, v] = [from.u + ux * t, from.v + uy * t];
    if (u * u + v * v > DISC_RADIUS_SQUARED) continue;
    if (inkAt(ink, u, v) || inkAt(ink, u - uy * 0.1, v + ux * 0.1) || inkAt(ink, u + uy * 0.1, v - ux * 0.1))
      inked += 1;
  }
  return inked * 0.05;
}

const inkAt = (ink: Uint8Array, u: number, v: number) =>
  ink[latticeIndex(Math.round(u * STEPS_PER_RADIUS), Math.round(v * STEPS_PER_RADIUS))] === 1;
