import type { GreyImage } from './grey-image.js';

/** What is in one bubble. Only `filled` is an answer; the others are kept and reported as what they are. */
export type MarkKind = 'filled' | 'partial' | 'tick' | 'cross' | 'empty';

export interface MarkReading {
  readonly kind: MarkKind;
  /** 0–1: how far the reading is from the nearest boundary between kinds; low confidence goes to review. */
  readonly confidence: number;
  readonly features: MarkFeatures;
  /** Faint darkness left in the bubble, as an erased mark leaves: a person should look when the question has another mark. */
  readonly possibleErasure?: true;
}

export interface MarkFeatures {
  /** Share of the inner disc that is inked. */
  readonly coverage: number;
  /** The least-inked of 16 cells (8 sectors × 2 rings) of the inner disc: a complete fill leaves none empty. */
  readonly weakestCell: number;
  /** Cells more than 90 % inked: solid ink, as a fill (even a partial one) leaves and a pen stroke does not. */
  readonly solidCells: number;
  /** Share of inked samples along each diagonal through the centre: a cross inks both. */
  readonly diagonals: readonly [number, number];
  /**
   * Share of the inked pixels (within 0.8 r) whose neighbours a quarter-radius away in all four directions are inked
   * too: high for solid ink (a fill, even a partial one), low for the thin strokes of ticks and crosses.
   */
  readonly interior: number;
  /**
   * The longest run of inked samples, out of 32, around the circle at 0.85 r: a partial fill that hugs the edge of the
   * bubble inks a long arc there; strokes only cross it.
   */
  readonly edgeArc: number;
}

/** The inner disc stays inside the printed ring, so the ring's own ink is never read as a mark. */
const INNER = 0.7;
/** A pixel is ink when it is this much darker than the paper around the bubble: light pencil counts, noise does not. */
const INK_CONTRAST = 45;

/**
 * Measures a bubble at (x, y) with radius r (pixels) and says what is in it. The rule of the source exam is that only
 * a completely filled bubble is an answer, and no threshold on darkness alone can tell a light complete fill from a
 * dark partial one; so the shape of the ink decides: a fill covers every cell of the disc, a partial fill leaves cells
 * bare, ticks and crosses are thin strokes (no solid cells), a cross inks both diagonals.
 */
export function classifyMark(image: GreyImage, x: number, y: number, r: number): MarkReading {
  const features = measure(image, x, y, r);
  return { ...decide(features), features };
}

function paperLevel(image: GreyImage, x: number, y: number, r: number): number {
  const samples: number[] = [];
  for (let i = 0; i < 32; i += 1) {
    const angle = (i / 32) * 2 * Math.PI;
    const distance = r * 1.45;
    samples.push(pixel(image, x + Math.cos(angle) * distance, y + Math.sin(angle) * distance));
  }
  samples.sort((a, b) => a - b);
  // The upper quartile: the paper, even when a stroke crosses out of the bubble.
  return samples[Math.floor(samples.length * 0.75)] ?? 255;
}

function pixel(image: GreyImage, x: number, y: number): number {
  const px = Math.round(x);
  const py = Math.round(y);
  if (px < 0 || py < 0 || px >= image.width || py >= image.height) return 255;
  return image.pixels[py * image.width + px] ?? 255;
}

