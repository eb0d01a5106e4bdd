import { latticeIndex, SIDE } from './bubble-lattice.js';
import { ALL, circleProbes, probesAt, DISC, DISC_RADIUS, indicesOf, readProbes } from './lattice-points.js';
import { measureStrokes, type Strokes } from './stroke-arms.js';

/** How dark the mark in a bubble is, against the printed ring on the same scan: enough to tell ink from none. */
export interface MarkTone {
  /** The darkest ink in the disc (fifth darkest point): below 0.41 of the ring's darkness nothing was written. */
  readonly ink: number;
  /** The darkness of the printed ring as scanned: the reference for how dark ink looks on this scan. */
  readonly ring: number;
  /** The typical darkness of what is inked: a pen fill near 0.9, light pencil 0.35. */
  readonly typical: number;
  /** Mean darkness of the disc: erasure residue lifts it a little above clean paper. */
  readonly mean: number;
}

/** The shape of the ink in a bubble (measured only when there is ink; all 0 for an empty bubble). */
export interface MarkShape extends Strokes {
  /** The inked share of the disc (within 0.75 r). */
  readonly coverage: number;
  /**
   * Evenness of the ink over the bubble: the least-inked of 24 cells (12 sectors × 2 rings) and of 48 points round
   * the circle at 0.7 r, as a share of the typical darkness. A complete fill leaves no part bare.
   */
  readonly evenness: number;
  /** Points with ink 0.2 r around them in every direction: solid ink, which strokes are not. */
  readonly solid: number;
  /** The longest inked run, out of 48, round the circle at 0.7 r: a partial fill hugging the rim inks a long arc. */
  readonly rimArc: number;
  /** The longest arc (of 48) along which ink at 0.7 r runs on out to the ring (0.85 r): a partial fill hugs the rim. */
  readonly hugArc: number;
  /** The least ink round the circle at 0.8 r, as a share of the typical darkness: a fill inks it all round. */
  readonly outerEvenness: number;
  /**
   * Separate places where ink runs on past the printed ring (1.2–1.3 r): a tick's strokes cross it once or twice, a
   * cross's usually three or four times, and a partial fill stops at the ring.
   */
  readonly exitRuns: number;
}

export const NO_SHAPE: MarkShape = {
  coverage: 0,
  evenness: 0,
  solid: 0,
  rimArc: 0,
  hugArc: 0,
  outerEvenness: 0,
  arms: [0, 0, 0, 0],
  thin: 0,
  exitRuns: 0,
};

const DISC_INDEX = indicesOf(DISC);
/** Scratch space, reused from bubble to bubble. */
const discValues = new Float64Array(DISC.length);
const circle = new Float64Array(48);
const circleOuter = new Float64Array(48);
const inked = new Uint8Array(SIDE * SIDE);
const solidMask = new Uint8Array(SIDE * SIDE);

/**
 * The darkness of the mark (the printed ring taken out, in place) and how dark it is. Also returns the level above
 * which a point counts as inked.
 */
export function measureTone(darkness: Float32Array): MarkTone & { readonly level: number } {
  const ring = takeOutRing(darkness);
  let sum = 0;
  for (let k = 0; k < DISC_INDEX.length; k += 1) {
    const value = darkness[DISC_INDEX[k] ?? 0] ?? 0;
    discValues[k] = value;
    sum += value;
  }
  const sorted = discValues.sort().reverse();
  const ink = sorted[4] ?? 0;
  let count = 0;
  while (count < sorted.length && (sorted[count] ?? 0) >= ink / 2) count += 1;
  const typical = sorted[Math.floor(count / 2)] ?? 0;
  return { ink, ring, typical, mean: sum / DISC_INDEX.length, level: Math.max(typical / 2, 0.08) };
}

