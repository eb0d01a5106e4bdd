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
 * @param pastRing whether ink runs on past the printed ring (1.2–1.3 r) in each of 32 directions from angle 0
 */
export function measureStrokes(ink: Uint8Array, wide: Uint8Array, pastRing: Uint8Array): Strokes {
  const none = { arms: [0, 0, 0, 0] as const, thin: 0 };
  const first = strongestLine(ink, undefined);
  if (!first) return none;
  const second = strongestLine(ink, first);
  const thin = Math.max(thinAlong(ink, wide, first), second ? thinAlong(ink, wide, second) : 0);
  const meet = second && intersection(first, second);
  if (!second || !meet) return { ...none, thin };
  // Ink within half the other stroke's width of its line is that stroke's: a felt tip's V is a blob at its vertex.
  const clear = Math.max(OTHER_CLEAR, Math.min(strokeWidth(ink, first), strokeWidth(ink, second)) / 2 + WIDTH_MARGIN);
  const arm = (line: Line, other: Line, sign: 1 | -1) =>
    armLength(ink, meet, line, other, sign, clear) + (runsPastRing(pastRing, meet, line, other, sign) ? PAST_RING : 0);
  const arms = [arm(first, second, 1), arm(first, second, -1), arm(second, first, 1), arm(second, first, -1)].sort(
    (a, b) => a - b,
  );
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
function armLength(
  ink: Uint8Array,
  from: { u: number; v: number },
  line: Line,
  other: Line,
  sign: 1 | -1,
  clear: number,
): number {
  const [ux, uy] = [line.cos * sign, line.sin * sign];
  let inked = 0;
  let gap = 0;
  for (let t = clear; t <= 2.6; t += 0.05) {
    const [u, v] = [from.u + ux * t, from.v + uy * t];
    if (u * u + v * v > DISC_RADIUS_SQUARED) continue;
    if (
      armInk(ink, u, v, other, clear) ||
      armInk(ink, u - uy * 0.1, v + ux * 0.1, other, clear) ||
      armInk(ink, u + uy * 0.1, v - ux * 0.1, other, clear)
    ) {
      inked += 1 + (inked > 0 && gap <= MAX_GAP ? gap : 0);
      gap = 0;
    } else gap += 1;
  }
  // Measured from the other stroke's edge: an arm that runs at all runs from `OTHER_CLEAR`, as a thin stroke's does.
  return inked === 0 ? 0 : inked * 0.05 + (clear - OTHER_CLEAR);
}

/**
 * What an arm gains (radii) when its stroke runs on past the printed ring: two strokes crossing near the rim leave
 * their short arms little of the disc, but a person sees them run out through the ring.
 */
const PAST_RING = 0.25;
/** Where ink past the ring is looked for (radii): clear of the ring's blur, within the lattice. */
const PAST_RING_RADIUS = 1.25;
/**
 * How far (radii) from the other stroke ink past the ring must be to be this stroke's: half a felt tip's width more
 * than `OTHER_CLEAR`, since the other stroke's ink, or a tick's vertex, runs past the ring as wide as the tool.
 */
const PAST_RING_CLEAR = 0.5;

/**
 * Whether the line from the meeting point, one way, runs out through the ring onto inked paper: where it crosses
 * 1.25 r is inked, well away from the other stroke (a tick's vertex on the ring inks the paper past it for both
 * strokes).
 */
function runsPastRing(pastRing: Uint8Array, from: { u: number; v: number }, line: Line, other: Line, sign: 1 | -1) {
  const [ux, uy] = [line.cos * sign, line.sin * sign];
  // Only an arm the disc leaves little room for: elsewhere its ink inside the disc says how far it runs.
  if (reachAlong(from, ux, uy, DISC_RADIUS) > OTHER_CLEAR + ROOM) return false;
  const t = reachAlong(from, ux, uy, PAST_RING_RADIUS);
  if (t < PAST_RING_CLEAR) return false;
  const [u, v] = [from.u + ux * t, from.v + uy * t];
  if (Math.abs(across(u, v, other)) <= PAST_RING_CLEAR) return false;
  // The line's angle and the meeting point are known to a few degrees: the nearest direction either side will do.
  const count = pastRing.length;
  const nearest = Math.round((Math.atan2(v, u) / (2 * Math.PI)) * count) + count;
  return [-1, 0, 1].some((step) => pastRing[(nearest + step) % count] === 1);
}

/** How far from `from` along (ux, uy) a circle of the given radius (radii) is crossed; negative when it is not. */
function reachAlong(from: { u: number; v: number }, ux: number, uy: number, radius: number): number {
  const along = from.u * ux + from.v * uy;
  const beyond = along * along - (from.u * from.u + from.v * from.v - radius * radius);
  return beyond < 0 ? -1 : -along + Math.sqrt(beyond);
}

/** Room (radii) past `OTHER_CLEAR` inside the disc below which an arm is followed past the ring. */
const ROOM = 0.25;

const OTHER_CLEAR = 0.3;
const armInk = (ink: Uint8Array, u: number, v: number, other: Line, clear: number) =>
  Math.abs(across(u, v, other)) > clear && inkAt(ink, u, v);

/** Added to half a stroke's width for the ink that is that stroke's: the lattice's boxes blur its edge. */
const WIDTH_MARGIN = 0.05;

/**
 * How wide (radii) a stroke is: the median, over the inked samples every 0.05 r along its line in the disc, of the
 * run of ink across the line through each.
 */
function strokeWidth(ink: Uint8Array, line: Line): number {
  const [dx, dy] = [line.cos, line.sin];
  const runs: number[] = [];
  forInkOnLine(ink, line, (u, v) => {
    let run = 1;
    for (const side of [1, -1])
      for (let step = 1; step <= 20; step += 1) {
        const [su, sv] = [u - dy * side * step * 0.05, v + dx * side * step * 0.05];
        if (su * su + sv * sv > DISC_RADIUS_SQUARED || !inkAt(ink, su, sv)) break;
        run += 1;
      }
    runs.push(run * 0.05);
  });
  runs.sort((a, b) => a - b);
  return runs[Math.floor(runs.length / 2)] ?? 0;
}

/** Samples (of 0.05 r) of a gap bridged within a stroke. */
const MAX_GAP = 2;

const inkAt = (ink: Uint8Array, u: number, v: number) =>
  ink[latticeIndex(Math.round(u * STEPS_PER_RADIUS), Math.round(v * STEPS_PER_RADIUS))] === 1;

function thinAlong(ink: Uint8Array, wide: Uint8Array, line: Line): number {
  const [dx, dy] = [line.cos, line.sin];
  let thin = 0;
  forInkOnLine(ink, line, (u, v) => {
    if (bareBeside(wide, u, v, -dy, dx) && bareBeside(wide, u, v, dy, -dx)) thin += 1;
  });
  return thin * 0.05;
}

/** Calls `visit` at each inked sample, every 0.05 r, along the line within the disc. */
function forInkOnLine(ink: Uint8Array, line: Line, visit: (u: number, v: number) => void): void {
  const [dx, dy] = [line.cos, line.sin];
  for (let t = -DISC_RADIUS; t <= DISC_RADIUS; t += 0.05) {
    const [u, v] = [-dy * line.offset + dx * t, dx * line.offset + dy * t];
    if (u * u + v * v <= DISC_RADIUS_SQUARED && inkAt(ink, u, v)) visit(u, v);
  }
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
