import { darknessAt, latticeIndex, sampleLattice, type BubbleLattice } from './bubble-lattice.js';
import type { GreyImage } from './grey-image.js';
import { ALL, DISC, DISC_RADIUS } from './lattice-points.js';
import { strokeArms } from './stroke-arms.js';

/** What is in one bubble. Only `filled` is an answer; the others are kept and reported as what they are. */
export type MarkKind = 'filled' | 'partial' | 'tick' | 'cross' | 'empty';

export interface MarkReading {
  readonly kind: MarkKind;
  /** 0–1: how far the reading is from the nearest boundary between kinds; below 0.5 it goes to review. */
  readonly confidence: number;
  readonly features: MarkFeatures;
  /**
   * Set on an empty reading whose bubble is faintly but evenly darker than clean paper, as an erased fill leaves it:
   * worth a person's look when the question has another mark.
   */
  readonly possibleErasure?: true;
}

/** Measurements of a bubble, in darkness of the mark alone (0 paper … 1 black; the printed ring taken out) and radii. */
export interface MarkFeatures {
  /** The darkest ink in the disc (fifth darkest point): below 0.41 of the ring's darkness nothing was written. */
  readonly ink: number;
  /** The darkness of the printed ring as scanned: the reference for how dark ink looks on this scan. */
  readonly ring: number;
  /** The typical darkness of what is inked: a pen fill near 0.9, light pencil 0.35. */
  readonly typical: number;
  /** Mean darkness of the disc: erasure residue lifts it a little above clean paper. */
  readonly mean: number;
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
  /** Ink running out from where the two strongest strokes meet, four ways, shortest first (radii). */
  readonly arms: readonly [number, number, number, number];
}

/**
 * Faintest mark that is a mark, as a share of the printed ring's darkness on the same scan: erasure residue and the
 * ring's blur stay below it, light pencil above.
 */
const INK_MIN = 0.41;
/** A complete fill is at least this even. */
const EVEN_FILL = 0.45;
/** A fill is at least this dark on average: light pencil is 0.35, erasure residue at most 0.2. */
const FILL_MIN = 0.3;
/** A cross runs out at least this far (radii) along its two shortest arms together; a tick's two bare ways, less. */
const CROSS_ARMS = 0.45;

/**
 * Measures a bubble at (x, y) with radius r (pixels) and says what is in it. The rule of the source exam is that only
 * a completely filled bubble is an answer, and no threshold on darkness alone can tell a light complete fill from a
 * dark partial one; so the shape of the ink decides, measured inside the printed ring with the ring's own blur taken
 * out: a fill darkens every part of the bubble evenly, a partial fill is solid ink or ink hugging the rim that leaves
 * part bare, ticks and crosses are thin straight strokes, and a cross's two strokes run out four ways from where they
 * cross where a tick's two meet at a vertex.
 *
 * @example
 * const reading = classifyMark(scan, centre.x, centre.y, radiusInPixels);
 * if (reading.kind === 'filled' && reading.confidence >= 0.5) answers.push(option);
 */
export function classifyMark(image: GreyImage, x: number, y: number, r: number): MarkReading {
  const features = measure(sampleLattice(image, x, y, r));
  const reading = decide(features);
  const erased = reading.kind === 'empty' && features.mean >= 0.035;
  return { ...reading, features, ...(erased ? { possibleErasure: true as const } : {}) };
}

function measure(lattice: BubbleLattice): MarkFeatures {
  const { mark, ring } = withoutRing(lattice.darkness);
  const values = Float64Array.from(DISC, (point) => mark[point.index] ?? 0);
  let sum = 0;
  for (const value of values) sum += value;
  const sorted = Float64Array.from(values).sort().reverse();
  const ink = sorted[4] ?? 0;
  let count = 0;
  while (count < sorted.length && (sorted[count] ?? 0) >= ink / 2) count += 1;
  const typical = sorted[Math.floor(count / 2)] ?? 0;
  const level = Math.max(typical / 2, 0.08);
  const inked = inkOnly(mark, level);
  return {
    ink,
    ring,
    typical,
    mean: sum / values.length,
    coverage: coverage(inked),
    evenness: Math.min(weakestCell(mark), weakestRim(mark)) / Math.max(typical, 0.01),
    solid: solidPoints(withRingBand(inked)),
    rimArc: longestRimArc(mark, level),
    hugArc: longestHugArc(mark, level),
    outerEvenness: Math.min(...rimSamples(mark, 0.8)) / Math.max(typical, 0.01),
    arms: strokeArms(inked),
  };
}

