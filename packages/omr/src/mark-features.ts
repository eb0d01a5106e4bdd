import { latticeIndex, SIDE } from './bubble-lattice.js';
import {
  ALL,
  circleProbes,
  probesAt,
  DISC,
  DISC_RADIUS,
  indicesOf,
  readProbes,
  type LatticePoint,
} from './lattice-points.js';
import { largestBareRegion } from './bare-region.js';
import { measureInkArea, type InkArea } from './ink-area.js';
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

/**
 * The printed ring's darkness as scanned just outside it (1–1.35 r), per quarter of the circle: 4 × 8 values,
 * quarter-major. The same print scanned the same way gives every bubble of a page much the same profile.
 */
export type RingProfile = Float64Array;

/** The shape of the ink in a bubble (measured only when there is ink; all 0 for an empty bubble). */
export interface MarkShape extends Strokes, InkArea {
  /** The inked share of the disc (within 0.75 r). */
  readonly coverage: number;
  /**
   * The share of the disc with at least a quarter of the typical darkness: a pencil fill mottled by the hand's
   * pressure covers it all, a partial fill's bare part is paper.
   */
  readonly lightCoverage: number;
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
   * Evenness that grain does not spoil: the third least-inked of the 24 cells, as a share of the typical darkness.
   * Pencil on the paper's tooth leaves a lighter cell here and there; a partial fill's bare part spans several cells.
   */
  readonly cellEvenness: number;
  /**
   * The longest bare arc (of 48) round the circle at 0.8 r, bare meaning less than a quarter of the typical darkness
   * (half that against a near-black ring, whose mirrored blur takes most of a fill's ink there): a partial fill's bare
   * part reaches the rim along an arc, grain leaves only specks.
   */
  readonly outerGap: number;
  /**
   * The largest connected bare region out to 0.85 r, as a share of it: a fill leaves specks or a thin sliver, a
   * partial fill a fifth or more in one piece.
   */
  readonly bareArea: number;
  /** The longest bare arc (of 48) round the circle at 0.7 r. */
  readonly innerGap: number;
  /**
   * Separate bare arcs of at least 15° round the circle at 0.7 r: a cross drawn with a wide pen leaves the four
   * wedges between its arms bare out to the rim, a fill at most one patch.
   */
  readonly rimGaps: number;
  /**
   * Separate arcs of at least 15° round the circle at 0.7 r where the ink falls below `DIP` of its typical darkness:
   * a nib as wide as most of the radius, or a capture's blur, half closes a cross's wedges, which still dip there; a
   * fill in dark ink leaves at most one such patch.
   */
  readonly dips: number;
  /** The greatest distance (radii) between two inked points of the disc: a dot is small, a stroke is long. */
  readonly extent: number;
  /**
   * Separate pieces of ink in the disc (4-connected on the lattice, counted up to 9): a stroke is one or two, residue
   * or a grainy mark thresholded to black and white breaks into specks.
   */
  readonly pieces: number;
  /**
   * Separate places where ink runs on past the printed ring (1.2–1.3 r): a tick's strokes cross it once or twice, a
   * cross's usually three or four times, and a partial fill stops at the ring.
   */
  readonly exitRuns: number;
}

