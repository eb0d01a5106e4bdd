import {
  darknessAt,
  latticeIndex,
  REACH,
  sampleLattice,
  STEPS_PER_RADIUS,
  type BubbleLattice,
} from './bubble-lattice.js';
import type { GreyImage } from './grey-image.js';

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

/** Measurements of a bubble, in darkness against the paper around it (0 paper … 1 black) and in radii. */
export interface MarkFeatures {
  /** The darkest ink inside the bubble (robust maximum): below 0.2 nothing was written there. */
  readonly ink: number;
  /** The typical darkness of what is inked: a pen fill near 0.9, light pencil 0.35. */
  readonly typical: number;
  /** Mean darkness of the inner disc: erasure residue lifts it a little above clean paper. */
  readonly mean: number;
  /**
   * Evenness of the ink over the bubble: the least-inked of 24 cells (12 sectors × 2 rings) and of 48 points round
   * the rim, as a share of the typical darkness. A complete fill leaves no part bare.
   */
  readonly evenness: number;
  /** Points (per hundredth of r²) with ink 0.2 r around them in every direction: solid ink, which strokes are not. */
  readonly solid: number;
  /** The longest inked run, out of 48, round the circle at 0.72 r: a partial fill hugging the rim inks a long arc. */
  readonly rimArc: number;
  /** Inked points (hundredths of r²) either side of the strongest straight stroke: fewer, more. */
  readonly beside: readonly [number, number];
}

/** Inside this radius (in r) the printed ring's ink never reaches, even blurred. */
const INNER = 0.7;
/** Faintest mark that is a mark: erasure residue stays below it, light pencil above. */
const INK_MIN = 0.2;
/** A complete fill is at least this even. */
const EVEN_FILL = 0.5;
/** A fill is at least this dark on average: light pencil is 0.35, erasure residue at most 0.15. */
const FILL_MIN = 0.24;
/**
 * Solid points plus a quarter of the rim arc, less the ink beside the strongest stroke: above the first a partial
 * fill, confidently so at the second; below it strokes.
 */
const PARTIAL = [0, 6] as const;
/** A cross has at least this share of its ink beside its strongest stroke on the emptier side as on the fuller. */
const CROSS_BALANCE = 0.3;

/**
 * Measures a bubble at (x, y) with radius r (pixels) and says what is in it. The rule of the source exam is that only
 * a completely filled bubble is an answer, and no threshold on darkness alone can tell a light complete fill from a
 * dark partial one; so the shape of the ink decides: a fill darkens every part of the bubble evenly, a partial fill is
 * solid ink that leaves part bare, ticks and crosses are thin strokes (no solid ink), and a cross is two straight
 * strokes through the middle where a tick has one.
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
  const inner = innerValues(lattice);
  const mean = inner.reduce((sum, value) => sum + value, 0) / inner.length;
  const sorted = [...inner].sort((a, b) => b - a);
  const ink = sorted[2] ?? 0;
  const inked = sorted.filter((value) => value >= ink / 2);
  const typical = inked[Math.floor(inked.length / 2)] ?? 0;
  const level = Math.max(typical / 2, 0.08);
  const mask = inkMask(lattice, level);
  return {
    beside: inkBeside(inkOnly(lattice, level)),
    ink,
    typical,
    mean,
    evenness: Math.min(weakestCell(lattice), weakestRim(lattice)) / Math.max(typical, 0.01),
    solid: solidPoints(mask),
    rimArc: longestRimArc(lattice, level),
  };
}

function* innerPoints(radius = INNER): Generator<[number, number]> {
  const limit = radius * STEPS_PER_RADIUS;
  for (let j = -REACH; j <= REACH; j += 1)
    for (let i = -REACH; i <= REACH; i += 1) if (Math.hypot(i, j) <= limit) yield [i, j];
}

function innerValues(lattice: BubbleLattice): number[] {
  return [...innerPoints()].map(([i, j]) => lattice.darkness[latticeIndex(i, j)] ?? 0);
}

/**
 * Which lattice points are inked. The printed ring and its blur (0.82–1.1 r) counts as inked whatever it reads, so that it never
 * makes a stroke crossing it look solid nor breaks the solid ink of a fill that runs up to it.
 */
function inkMask(lattice: BubbleLattice, level: number): Uint8Array {
  const mask = new Uint8Array(lattice.darkness.length);
  for (let j = -REACH; j <= REACH; j += 1) {
    for (let i = -REACH; i <= REACH; i += 1) {
      const rho = Math.hypot(i, j) / STEPS_PER_RADIUS;
      const index = latticeIndex(i, j);
      mask[index] = (rho >= 0.82 && rho <= 1.1) || (lattice.darkness[index] ?? 0) >= level ? 1 : 0;
    }
  }
  return mask;
}

/** Lattice points inked by the mark alone, inside the printed ring. */
function inkOnly(lattice: BubbleLattice, level: number): Uint8Array {
  const ink = new Uint8Array(lattice.darkness.length);
  for (const [i, j] of innerPoints(0.8)) {
    const index = latticeIndex(i, j);
    ink[index] = (lattice.darkness[index] ?? 0) >= level ? 1 : 0;
  }
  return ink;
}