/** The shape of the mark, from its darkness (ring taken out), its typical darkness and the inked level. */
export function measureShape(mark: Float32Array, typical: number, level: number): MarkShape {
  inked.fill(0);
  let covered = 0;
  for (const index of DISC_INDEX) {
    const on = (mark[index] ?? 0) >= level ? 1 : 0;
    inked[index] = on;
    covered += on;
  }
  const weakestRim = least(readProbes(mark, RIM_70, circle));
  const share = (value: number) => value / Math.max(typical, 0.01);
  return {
    coverage: covered / DISC_INDEX.length,
    evenness: share(Math.min(weakestCell(mark), weakestRim)),
    solid: solidPoints(),
    rimArc: longestRun(circle, level, undefined),
    hugArc: longestRun(circle, level, readProbes(mark, RIM_85, circleOuter)),
    outerEvenness: share(least(readProbes(mark, RIM_80, circleOuter))),
    ...measureStrokes(inked, inkedWide(mark, level)),
    exitRuns: exitsPastRing(mark, level),
  };
}

/** Ink out to 0.9 r (the mark with the ring taken out), to see whether a stroke has paper beside it near the rim. */
function inkedWide(mark: Float32Array, level: number): Uint8Array {
  inkedOut.fill(0);
  for (const index of WIDE_INDEX) inkedOut[index] = (mark[index] ?? 0) >= level ? 1 : 0;
  return inkedOut;
}

const WIDE_INDEX = indicesOf(ALL.filter((point) => point.rho <= 0.92));
const inkedOut = new Uint8Array(SIDE * SIDE);

const outside = new Float64Array(32);

/** Where ink runs on past the ring: darkness at 1.2–1.3 r above the ring's profile there (the median round it). */
function exitsPastRing(darkness: Float32Array, level: number): number {
  outside.fill(0);
  for (let k = 4; k <= 6; k += 1) {
    readProbes(darkness, MIRROR_PROBES[k] ?? NO_PROBES, mirrorSamples);
    for (let d = 0; d < 32; d += 1) outside[d] = (outside[d] ?? 0) + ((mirrorSamples[d] ?? 0) - (profile[k] ?? 0)) / 3;
  }
  let exits = 0;
  let runs = 0;
  for (let d = 0; d < 32; d += 1) {
    const on = (outside[d] ?? 0) >= level;
    if (on) exits += 1;
    if (on && (outside[(d + 31) % 32] ?? 0) < level) runs += 1;
  }
  return exits === 32 ? 1 : runs;
}

function least(values: Float64Array): number {
  let least = Infinity;
  for (const value of values) least = Math.min(least, value);
  return least;
}

const RIM_70 = circleProbes(0.7, 48);
const RIM_80 = circleProbes(0.8, 48);
const RIM_85 = circleProbes(0.85, 48);

/**
 * Takes the printed ring's share out of the disc where its blur reaches (0.6–1 r), estimated by mirror symmetry from
 * the median darkness round the circle just as far outside the ring (blur and a black-and-white threshold thicken
 * the ring equally both ways). Ink multiplies the paper, so the mark's darkness under a ring of darkness R is about
 * d − R. Returns the ring's darkness.
 */
function takeOutRing(darkness: Float32Array): number {
  for (let k = 0; k < MIRROR_RADII; k += 1) {
    readProbes(darkness, MIRROR_PROBES[k] ?? NO_PROBES, mirrorSamples);
    profile[k] = mirrorSamples.sort()[16] ?? 0;
  }
  for (let p = 0; p < RING_INSIDE_INDEX.length; p += 1) {
    const k = RING_INSIDE_STEP[p] ?? 0;
    const f = RING_INSIDE_FRACTION[p] ?? 0;
    const ring = (profile[k] ?? 0) * (1 - f) + (profile[Math.min(MIRROR_RADII - 1, k + 1)] ?? 0) * f;
    const index = RING_INSIDE_INDEX[p] ?? 0;
    darkness[index] = Math.max(0, (darkness[index] ?? 0) - ring);
  }
  return Math.max(profile[0] ?? 0, profile[1] ?? 0);
}