export const NO_SHAPE: MarkShape = {
  coverage: 0,
  lightCoverage: 0,
  evenness: 0,
  solid: 0,
  rimArc: 0,
  hugArc: 0,
  outerEvenness: 0,
  cellEvenness: 0,
  outerGap: 0,
  bareArea: 0,
  innerGap: 0,
  rimGaps: 0,
  dips: 0,
  extent: 0,
  pieces: 0,
  arms: [0, 0, 0, 0],
  thin: 0,
  hullFill: 0,
  breadth: 0,
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
export function measureTone(
  darkness: Float32Array,
  ringLimit?: RingProfile,
): MarkTone & { readonly level: number; readonly ringProfile: RingProfile } {
  const ringProfile = Float64Array.from(measureRingProfile(darkness));
  if (ringLimit)
    for (let k = 0; k < quarterProfile.length; k += 1)
      quarterProfile[k] = Math.min(quarterProfile[k] ?? 0, ringLimit[k] ?? 0);
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
  return { ink, ring, typical, mean: sum / DISC_INDEX.length, level: Math.max(typical / 2, 0.08), ringProfile };
}

/**
 * The shape of the mark, from its darkness (ring taken out), its typical darkness, the inked level and the printed
 * ring's darkness.
 */
export function measureShape(mark: Float32Array, typical: number, level: number, ring: number): MarkShape {
  inked.fill(0);
  let covered = 0;
  let lightlyCovered = 0;
  const bare = Math.max(typical / 4, 0.06);
  for (const index of DISC_INDEX) {
    const value = mark[index] ?? 0;
    const on = value >= level ? 1 : 0;
    inked[index] = on;
    covered += on;
    if (value >= bare) lightlyCovered += 1;
  }
  const weakestRim = least(readProbes(mark, RIM_70, circle));
  const share = (value: number) => value / Math.max(typical, 0.01);
  const innerGap = longestGap(circle, bare);
  const rimGaps = countGaps(circle, bare, 2);
  const dips = countGaps(circle, DIP * typical, 2);
  const bareOuter = bare * (1 - 0.5 * Math.min(1, Math.max(0, (ring - 0.75) / 0.1)));
  const cells = weakestCells(mark);
  // Before the strokes, which are followed past the ring where this finds ink (`inkedPastRing`).
  const exitRuns = exitsPastRing(mark, level);
  return {
    coverage: covered / DISC_INDEX.length,
    lightCoverage: lightlyCovered / DISC_INDEX.length,
    evenness: share(Math.min(cells.weakest, weakestRim)),
    cellEvenness: share(cells.third),
    innerGap,
    rimGaps,
    dips,
    extent: covered <= MAX_EXTENT_POINTS ? extentOf() : 2,
    pieces: countPieces(),
    solid: solidPoints(),
    rimArc: longestRun(circle, level, undefined),
    hugArc: longestRun(circle, level, readProbes(mark, RIM_85, circleOuter)),
    outerEvenness: share(least(readProbes(mark, RIM_80, circleOuter))),
    outerGap: longestGap(circleOuter, bareOuter),
    bareArea: largestBareRegion(mark, bare, bareOuter),
    ...measureInkArea(mark, bare, bareOuter),

    exitRuns,
    ...measureStrokes(inked, inkedWide(mark, level), inkedPastRing),
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
/**
 * Whether `exitsPastRing` found ink past the ring in each direction, for the strokes' arms: a ballpoint line crossing
 * between the probes at a slant darkens them only in part, so half the ink level is taken for it there.
 */
const inkedPastRing = new Uint8Array(32);
const PAST_RING_SHARE = 0.5;

/**
 * Where ink runs on past the ring: darkness at 1.2–1.3 r above the ring's profile there (the median round it). Sets
 * `inkedPastRing`.
 */
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
    inkedPastRing[d] = (outside[d] ?? 0) >= PAST_RING_SHARE * level ? 1 : 0;
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
/** What share of its typical darkness ink round the circle at 0.7 r falls below to count as a dip (`dips`). */
const DIP = 0.55;
const RIM_80 = circleProbes(0.8, 48);
const RIM_85 = circleProbes(0.85, 48);

/**
 * The printed ring as scanned round this bubble: its darkness 1–1.35 r out, in each quarter of the circle (centred on
 * 0°, 90°, 180°, 270°), quarter-major, 8 radii each. Measured outside the ring because inside it the mark is; blur and
 * a black-and-white threshold thicken the ring equally both ways, so the inside is this mirrored. The median of each
 * quarter ignores a stroke crossing the ring; a fax doubles every line, so its ring is thicker at the top and bottom
 * than at the sides. Also sets the median all round at each radius (`profile`).
 */
function measureRingProfile(darkness: Float32Array): Float64Array {
  for (let k = 0; k < MIRROR_RADII; k += 1) {
    readProbes(darkness, MIRROR_PROBES[k] ?? NO_PROBES, mirrorSamples);
    for (let quarter = 0; quarter < 4; quarter += 1)
      quarterProfile[quarter * MIRROR_RADII + k] = medianOfEight(mirrorSamples, (quarter * 8 + 28) % 32);
    profile[k] = mirrorSamples.sort()[16] ?? 0;
  }
  return quarterProfile;
}

/**
 * Takes the printed ring's share out of the disc where its blur reaches (0.6–1 r), from `quarterProfile` mirrored and
 * interpolated by angle. Ink multiplies the paper, so the mark's darkness under a ring of darkness R is about d − R.
 * Returns the ring's darkness (the median all round).
 */
function takeOutRing(darkness: Float32Array): number {
  for (let p = 0; p < RING_INSIDE_INDEX.length; p += 1) {
    const step = RING_INSIDE_STEP[p] ?? 0;
    const next = Math.min(MIRROR_RADII - 1, step + 1);
    const f = RING_INSIDE_FRACTION[p] ?? 0;
    const a = (RING_INSIDE_QUARTER[p] ?? 0) * MIRROR_RADII;
    const b = (((RING_INSIDE_QUARTER[p] ?? 0) + 1) % 4) * MIRROR_RADII;
    const t = RING_INSIDE_TURN[p] ?? 0;
    const atA = (quarterProfile[a + step] ?? 0) * (1 - f) + (quarterProfile[a + next] ?? 0) * f;
    const atB = (quarterProfile[b + step] ?? 0) * (1 - f) + (quarterProfile[b + next] ?? 0) * f;
    const index = RING_INSIDE_INDEX[p] ?? 0;
    darkness[index] = Math.max(0, (darkness[index] ?? 0) - (atA * (1 - t) + atB * t));
  }
  return Math.max(profile[0] ?? 0, profile[1] ?? 0);
}

/**
 * The median of eight samples round the circle from `start` (wrapping), by insertion into a scratch array: far
 * cheaper than a typed array's sort for so few, and it runs for every bubble.
 */
function medianOfEight(samples: Float64Array, start: number): number {
  for (let d = 0; d < 8; d += 1) {
    const value = samples[(start + d) % 32] ?? 0;
    let at = d;
    while (at > 0 && (quarterSamples[at - 1] ?? 0) > value) {
      quarterSamples[at] = quarterSamples[at - 1] ?? 0;
      at -= 1;
    }
    quarterSamples[at] = value;
  }
  return ((quarterSamples[3] ?? 0) + (quarterSamples[4] ?? 0)) / 2;
}

const MIRROR_STEP = 0.05;
/** Radii outside the ring at which its profile is taken, 1–1.35 r, each round 32 directions. */
const MIRROR_RADII = 8;
const MIRROR_PROBES = Array.from({ length: MIRROR_RADII }, (_, k) => circleProbes(1 + k * MIRROR_STEP, 32));
const mirrorSamples = new Float64Array(32);
const quarterSamples = new Float64Array(8);
/** The ring's profile in each quarter of the circle (centred on 0°, 90°, 180°, 270°), quarter-major. */
const quarterProfile = new Float64Array(4 * MIRROR_RADII);
const NO_PROBES = probesAt([]);
const profile = new Float64Array(MIRROR_RADII);
const RING_INSIDE = ALL.filter((point) => point.rho >= 0.6 && point.rho <= 1);
const RING_INSIDE_INDEX = indicesOf(RING_INSIDE);
const mirrorAt = (rho: number) => Math.min(MIRROR_RADII - 1, Math.max(0, (1 - rho) / MIRROR_STEP));
const RING_INSIDE_STEP = Int32Array.from(RING_INSIDE, (point) => Math.floor(mirrorAt(point.rho)));
const RING_INSIDE_FRACTION = Float64Array.from(RING_INSIDE, (point) => mirrorAt(point.rho) % 1);
/** Each point's angle in quarters of a turn from 0°: the quarter before it and how far on towards the next. */
const quarterTurns = (point: LatticePoint) => {
  const angle = Math.atan2(point.v, point.u);
  return ((angle < 0 ? angle + 2 * Math.PI : angle) / (Math.PI / 2)) % 4;
};
const RING_INSIDE_QUARTER = Int32Array.from(RING_INSIDE, (point) => Math.floor(quarterTurns(point)));
const RING_INSIDE_TURN = Float64Array.from(RING_INSIDE, (point) => quarterTurns(point) % 1);

const CELL_POINTS = DISC.filter((point) => point.rho > 0);
const CELL_INDEX = indicesOf(CELL_POINTS);
const CELL_OF = Int32Array.from(CELL_POINTS, (point) => point.sector + (point.rho < 0.4 ? 0 : 12));
const CELL_SIZE = Float64Array.from({ length: 24 }, (_, cell) => CELL_OF.filter((of) => of === cell).length || 1);
const cellSums = new Float64Array(24);

/** The mean ink of the least-inked cell, and of the third least-inked. */
function weakestCells(mark: Float32Array): { readonly weakest: number; readonly third: number } {
  cellSums.fill(0);
  for (let k = 0; k < CELL_INDEX.length; k += 1) {
    const cell = CELL_OF[k] ?? 0;
    cellSums[cell] = (cellSums[cell] ?? 0) + (mark[CELL_INDEX[k] ?? 0] ?? 0);
  }
  for (let cell = 0; cell < 24; cell += 1) cellSums[cell] = (cellSums[cell] ?? 0) / (CELL_SIZE[cell] ?? 1);
  cellSums.sort();
  return { weakest: cellSums[0] ?? 0, third: cellSums[2] ?? 0 };
}

/** The longest run round the circle of samples below `level`, wrapping round. */
function longestGap(samples: Float64Array, level: number): number {
  const n = samples.length;
  let longest = 0;
  let run = 0;
  for (let k = 0; k < 2 * n; k += 1) {
    run = (samples[k % n] ?? 0) < level ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return Math.min(longest, n);
}

const MAX_PIECES = 9;
const pieceSeen = new Uint8Array(SIDE * SIDE);
const pieceStack = new Int32Array(SIDE * SIDE);
const NEIGHBOURS = [1, -1, SIDE, -SIDE];

/** The 4-connected pieces of the inked disc points (the mask `inked`), up to MAX_PIECES. */
function countPieces(): number {
  pieceSeen.fill(0);
  let pieces = 0;
  for (const start of DISC_INDEX) {
    if (!inked[start] || pieceSeen[start]) continue;
    pieces += 1;
    if (pieces >= MAX_PIECES) return pieces;
    let top = 0;
    pieceStack[top++] = start;
    pieceSeen[start] = 1;
    while (top > 0) {
      const at = pieceStack[--top] ?? 0;
      for (const step of NEIGHBOURS) {
        const next = at + step;
        if (inked[next] && !pieceSeen[next]) {
          pieceSeen[next] = 1;
          pieceStack[top++] = next;
        }
      }
    }
  }
  return pieces;
}

/** How many separate runs of at least `shortest` samples round the circle lie below `level`. */
function countGaps(samples: Float64Array, level: number, shortest: number): number {
  const n = samples.length;
  let start = 0;
  while (start < n && (samples[start] ?? 0) < level) start += 1;
  if (start === n) return 1;
  let gaps = 0;
  let run = 0;
  for (let k = 1; k <= n; k += 1) {
    const bare = (samples[(start + k) % n] ?? 0) < level;
    if (bare) run += 1;
    else {
      if (run >= shortest) gaps += 1;
      run = 0;
    }
  }
  return gaps;
}

/** A mark with more inked points than this is too large to be a dot; its extent is not measured. */
const MAX_EXTENT_POINTS = 60;
const DISC_U = Float64Array.from(DISC, (point) => point.u);
const DISC_V = Float64Array.from(DISC, (point) => point.v);
const extentU = new Float64Array(MAX_EXTENT_POINTS);
const extentV = new Float64Array(MAX_EXTENT_POINTS);

/** The greatest distance between two inked disc points (the mask `inked`, with at most MAX_EXTENT_POINTS set). */
function extentOf(): number {
  let count = 0;
  for (let k = 0; k < DISC_INDEX.length; k += 1)
    if (inked[DISC_INDEX[k] ?? 0]) {
      extentU[count] = DISC_U[k] ?? 0;
      extentV[count] = DISC_V[k] ?? 0;
      count += 1;
    }
  let extent = 0;
  for (let a = 0; a < count; a += 1)
    for (let b = a + 1; b < count; b += 1)
      extent = Math.max(
        extent,
        Math.hypot((extentU[a] ?? 0) - (extentU[b] ?? 0), (extentV[a] ?? 0) - (extentV[b] ?? 0)),
      );
  return extent;
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