/**
 * The darkness of the mark alone: inside the disc where the printed ring's blur reaches (0.55–1 r) the ring's share
 * is taken out, estimated by mirror symmetry from the median darkness round the circle just as far outside the
 * ring (blur and a black-and-white threshold thicken the ring equally both ways). Ink multiplies the paper, so the
 * mark's darkness under a ring of darkness R is 1 − (1 − d) / (1 − R).
 */
function withoutRing(darkness: Float32Array): { mark: Float32Array; ring: number } {
  const profile = MIRROR_RADII.map((radius) =>
    median(RING_DIRECTIONS.map(([cos, sin]) => darknessAt(darkness, cos * radius, sin * radius))),
  );
  const mark = Float32Array.from(darkness);
  for (const point of RING_INSIDE) {
    const at = Math.min(MIRROR_RADII.length - 1, Math.max(0, (1 - point.rho) / MIRROR_STEP));
    const k = Math.floor(at);
    const f = at - k;
    const ring = (profile[k] ?? 0) * (1 - f) + (profile[Math.min(MIRROR_RADII.length - 1, k + 1)] ?? 0) * f;
    mark[point.index] = Math.max(0, (darkness[point.index] ?? 0) - ring);
  }
  return { mark, ring: Math.max(profile[0] ?? 0, profile[1] ?? 0) };
}

const MIRROR_STEP = 0.05;
/** Radii outside the ring at which its profile is taken, 1–1.35 r. */
const MIRROR_RADII = Array.from({ length: 8 }, (_, k) => 1 + k * MIRROR_STEP);
const RING_DIRECTIONS = Array.from(
  { length: 32 },
  (_, k) => [Math.cos((k * Math.PI) / 16), Math.sin((k * Math.PI) / 16)] as const,
);
const RING_INSIDE = ALL.filter((point) => point.rho >= 0.6 && point.rho <= 1);

function median(values: number[]): number {
  values.sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)] ?? 0;
}

/** Disc points inked by the mark. */
function inkOnly(mark: Float32Array, level: number): Uint8Array {
  const ink = new Uint8Array(mark.length);
  for (const point of DISC) ink[point.index] = (mark[point.index] ?? 0) >= level ? 1 : 0;
  return ink;
}

/** The ink, with the printed ring's band counted as inked: a fill running up to the ring stays solid to its edge. */
function withRingBand(ink: Uint8Array): Uint8Array {
  const mask = Uint8Array.from(ink);
  for (const point of RING_BAND) mask[point.index] = 1;
  return mask;
}

const RING_BAND = ALL.filter((point) => point.rho > DISC_RADIUS && point.rho <= 1.1);
const COVERED = DISC;

/** The share of the disc within 0.75 r that is inked. */
function coverage(ink: Uint8Array): number {
  let inked = 0;
  for (const point of COVERED) inked += ink[point.index] ?? 0;
  return inked / COVERED.length;
}

const CELLS = COVERED.filter((point) => point.rho > 0).map((point) => ({
  index: point.index,
  cell: point.sector + (point.rho < 0.4 ? 0 : 12),
}));

function weakestCell(mark: Float32Array): number {
  const sums = new Float64Array(24);
  const counts = new Float64Array(24);
  for (const { index, cell } of CELLS) {
    sums[cell] = (sums[cell] ?? 0) + (mark[index] ?? 0);
    counts[cell] = (counts[cell] ?? 0) + 1;
  }
  let weakest = Infinity;
  for (let cell = 0; cell < 24; cell += 1) weakest = Math.min(weakest, (sums[cell] ?? 0) / (counts[cell] || 1));
  return weakest;
}

const rimSamples = (mark: Float32Array, radius: number) =>
  Array.from({ length: 48 }, (_, k) => {
    const angle = (k / 48) * 2 * Math.PI;
    return darknessAt(mark, Math.cos(angle) * radius, Math.sin(angle) * radius);
  });