const MIRROR_STEP = 0.05;
/** Radii outside the ring at which its profile is taken, 1–1.35 r, each round 32 directions. */
const MIRROR_RADII = 8;
const MIRROR_PROBES = Array.from({ length: MIRROR_RADII }, (_, k) => circleProbes(1 + k * MIRROR_STEP, 32));
const mirrorSamples = new Float64Array(32);
const NO_PROBES = probesAt([]);
const profile = new Float64Array(MIRROR_RADII);
const RING_INSIDE = ALL.filter((point) => point.rho >= 0.6 && point.rho <= 1);
const RING_INSIDE_INDEX = indicesOf(RING_INSIDE);
const mirrorAt = (rho: number) => Math.min(MIRROR_RADII - 1, Math.max(0, (1 - rho) / MIRROR_STEP));
const RING_INSIDE_STEP = Int32Array.from(RING_INSIDE, (point) => Math.floor(mirrorAt(point.rho)));
const RING_INSIDE_FRACTION = Float64Array.from(RING_INSIDE, (point) => mirrorAt(point.rho) % 1);

const CELL_POINTS = DISC.filter((point) => point.rho > 0);
const CELL_INDEX = indicesOf(CELL_POINTS);
const CELL_OF = Int32Array.from(CELL_POINTS, (point) => point.sector + (point.rho < 0.4 ? 0 : 12));
const CELL_SIZE = Float64Array.from({ length: 24 }, (_, cell) => CELL_OF.filter((of) => of === cell).length || 1);
const cellSums = new Float64Array(24);

function weakestCell(mark: Float32Array): number {
  cellSums.fill(0);
  for (let k = 0; k < CELL_INDEX.length; k += 1) {
    const cell = CELL_OF[k] ?? 0;
    cellSums[cell] = (cellSums[cell] ?? 0) + (mark[CELL_INDEX[k] ?? 0] ?? 0);
  }
  let weakest = Infinity;
  for (let cell = 0; cell < 24; cell += 1) weakest = Math.min(weakest, (cellSums[cell] ?? 0) / (CELL_SIZE[cell] ?? 1));
  return weakest;
}

/** The longest run round the circle of samples at or above `level` (in `also` too, when given), wrapping round. */
function longestRun(samples: Float64Array, level: number, also: Float64Array | undefined): number {
  const n = samples.length;
  let longest = 0;
  let run = 0;
  // Twice round, so that a run through the starting angle is counted whole.
  for (let k = 0; k < 2 * n; k += 1) {
    const at = k % n;
    run = (samples[at] ?? 0) >= level && (!also || (also[at] ?? 0) >= level) ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return Math.min(longest, n);
}

/** The ink, with the printed ring's band counted as inked: a fill running up to the ring stays solid to its edge. */
const RING_BAND_INDEX = indicesOf(ALL.filter((point) => point.rho > DISC_RADIUS && point.rho <= 1.1));

/** Neighbours 0.2–0.22 r away in twelve directions. */
const AROUND = Int32Array.from(
  [
    [2, 0],
    [-2, 0],
    [0, 2],
    [0, -2],
    [2, 1],
    [2, -1],
    [-2, 1],
    [-2, -1],
    [1, 2],
    [1, -2],
    [-1, 2],
    [-1, -2],
  ],
  ([di, dj]) => latticeIndex(di ?? 0, dj ?? 0) - latticeIndex(0, 0),
);

/** Disc points inked with ink (or the ring's band) all round them 0.2 r away. */
function solidPoints(): number {
  solidMask.set(inked);
  for (const index of RING_BAND_INDEX) solidMask[index] = 1;
  let solid = 0;
  for (const index of DISC_INDEX) {
    if (!solidMask[index]) continue;
    let all = true;
    for (const offset of AROUND)
      if (!solidMask[index + offset]) {
        all = false;
        break;
      }
    if (all) solid += 1;
  }
  return solid;
}