function measure(image: GreyImage, x: number, y: number, r: number): MarkFeatures {
  const inkBelow = paperLevel(image, x, y, r) - INK_CONTRAST;
  const radius = r * INNER;
  const cells = Array.from({ length: 16 }, () => ({ ink: 0, all: 0 }));
  let ink = 0;
  let all = 0;
  for (let py = Math.floor(y - radius); py <= Math.ceil(y + radius); py += 1) {
    for (let px = Math.floor(x - radius); px <= Math.ceil(x + radius); px += 1) {
      const dx = px - x;
      const dy = py - y;
      const distance = Math.hypot(dx, dy);
      if (distance > radius) continue;
      const inked = pixel(image, px, py) < inkBelow ? 1 : 0;
      const sector = Math.floor(((Math.atan2(dy, dx) + Math.PI) / (2 * Math.PI)) * 8) % 8;
      const cell = cells[sector + (distance < radius * 0.5 ? 0 : 8)];
      if (cell) {
        cell.ink += inked;
        cell.all += 1;
      }
      ink += inked;
      all += 1;
    }
  }
  const cellCoverage = cells.map((cell) => (cell.all === 0 ? 1 : cell.ink / cell.all));
  const diagonal = (sign: number) => {
    let inked = 0;
    const steps = 24;
    for (let i = 0; i <= steps; i += 1) {
      const t = (i / steps - 0.5) * 2 * radius * 0.9;
      inked += pixel(image, x + t / Math.SQRT2, y + (sign * t) / Math.SQRT2) < inkBelow ? 1 : 0;
    }
    return inked / (steps + 1);
  };
  return {
    edgeArc: longestInkedArc(image, x, y, r * 0.85, inkBelow),
    interior: interiorShare(image, x, y, r, inkBelow),
    coverage: all === 0 ? 0 : ink / all,
    weakestCell: Math.min(...cellCoverage),
    solidCells: cellCoverage.filter((value) => value > 0.9).length,
    diagonals: [diagonal(1), diagonal(-1)],
  };
}

function longestInkedArc(image: GreyImage, x: number, y: number, radius: number, inkBelow: number): number {
  const samples = Array.from({ length: 32 }, (_, i) => {
    const angle = (i / 32) * 2 * Math.PI;
    return pixel(image, x + Math.cos(angle) * radius, y + Math.sin(angle) * radius) < inkBelow;
  });
  if (samples.every(Boolean)) return 32;
  let longest = 0;
  let run = 0;
  // Twice round, so that a run through the starting angle is counted whole.
  for (const inked of [...samples, ...samples]) {
    run = inked ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return Math.min(longest, 32);
}

function interiorShare(image: GreyImage, x: number, y: number, r: number, inkBelow: number): number {
  const radius = r * 0.8;
  const step = r * 0.22;
  const inked = (px: number, py: number) => pixel(image, px, py) < inkBelow;
  let ink = 0;
  let interior = 0;
  for (let py = Math.floor(y - radius); py <= Math.ceil(y + radius); py += 1) {
    for (let px = Math.floor(x - radius); px <= Math.ceil(x + radius); px += 1) {
      if (Math.hypot(px - x, py - y) > radius || !inked(px, py)) continue;
      ink += 1;
      if (inked(px + step, py) && inked(px - step, py) && inked(px, py + step) && inked(px, py - step)) interior += 1;
    }
  }
  return ink === 0 ? 0 : interior / ink;
}

const clamp01 = (value: number) => Math.max(0, Math.min(1, value));

function decide(f: MarkFeatures): { kind: MarkKind; confidence: number } {
  if (f.coverage < 0.03 && f.interior < 0.3 && f.edgeArc < 4)
    return { kind: 'empty', confidence: clamp01((0.03 - f.coverage) / 0.03 + 0.5) };
  if (f.weakestCell >= 0.7 && f.coverage >= 0.9) {
    // Complete: every cell inked. Confidence falls as the weakest cell nears the boundary.
    return { kind: 'filled', confidence: clamp01((f.weakestCell - 0.7) / 0.2) };
  }
  const [a, b] = f.diagonals;
  const bothDiagonals = Math.min(a, b);
  if (f.interior >= 0.3 || f.edgeArc >= 7) {
    // Solid ink that leaves cells bare: a partial fill. Uncertain when it nearly covers everything or is nearly thin.
    const solid = Math.max((f.interior - 0.3) / 0.2, (f.edgeArc - 7) / 5);
    return { kind: 'partial', confidence: clamp01(Math.min((0.7 - f.weakestCell) / 0.4, solid)) };
  }
  const thin = Math.min((0.25 - f.interior) / 0.2, (7 - f.edgeArc) / 3);
  if (bothDiagonals >= 0.35)
    return { kind: 'cross', confidence: clamp01(Math.min((bothDiagonals - 0.35) / 0.2, thin)) };
  // Thin strokes that are not a cross: a tick (or a scribble, which a person should look at).
  return { kind: 'tick', confidence: clamp01(Math.min((0.35 - bothDiagonals) / 0.2, thin, f.coverage / 0.06)) };
}