function weakestRim(mark: Float32Array): number {
  return Math.min(...rimSamples(mark, 0.7));
}

function longestHugArc(mark: Float32Array, level: number): number {
  const inner = rimSamples(mark, 0.7);
  const outer = rimSamples(mark, 0.85);
  return longestRun(inner.map((value, k) => value >= level && (outer[k] ?? 0) >= level));
}

function longestRun(inked: boolean[]): number {
  if (inked.every(Boolean)) return inked.length;
  let longest = 0;
  let run = 0;
  for (const value of [...inked, ...inked]) {
    run = value ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return Math.min(longest, inked.length);
}

function longestRimArc(mark: Float32Array, level: number): number {
  const inked = rimSamples(mark, 0.7).map((value) => value >= level);
  if (inked.every(Boolean)) return 48;
  let longest = 0;
  let run = 0;
  // Twice round, so that a run through the starting angle is counted whole.
  for (const value of [...inked, ...inked]) {
    run = value ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return Math.min(longest, 48);
}

/** Neighbours 0.2–0.22 r away in twelve directions. */
const AROUND = [
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
].map(([di, dj]) => latticeIndex(di ?? 0, dj ?? 0) - latticeIndex(0, 0));

function solidPoints(mask: Uint8Array): number {
  let solid = 0;
  for (const point of DISC) {
    if (!mask[point.index]) continue;
    if (AROUND.every((offset) => mask[point.index + offset])) solid += 1;
  }
  return solid;
}

const clamp01 = (value: number) => Math.max(0, Math.min(1, value));
/** 0 at `zeroAt`, 1 at `oneAt`: a reading halfway between is at the review boundary (0.5). */
const ramp = (value: number, zeroAt: number, oneAt: number) => clamp01((value - zeroAt) / (oneAt - zeroAt));

function decide(f: MarkFeatures): { kind: MarkKind; confidence: number } {
  // Ink is measured against the printed ring as scanned: a black-and-white scan blackens both ink and the ring's
  // edge, a soft grey scan lightens both.
  const contrast = f.ink / Math.max(f.ring, 0.3);
  if (contrast < INK_MIN) return { kind: 'empty', confidence: ramp(contrast, INK_MIN + 0.03, INK_MIN - 0.03) };
  const inked = ramp(contrast, INK_MIN - 0.03, INK_MIN + 0.03);
  const fill = Math.min(
    ramp(f.evenness, EVEN_FILL - 0.1, EVEN_FILL + 0.1),
    ramp(f.typical, FILL_MIN - 0.02, FILL_MIN + 0.04),
    ramp(f.coverage, 0.9, 0.97),
    ramp(f.outerEvenness, 0.22, 0.38),
  );
  if (fill >= 0.5) return { kind: 'filled', confidence: Math.min(inked, fill) };
  const notFill = ramp(fill, 0.5, 0.25);
  // A partial fill is solid ink or ink hugging the rim along a long arc; strokes are thin and cross the rim briefly.
  // A stroke running along the rim hugs it too, but it is straight and long (a tick's vertex beside the rim).
  const solidity = Math.max((f.hugArc - 9) / 4, (f.solid - 18) / 8, (f.rimArc - 18) / 6);
  const longStroke = f.hugArc < 16 && f.solid < 18 && f.rimArc < 22 ? ramp(f.arms[3], 0.8, 1) : 0;
  const partial = Math.min(ramp(solidity, -0.5, 0.5), 1 - longStroke);
  if (partial >= 0.5) return { kind: 'partial', confidence: Math.min(inked, notFill, partial) };
  const stroke = 1 - partial;
  // Two strokes crossing run out four ways; a tick's two strokes meet at a vertex, so two of the four are bare.
  const crossing = f.arms[0] + f.arms[1];
  if (crossing >= CROSS_ARMS)
    return {
      kind: 'cross',
      confidence: Math.min(inked, notFill, stroke, ramp(crossing, CROSS_ARMS - 0.05, CROSS_ARMS + 0.1)),
    };
  return { kind: 'tick', confidence: Math.min(inked, notFill, stroke, ramp(crossing, CROSS_ARMS, CROSS_ARMS - 0.1)) };
}