function weakestCell(lattice: BubbleLattice): number {
  const sums = new Float64Array(24);
  const counts = new Float64Array(24);
  for (const [i, j] of innerPoints()) {
    if (i === 0 && j === 0) continue;
    const sector = Math.floor(((Math.atan2(j, i) + Math.PI) / (2 * Math.PI)) * 12) % 12;
    const cell = sector + (Math.hypot(i, j) < 0.4 * STEPS_PER_RADIUS ? 0 : 12);
    sums[cell] = (sums[cell] ?? 0) + (lattice.darkness[latticeIndex(i, j)] ?? 0);
    counts[cell] = (counts[cell] ?? 0) + 1;
  }
  let weakest = Infinity;
  for (let cell = 0; cell < 24; cell += 1) weakest = Math.min(weakest, (sums[cell] ?? 0) / (counts[cell] || 1));
  return weakest;
}

const rimSamples = (lattice: BubbleLattice, radius: number) =>
  Array.from({ length: 48 }, (_, k) => {
    const angle = (k / 48) * 2 * Math.PI;
    return darknessAt(lattice, Math.cos(angle) * radius, Math.sin(angle) * radius);
  });

function weakestRim(lattice: BubbleLattice): number {
  return Math.min(...rimSamples(lattice, 0.75));
}

function longestRimArc(lattice: BubbleLattice, level: number): number {
  const inked = rimSamples(lattice, 0.72).map((value) => value >= level);
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
] as const;

function solidPoints(mask: Uint8Array): number {
  let solid = 0;
  const limit = 0.85 * STEPS_PER_RADIUS;
  for (let j = -REACH + 2; j <= REACH - 2; j += 1) {
    for (let i = -REACH + 2; i <= REACH - 2; i += 1) {
      if (Math.hypot(i, j) > limit || !mask[latticeIndex(i, j)]) continue;
      if (AROUND.every(([di, dj]) => mask[latticeIndex(i + di, j + dj)])) solid += 1;
    }
  }
  return solid;
}

/**
 * How the ink lies either side of the strongest straight stroke (lines every 5° at offsets up to 0.4 r, scored on
 * their middle 1.4 r): inked points more than 0.25 r from it on the emptier side and on the fuller side. The second
 * stroke of a cross runs out on both sides; a tick's short arm leaves its long arm on one side only.
 */
function inkBeside(ink: Uint8Array): [number, number] {
  let best = { score: -1, ux: 1, uy: 0, offset: 0 };
  for (let degrees = 0; degrees < 180; degrees += 5) {
    const angle = (degrees * Math.PI) / 180;
    const [ux, uy] = [Math.cos(angle), Math.sin(angle)];
    for (let offset = -0.4; offset <= 0.41; offset += 0.1) {
      let score = 0;
      for (let t = -7; t <= 7; t += 1)
        score += ink[nearest((t / 10) * ux - offset * uy, (t / 10) * uy + offset * ux)] ?? 0;
      if (score > best.score) best = { score, ux, uy, offset };
    }
  }
  let [a, b] = [0, 0];
  for (const [i, j] of innerPoints(0.8)) {
    if (!ink[latticeIndex(i, j)]) continue;
    const across = -(i / STEPS_PER_RADIUS) * best.uy + (j / STEPS_PER_RADIUS) * best.ux - best.offset;
    if (across > 0.25) a += 1;
    else if (across < -0.25) b += 1;
  }
  return [Math.min(a, b), Math.max(a, b)];
}

const nearest = (u: number, v: number) =>
  latticeIndex(Math.round(u * STEPS_PER_RADIUS), Math.round(v * STEPS_PER_RADIUS));

const clamp01 = (value: number) => Math.max(0, Math.min(1, value));
/** 0 at `zeroAt`, 1 at `oneAt`: a reading halfway between is at the review boundary (0.5). */
const ramp = (value: number, zeroAt: number, oneAt: number) => clamp01((value - zeroAt) / (oneAt - zeroAt));

function decide(f: MarkFeatures): { kind: MarkKind; confidence: number } {
  if (f.ink < INK_MIN) return { kind: 'empty', confidence: ramp(f.ink, INK_MIN, INK_MIN - 0.06) };
  const inked = ramp(f.ink, INK_MIN, INK_MIN + 0.06);
  if (f.evenness >= EVEN_FILL && f.typical >= FILL_MIN)
    return {
      kind: 'filled',
      confidence: Math.min(
        inked,
        ramp(f.evenness, EVEN_FILL, EVEN_FILL + 0.12),
        ramp(f.typical, FILL_MIN, FILL_MIN + 0.06),
      ),
    };
  const notFill = Math.max(ramp(f.evenness, EVEN_FILL, EVEN_FILL - 0.2), ramp(f.typical, FILL_MIN, FILL_MIN - 0.06));
  // Solid ink, a long arc hugging the rim, and little ink away from the strongest stroke: a partial fill. A stroke
  // mark has little solid ink and a second arm off its main stroke.
  const solidity = f.solid + 0.25 * f.rimArc - f.beside[1];
  const partial = ramp(solidity, PARTIAL[0], PARTIAL[1]);
  const stroke = ramp(solidity, PARTIAL[0], PARTIAL[0] - (PARTIAL[1] - PARTIAL[0]) * 0.7);
  if (solidity > PARTIAL[0]) return { kind: 'partial', confidence: Math.min(inked, notFill, partial) };
  const [fewer, more] = f.beside;
  const balance = fewer / Math.max(more, 1);
  if (balance >= CROSS_BALANCE && fewer >= 2)
    return {
      kind: 'cross',
      confidence: Math.min(inked, notFill, stroke, ramp(balance, CROSS_BALANCE - 0.05, CROSS_BALANCE + 0.15)),
    };
  return {
    kind: 'tick',
    confidence: Math.min(inked, notFill, stroke, ramp(balance, CROSS_BALANCE, CROSS_BALANCE - 0.2)),
  };
}
